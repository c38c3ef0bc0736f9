// The suites in the user's scope, as checkboxes in a disclosure headed by the scope's name; open at first only when
// none is chosen, and after that left as the user leaves it (ticking several in a row must not close it under their
// hand). The roles are chosen in the popup; here the user adjusts the suites they give.
import { useRef } from 'preact/hooks';

export interface WorkingSuitesPickerProps {
  suites: { id: string; title: string }[];
  working: string[];
  /** How the scope reads ("Teaching assistant"), or null before the user is asked. */
  scope: string | null;
  onToggle: (suiteId: string, on: boolean) => void;
}

export function WorkingSuitesPicker({ suites, working, scope, onToggle }: WorkingSuitesPickerProps) {
  const open = useRef(working.length === 0);
  const count =
    working.length === 0 ? 'none ticked: showing all suites' : `${working.length} of ${suites.length} suites`;
  return (
    <section aria-labelledby="h-working">
      <details open={open.current} onToggle={(e) => (open.current = e.currentTarget.open)}>
        <summary>
          <h2 id="h-working">Your scope{scope ? `: ${scope}` : ''}</h2> <span class="meta">({count})</span>
        </summary>
        <p class="meta">
          Coverage shows these suites, and the popup’s Matches and the course comparison list them first. Choose your
          role with <em>Change</em> beside the scope in the popup, or tick suites here.
        </p>
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
