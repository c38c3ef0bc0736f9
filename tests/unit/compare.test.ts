import { describe, expect, it } from 'vitest';
import { compareCourses, comparisonCsv, csvCell, sortRows } from '../../lib/portfolio/compare';
import type { Course } from '../../lib/portfolio/model';

const course = (id: string, explicit: string[], matches: string[]): Course => ({
  id,
  url: `https://courses.example/${id}`,
  title: `Course ${id}`,
  explicit: explicit.map((unitId) => ({ unitId, count: 1 })),
  matches: matches.map((unitId, i) => ({ unitId, score: 3 - i })),
  snapshot: null,
  savedAt: 1,
});
const units = ['a', 'b', 'c'].map((id) => ({ unitId: id, code: null, title: `Unit ${id}`, suiteTitle: 'S' }));

describe('compareCourses', () => {
  const c = compareCourses([course('1', ['a'], ['a', 'b']), course('2', [], ['c'])], units);

  it('marks each unit named, matched or not covered per course, naming beating matching', () => {
    expect(c.rows.map((r) => r.cells)).toEqual([
      ['explicit', 'none'],
      ['match', 'none'],
      ['none', 'match'],
    ]);
    expect(c.totals).toEqual([
      { explicit: 1, match: 1, none: 1 },
      { explicit: 0, match: 1, none: 2 },
    ]);
  });

  it('sorts by a course, best first, and by title', () => {
    expect(sortRows(c.rows, 1).map((r) => r.unitId)).toEqual(['c', 'a', 'b']);
    expect(sortRows(c.rows, 0, false).map((r) => r.unitId)).toEqual(['c', 'b', 'a']);
    expect(sortRows(c.rows, null).map((r) => r.unitId)).toEqual(['a', 'b', 'c']);
  });

  it('exports CSV a spreadsheet reads safely', () => {
    const csv = comparisonCsv(c);
    expect(csv.startsWith('\uFEFFunit_id,code,title,suite,Course 1,Course 2\r\n')).toBe(true);
    expect(csv).toContain('a,,Unit a,S,named,\r\n');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});
