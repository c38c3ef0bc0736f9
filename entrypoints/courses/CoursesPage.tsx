// The course comparison page (courses.html): saved course pages side by side against the units of the suites the
// user works towards, sortable, exportable as CSV. Reads the database live; removes courses through the background.
import { useMemo, useState } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { getWorkingSuites, listCourses, listSuites, listUnits } from '@/lib/store';
import { compareCourses, comparisonCsv, sortRows, type CompareUnit } from '@/lib/portfolio/compare';
import type { Course } from '@/lib/portfolio/model';
import { CourseTable } from '@/components/CourseTable';

interface Loaded {
  courses: Course[];
  units: CompareUnit[];
  unitSuite: Map<string, string>;
  suites: { id: string; title: string }[];
  working: string[];
}

async function load(): Promise<Loaded> {
  const db = pageDb();
  const [courses, units, suites, working] = await Promise.all([
    listCourses(db),
    listUnits(db),
    listSuites(db),
    getWorkingSuites(db),
  ]);
  const titles = new Map(suites.map((s) => [s.id, s.title]));
  return {
    courses,
    units: units.map((u) => ({ unitId: u.id, code: u.code, title: u.title, suiteTitle: u.suiteTitle })),
    unitSuite: new Map(units.map((u) => [u.id, u.suiteId])),
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    working: working.filter((id) => titles.has(id)),
  };
}

/** 'working' = the suites the user works towards; 'all'; or one suite id. */
type Scope = string;

export function CoursesPage() {
  const state = useLiveQuery(load, []);
  const [scope, setScope] = useState<Scope | null>(null);
  const [coveredOnly, setCoveredOnly] = useState(true);
  const [sortedBy, setSortedBy] = useState<number | null>(null);
  const [removed, setRemoved] = useState<Course | null>(null);
  const [error, setError] = useState<string | null>(null);

  const data = state.status === 'ready' ? state.value : null;
  const effectiveScope = scope ?? (data?.working.length ? 'working' : 'all');

  const comparison = useMemo(() => {
    if (!data) return null;
    const inScope = (unitId: string) => {
      const suite = data.unitSuite.get(unitId) ?? '';
      if (effectiveScope === 'all') return true;
      if (effectiveScope === 'working') return data.working.includes(suite);
      return suite === effectiveScope;
    };
    return compareCourses(
      data.courses,
      data.units.filter((u) => inScope(u.unitId)),
    );
  }, [data, effectiveScope]);

  const rows = useMemo(() => {
    if (!comparison) return [];
    const visible = coveredOnly ? comparison.rows.filter((r) => r.cells.some((c) => c !== 'none')) : comparison.rows;
    return sortRows(visible, sortedBy, true);
  }, [comparison, coveredOnly, sortedBy]);

  if (state.status === 'loading') return <p class="status">Loading…</p>;
  if (state.status === 'error') return <p class="error">Could not read the NOS Lens database: {state.error}</p>;
  if (!data || !comparison) return null;

  const remove = async (id: string) => {
    setError(null);
    try {
      const gone = await send({ type: 'deleteCourse', id });
      setRemoved(gone);
      if (sortedBy !== null) setSortedBy(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const undo = async () => {
    if (!removed) return;
    const { url, title, explicit, matches, snapshot } = removed;
    try {
      await send({ type: 'saveCourse', course: { url, title, explicit, matches, snapshot } });
      setRemoved(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const exportCsv = () => {
    const all = compareCourses(comparison.courses, rows);
    downloadText(comparisonCsv(all), `nos-lens-courses-${localDate()}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <main data-state="ready">
      <h1>Compare courses</h1>
      <p class="meta">
        Courses you saved from the NOS Lens popup (<em>Save as course</em> on a course page), against the units of the
        suites you pick. <span aria-hidden="true">●</span> the page names the unit; <span aria-hidden="true">◐</span>{' '}
        its text matches the unit; empty: not covered.
      </p>
      {removed && (
        <p class="ok" role="status">
          Removed “{removed.title}”.{' '}
          <button type="button" class="small" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data.courses.length === 0 ? (
        <p class="status" data-empty="courses">
          No saved courses yet. Open a course listing, then choose <em>Save as course</em> in the NOS Lens popup; save
          two or more to compare them here.
        </p>
      ) : (
        <>
          <div class="toolbar">
            <label>
              Units of{' '}
              <select value={effectiveScope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value)}>
                {data.working.length > 0 && <option value="working">the suites I work towards</option>}
                <option value="all">all suites</option>
                {data.suites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={coveredOnly}
                onChange={(e) => setCoveredOnly((e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              Only units a course covers
            </label>
            <button type="button" class="small" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
          {rows.length === 0 ? (
            <p class="status">
              None of these courses covers a unit of {effectiveScope === 'all' ? 'any suite' : 'the chosen suites'}.
              Untick <em>Only units a course covers</em> to see every unit.
            </p>
          ) : (
            <CourseTable
              comparison={comparison}
              rows={rows}
              sortedBy={sortedBy}
              onSort={setSortedBy}
              onDelete={(id) => void remove(id)}
            />
          )}
        </>
      )}
    </main>
  );
}
