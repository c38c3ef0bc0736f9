// The search index, suite titles and ranker, built once per popup from the database once it is seeded.
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { UnitSearch } from '@/lib/search';
import { assembleSuites, searchableUnits } from '@/lib/store';
import { errorMessage } from '@/lib/errors';
import { buildRanker, type Ranker } from '@/lib/rank/ranker';
import { withLinkedCaptures } from '@/lib/capture/link';

export interface Ranking {
  ranker: Ranker;
  /** Every suite installed (those outside the scope are ranked apart). */
  allSuites: string[];
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
      const [units, suites] = await Promise.all([searchableUnits(db), assembleSuites(db)]);
      setSearch(new UnitSearch(units));
      setSuiteTitles(new Map(suites.map((s) => [s.id, s.title])));
      // A bundled unit linked to a captured standard is ranked with the captured criteria and knowledge.
      setRanking({ ranker: buildRanker(withLinkedCaptures(suites)), allSuites: suites.map((s) => s.id) });
    })().catch((e: unknown) => setError(errorMessage(e)));
  }, [seeded]);
  return { search, suiteTitles, ranking, error };
}
