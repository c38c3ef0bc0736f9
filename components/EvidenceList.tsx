// Renders evidence items: the page, its units (linked to their unit pages), type, date, tags, quote and note, with
// Edit and Delete buttons that report back to the caller.
import type { ComponentChildren } from 'preact';
import type { Evidence } from '@/lib/portfolio/model';
import { shortDate } from '@/lib/dates';
import { TYPE_LABEL } from './TagForm';

export interface EvidenceListProps {
  evidence: Evidence[];
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  /** An editor shown in place of one item's buttons. */
  editor?: { id: string; node: ComponentChildren } | null;
}

function host(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function EvidenceList({ evidence, onEdit, onDelete, editor }: EvidenceListProps) {
  return (
    <ul class="evidence-list">
      {evidence.map((e) => {
        const name = e.pageTitle || e.url;
        return (
          <li key={e.id} data-evidence-id={e.id}>
            <div class="evidence-head">
              <a href={e.url} target="_blank" rel="noreferrer noopener" class="evidence-title">
                {name}
              </a>
              <span class="meta">
                {' '}
                · {TYPE_LABEL[e.type]} · {shortDate(e.activityDate)} · {host(e.url)}
              </span>
            </div>
            <ul class="chips" aria-label="Units">
              {e.units.map((u) => (
                <li key={u.unitId}>
                  <a href={`unit.html?id=${encodeURIComponent(u.unitId)}`} title={u.suiteTitle}>
                    {u.code ? <span class="code">{u.code}</span> : null} {u.title}
                  </a>
                </li>
              ))}
            </ul>
            {e.tags.length > 0 && (
              <p class="tags">
                {e.tags.map((t) => (
                  <span key={t} class="tag">
                    #{t}
                  </span>
                ))}
              </p>
            )}
            {e.quote && <blockquote class="quote">“{e.quote.exact}”</blockquote>}
            {e.note && <p class="note">{e.note}</p>}
            {editor?.id === e.id ? (
              <div class="edit-panel">{editor.node}</div>
            ) : (
              <div class="actions">
                <button type="button" class="small" onClick={() => onEdit(e.id)} aria-label={`Edit “${name}”`}>
                  Edit
                </button>
                <button type="button" class="small" onClick={() => onDelete(e.id)} aria-label={`Delete “${name}”`}>
                  Delete
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
