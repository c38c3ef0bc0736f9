// How many units, suites and frameworks the database holds, opening onto the suites. Renders props only.
import { SuiteList } from './SuiteList';
import type { SuiteSummary } from '@/lib/dataset/summary';

export interface DatasetTotalsProps {
  unitCount: number;
  frameworkCount: number;
  suites: SuiteSummary[];
}

export function DatasetTotals({ unitCount, frameworkCount, suites }: DatasetTotalsProps) {
  return (
    <details data-state="ready">
      <summary id="totals">
        {unitCount} units in {suites.length} suites, {frameworkCount} frameworks.
      </summary>
      <SuiteList suites={suites} />
    </details>
  );
}
