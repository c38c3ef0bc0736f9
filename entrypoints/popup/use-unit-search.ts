// The lookup box: its query, what the search answers, and which listed unit the arrow keys have made active.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listedUnits, type UnitSearch } from '@/lib/search';

/**
 * `preferSuites`: suite ids whose units come first among near-ties (the user's scope); none by default. Only its
 * contents matter, not the array's identity.
 */
export function useUnitSearch(
  search: UnitSearch | null,
  initialQuery: string,
  onOpen: (unitId: string) => void,
  preferSuites: readonly string[] = [],
) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const preferKey = preferSuites.join('\n');
  const answer = useMemo(
    () => (search ? search.search(query, { limit: 30, preferSuites: preferKey ? preferKey.split('\n') : [] }) : null),
    [search, query, preferKey],
  );
  // The units on screen, whichever case the answer is: results, the nearest codes, or the "perhaps" ones.
  const units = answer ? listedUnits(answer) : [];
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!units.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((active + 1) % units.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((active - 1 + units.length) % units.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(units[Math.min(active, units.length - 1)].unitId);
    }
  };
  // Shaped as LookupBox's props, so the page hands them straight over.
  return { query, answer, active, onQuery: setQuery, onHover: setActive, onKeyDown };
}
