import 'fake-indexeddb/auto';
// Courses: renaming a comparison column, and saving the page again keeps the name.
import { describe, expect, it } from 'vitest';
import { NosDatabase } from '@/lib/db';
import { deleteCourse, listCourses, renameCourse, saveCourse } from '@/lib/store';

const course = {
  url: 'https://college.example/courses/supporting-families',
  title: 'Supporting Families Certificate (Level 3) | Riverside College',
  explicit: [{ unitId: 'wp-301', count: 1 }],
  matches: [],
  snapshot: 'Units you will study…',
};

describe('course names', () => {
  it('renames a course, tidying the spaces, and keeps the name when the page is saved again', async () => {
    const db = new NosDatabase(`courses-${Math.random()}`);
    const saved = await saveCourse(db, course);
    const renamed = await renameCourse(db, saved.id, '  Riverside   L3 ');
    expect(renamed?.title).toBe('Riverside L3');
    const again = await saveCourse(db, { ...course, explicit: [] });
    expect(again.id).toBe(saved.id);
    expect(again.title).toBe('Riverside L3');
    expect(again.explicit).toEqual([]);
    expect((await listCourses(db)).map((c) => c.title)).toEqual(['Riverside L3']);
  });

  it('refuses an empty name and says a removed course is gone', async () => {
    const db = new NosDatabase(`courses-${Math.random()}`);
    const saved = await saveCourse(db, course);
    await expect(renameCourse(db, saved.id, '   ')).rejects.toThrow('A course needs a name.');
    expect((await listCourses(db))[0].title).toBe(course.title);
    await deleteCourse(db, saved.id);
    expect(await renameCourse(db, saved.id, 'Anything')).toBeNull();
  });
});
