// Compares saved courses against the units of the suites a user works towards: for each unit, whether each course
// names it, matches it, or does not cover it; with totals, sorting and CSV. Pure.
import type { Course } from './model';

export type Coverage = 'explicit' | 'match' | 'none';

export interface CompareUnit {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

export interface ComparisonRow extends CompareUnit {
  cells: Coverage[];
}

export interface Comparison {
  courses: Course[];
  rows: ComparisonRow[];
  /** Per course: units named, units matched (not named), units not covered. */
  totals: { explicit: number; match: number; none: number }[];
}

export function compareCourses(courses: readonly Course[], units: readonly CompareUnit[]): Comparison {
  const lookups = courses.map((c) => ({
    explicit: new Set(c.explicit.map((e) => e.unitId)),
    match: new Set(c.matches.map((m) => m.unitId)),
  }));
  const rows = units.map((u) => ({
    ...u,
    cells: lookups.map((l): Coverage =>
      l.explicit.has(u.unitId) ? 'explicit' : l.match.has(u.unitId) ? 'match' : 'none',
    ),
  }));
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
