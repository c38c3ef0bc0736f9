// A user's own suites and codes in the database: import (replacing an earlier import of the same suite), rename,
// delete (evidence is kept, readable from what it remembers of each unit), and aliases on any unit.
import type { NosDatabase } from '../db';
import { toUnitRecord } from '../db';
import type { Suite } from '../dataset/schema';
import { aliasProblem, type UserAlias, type UserAliasInput } from '../dataset/user';
import { storageError } from './evidence';

export interface SuitePreview {
  id: string;
  title: string;
  units: number;
  /** A suite of this id is stored already and will be replaced. */
  replaces: boolean;
  /** Stored units of that suite that the new version drops, and how many of them have evidence. */
  dropped: number;
  droppedWithEvidence: number;
}

/** What importing these suites would do. Refuses (throws) a suite whose id is a bundled suite's. */
export async function previewSuites(db: NosDatabase, suites: readonly Suite[]): Promise<SuitePreview[]> {
  return db.transaction('r', [db.suites, db.units, db.evidence], async () => {
    const out: SuitePreview[] = [];
    for (const s of suites) {
      const stored = await db.suites.get(s.id);
      if (stored?.origin === 'bundled') throw new Error(`“${s.title}” has the id of a bundled suite (${s.id}).`);
      const keep = new Set(s.units.map((u) => u.id));
      const dropped = stored
        ? (await db.units.where('suiteId').equals(s.id).primaryKeys()).filter((id) => !keep.has(id))
        : [];
      let withEvidence = 0;
      for (const id of dropped) if ((await db.evidence.where('unitIds').equals(id).count()) > 0) withEvidence++;
      out.push({
        id: s.id,
        title: s.title,
        units: s.units.length,
        replaces: !!stored,
        dropped: dropped.length,
        droppedWithEvidence: withEvidence,
      });
    }
    return out;
  });
}

/** Saves validated suites as the user's, in one transaction; a suite stored before under the same id is replaced. */
export async function importSuites(
  db: NosDatabase,
  suites: readonly Suite[],
): Promise<{ suites: number; units: number }> {
  try {
    return await db.transaction('rw', [db.suites, db.units], async () => {
      let order = ((await db.suites.orderBy('order').last())?.order ?? 0) + 1;
      for (const suite of suites) {
        const stored = await db.suites.get(suite.id);
        if (stored?.origin === 'bundled')
          throw new Error(`“${suite.title}” has the id of a bundled suite (${suite.id}).`);
        const taken = await db.units.bulkGet(suite.units.map((u) => u.id));
        const clash = taken.find((u) => u && u.suiteId !== suite.id);
        if (clash) throw new Error(`The unit id “${clash.id}” belongs to another suite.`);
        await db.units.where('suiteId').equals(suite.id).delete();
        const { units, ...rest } = suite;
        await db.suites.put({ ...rest, origin: 'user', unitCount: units.length, order: stored?.order ?? order++ });
        await db.units.bulkPut(units.map((u) => toUnitRecord({ ...u, suiteId: suite.id })));
      }
      return { suites: suites.length, units: suites.reduce((n, s) => n + s.units.length, 0) };
    });
  } catch (e) {
    throw storageError(e);
  }
}

async function userSuite(db: NosDatabase, id: string) {
  const suite = await db.suites.get(id);
  if (!suite) throw new Error('There is no such suite.');
  if (suite.origin !== 'user') throw new Error(`“${suite.title}” is a bundled suite: only your own suites can change.`);
  return suite;
}

export async function renameSuite(db: NosDatabase, id: string, title: string): Promise<{ title: string }> {
  const name = title.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('Give the suite a name.');
  return db.transaction('rw', db.suites, async () => {
    const suite = await userSuite(db, id);
    const same = await db.suites.filter((s) => s.id !== id && s.title.toLowerCase() === name.toLowerCase()).count();
    if (same > 0) throw new Error(`Another suite is called “${name}”.`);
    await db.suites.put({ ...suite, title: name });
    return { title: name };
  });
}

/** Deletes a user's suite, its units and the codes added to them. Evidence stays (it keeps the units' code and title). */
export async function deleteSuite(db: NosDatabase, id: string): Promise<{ units: number; evidenceKept: number }> {
  return db.transaction('rw', [db.suites, db.units, db.aliases, db.evidence], async () => {
    await userSuite(db, id);
    const unitIds = await db.units.where('suiteId').equals(id).primaryKeys();
    const evidence = unitIds.length ? await db.evidence.where('unitIds').anyOf(unitIds).primaryKeys() : [];
    await db.aliases.where('unitId').anyOf(unitIds).delete();
    await db.units.bulkDelete(unitIds);
    await db.suites.delete(id);
    return { units: unitIds.length, evidenceKept: new Set(evidence).size };
  });
}

const newId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `al-${Date.now()}-${Math.random().toString(36).slice(2)}`;

export async function addAlias(db: NosDatabase, input: UserAliasInput, now = Date.now()): Promise<UserAlias> {
  const code = input.code.replace(/\s+/g, ' ').trim();
  const context = input.context?.replace(/\s+/g, ' ').trim() || null;
  const problem = aliasProblem(code, context);
  if (problem) throw new Error(problem);
  return db.transaction('rw', [db.units, db.aliases], async () => {
    const unit = await db.units.get(input.unitId);
    if (!unit) throw new Error(`There is no unit “${input.unitId}”.`);
    const existing = await db.aliases.where('unitId').equals(unit.id).toArray();
    if (existing.some((a) => a.code.toLowerCase() === code.toLowerCase() && (a.context ?? '') === (context ?? '')))
      throw new Error(`“${code}” is already one of your codes for this unit.`);
    const alias: UserAlias = { id: newId(), unitId: unit.id, code, context, createdAt: now };
    await db.aliases.put(alias);
    return alias;
  });
}

export async function deleteAlias(db: NosDatabase, id: string): Promise<UserAlias | null> {
  return db.transaction('rw', db.aliases, async () => {
    const found = await db.aliases.get(id);
    if (found) await db.aliases.delete(id);
    return found ?? null;
  });
}
