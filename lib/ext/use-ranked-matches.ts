// A text ranked against the units for a Matches list (the popup's page, the viewer's document): the scope's suites
// first and the others apart, ranked again when the scope changes, filtered by one suite on request.
import { useMemo, useState } from 'preact/hooks';
import type { Ranker } from '@/lib/rank/ranker';
import { rankScoped } from '@/lib/rank/scoped';

interface RankingInput {
  ranker: Ranker;
  allSuites: readonly string[];
}

export function useRankedMatches(
  ranking: RankingInput | null,
  /** The text to rank (null while it is read). */
  text: string | null,
  /** Units the text names, with how often: they weigh in the ranking. */
  explicit: ReadonlyMap<string, number> | null,
  /** The suites in scope ([] = every suite; null while the scope is read). */
  scopeSuites: readonly string[] | null,
) {
  const [suite, setSuite] = useState('');
  // Ranked again when the text or the scope changes (the text is not read again for a new scope); the named units
  // are read with the text, so they do not trigger a ranking of their own.
  const scopeKey = scopeSuites?.join('\n') ?? null;
  const ranked = useMemo(() => {
    if (!ranking || text === null || !scopeSuites) return null;
    return rankScoped(ranking.ranker, text, scopeSuites, ranking.allSuites, {
      explicit: new Map(explicit ?? []),
      limit: 40,
    });
  }, [ranking, text, scopeKey]);
  // A suite chosen in the filter that the new scope no longer lists falls back to all of them.
  const inScope = ranked?.inScope ?? null;
  const suites = useMemo(() => [...new Set((inScope ?? []).map((m) => m.suiteId))], [inScope]);
  const filter = suites.includes(suite) ? suite : '';
  const listed = useMemo(
    () => (inScope ?? []).filter((m) => !filter || m.suiteId === filter).slice(0, 10),
    [inScope, filter],
  );
  return {
    ranked,
    inScope,
    /** The other suites' matches (none when the scope is every suite). */
    others: (ranked?.others ?? []).slice(0, 20),
    /** Every match, the scope's first (for the tag form's suggestions). */
    all: ranked ? [...ranked.inScope, ...ranked.others] : null,
    suites,
    filter,
    listed,
    setSuite,
  };
}
