// The search index, suite titles and ranker, built once per popup from the database once it is seeded.
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { UnitSearch } from '@/lib/search';
import { assembleSuites, getWorkingSuites, searchableUnits } from '@/lib/store';
import { errorMessage } from '@/lib/errors';
import { buildRanker, type Ranker } from '@/lib/rank/ranker';

export interface Ranking {
  ranker: Ranker;
  /** The suites the user works towards (none: every suite). */
  suiteIds: string[];
}

export function useStandards(seeded: boolean) {
  const [search, setSearch] = useState<UnitSearch | null>(null);
  const [suiteTitles, setSuiteTitles] = useState<Map<string, string>>(new Map());
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!seeded) return;
    void (async () => {
      // Extension pages read the database directly rather than asking the background.
      const db = pageDb();
      const [units, suites, working] = await Promise.all([
        searchableUnits(db),
        assembleSuites(db),
        getWorkingSuites(db),
      ]);
      setSearch(new UnitSearch(units));
      setSuiteTitles(new Map(suites.map((s) => [s.id, s.title])));
      setRanking({ ranker: buildRanker(suites), suiteIds: working });
    })().catch((e: unknown) => setError(errorMessage(e)));
  }, [seeded]);
  return { search, suiteTitles, ranking, error };
}
