// The in-page card over a quote the user saved as evidence: that it is in their portfolio, and a way there. Renders
// props only; like the unit card, it acts on the user's own (trusted) input only.
export interface EvidenceCardProps {
  /** The quote as the page shows it. */
  matched: string;
  onOpenPortfolio: () => void;
  onClose: () => void;
}

/** Longest quote shown on the card (the whole of it is in the portfolio). */
const SHOWN = 200;

const byUser = (e: Event, act: () => void) => {
  if (e.isTrusted) act();
};

export function EvidenceCard({ matched, onOpenPortfolio, onClose }: EvidenceCardProps) {
  const shown = matched.length > SHOWN ? `${matched.slice(0, SHOWN - 1).trimEnd()}…` : matched;
  return (
    <div
      class="card"
      role="dialog"
      aria-label="NOS Lens: a quote in your portfolio"
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
      <section class="evidence" data-card="evidence">
        <h2>In your portfolio</h2>
        <p class="muted">You saved this quote as evidence:</p>
        <blockquote>“{shown}”</blockquote>
        <div class="actions">
          <button type="button" class="open" onClick={(e) => byUser(e, onOpenPortfolio)}>
            Open in portfolio
          </button>
        </div>
      </section>
      <p class="hint">Esc closes · Alt+Shift+K moves here from the page</p>
    </div>
  );
}
