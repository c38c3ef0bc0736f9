// Reads the whole portfolio for a backup, applies a validated backup in one transaction, and keeps the suites the user
// works towards. Used by the background (messages) and by the portfolio page, which applies imports itself because a
// backup file can be larger than a message may carry (both are the extension's own origin and database).
import type { NosDatabase } from '../db';
import { planCounts, planImport, type Backup, type BackupPlan } from '../portfolio/backup';
import type { Course, Evidence } from '../portfolio/model';
import { storageError } from './evidence';
import { importSuites } from './suites';
import type { Suite } from '../dataset/schema';
import type { UserAlias } from '../dataset/user';

export const WORKING_SUITES_KEY = 'workingSuites';

export interface Portfolio {
  evidence: Evidence[];
  courses: Course[];
  workingSuites: string[];
  /** The user's own suites, with their units. */
  suites: Suite[];
  aliases: UserAlias[];
}

export async function readPortfolio(db: NosDatabase): Promise<Portfolio> {
  return db.transaction('r', [db.evidence, db.courses, db.settings, db.suites, db.units, db.aliases], async () => {
    const [evidence, courses, working, userSuites, aliases] = await Promise.all([
      db.evidence.toArray(),
      db.courses.toArray(),
      db.settings.get(WORKING_SUITES_KEY),
      db.suites.where('origin').equals('user').toArray(),
      db.aliases.toArray(),
    ]);
    const suites: Suite[] = [];
    for (const { unitCount: _c, order: _o, ...suite } of userSuites) {
      const units = await db.units.where('suiteId').equals(suite.id).toArray();
      suites.push({ ...suite, units: units.map(({ codeKeys: _k, ...u }) => u) });
    }
    return { evidence, courses, workingSuites: asIds(working?.value), suites, aliases };
  });
}

function asIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

export interface ImportOutcome {
  added: number;
  updated: number;
  skipped: number;
}

/** What importing the backup would do now (for the preview). */
export async function previewImport(db: NosDatabase, backup: Backup): Promise<BackupPlan> {
  return planImport(backup, await readPortfolio(db));
}

/**
 * Applies a validated backup in one transaction: plans against what is stored at that moment (so a second import of
 * the same file skips everything) and writes the additions and updates, or nothing if anything fails.
 */
export async function importBackup(db: NosDatabase, backup: Backup): Promise<ImportOutcome> {
  try {
    const tables = [db.evidence, db.courses, db.settings, db.suites, db.units, db.aliases];
    return await db.transaction('rw', tables, async () => {
      const plan = planImport(backup, await readPortfolio(db));
      // Suites first: evidence and codes may point at their units. A suite taking a bundled id fails it all.
      const suites = [...plan.suites.add, ...plan.suites.update];
      if (suites.length) await importSuites(db, suites);
      await db.aliases.bulkPut([...plan.aliases.add, ...plan.aliases.update]);
      await db.evidence.bulkPut([...plan.evidence.add, ...plan.evidence.update]);
      await db.courses.bulkPut([...plan.courses.add, ...plan.courses.update]);
      if (plan.workingSuites) await db.settings.put({ key: WORKING_SUITES_KEY, value: plan.workingSuites });
      const { add, update, skip } = planCounts(plan);
      return { added: add, updated: update, skipped: skip };
    });
  } catch (e) {
    throw storageError(e);
  }
}

export async function setWorkingSuites(db: NosDatabase, suiteIds: readonly string[]): Promise<string[]> {
  const known = new Set(await db.suites.toCollection().primaryKeys());
  const ids = [...new Set(suiteIds)].filter((id) => known.has(id));
  await db.settings.put({ key: WORKING_SUITES_KEY, value: ids });
  return ids;
}
