// The in-page card over a quote the user saved as evidence: that it is in their portfolio, and a way there. Renders
// props only; like the unit card, it acts on the user's own (trusted) input only.
import { CardFrame, byUser } from './CardFrame';

export interface EvidenceCardProps {
  /** The quote as the page shows it. */
  matched: string;
  onOpenPortfolio: () => void;
  onClose: () => void;
}

/** Longest quote shown on the card (the whole of it is in the portfolio). */
const SHOWN = 200;

export function EvidenceCard({ matched, onOpenPortfolio, onClose }: EvidenceCardProps) {
  const shown = matched.length > SHOWN ? `${matched.slice(0, SHOWN - 1).trimEnd()}…` : matched;
  return (
    <CardFrame label="NOS Lens: a quote in your portfolio" onClose={onClose}>
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
    </CardFrame>
  );
}
