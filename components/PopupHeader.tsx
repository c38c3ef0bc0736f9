// The popup's title, its links to the other NOS Lens pages, and the user's scope with a one-click Change.
import { useEffect, useRef } from 'preact/hooks';

export interface PopupHeaderProps {
  /** How the scope reads ("Teaching assistant"), or null before the user is asked. */
  scope: string | null;
  /** Whether the scope question is open now. */
  changing: boolean;
  /** Move the focus to Change (the question was just answered, and has gone). */
  focusChange: boolean;
  onChange: () => void;
}

export function PopupHeader({ scope, changing, focusChange, onChange }: PopupHeaderProps) {
  const change = useRef<HTMLButtonElement>(null);
  // Once the scope line shows the answer (the question has gone).
  const shown = scope !== null;
  useEffect(() => {
    if (focusChange && !changing && shown) change.current?.focus();
  }, [focusChange, changing, shown]);
  return (
    <header>
      <div class="top">
        <h1>NOS Lens</h1>
        <nav class="top-links" aria-label="NOS Lens pages">
          <a class="small" href="portfolio.html" target="_blank" rel="noopener">
            Portfolio
          </a>
          <a class="small" href="courses.html" target="_blank" rel="noopener">
            Courses
          </a>
          <a class="small" href="options.html" target="_blank" rel="noopener">
            Standards
          </a>
        </nav>
      </div>
      {scope !== null && (
        <p class="scope-line">
          Scope: <strong class="scope-name">{scope}</strong>{' '}
          <button
            ref={change}
            type="button"
            class="link small"
            aria-expanded={changing}
            aria-label={`Change your scope (now ${scope})`}
            onClick={onChange}
          >
            Change
          </button>
        </p>
      )}
    </header>
  );
}
