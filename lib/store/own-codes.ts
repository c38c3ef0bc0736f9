// The user's own codes for units (stored in the `aliases` table, its name since schema version 3): `Unit 324` for the
// LDSS unit an awarding body numbers so, optionally only where the page also says a context phrase.
import type { NosDatabase } from '../db';
import { ownCodeProblem, type OwnCode, type OwnCodeInput } from '../dataset/user';
import { newId } from '../ids';
import { bumpStandardsRevision } from './revision';

export function listOwnCodes(db: NosDatabase): Promise<OwnCode[]> {
  return db.aliases.toCollection().sortBy('createdAt');
}

export function ownCodesOfUnit(db: NosDatabase, unitId: string): Promise<OwnCode[]> {
  return db.aliases.where('unitId').equals(unitId).sortBy('createdAt');
}

export async function addOwnCode(db: NosDatabase, input: OwnCodeInput, now = Date.now()): Promise<OwnCode> {
  const code = input.code.replace(/\s+/g, ' ').trim();
  const context = input.context?.replace(/\s+/g, ' ').trim() || null;
  const problem = ownCodeProblem(code, context);
  if (problem) throw new Error(problem);
  return db.transaction('rw', [db.units, db.aliases, db.meta], async () => {
    const unit = await db.units.get(input.unitId);
    if (!unit) throw new Error(`There is no unit “${input.unitId}”.`);
    const existing = await db.aliases.where('unitId').equals(unit.id).toArray();
    if (existing.some((a) => a.code.toLowerCase() === code.toLowerCase() && (a.context ?? '') === (context ?? '')))
      throw new Error(`“${code}” is already one of your codes for this unit.`);
    const own: OwnCode = { id: newId('code'), unitId: unit.id, code, context, createdAt: now };
    await db.aliases.put(own);
    await bumpStandardsRevision(db);
    return own;
  });
}

export function deleteOwnCode(db: NosDatabase, id: string): Promise<OwnCode | null> {
  return db.transaction('rw', [db.aliases, db.meta], async () => {
    const found = await db.aliases.get(id);
    if (found) {
      await db.aliases.delete(id);
      await bumpStandardsRevision(db);
    }
    return found ?? null;
  });
}

/** Stores validated own codes exactly as given (a backup being restored, inside its transaction). */
export async function putOwnCodes(db: NosDatabase, codes: readonly OwnCode[]): Promise<void> {
  if (!codes.length) return;
  await db.aliases.bulkPut([...codes]);
  await bumpStandardsRevision(db);
}
