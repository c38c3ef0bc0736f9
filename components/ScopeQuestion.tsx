// "What do you work as or towards?": the roles as a compact multi-select, with "Show everything" (which stands alone)
// and "Skip for now" on first use, or Cancel when reopened from the header. Holds only its own ticks.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RoleId } from '@/lib/dataset/scope';

export interface ScopeQuestionProps {
  roles: readonly { id: RoleId; label: string }[];
  /** Ticked when the question opens (the current roles, when reopened). */
  chosen: readonly RoleId[];
  /** Reopened with Change (Cancel instead of Skip, and the first role takes the focus). */
  changing: boolean;
  saving: boolean;
  error: string | null;
  onAnswer: (roles: RoleId[]) => void;
  /** First use: "Skip for now" (counts as asked); reopened: Cancel. */
  onSkip: () => void;
}

const EVERYTHING: RoleId = 'everything';

export function ScopeQuestion({ roles, chosen, changing, saving, error, onAnswer, onSkip }: ScopeQuestionProps) {
  const [ticked, setTicked] = useState<RoleId[]>([...chosen]);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (changing) first.current?.focus();
  }, [changing]);

  // "Show everything" and the roles exclude each other: ticking one clears the other kind.
  const toggle = (id: RoleId, on: boolean) => {
    setProblem(null);
    if (!on) setTicked(ticked.filter((x) => x !== id));
    else if (id === EVERYTHING) setTicked([EVERYTHING]);
    else setTicked([...ticked.filter((x) => x !== EVERYTHING), id]);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (ticked.length === 0) setProblem('Tick at least one, or choose “Skip for now”.');
    else onAnswer(ticked);
  };

  return (
    <section class="scope-question" aria-label="Your scope">
      <form onSubmit={submit}>
        <fieldset>
          <legend>What do you work as or towards?</legend>
          <p class="meta">Your suites’ units are listed first. Tick all that apply.</p>
          <ul class="scope-roles">
            {roles.map((r, i) => (
              <li key={r.id}>
                <label>
                  <input
                    ref={i === 0 ? first : undefined}
                    type="checkbox"
                    name="role"
                    value={r.id}
                    checked={ticked.includes(r.id)}
                    onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                  />{' '}
                  {r.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={saving}>
            Use this scope
          </button>
          <button type="button" onClick={onSkip} disabled={saving}>
            {changing ? 'Cancel' : 'Skip for now'}
          </button>
        </div>
        {(problem ?? error) && (
          <p class="error" role="alert">
            {problem ?? error}
          </p>
        )}
      </form>
    </section>
  );
}
