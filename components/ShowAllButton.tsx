// "Show all 12" / "Show fewer" under a compact list whose rows past the first few are hidden. Renders props only.
export interface ShowAllButtonProps {
  /** Rows in the list, and how many show while it is compact. */
  total: number;
  limit: number;
  expanded: boolean;
  /** The list's id (aria-controls). */
  controls: string;
  onToggle: () => void;
}

export function ShowAllButton({ total, limit, expanded, controls, onToggle }: ShowAllButtonProps) {
  if (total <= limit) return null;
  return (
    <button
      type="button"
      class="link small show-all"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      {expanded ? 'Show fewer' : `Show all ${total}`}
    </button>
  );
}
