// The evidence table: every read and every write of evidence, from the background's messages and the pages alike.
import type { NosDatabase } from '../db';
import { newId } from '../ids';
import type { Evidence, EvidenceUnitRef } from '../portfolio/model';
import type { EvidenceInput } from '../portfolio/schema';
import { writing } from './errors';

export function listEvidence(db: NosDatabase): Promise<Evidence[]> {
  return db.evidence.toArray();
}

/** Evidence filed against a unit, most recent activity first. */
export function evidenceOfUnit(db: NosDatabase, unitId: string): Promise<Evidence[]> {
  return db.evidence.where('unitIds').equals(unitId).reverse().sortBy('activityDate');
}

/** How many pieces of evidence point at any of these units. */
export async function countEvidenceFor(db: NosDatabase, unitIds: readonly string[]): Promise<number> {
  if (!unitIds.length) return 0;
  return new Set(
    await db.evidence
      .where('unitIds')
      .anyOf([...unitIds])
      .primaryKeys(),
  ).size;
}

/** Saves new evidence (no id) or replaces an existing one, keeping its creation time. Unknown unit ids are refused. */
export function saveEvidence(db: NosDatabase, input: EvidenceInput, now = Date.now()): Promise<Evidence> {
  const unitIds = [...new Set(input.unitIds)];
  return writing(() =>
    db.transaction('rw', [db.evidence, db.units, db.suites], async () => {
      const previous = input.id ? await db.evidence.get(input.id) : undefined;
      const records = await db.units.bulkGet(unitIds);
      const suites = new Map((await db.suites.toArray()).map((s) => [s.id, s.title]));
      const units: EvidenceUnitRef[] = [];
      records.forEach((r, i) => {
        // A unit no longer in the database keeps what the evidence remembered of it.
        const kept = previous?.units.find((u) => u.unitId === unitIds[i]);
        if (r)
          units.push({ unitId: r.id, code: r.code, title: r.title, suiteTitle: suites.get(r.suiteId) ?? r.suiteId });
        else if (kept) units.push(kept);
        else throw new Error(`There is no unit “${unitIds[i]}” in your NOS Lens database.`);
      });
      const evidence: Evidence = {
        id: previous?.id ?? input.id ?? newId('ev'),
        url: input.url,
        pageTitle: input.pageTitle.trim() || input.url,
        quote: input.quote,
        note: input.note,
        tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
        type: input.type,
        activityDate: input.activityDate,
        units,
        unitIds: units.map((u) => u.unitId),
        snapshot: input.snapshot ?? previous?.snapshot ?? null,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      await db.evidence.put(evidence);
      return evidence;
    }),
  );
}

/** Deletes one piece of evidence and returns it, so the UI can offer Undo. */
export function deleteEvidence(db: NosDatabase, id: string): Promise<Evidence | null> {
  return db.transaction('rw', db.evidence, async () => {
    const found = await db.evidence.get(id);
    if (found) await db.evidence.delete(id);
    return found ?? null;
  });
}

/** Puts evidence back exactly as it was (Undo, or a backup being restored inside its transaction). */
export function putEvidence(db: NosDatabase, evidence: readonly Evidence[]): Promise<void> {
  return writing(async () => {
    await db.evidence.bulkPut([...evidence]);
  });
}

/** Puts one piece of evidence back exactly as it was (Undo). */
export async function restoreEvidence(db: NosDatabase, evidence: Evidence): Promise<Evidence> {
  await putEvidence(db, [evidence]);
  return evidence;
}
