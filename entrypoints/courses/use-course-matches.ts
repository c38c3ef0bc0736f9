// What each saved course's text matches, with why: the ranker, built from the standards as they are now, reads each
// course's saved text (with the units it names), so that a ◐ cell and the reason it gives always agree. A course
// saved without its text keeps the scores saved with it (and no reason).
import { useMemo } from 'preact/hooks';
import { courseMatchesOf, type CourseMatch } from '@/lib/portfolio/compare';
import { buildRanker } from '@/lib/rank/ranker';
import type { CoursesData } from './use-courses';

/** As many units as a course listing names, and then some. */
const RANK_LIMIT = 60;

export function useCourseMatches(data: CoursesData): ReadonlyMap<string, CourseMatch[]> {
  const ranker = useMemo(() => buildRanker(data.standards), [data.standards]);
  return useMemo(() => {
    const out = new Map<string, CourseMatch[]>();
    for (const course of data.courses) {
      if (course.snapshot === null) continue;
      const explicit = new Map(course.explicit.map((e) => [e.unitId, e.count]));
      out.set(course.id, courseMatchesOf(ranker.rank(course.snapshot, { explicit, limit: RANK_LIMIT })));
    }
    return out;
  }, [ranker, data.courses]);
}
