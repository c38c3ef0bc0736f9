// The course comparison's data, read live: saved courses, every unit (with its suite), suites and those worked towards,
// and the standards whole (for reading the courses' saved text).
import { pageDb, useLiveQuery, type Live } from '@/lib/ext/live';
import { assembleSuites, getWorkingSuites, listCourses, listSuites, listUnits } from '@/lib/store';
import type { Suite } from '@/lib/dataset/schema';
import type { CompareUnit } from '@/lib/portfolio/compare';
import type { Course } from '@/lib/portfolio/model';

export interface CoursesData {
  courses: Course[];
  units: CompareUnit[];
  unitSuite: Map<string, string>;
  suites: { id: string; title: string }[];
  /** The suites the user works towards that are still installed. */
  working: string[];
  /** Every suite with its units, as the ranker reads them. */
  standards: Suite[];
}

async function load(): Promise<CoursesData> {
  const db = pageDb();
  const [courses, units, suites, working, standards] = await Promise.all([
    listCourses(db),
    listUnits(db),
    listSuites(db),
    getWorkingSuites(db),
    assembleSuites(db),
  ]);
  const titles = new Map(suites.map((s) => [s.id, s.title]));
  return {
    courses,
    units: units.map((u) => ({ unitId: u.id, code: u.code, title: u.title, suiteTitle: u.suiteTitle })),
    unitSuite: new Map(units.map((u) => [u.id, u.suiteId])),
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    working: working.filter((id) => titles.has(id)),
    standards,
  };
}

export function useCourses(): Live<CoursesData> {
  return useLiveQuery(load, []);
}
