// Saves and removes course pages kept for comparison. One course per URL: saving a page again updates it.
import type { NosDatabase } from '../db';
import type { Course } from '../portfolio/model';
import type { CourseInput } from '../portfolio/schema';
import { storageError } from './evidence';

export async function saveCourse(db: NosDatabase, input: CourseInput, now = Date.now()): Promise<Course> {
  try {
    return await db.transaction('rw', db.courses, async () => {
      const previous = await db.courses.where('url').equals(input.url).first();
      const course: Course = {
        id: previous?.id ?? (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `course-${now}`),
        url: input.url,
        title: input.title.trim() || input.url,
        explicit: input.explicit,
        matches: input.matches,
        snapshot: input.snapshot,
        savedAt: now,
      };
      await db.courses.put(course);
      return course;
    });
  } catch (e) {
    throw storageError(e);
  }
}

export async function deleteCourse(db: NosDatabase, id: string): Promise<Course | null> {
  return db.transaction('rw', db.courses, async () => {
    const found = await db.courses.get(id);
    if (found) await db.courses.delete(id);
    return found ?? null;
  });
}
