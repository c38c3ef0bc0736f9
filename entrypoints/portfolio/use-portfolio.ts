// The portfolio page's data, read live: evidence (newest activity first), suites, units and the suites worked towards.
import { pageDb, useLiveQuery, type Live } from '@/lib/ext/live';
import type { CoverageUnit } from '@/lib/portfolio/coverage';
import type { Evidence } from '@/lib/portfolio/model';
import { getLearnerName, listSuites, listUnits, readPortfolio, type Portfolio } from '@/lib/store';

export interface PortfolioData {
  evidence: Evidence[];
  portfolio: Portfolio;
  suites: { id: string; title: string }[];
  units: CoverageUnit[];
  /** The suites the user works towards that are still installed. */
  working: string[];
  /** The learner's name for the evidence pack (null: not asked yet; '': left out). */
  learnerName: string | null;
}

async function load(): Promise<PortfolioData> {
  const db = pageDb();
  const [portfolio, suites, units, learnerName] = await Promise.all([
    readPortfolio(db),
    listSuites(db),
    listUnits(db),
    getLearnerName(db),
  ]);
  const known = new Set(suites.map((s) => s.id));
  return {
    evidence: portfolio.evidence.sort(
      (a, b) => b.activityDate.localeCompare(a.activityDate) || b.createdAt - a.createdAt,
    ),
    portfolio,
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    units: units.map((u) => ({ id: u.id, suiteId: u.suiteId, code: u.code, title: u.title })),
    working: portfolio.workingSuites.filter((id) => known.has(id)),
    learnerName,
  };
}

export function usePortfolio(): Live<PortfolioData> {
  return useLiveQuery(load, []);
}
