// The units the highlighter found on the current page, with counts. Renders props only.
import type { FoundUnit } from '@/lib/messages';

export interface FoundListProps {
  units: FoundUnit[];
  onOpen: (unitId: string) => void;
  onTag: (unitId: string) => void;
}

export function FoundList({ units, onOpen, onTag }: FoundListProps) {
  return (
    <ul class="found-list" aria-label="Units on this page">
      {units.map((u) => (
        <li key={u.unitId} data-unit-id={u.unitId}>
          <button type="button" class="link" onClick={() => onOpen(u.unitId)} title="Open this unit">
            {u.code && <span class="code">{u.code}</span>} {u.title}
            <span class="result-meta"> · {u.suiteTitle}</span>
          </button>
          {u.close === u.count && (
            <span class="close-note" title="The page prints a title close to this unit's, not its code or exact title">
              close title
            </span>
          )}
          <span class="count" data-count={u.count} title="References on this page">
            ×{u.count}
          </span>
          <button
            type="button"
            class="small"
            onClick={() => onTag(u.unitId)}
            aria-label={`Tag this page for ${u.title}`}
          >
            Tag
          </button>
        </li>
      ))}
    </ul>
  );
}
