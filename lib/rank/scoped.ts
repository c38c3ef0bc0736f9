// Ranking within a scope: the units of the scope's suites ranked on their own, and the other suites' ranked apart, so
// that a list never mixes them (the popup shows the others under a collapsed heading; the command line after). Pure.
import { normaliseTitleKey } from '../dataset/codes';
import type { RankedUnit, Ranker, RankOptions } from './ranker';

export interface ScopedRanking {
  /** The scope's units, best first (every suite's when the scope is every suite). */
  inScope: RankedUnit[];
  /** The other suites' units, best first, without titles already listed in scope. */
  others: RankedUnit[];
}

/**
 * Ranks `text` twice over disjoint sets of suites: `scope` ([] = every suite, so nothing is "other") and the rest of
 * `allSuites`. A unit's score does not depend on which suites are asked for (they filter the scored units), so each
 * list ranks as the whole ranking would.
 */
export function rankScoped(
  ranker: Ranker,
  text: string,
  scope: readonly string[],
  allSuites: readonly string[],
  opts: Omit<RankOptions, 'suiteIds'> = {},
): ScopedRanking {
  const inScope = ranker.rank(text, { ...opts, suiteIds: scope });
  const rest = allSuites.filter((id) => !scope.includes(id));
  if (scope.length === 0 || rest.length === 0) return { inScope, others: [] };
  const listed = new Set(inScope.map((m) => normaliseTitleKey(m.title)));
  const others = ranker.rank(text, { ...opts, suiteIds: rest }).filter((m) => !listed.has(normaliseTitleKey(m.title)));
  return { inScope, others };
}
