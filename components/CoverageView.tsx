// Renders coverage per suite: how many of its units have evidence, with every unit, its evidence count and, for units
// with criteria, how many of them some evidence shows.
import type { SuiteCoverage } from '@/lib/portfolio/coverage';

export interface CoverageViewProps {
  coverage: SuiteCoverage[];
  /** Open each suite's unit list from the start (few suites shown). */
  open: boolean;
}

export function CoverageView({ coverage, open }: CoverageViewProps) {
  return (
    <div class="coverage">
      {coverage.map((s) => {
        const headingId = `cov-${s.suiteId}`;
        return (
          <section key={s.suiteId} class="suite-coverage" data-suite-id={s.suiteId} aria-labelledby={headingId}>
            <h3 id={headingId}>{s.title}</h3>
            <p class="coverage-count">
              <progress max={s.total || 1} value={s.covered} aria-label={`${s.title}: units with evidence`} />{' '}
              <span data-covered={s.covered} data-total={s.total}>
                {s.covered} of {s.total} units with evidence
              </span>
            </p>
            <details open={open}>
              <summary>Units</summary>
              <ul class="coverage-units">
                {s.units.map((u) => (
                  <li key={u.id} data-unit-id={u.id} class={u.evidence > 0 ? 'covered' : 'uncovered'}>
                    <a href={`unit.html?id=${encodeURIComponent(u.id)}`}>
                      {u.code && <span class="code">{u.code}</span>} {u.title}
                    </a>{' '}
                    <span class="count" data-count={u.evidence}>
                      {u.evidence === 0 ? 'no evidence' : u.evidence === 1 ? '1 item' : `${u.evidence} items`}
                    </span>
                    {u.criteriaTotal > 0 && (
                      <span class="criteria-count" data-shown={u.criteriaShown} data-total={u.criteriaTotal}>
                        {' '}
                        · criteria evidenced: {u.criteriaShown} / {u.criteriaTotal}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}
