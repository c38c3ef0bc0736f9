// The courses table: course pages kept for comparison. One course per URL: saving a page again updates it.
import type { NosDatabase } from '../db';
import { newId } from '../ids';
import { clip, PAGE_TITLE_LIMIT, type Course } from '../portfolio/model';
import type { CourseInput } from '../portfolio/schema';
import { writing } from './errors';

export function listCourses(db: NosDatabase): Promise<Course[]> {
  return db.courses.orderBy('savedAt').toArray();
}

export function saveCourse(db: NosDatabase, input: CourseInput, now = Date.now()): Promise<Course> {
  return writing(() =>
    db.transaction('rw', db.courses, async () => {
      const previous = await db.courses.where('url').equals(input.url).first();
      const course: Course = {
        id: previous?.id ?? newId('course'),
        url: input.url,
        // Saving a page again keeps the name the course has (the user may have renamed it).
        title: previous?.title ?? clip(input.title.trim() || input.url, PAGE_TITLE_LIMIT),
        explicit: input.explicit,
        matches: input.matches,
        snapshot: input.snapshot,
        savedAt: now,
      };
      await db.courses.put(course);
      return course;
    }),
  );
}

/** Renames a course (its comparison column); null when it is gone. An empty name is refused. */
export function renameCourse(db: NosDatabase, id: string, name: string): Promise<Course | null> {
  const title = clip(name.replace(/\s+/g, ' ').trim(), PAGE_TITLE_LIMIT);
  if (!title) return Promise.reject(new Error('A course needs a name.'));
  return writing(() =>
    db.transaction('rw', db.courses, async () => {
      const found = await db.courses.get(id);
      if (!found) return null;
      const course = { ...found, title };
      await db.courses.put(course);
      return course;
    }),
  );
}

export function deleteCourse(db: NosDatabase, id: string): Promise<Course | null> {
  return db.transaction('rw', db.courses, async () => {
    const found = await db.courses.get(id);
    if (found) await db.courses.delete(id);
    return found ?? null;
  });
}

/** Stores validated courses exactly as given (a backup being restored, inside its transaction). */
export async function putCourses(db: NosDatabase, courses: readonly Course[]): Promise<void> {
  await db.courses.bulkPut([...courses]);
}
