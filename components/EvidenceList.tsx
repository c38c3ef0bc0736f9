// Renders evidence items: the page, its units (linked to their unit pages), type, date, tags, quote and note, with
// Edit and Delete buttons that report back to the caller.
import type { ComponentChildren } from 'preact';
import { documentLabel, viewerLink, type Evidence } from '@/lib/portfolio/model';
import { criterionLabel } from '@/lib/portfolio/criteria';
import { shortDate } from '@/lib/dates';
import { TYPE_LABEL } from './TagForm';

export interface EvidenceListProps {
  evidence: Evidence[];
  /** Edit and Delete buttons report here; without them the list is read-only (a learner's pack under review). */
  onEdit?: (id: string) => void;
  onDelete?: (id: string) => void;
  /** An editor shown in place of one item's buttons. */
  editor?: { id: string; node: ComponentChildren } | null;
  /** Opens the file attached to an evidence (it is read from the database). */
  onOpenFile?: (e: Evidence) => void;
}

/** `3 hours`, `1.5 hours`, `1 hour`. */
export function hoursText(hours: number): string {
  return `${hours.toLocaleString('en-GB')} ${hours === 1 ? 'hour' : 'hours'}`;
}

function host(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function EvidenceList({ evidence, onEdit, onDelete, editor, onOpenFile }: EvidenceListProps) {
  return (
    <ul class="evidence-list">
      {evidence.map((e) => {
        const name = e.pageTitle || e.url || 'Untitled evidence';
        // A quote from a document opens in the viewer at its page; a file from disk has no address to open.
        const href = e.url && e.document ? viewerLink(e.url, e.document.page) : e.url;
        return (
          <li key={e.id} data-evidence-id={e.id}>
            <div class="evidence-head">
              {href ? (
                <a href={href} target="_blank" rel="noreferrer noopener" class="evidence-title">
                  {name}
                </a>
              ) : (
                <strong class="evidence-title">{name}</strong>
              )}
              <span class="meta">
                {' '}
                · {TYPE_LABEL[e.type]} · {shortDate(e.activityDate)}
                {e.url ? ` · ${host(e.url)}` : ''}
                {e.hours !== null ? ` · ${hoursText(e.hours)}` : ''}
              </span>
            </div>
            {e.document && <p class="document-ref">{documentLabel(e.document, e.pageTitle)}</p>}
            <ul class="chips" aria-label="Units">
              {e.units.map((u) => (
                <li key={u.unitId}>
                  <a href={`unit.html?id=${encodeURIComponent(u.unitId)}`} title={u.suiteTitle}>
                    {u.code ? <span class="code">{u.code}</span> : null} {u.title}
                  </a>
                  {e.criteria.some((c) => c.unitId === u.unitId) && (
                    <span class="criteria-shown" data-criteria-of={u.unitId}>
                      {' '}
                      (
                      {e.criteria
                        .filter((c) => c.unitId === u.unitId)
                        .map((c) => criterionLabel(c))
                        .join(', ')}
                      )
                    </span>
                  )}
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
            {e.attachment && (
              <p class="attachment">
                Attached:{' '}
                {onOpenFile ? (
                  <button type="button" class="link" onClick={() => onOpenFile(e)} data-file-id={e.attachment.fileId}>
                    {e.attachment.name}
                  </button>
                ) : (
                  e.attachment.name
                )}{' '}
                <span class="meta">
                  ({Math.max(1, Math.round(e.attachment.size / 1024)).toLocaleString('en-GB')} KB)
                </span>
              </p>
            )}
            {editor?.id === e.id ? (
              <div class="edit-panel">{editor.node}</div>
            ) : onEdit && onDelete ? (
              <div class="actions">
                <button type="button" class="small" onClick={() => onEdit(e.id)} aria-label={`Edit “${name}”`}>
                  Edit
                </button>
                <button type="button" class="small" onClick={() => onDelete(e.id)} aria-label={`Delete “${name}”`}>
                  Delete
                </button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
