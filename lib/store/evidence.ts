// The evidence table: every read and every write of evidence, from the background's messages and the pages alike.
import type { NosDatabase } from '../db';
import { newId } from '../ids';
import { CODE_LIMIT, TITLE_LIMIT, type Unit } from '../dataset/schema';
import {
  attachmentProblem,
  attachmentType,
  clip,
  FILE_NAME_LIMIT,
  PAGE_TITLE_LIMIT,
  type Evidence,
  type EvidenceAttachment,
  type EvidenceCriterionRef,
  type EvidenceDocument,
  type EvidenceUnitRef,
} from '../portfolio/model';
import { unitCriteria } from '../portfolio/criteria';
import type { EvidenceInput } from '../portfolio/schema';
import { writing } from './errors';
import { attachedBytes } from './files';

/** A file to attach with a save (the portfolio page's form), or 'remove' to drop the one attached. */
export type AttachmentChange = { name: string; type: string; blob: Blob } | 'remove';
import { normalisePageUrl } from '../urls';

export function listEvidence(db: NosDatabase): Promise<Evidence[]> {
  return db.evidence.toArray();
}

/**
 * Evidence filed from the page at `url`, compared after normalisePageUrl (fragment, tracking parameters, trailing
 * slash), oldest first. Stored addresses are kept as the user saw them, so there is no normalised index to ask; the
 * `url` index narrows the read to the same site (scheme and host, any case, any port), and those are compared.
 */
export async function evidenceOnPage(db: NosDatabase, url: string): Promise<Evidence[]> {
  const page = normalisePageUrl(url);
  const site = sitePrefix(url);
  const candidates =
    site === null ? await db.evidence.toArray() : await db.evidence.where('url').startsWithIgnoreCase(site).toArray();
  return candidates
    .filter((e) => e.url !== null && normalisePageUrl(e.url) === page)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** One piece of evidence, or undefined when there is none with that id. */
export function getEvidence(db: NosDatabase, id: string): Promise<Evidence | undefined> {
  return db.evidence.get(id);
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
export function saveEvidence(
  db: NosDatabase,
  input: EvidenceInput,
  now = Date.now(),
  file?: AttachmentChange,
): Promise<Evidence> {
  const unitIds = [...new Set(input.unitIds)];
  return writing(() =>
    db.transaction('rw', [db.evidence, db.units, db.suites, db.files], async () => {
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
      const criteria = criteriaRefs(input.criteria ?? [], units, records, previous);
      const id = previous?.id ?? input.id ?? newId('ev');
      const attachment = await changeAttachment(db, id, previous?.attachment ?? null, file);
      const evidence: Evidence = {
        id,
        url: input.url,
        pageTitle: clip(
          input.pageTitle.trim() || input.document?.title?.trim() || input.url || 'Untitled evidence',
          PAGE_TITLE_LIMIT,
        ),
        quote: input.quote,
        note: input.note,
        tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
        type: input.type,
        activityDate: input.activityDate,
        units,
        unitIds: units.map((u) => u.unitId),
        criteria,
        hours: input.hours ?? null,
        attachment,
        document: input.document === undefined ? (previous?.document ?? null) : documentRef(input.document),
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

/**
 * The criteria chosen, as evidence remembers them. Each must be on its unit as stored now, under a unit the evidence
 * is filed against; one the unit no longer has is kept only if the record being edited already remembered it.
 */
function criteriaRefs(
  chosen: readonly { unitId: string; id: string }[],
  units: readonly EvidenceUnitRef[],
  records: readonly (Unit | undefined)[],
  previous: Evidence | undefined,
): EvidenceCriterionRef[] {
  const out: EvidenceCriterionRef[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const key = `${c.unitId}\n${c.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = units.findIndex((u) => u.unitId === c.unitId);
    if (at < 0) throw new Error(`The criterion “${c.id}” belongs to a unit this evidence is not filed against.`);
    const unit = records[at];
    const item = unit ? unitCriteria(unit).find((x) => x.id === c.id) : undefined;
    const kept = previous?.criteria.find((x) => x.unitId === c.unitId && x.id === c.id);
    if (item)
      out.push({ unitId: c.unitId, id: item.id, kind: item.kind, ref: item.ref, text: clip(item.text, TITLE_LIMIT) });
    else if (kept) out.push(kept);
    else throw new Error(`The unit “${units[at].title}” has no criterion “${c.id}”.`);
  }
  return out;
}

/**
 * Applies a change of attachment inside the save's transaction: a new file is checked (type, size, total with the
 * files kept already) and stored, replacing any previous one; 'remove' deletes it; no change keeps what was attached.
 * A refused file throws before anything is written, so nothing is stored.
 */
async function changeAttachment(
  db: NosDatabase,
  evidenceId: string,
  current: EvidenceAttachment | null,
  file: AttachmentChange | undefined,
): Promise<EvidenceAttachment | null> {
  if (file === undefined) return current;
  if (file === 'remove') {
    if (current) await db.files.delete(current.fileId);
    return null;
  }
  const name = clip(file.name.trim() || 'attachment', FILE_NAME_LIMIT);
  const stored = (await attachedBytes(db)) - (current?.size ?? 0);
  const problem = attachmentProblem({ name, type: file.type, size: file.blob.size }, stored);
  if (problem) throw new Error(problem);
  const type = attachmentType(name, file.type)!;
  if (current) await db.files.delete(current.fileId);
  const fileId = newId('file');
  await db.files.put({
    id: fileId,
    evidenceId,
    blob: file.blob.type === type ? file.blob : new Blob([file.blob], { type }),
  });
  return { fileId, name, type, size: file.blob.size };
}

/** Deletes one piece of evidence and returns it, so the UI can offer Undo (its attached file is kept for that). */
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

/**
 * The evidence filed from a document (PDF or Word) in the viewer: by the document's fingerprint, so the same file
 * opened from another address or from disk finds it, or by the address it is open at (compared as evidenceOnPage
 * does), which also finds quotes filed from the address before it was opened as a document. Oldest first; each piece
 * once. Both are index reads: a large portfolio is not read whole.
 */
export async function evidenceOfDocument(
  db: NosDatabase,
  fingerprint: string,
  url: string | null,
): Promise<Evidence[]> {
  const [byFingerprint, byUrl] = await Promise.all([
    db.evidence.where('document.fingerprint').equals(fingerprint.toLowerCase()).toArray(),
    url === null ? Promise.resolve([]) : evidenceOnPage(db, url),
  ]);
  const seen = new Set<string>();
  return [...byFingerprint, ...byUrl]
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * What every address of the same page starts with, whatever its case or port: the scheme and host name
 * (`https://jobs.example.org`), or the scheme alone for addresses without a host (`file://`). Null for text that is
 * not an address, or one with a user name (it comes before the host).
 */
function sitePrefix(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.username || u.password) return null;
    return `${u.protocol}//${u.hostname}`;
  } catch {
    return null;
  }
}

/** A document reference as stored: its title cut to the limit, fields left out when not given. */
function documentRef(d: EvidenceDocument | null): EvidenceDocument | null {
  if (d === null) return null;
  const title = d.title?.trim();
  return {
    kind: d.kind,
    fingerprint: d.fingerprint,
    ...(d.page !== undefined ? { page: d.page } : {}),
    ...(d.pageCount !== undefined ? { pageCount: d.pageCount } : {}),
    ...(title ? { title: clip(title, PAGE_TITLE_LIMIT) } : {}),
  };
}
