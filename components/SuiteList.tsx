// Renders the suites in the database with their unit counts.
import type { SuiteSummary } from '@/lib/dataset/summary';

export function SuiteList({ suites }: { suites: SuiteSummary[] }) {
  return (
    <ul class="suite-list" aria-label="Standards suites">
      {suites.map((s) => (
        <li key={s.id} data-suite-id={s.id}>
          <span class="suite-title">
            {s.title}
            {s.origin === 'user' ? ' (imported)' : ''}
          </span>
          <span class="count" data-count={s.unitCount}>
            {s.unitCount} {s.unitCount === 1 ? 'unit' : 'units'}
          </span>
        </li>
      ))}
    </ul>
  );
}
