// Files, edits, deletes and restores evidence: the only code that writes the evidence table from user actions.
import type { NosDatabase } from '../db';
import type { Evidence, EvidenceUnitRef } from '../portfolio/model';
import type { EvidenceInput } from '../portfolio/schema';

/** Turns storage errors into a message a user can act on; anything else passes through. */
export function storageError(e: unknown): Error {
  const names = [e, (e as { inner?: unknown } | null)?.inner].map((x) => (x as { name?: string } | null)?.name);
  if (names.includes('QuotaExceededError'))
    return new Error(
      'Your browser has no storage space left for NOS Lens, so this was not saved. Nothing already stored was lost: ' +
        'free some disk space or export and remove old evidence, then try again.',
    );
  return e instanceof Error ? e : new Error(String(e));
}

const newId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `ev-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Saves new evidence (no id) or replaces an existing one, keeping its creation time. Unknown unit ids are refused. */
export async function saveEvidence(db: NosDatabase, input: EvidenceInput, now = Date.now()): Promise<Evidence> {
  const unitIds = [...new Set(input.unitIds)];
  try {
    return await db.transaction('rw', [db.evidence, db.units, db.suites], async () => {
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
        id: previous?.id ?? input.id ?? newId(),
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
    });
  } catch (e) {
    throw storageError(e);
  }
}

/** Deletes one piece of evidence and returns it, so the UI can offer Undo. */
export async function deleteEvidence(db: NosDatabase, id: string): Promise<Evidence | null> {
  return db.transaction('rw', db.evidence, async () => {
    const found = await db.evidence.get(id);
    if (found) await db.evidence.delete(id);
    return found ?? null;
  });
}

/** Puts back evidence exactly as it was (Undo). */
export async function restoreEvidence(db: NosDatabase, evidence: Evidence): Promise<Evidence> {
  try {
    await db.evidence.put(evidence);
    return evidence;
  } catch (e) {
    throw storageError(e);
  }
}
