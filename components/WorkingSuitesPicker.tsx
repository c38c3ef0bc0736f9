// The suites the user works towards, as checkboxes in a disclosure; open at first only when none is chosen, and after
// that left as the user leaves it (ticking several in a row must not close it under their hand).
import { useRef } from 'preact/hooks';

export interface WorkingSuitesPickerProps {
  suites: { id: string; title: string }[];
  working: string[];
  onToggle: (suiteId: string, on: boolean) => void;
}

export function WorkingSuitesPicker({ suites, working, onToggle }: WorkingSuitesPickerProps) {
  const open = useRef(working.length === 0);
  return (
    <section aria-labelledby="h-working">
      <details open={open.current} onToggle={(e) => (open.current = e.currentTarget.open)}>
        <summary>
          <h2 id="h-working">Suites I work towards</h2>{' '}
          <span class="meta">
            {working.length === 0 ? '(none chosen: showing all suites)' : `(${working.length} of ${suites.length})`}
          </span>
        </summary>
        <p class="meta">Pick the suites of your qualification, so coverage shows only their units.</p>
        <ul class="working-suites">
          {suites.map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  name="working"
                  value={s.id}
                  checked={working.includes(s.id)}
                  onChange={(e) => onToggle(s.id, e.currentTarget.checked)}
                />{' '}
                {s.title}
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
