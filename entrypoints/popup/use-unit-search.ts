// The lookup box: its query, the units it finds, and which one the arrow keys have made active.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ScopedSearch } from './scoped-search';

export function useUnitSearch(search: ScopedSearch | null, initialQuery: string, onOpen: (unitId: string) => void) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const results = useMemo(() => (search ? search.search(query, 30) : []), [search, query]);
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!results.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((active + 1) % results.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(results[active].unitId);
    }
  };
  // Shaped as LookupBox's props, so the page hands them straight over.
  return { query, results, active, ready: search !== null, onQuery: setQuery, onHover: setActive, onKeyDown };
}
