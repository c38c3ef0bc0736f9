// Compares saved courses against the units of the suites a user works towards: for each unit, whether each course
// names it, matches it (and why), or does not cover it; with totals, sorting and CSV. Pure.
import type { Course } from './model';

export type Coverage = 'explicit' | 'match' | 'none';

/**
 * A course's text "matches" a unit (◐) only at this score or above: stronger than the popup's Matches list
 * (RANK_THRESHOLD, 0.7), because a column saying a course covers a unit is a claim about the course, not a
 * suggestion. Chosen with `npm run eval`, which reports it: on the course listings and tracking forms of the evaluation
 * set, seven in ten units matched at 1.4 are ones the page is labelled with, against two in five at 0.7.
 */
export const COURSE_MATCH_THRESHOLD = 1.4;

/** Why a course matches a unit: a sentence of the course's text and the unit's words it matched. */
export interface MatchReason {
  sentence: string;
  phrase: string;
}

/** A unit a course's text matches, with its score and reasons (none for scores saved without them). */
export interface CourseMatch {
  unitId: string;
  score: number;
  why: MatchReason[];
}

export interface CompareUnit {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

export interface ComparisonRow extends CompareUnit {
  cells: Coverage[];
  /** Per course, for a matched cell: the match and why; null otherwise. */
  matches: (CourseMatch | null)[];
}

export interface Comparison {
  courses: Course[];
  rows: ComparisonRow[];
  /** Per course: units named, units matched (not named), units not covered. */
  totals: { explicit: number; match: number; none: number }[];
}

/**
 * The ranker's entries for a course's text as matches per unit: a unit folded into another of the same title
 * (`alsoUnitIds`) matches with it.
 */
export function courseMatchesOf(
  ranked: readonly {
    unitId: string;
    alsoUnitIds: readonly string[];
    score: number;
    why: readonly MatchReason[];
  }[],
): CourseMatch[] {
  return ranked.flatMap((r) =>
    [r.unitId, ...r.alsoUnitIds].map((unitId) => ({
      unitId,
      score: r.score,
      why: r.why.map((w) => ({ sentence: w.sentence, phrase: w.phrase })),
    })),
  );
}

/**
 * Each unit against each course: named (the course names it), matched (its text matches it at
 * COURSE_MATCH_THRESHOLD or above) or not covered. `matchesByCourse` gives a course's matches as its text reads now,
 * with reasons; a course without an entry is judged by the scores saved with it.
 */
export function compareCourses(
  courses: readonly Course[],
  units: readonly CompareUnit[],
  matchesByCourse: ReadonlyMap<string, readonly CourseMatch[]> = new Map(),
): Comparison {
  const lookups = courses.map((c) => {
    const matches = matchesByCourse.get(c.id) ?? c.matches.map((m) => ({ ...m, why: [] }));
    const strong = new Map<string, CourseMatch>();
    for (const m of matches) if (m.score >= COURSE_MATCH_THRESHOLD && !strong.has(m.unitId)) strong.set(m.unitId, m);
    return { explicit: new Set(c.explicit.map((e) => e.unitId)), match: strong };
  });
  const rows = units.map((u) => {
    const cells = lookups.map((l): Coverage =>
      l.explicit.has(u.unitId) ? 'explicit' : l.match.has(u.unitId) ? 'match' : 'none',
    );
    return {
      ...u,
      cells,
      matches: lookups.map((l, i) => (cells[i] === 'match' ? l.match.get(u.unitId)! : null)),
    };
  });
  const totals = courses.map((_, i) => {
    const t = { explicit: 0, match: 0, none: 0 };
    for (const r of rows) t[r.cells[i]]++;
    return t;
  });
  return { courses: [...courses], rows, totals };
}

const RANK: Record<Coverage, number> = { explicit: 2, match: 1, none: 0 };

/** Sorts rows by a course's coverage (best first, then title), or by title when `course` is null. */
export function sortRows(rows: readonly ComparisonRow[], course: number | null, descending = true): ComparisonRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (course !== null) {
      const d = RANK[a.cells[course]] - RANK[b.cells[course]];
      if (d !== 0) return sign * d;
    }
    return a.title.localeCompare(b.title);
  });
}

/** A CSV cell, quoted per RFC 4180, with spreadsheet formulas neutralised. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const LABEL: Record<Coverage, string> = { explicit: 'named', match: 'matched', none: '' };

/** One row per unit, one column per course ("named", "matched" or empty), with a BOM for spreadsheets. */
export function comparisonCsv(c: Comparison): string {
  const header = ['unit_id', 'code', 'title', 'suite', ...c.courses.map((k) => k.title)];
  const lines = [
    header,
    ...c.rows.map((r) => [r.unitId, r.code, r.title, r.suiteTitle, ...r.cells.map((x) => LABEL[x])]),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
