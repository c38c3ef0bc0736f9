// Reads the whole portfolio for a backup, applies a validated backup in one transaction, and keeps the suites the user
// works towards. Used by the background (messages) and by the portfolio page, which applies imports itself because a
// backup file can be larger than a message may carry (both are the extension's own origin and database).
import type { NosDatabase } from '../db';
import { planImport, type Backup, type BackupPlan } from '../portfolio/backup';
import type { Course, Evidence } from '../portfolio/model';
import { storageError } from './evidence';

export const WORKING_SUITES_KEY = 'workingSuites';

export interface Portfolio {
  evidence: Evidence[];
  courses: Course[];
  workingSuites: string[];
}

export async function readPortfolio(db: NosDatabase): Promise<Portfolio> {
  return db.transaction('r', [db.evidence, db.courses, db.settings], async () => {
    const [evidence, courses, working] = await Promise.all([
      db.evidence.toArray(),
      db.courses.toArray(),
      db.settings.get(WORKING_SUITES_KEY),
    ]);
    return { evidence, courses, workingSuites: asIds(working?.value) };
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
    return await db.transaction('rw', [db.evidence, db.courses, db.settings], async () => {
      const plan = planImport(backup, await readPortfolio(db));
      await db.evidence.bulkPut([...plan.evidence.add, ...plan.evidence.update]);
      await db.courses.bulkPut([...plan.courses.add, ...plan.courses.update]);
      if (plan.workingSuites) await db.settings.put({ key: WORKING_SUITES_KEY, value: plan.workingSuites });
      return {
        added: plan.evidence.add.length + plan.courses.add.length,
        updated: plan.evidence.update.length + plan.courses.update.length,
        skipped: plan.evidence.skip.length + plan.courses.skip.length,
      };
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
