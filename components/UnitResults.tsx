// A list of units the lookup offers (its results, the nearest codes, or the "perhaps" ones): code, title, suite and
// where the text matched. Renders props only.
import { fieldLabel, type UnitResult } from '@/lib/search';

export interface UnitResultsProps {
  id: string;
  /** The list's accessible name: "Matching units", "Perhaps"… */
  label: string;
  results: UnitResult[];
  active: number;
  onOpen: (unitId: string) => void;
  onHover: (index: number) => void;
}

export function UnitResults({ id, label, results, active, onOpen, onHover }: UnitResultsProps) {
  return (
    <ul class="results" id={id} role="listbox" aria-label={label}>
      {results.map((r, i) => (
        <li
          key={r.unitId}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          data-unit-id={r.unitId}
          onMouseEnter={() => onHover(i)}
          onClick={() => onOpen(r.unitId)}
        >
          <div class="result-title">
            {r.code && <span class="code">{r.code}</span>} {r.title}
          </div>
          <div class="result-meta">
            {r.suiteTitle}
            {r.where.length > 0 && <> · matched in {r.where.map((w) => fieldLabel(w.field)).join(', ')}</>}
          </div>
          {r.where
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
