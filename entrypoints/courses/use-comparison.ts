// The comparison as the user narrows and sorts it: which suites' units (scope), only units some course covers, the
// course column sorted by; and its CSV export.
import { useMemo, useState } from 'preact/hooks';
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { compareCourses, comparisonCsv, sortRows } from '@/lib/portfolio/compare';
import { useCourseMatches } from './use-course-matches';
import type { CoursesData } from './use-courses';

/** 'working' = the suites the user works towards; 'all'; or one suite id. */
export type Scope = string;

export function useComparison(data: CoursesData) {
  const [chosenScope, setScope] = useState<Scope | null>(null);
  const [coveredOnly, setCoveredOnly] = useState(true);
  const [sortedBy, setSortedBy] = useState<number | null>(null);
  // Until the user picks, the suites worked towards when there are any.
  const scope = chosenScope ?? (data.working.length ? 'working' : 'all');
  const matches = useCourseMatches(data);

  const comparison = useMemo(() => {
    const inScope = (unitId: string) => {
      const suite = data.unitSuite.get(unitId) ?? '';
      if (scope === 'all') return true;
      if (scope === 'working') return data.working.includes(suite);
      return suite === scope;
    };
    return compareCourses(
      data.courses,
      data.units.filter((u) => inScope(u.unitId)),
      matches,
    );
  }, [data, scope, matches]);

  const rows = useMemo(() => {
    const visible = coveredOnly ? comparison.rows.filter((r) => r.cells.some((c) => c !== 'none')) : comparison.rows;
    return sortRows(visible, sortedBy, true);
  }, [comparison, coveredOnly, sortedBy]);

  /** The rows as shown (scope, filter and order), one column per course. */
  const exportCsv = () => {
    const shown = compareCourses(comparison.courses, rows, matches);
    downloadText(comparisonCsv(shown), `nos-lens-courses-${localDate()}.csv`, 'text/csv;charset=utf-8');
  };

  return { scope, setScope, coveredOnly, setCoveredOnly, sortedBy, setSortedBy, comparison, rows, exportCsv };
}
