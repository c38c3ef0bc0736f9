// The unit search behind "Your codes for units", rebuilt when the number of the user's suites changes (a suite just
// imported can be given codes at once).
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { UnitSearch } from '@/lib/search';
import { searchableUnits } from '@/lib/store';

export function useUnitSearch(suiteCount: number): UnitSearch | null {
  const [search, setSearch] = useState<UnitSearch | null>(null);
  useEffect(() => {
    void searchableUnits(pageDb()).then((units) => setSearch(new UnitSearch(units)));
  }, [suiteCount]);
  return search;
}
