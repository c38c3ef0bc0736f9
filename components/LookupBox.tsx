// The popup's unit lookup: the search box, and the units it finds or why it finds none. Renders props only.
import { UnitResults } from './UnitResults';
import type { UnitResult } from '@/lib/search';

export interface LookupBoxProps {
  query: string;
  results: UnitResult[];
  /** The result the arrow keys have made active. */
  active: number;
  /** Whether the search index is built (until then an empty result means nothing). */
  ready: boolean;
  onQuery: (query: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onOpen: (unitId: string) => void;
  onHover: (index: number) => void;
}

export function LookupBox({ query, results, active, ready, onQuery, onKeyDown, onOpen, onHover }: LookupBoxProps) {
  return (
    <>
      <input
        autoFocus
        type="search"
        class="lookup"
        placeholder="Look up a unit: WP 301, GCU 1, transitions…"
        aria-label="Look up a unit"
        aria-controls={results.length ? 'results' : undefined}
        aria-activedescendant={results.length ? `results-${active}` : undefined}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {query.trim() && ready && results.length === 0 && (
        <p class="status">No unit matches “{query.trim()}”. Try a code (WP 301) or fewer words.</p>
      )}
      {query.trim() && results.length > 0 && (
        <UnitResults id="results" results={results} active={active} onOpen={onOpen} onHover={onHover} />
      )}
    </>
  );
}
