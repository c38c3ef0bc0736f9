// The portfolio page's data, read live: evidence (newest activity first), suites, units and the user's scope (the
// suites coverage shows).
import { pageDb, useLiveQuery, type Live } from '@/lib/ext/live';
import type { CoverageUnit } from '@/lib/portfolio/coverage';
import type { Evidence } from '@/lib/portfolio/model';
import { describeScope } from '@/lib/dataset/scope';
import { withLinkedCaptureUnits } from '@/lib/capture/link';
import { unitCriteria } from '@/lib/portfolio/criteria';
import { getScope, listSuites, listUnits, readPortfolio, type Portfolio } from '@/lib/store';

export interface PortfolioData {
  evidence: Evidence[];
  portfolio: Portfolio;
  suites: { id: string; title: string }[];
  units: CoverageUnit[];
  /** The suites in the user's scope that are still installed ([] = every suite). */
  working: string[];
  /** How the scope reads ("Teaching assistant"), or null before the user is asked. */
  scopeLabel: string | null;
  /** The learner's name for the evidence pack (null: not asked yet; '': left out). */
  learnerName: string | null;
}

async function load(): Promise<PortfolioData> {
  const db = pageDb();
  const [portfolio, suites, units, scope] = await Promise.all([
    readPortfolio(db),
    listSuites(db),
    listUnits(db),
    getScope(db),
  ]);
  const known = new Set(suites.map((s) => s.id));
  const titles = new Map(suites.map((s) => [s.id, s.title]));
  return {
    evidence: portfolio.evidence.sort(
      (a, b) => b.activityDate.localeCompare(a.activityDate) || b.createdAt - a.createdAt,
    ),
    portfolio,
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    // Coverage counts a linked captured standard's criteria under the bundled unit.
    units: withLinkedCaptureUnits(units).map((u) => ({
      id: u.id,
      suiteId: u.suiteId,
      code: u.code,
      title: u.title,
      criteria: unitCriteria(u),
    })),
    working: portfolio.workingSuites.filter((id) => known.has(id)),
    scopeLabel: scope.asked ? describeScope(scope, titles) : null,
    learnerName: portfolio.learnerName,
  };
}

export function usePortfolio(): Live<PortfolioData> {
  return useLiveQuery(load, []);
}
