// The popup's one call into the lookup index, for the lookup box and the tag form alike, with the scope's suites.
import { useMemo } from 'preact/hooks';
import type { UnitResult, UnitSearch } from '@/lib/search';

/** What the popup's lookups need from the index. */
export type ScopedSearch = Pick<UnitSearch, 'search' | 'unit'>;

export function scopedSearch(search: UnitSearch, preferSuites: readonly string[]): ScopedSearch {
  return {
    search(query: string, limit?: number): UnitResult[] {
      // LEAD (issue 11, part 1 × part 4): lib/search.ts is gaining `search(query, { preferSuites })` (ties ordered by
      // scope) on another branch. Once it is merged, pass `preferSuites` here: this is the only call site, so the
      // lookup box and the tag form both follow the scope. Until then the scope does not order search results.
      void preferSuites;
      return search.search(query, limit);
    },
    unit: (id: string) => search.unit(id),
  };
}

/** The index with the scope's suites, rebuilt only when they change. */
export function useScopedSearch(search: UnitSearch | null, preferSuites: readonly string[]): ScopedSearch | null {
  const key = preferSuites.join('\n');
  return useMemo(() => (search ? scopedSearch(search, preferSuites) : null), [search, key]);
}
