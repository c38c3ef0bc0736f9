// Saved courses side by side against units: one column per course, one row per unit, each cell named / matched /
// not covered. Column headers sort; renders props only.
import type { Comparison, ComparisonRow, Coverage } from '@/lib/portfolio/compare';
import { shortDate } from '@/lib/dates';

export interface CourseTableProps {
  comparison: Comparison;
  rows: ComparisonRow[];
  /** The course column rows are sorted by, or null for by title. */
  sortedBy: number | null;
  onSort: (course: number | null) => void;
  onDelete: (courseId: string) => void;
}

const CELL: Record<Coverage, { mark: string; label: string }> = {
  explicit: { mark: '●', label: 'named' },
  match: { mark: '◐', label: 'matched' },
  none: { mark: '', label: 'not covered' },
};

export function CourseTable({ comparison, rows, sortedBy, onSort, onDelete }: CourseTableProps) {
  const { courses, totals } = comparison;
  return (
    <div class="table-wrap">
      <table class="compare">
        <caption class="sr-only">Units covered by each saved course</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sortedBy === null ? 'ascending' : 'none'}>
              <button type="button" class="link" onClick={() => onSort(null)}>
                Unit
              </button>
            </th>
            {courses.map((c, i) => (
              <th scope="col" key={c.id} data-course-id={c.id} aria-sort={sortedBy === i ? 'descending' : 'none'}>
                <button
                  type="button"
                  class="link course-title"
                  onClick={() => onSort(i)}
                  title={`Sort by what ${c.title} covers`}
                >
                  {c.title}
                </button>
                <div class="course-meta">
                  <a href={c.url} target="_blank" rel="noopener noreferrer">
                    {hostOf(c.url)}
                  </a>{' '}
                  · saved {shortDate(c.savedAt)}
                </div>
                <div class="course-totals" data-explicit={totals[i].explicit} data-match={totals[i].match}>
                  {totals[i].explicit} named, {totals[i].match} matched
                </div>
                <button
                  type="button"
                  class="small"
                  onClick={() => onDelete(c.id)}
                  aria-label={`Remove ${c.title} from the comparison`}
                >
                  Remove
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} data-unit-id={r.unitId}>
              <th scope="row">
                <a href={`unit.html?id=${encodeURIComponent(r.unitId)}`} target="_blank" rel="noopener">
                  {r.code && <span class="code">{r.code}</span>} {r.title}
                </a>
                <div class="course-meta">{r.suiteTitle}</div>
              </th>
              {r.cells.map((cell, i) => (
                <td key={courses[i].id} class={`cell-${cell}`} data-coverage={cell}>
                  <span aria-hidden="true">{CELL[cell].mark}</span>
                  <span class="sr-only">{CELL[cell].label}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
