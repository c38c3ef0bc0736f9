// The in-page card's frame, shared by the unit card and the evidence card: a dialog that Esc closes, the brand and a
// close button, its content, and the keyboard hint. Renders props only.
import type { ComponentChildren } from 'preact';

/**
 * The card lives inside the page, whose scripts synthesise clicks and keys. Its closed shadow root keeps them from
 * reaching the buttons; should anything get through, its actions still answer only to the user's own input (a real
 * click, or Enter/Space on a focused button, both trusted events).
 */
export const byUser = (e: Event, act: () => void) => {
  if (e.isTrusted) act();
};

export interface CardFrameProps {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
}

export function CardFrame({ label, onClose, children }: CardFrameProps) {
  return (
    <div
      class="card"
      role="dialog"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="card-head">
        <span class="brand">NOS Lens</span>
        <button type="button" class="close" aria-label="Close" onClick={(e) => byUser(e, onClose)}>
          ×
        </button>
      </div>
      {children}
      <p class="hint">Esc closes · Alt+Shift+K moves here from the page</p>
    </div>
  );
}
