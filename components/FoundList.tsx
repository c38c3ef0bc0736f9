// The units the highlighter found on the current page, with counts: the first few, and the rest on request. Holds
// only whether it is expanded.
import { useState } from 'preact/hooks';
import type { FoundUnit } from '@/lib/messages';
import { ShowAllButton } from './ShowAllButton';

export interface FoundListProps {
  units: FoundUnit[];
  /** Rows shown until "Show all" (default 4). */
  limit?: number;
  onOpen: (unitId: string) => void;
  onTag: (unitId: string) => void;
  /** What the units are found in: "page" (the default) or "document" (the viewer). */
  what?: string;
}

const LIST_ID = 'found-units';

export function FoundList({ units, limit = 4, onOpen, onTag, what = 'page' }: FoundListProps) {
  const [expanded, setExpanded] = useState(false);
  return (
    <>
      <ul id={LIST_ID} class="found-list" aria-label={`Units ${what === 'page' ? 'on' : 'in'} this ${what}`}>
        {units.map((u, i) => (
          <li key={u.unitId} data-unit-id={u.unitId} hidden={!expanded && i >= limit}>
            <button type="button" class="link unit-title" onClick={() => onOpen(u.unitId)} title="Open this unit">
              {u.code && <span class="code">{u.code}</span>} {u.title}
              <span class="result-meta unit-suite">{u.suiteTitle}</span>
            </button>
            {u.close === u.count && (
              <span
                class="close-note"
                title={`The ${what} prints a title close to this unit's, not its code or exact title`}
              >
                close title
              </span>
            )}
            <span class="count" data-count={u.count} title={`References ${what === 'page' ? 'on' : 'in'} this ${what}`}>
              ×{u.count}
            </span>
            <button
              type="button"
              class="small"
              onClick={() => onTag(u.unitId)}
              aria-label={`Tag this ${what} for ${u.title}`}
            >
              Tag
            </button>
          </li>
        ))}
      </ul>
      <ShowAllButton
        total={units.length}
        limit={limit}
        expanded={expanded}
        controls={LIST_ID}
        onToggle={() => setExpanded(!expanded)}
      />
    </>
  );
}
