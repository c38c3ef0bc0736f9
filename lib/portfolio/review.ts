// Reading a learner's evidence pack (or backup) to review it read-only: the file checked as an import checks it, then
// what the review shows (the learner, the scope, the date, coverage over the reviewer's standards and the learner's
// own suites, every piece of evidence, the files it carries). Nothing here writes anywhere. Pure.
import type { Suite } from '../dataset/schema';
import { roleById, type RoleId } from '../dataset/scope';
import { parseBackup, type Backup, type BackupFile } from './backup';
import type { CoverageUnit } from './coverage';
import { unitCriteria } from './criteria';
import { backupTextOf } from './file-kind';
import type { Evidence } from './model';

export interface PackReview {
  /** What the file was: an evidence pack (.html) or a backup (.json). */
  kind: 'backup' | 'pack';
  /** The learner's name as the file gives it, or null when it gives none. */
  learnerName: string | null;
  /** When the file was written (ISO 8601). */
  exportedAt: string;
  /** The roles of the learner's scope, as the popup names them ("Teaching assistant"); [] when none were chosen. */
  roles: string[];
  /** The suites of the learner's scope, as ids ([] = every suite). */
  scopeSuiteIds: string[];
  /** Every readable piece of evidence, newest activity first. */
  evidence: Evidence[];
  /** Attached files the file carries, by file id (a pack carries none; a backup carries them all). */
  files: ReadonlyMap<string, BackupFile>;
  /** The learner's own suites, with their units. */
  suites: Suite[];
  /** Records left out of the review, each named with why, and how many. */
  problems: string[];
  refused: number;
  /** The checked backup, for an import the reviewer asks for separately. */
  backup: Backup;
}

export type ReadReview = { ok: true; review: PackReview } | { ok: false; errors: string[] };

/**
 * Reads a file chosen for review: an evidence pack's embedded backup, or a backup; any other file is refused with the
 * same messages as the portfolio's import (what it is, what to pick instead).
 */
export function readForReview(text: string): ReadReview {
  const file = backupTextOf(text);
  if (!file.ok) return { ok: false, errors: file.errors };
  const parsed = parseBackup(file.json);
  if (!parsed.ok) return parsed;
  const { backup, problems, refused } = parsed;
  const roles: RoleId[] = backup.settings.scope?.roles ?? [];
  return {
    ok: true,
    review: {
      kind: file.kind,
      learnerName: backup.settings.learnerName?.trim() || null,
      exportedAt: backup.exportedAt,
      roles: roles.map((id) => roleById(id).short),
      scopeSuiteIds: [...backup.settings.workingSuites],
      evidence: [...backup.evidence].sort(
        (a, b) => b.activityDate.localeCompare(a.activityDate) || b.createdAt - a.createdAt,
      ),
      files: new Map(backup.files.map((f) => [f.id, f])),
      suites: backup.suites,
      problems,
      refused,
      backup,
    },
  };
}

export interface ReviewCoverageInput {
  /** The reviewer's installed suites and their units (the standards the learner's evidence points at). */
  suites: readonly { id: string; title: string }[];
  units: readonly CoverageUnit[];
}

/**
 * The suites and units to show coverage over: the learner's scope (their own suites in the file take the place of a
 * reviewer's suite with the same id), or every suite when the scope names none the reviewer has. `unknownUnits` counts
 * the units the evidence names that neither the reviewer's standards nor the file have (shown by name only).
 */
export function reviewCoverage(
  review: Pick<PackReview, 'suites' | 'scopeSuiteIds' | 'evidence'>,
  installed: ReviewCoverageInput,
): { suites: { id: string; title: string }[]; units: CoverageUnit[]; unknownUnits: number } {
  const own = new Set(review.suites.map((s) => s.id));
  const suites = [
    ...installed.suites.filter((s) => !own.has(s.id)),
    ...review.suites.map((s) => ({ id: s.id, title: s.title })),
  ];
  const units: CoverageUnit[] = [
    ...installed.units.filter((u) => !own.has(u.suiteId)),
    ...review.suites.flatMap((s) =>
      s.units.map((u) => ({ id: u.id, suiteId: s.id, code: u.code, title: u.title, criteria: unitCriteria(u) })),
    ),
  ];
  const inScope = suites.filter((s) => review.scopeSuiteIds.includes(s.id));
  const known = new Set(units.map((u) => u.id));
  const named = new Set(review.evidence.flatMap((e) => e.unitIds));
  return {
    suites: inScope.length ? inScope : suites,
    units,
    unknownUnits: [...named].filter((id) => !known.has(id)).length,
  };
}

/** A file's base64 (as a backup holds it) as bytes. */
export function base64Bytes(data: string): Uint8Array<ArrayBuffer> {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
