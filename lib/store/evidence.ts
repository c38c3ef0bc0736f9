// The evidence table: every read and every write of evidence, from the background's messages and the pages alike.
import type { NosDatabase } from '../db';
import { newId } from '../ids';
import { CODE_LIMIT, TITLE_LIMIT } from '../dataset/schema';
import { clip, PAGE_TITLE_LIMIT, type Evidence, type EvidenceUnitRef } from '../portfolio/model';
import type { EvidenceInput } from '../portfolio/schema';
import { writing } from './errors';
import { normalisePageUrl } from '../urls';

export function listEvidence(db: NosDatabase): Promise<Evidence[]> {
  return db.evidence.toArray();
}

/**
 * Evidence filed from the page at `url`, compared after normalisePageUrl (fragment, tracking parameters, trailing
 * slash), oldest first. Reads every record: a portfolio holds hundreds of pieces, not millions, and stored addresses
 * are kept as the user saw them, so there is no normalised index to ask.
 */
export async function evidenceOnPage(db: NosDatabase, url: string): Promise<Evidence[]> {
  const page = normalisePageUrl(url);
  const all = await db.evidence.toArray();
  return all.filter((e) => normalisePageUrl(e.url) === page).sort((a, b) => a.createdAt - b.createdAt);
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

/** Starts the message of a save refused because the record changed since the edit began (pages look for it). */
export const CHANGED_ELSEWHERE = 'This evidence was changed in another tab';

/** What evidence remembers of a unit, within the limits a backup can carry back. */
const unitRef = (unitId: string, code: string | null, title: string, suiteTitle: string): EvidenceUnitRef => ({
  unitId,
  code: code === null ? null : clip(code, CODE_LIMIT),
  title: clip(title, TITLE_LIMIT),
  suiteTitle: clip(suiteTitle, TITLE_LIMIT),
});

/**
 * Saves new evidence or replaces an existing one (same id), keeping its creation time. The id may come from the form,
 * so a retry after an unclear failure updates the same record instead of filing it twice. An edit that says which
 * version it started from (`baseUpdatedAt`) is refused if the record changed since. Unknown unit ids are refused.
 */
export function saveEvidence(db: NosDatabase, input: EvidenceInput, now = Date.now()): Promise<Evidence> {
  const unitIds = [...new Set(input.unitIds)];
  return writing(() =>
    db.transaction('rw', [db.evidence, db.units, db.suites], async () => {
      const previous = input.id ? await db.evidence.get(input.id) : undefined;
      // An edit whose record changed, or was deleted, since it began.
      if (input.baseUpdatedAt !== undefined && previous?.updatedAt !== input.baseUpdatedAt)
        throw new Error(
          `${CHANGED_ELSEWHERE} since you opened it. Reload to see the change, or save again to overwrite it.`,
        );
      const records = await db.units.bulkGet(unitIds);
      const suites = new Map((await db.suites.toArray()).map((s) => [s.id, s.title]));
      const units: EvidenceUnitRef[] = [];
      records.forEach((r, i) => {
        // A unit no longer in the database keeps what the evidence remembered of it.
        const kept = previous?.units.find((u) => u.unitId === unitIds[i]);
        if (r) units.push(unitRef(r.id, r.code, r.title, suites.get(r.suiteId) ?? r.suiteId));
        else if (kept) units.push(kept);
        else throw new Error(`There is no unit “${unitIds[i]}” in your NOS Lens database.`);
      });
      const evidence: Evidence = {
        id: previous?.id ?? input.id ?? newId('ev'),
        url: input.url,
        pageTitle: clip(input.pageTitle.trim() || input.url, PAGE_TITLE_LIMIT),
        quote: input.quote,
        note: input.note,
        tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
        type: input.type,
        activityDate: input.activityDate,
        units,
        unitIds: units.map((u) => u.unitId),
        snapshot: input.snapshot ?? previous?.snapshot ?? null,
        createdAt: previous?.createdAt ?? now,
        // Strictly later than the version replaced, so two saves in one millisecond still differ.
        updatedAt: Math.max(now, (previous?.updatedAt ?? 0) + 1),
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
