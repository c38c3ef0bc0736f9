// The portfolio's filters (suite, tag, type, dates, words) and what passes them: the evidence shown and its coverage.
import { useMemo, useState } from 'preact/hooks';
import { allTags, filterEvidence, suiteCoverage } from '@/lib/portfolio/coverage';
import type { EvidenceFilterValues } from '@/components/EvidenceFilters';
import type { PortfolioData } from './use-portfolio';

const NO_FILTERS: EvidenceFilterValues = { suite: '', tag: '', type: '', from: '', to: '', search: '' };

export function useEvidenceFilters(data: PortfolioData) {
  const [values, setValues] = useState<EvidenceFilterValues>(NO_FILTERS);
  const { suite, tag, type, from, to, search } = values;

  const unitSuite = useMemo(() => new Map(data.units.map((u) => [u.id, u.suiteId])), [data.units]);
  // One suite when filtered to it; else the suites worked towards, or every suite when none is chosen.
  const shownSuites = useMemo(() => {
    if (suite) return data.suites.filter((s) => s.id === suite);
    return data.working.length ? data.suites.filter((s) => data.working.includes(s.id)) : data.suites;
  }, [data, suite]);
  const filtered = useMemo(
    () => filterEvidence(data.evidence, { suiteIds: suite ? [suite] : [], tag, type, from, to, search }, unitSuite),
    [data, suite, tag, type, from, to, search, unitSuite],
  );
  const coverage = useMemo(() => suiteCoverage(shownSuites, data.units, filtered), [data, shownSuites, filtered]);
  const tags = useMemo(() => allTags(data.evidence), [data.evidence]);

  return {
    values,
    change: (patch: Partial<EvidenceFilterValues>) => setValues((v) => ({ ...v, ...patch })),
    clear: () => setValues(NO_FILTERS),
    /** Whether any filter narrows what is shown (blank words do not). */
    filtering: Boolean(suite || tag || type || from || to || search.trim()),
    filtered,
    coverage,
    tags,
  };
}
