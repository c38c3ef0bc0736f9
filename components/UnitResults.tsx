// Search results for the popup's lookup: code, title, suite and where the text matched. Renders props only.
import { fieldLabel, type UnitHit } from '@/lib/search';

export interface UnitResultsProps {
  id: string;
  hits: UnitHit[];
  active: number;
  onOpen: (unitId: string) => void;
  onHover: (index: number) => void;
}

export function UnitResults({ id, hits, active, onOpen, onHover }: UnitResultsProps) {
  return (
    <ul class="results" id={id} role="listbox" aria-label="Matching units">
      {hits.map((h, i) => (
        <li
          key={h.unitId}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          data-unit-id={h.unitId}
          onMouseEnter={() => onHover(i)}
          onClick={() => onOpen(h.unitId)}
        >
          <div class="result-title">
            {h.code && <span class="code">{h.code}</span>} {h.title}
          </div>
          <div class="result-meta">
            {h.suiteTitle}
            {h.where.length > 0 && <> · matched in {h.where.map((w) => fieldLabel(w.field)).join(', ')}</>}
          </div>
          {h.where
            .filter((w) => w.excerpt)
            .slice(0, 1)
            .map((w) => (
              <div class="result-excerpt" key={w.field}>
                {w.excerpt}
              </div>
            ))}
        </li>
      ))}
    </ul>
  );
}
