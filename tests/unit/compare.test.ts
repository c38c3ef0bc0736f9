import { describe, expect, it } from 'vitest';
import {
  COURSE_MATCH_THRESHOLD,
  compareCourses,
  comparisonCsv,
  courseMatchesOf,
  csvCell,
  sortRows,
} from '../../lib/portfolio/compare';
import { RANK_THRESHOLD } from '../../lib/rank/ranker';
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

describe('matched cells', () => {
  const strong = COURSE_MATCH_THRESHOLD + 0.5;
  const weak = COURSE_MATCH_THRESHOLD - 0.3;

  it('needs a stronger score than the popup list, and carries the reason', () => {
    expect(COURSE_MATCH_THRESHOLD).toBeGreaterThan(RANK_THRESHOLD);
    const saved: Course = { ...course('1', [], []), matches: [] };
    const why = [
      { sentence: 'You will plan and carry out home visits.', phrase: 'Support families through home visiting' },
    ];
    const c = compareCourses(
      [saved],
      units,
      new Map([
        [
          '1',
          [
            { unitId: 'a', score: strong, why },
            { unitId: 'b', score: weak, why },
          ],
        ],
      ]),
    );
    expect(c.rows.map((r) => r.cells[0])).toEqual(['match', 'none', 'none']);
    expect(c.rows[0].matches[0]).toEqual({ unitId: 'a', score: strong, why });
    expect(c.rows[1].matches[0]).toBeNull();
    expect(c.totals[0]).toEqual({ explicit: 0, match: 1, none: 2 });
  });

  it('judges a course saved without its text by the scores saved with it, with no reason', () => {
    const saved: Course = {
      ...course('1', [], []),
      matches: [
        { unitId: 'c', score: strong },
        { unitId: 'a', score: weak },
      ],
    };
    const c = compareCourses([saved], units);
    expect(c.rows.map((r) => r.cells[0])).toEqual(['none', 'none', 'match']);
    expect(c.rows[2].matches[0]).toEqual({ unitId: 'c', score: strong, why: [] });
  });

  it('counts a unit folded into another of the same title as matched with it', () => {
    const matches = courseMatchesOf([
      { unitId: 'a', alsoUnitIds: ['b'], score: strong, why: [{ sentence: 's', phrase: 'p' }] },
    ]);
    expect(matches.map((m) => m.unitId)).toEqual(['a', 'b']);
    const c = compareCourses([course('1', [], [])], units, new Map([['1', matches]]));
    expect(c.rows.map((r) => r.cells[0])).toEqual(['match', 'match', 'none']);
  });
});
