// The whole portfolio at once: read for a backup, and a validated backup applied in one transaction through the same
// writers as everyday edits (suites, own codes, evidence, courses, settings).
import type { NosDatabase } from '../db';
import {
  planCounts,
  planImport,
  suiteChanges,
  type Backup,
  type BackupPlan,
  type SuiteChange,
} from '../portfolio/backup';
import type { Course, Evidence } from '../portfolio/model';
import type { Suite } from '../dataset/schema';
import type { OwnCode } from '../dataset/user';
import type { RoleId } from '../dataset/scope';
import { writing } from './errors';
import { countEvidenceFor, listEvidence, putEvidence } from './evidence';
import { putFiles, storedFile } from './files';
import { listCourses, putCourses } from './courses';
import {
  getLearnerName,
  getScopeRoles,
  getWorkingSuites,
  putScopeRoles,
  putWorkingSuites,
  setLearnerName,
} from './settings';
import { assembleSuites, importSuites, listSuites } from './suites';
import { listOwnCodes, putOwnCodes } from './own-codes';

export interface Portfolio {
  evidence: Evidence[];
  courses: Course[];
  workingSuites: string[];
  /** The scope's roles (null: never asked). */
  scopeRoles: RoleId[] | null;
  /** The learner's name on the evidence pack (null: never asked; '' left out). */
  learnerName: string | null;
  /** The user's own suites, with their units. */
  suites: Suite[];
  ownCodes: OwnCode[];
  /** Ids of the attached files stored (their bytes are read only for a backup: backupFiles). */
  fileIds: string[];
}

const PORTFOLIO_TABLES = (db: NosDatabase) => [
  db.evidence,
  db.courses,
  db.settings,
  db.suites,
  db.units,
  db.aliases,
  db.meta,
  db.files,
];

export function readPortfolio(db: NosDatabase): Promise<Portfolio> {
  return db.transaction('r', PORTFOLIO_TABLES(db), async () => {
    const [evidence, courses, workingSuites, scopeRoles, learnerName, suites, ownCodes, fileIds] = await Promise.all([
      listEvidence(db),
      listCourses(db),
      getWorkingSuites(db),
      getScopeRoles(db),
      getLearnerName(db),
      assembleSuites(db, { origin: 'user' }),
      listOwnCodes(db),
      db.files.toCollection().primaryKeys(),
    ]);
    return { evidence, courses, workingSuites, scopeRoles, learnerName, suites, ownCodes, fileIds };
  });
}

export interface ImportOutcome {
  added: number;
  updated: number;
  skipped: number;
}

/**
 * Refuses a backup whose own suites would pass for bundled ones (the options page refuses the same when importing a
 * standards file): a suite with a bundled suite's id or name, or units whose ids another suite holds.
 */
async function checkAgainstBundled(db: NosDatabase, backup: Backup): Promise<void> {
  const bundled = (await listSuites(db)).filter((s) => s.origin === 'bundled');
  const ids = new Set(bundled.map((s) => s.id));
  const names = new Set(bundled.map((s) => s.title.toLowerCase()));
  const problems = backup.suites.flatMap((s, i) =>
    ids.has(s.id)
      ? [`suites[${i}].id: “${s.title}” has the id of a bundled suite (${s.id}).`]
      : names.has(s.title.toLowerCase())
        ? [`suites[${i}].title: “${s.title}” is the name of a bundled suite; rename it in the file first.`]
        : [],
  );
  // A unit id already used by another suite would make the import fail half-way: say so up front.
  for (const [i, s] of backup.suites.entries()) {
    const stored = await db.units.bulkGet(s.units.map((u) => u.id));
    const clash = stored.find((u) => u && u.suiteId !== s.id);
    if (clash) problems.push(`suites[${i}].units: the unit id “${clash.id}” belongs to another suite.`);
  }
  if (problems.length) throw new Error(`This backup cannot be imported: ${problems.join(' ')}`);
}

/** What importing the backup would do now (for the preview). Throws if the backup cannot be imported. */
export async function previewImport(db: NosDatabase, backup: Backup): Promise<BackupPlan> {
  await checkAgainstBundled(db, backup);
  return planImport(backup, await readPortfolio(db));
}

/** The suites a plan would change, each with how many of the units it removes have evidence (which keeps them). */
export async function previewSuiteChanges(
  db: NosDatabase,
  plan: BackupPlan,
): Promise<(SuiteChange & { removedWithEvidence: number })[]> {
  const changes = suiteChanges(plan, await assembleSuites(db, { origin: 'user' }));
  return Promise.all(
    changes.map(async (c) => ({
      ...c,
      removedWithEvidence: await countEvidenceFor(
        db,
        c.removed.map((u) => u.unitId),
      ),
    })),
  );
}

/**
 * Applies a validated backup in one transaction: plans against what is stored at that moment (so a second import of
 * the same file skips everything) and writes the additions and updates, or nothing if anything fails.
 */
export function importBackup(db: NosDatabase, backup: Backup): Promise<ImportOutcome> {
  return writing(() =>
    db.transaction('rw', PORTFOLIO_TABLES(db), async () => {
      await checkAgainstBundled(db, backup);
      const plan = planImport(backup, await readPortfolio(db));
      // Suites first: evidence and codes may point at their units. A suite taking a bundled id fails it all.
      const suites = [...plan.suites.add, ...plan.suites.update];
      if (suites.length) await importSuites(db, suites);
      await putOwnCodes(db, [...plan.ownCodes.add, ...plan.ownCodes.update]);
      await putEvidence(db, [...plan.evidence.add, ...plan.evidence.update]);
      await putFiles(db, plan.files.add.map(storedFile));
      await putCourses(db, [...plan.courses.add, ...plan.courses.update]);
      if (plan.workingSuites) await putWorkingSuites(db, plan.workingSuites);
      if (plan.scopeRoles) await putScopeRoles(db, plan.scopeRoles);
      if (plan.learnerName !== null) await setLearnerName(db, plan.learnerName);
      const { add, update, skip } = planCounts(plan);
      return { added: add, updated: update, skipped: skip };
    }),
  );
}
