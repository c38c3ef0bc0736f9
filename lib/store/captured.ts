// Standards the user captured from their official pages: saved as units of the user's own suites (through the same
// importSuites as a suites file, so the matcher, search, portfolio and backup see them), updated by a new capture of
// the same URN, and linked to the bundled unit the user says is the same standard.
import type { NosDatabase } from '../db';
import { TITLE_LIMIT, type Unit } from '../dataset/schema';
import { diffCaptures, type CaptureDiff } from '../capture/diff';
import { carryStatementIds, refreshCriterionRefs, removedStatements } from '../capture/stable-ids';
import { unitCriteria } from '../portfolio/criteria';
import { clip, type Evidence } from '../portfolio/model';
import { userSuiteId } from '../dataset/import';
import type { NosRecord } from '../capture/nos-record';
import { capturedUnitId, captureSuite, defaultSuiteTitle, nosRecordToUnit, withCapturedUnit } from '../capture/to-unit';
import { writing } from './errors';
import { bumpStandardsRevision } from './revision';
import { assembleSuites, importSuites } from './suites';

/** Where a new capture goes: one of the user's suites by id, or a suite by name (made if there is none). */
export interface CaptureTarget {
  suiteId?: string;
  suiteTitle?: string;
}

export interface SavedCapture {
  unitId: string;
  suiteId: string;
  suiteTitle: string;
  /** True when a capture of the same standard was there before (it was replaced; its link and evidence kept). */
  updated: boolean;
}

/**
 * Saves a recognised record as a unit of the user's own suites. A record captured before (same URN, so the same unit
 * id) is updated in its own suite, keeping its link to a bundled unit; otherwise it goes into `target`.
 */
export function saveCapture(
  db: NosDatabase,
  record: NosRecord,
  source: { url: string; capturedAt: Date },
  target: CaptureTarget = {},
): Promise<SavedCapture> {
  return writing(() =>
    db.transaction('rw', [db.suites, db.units, db.meta, db.evidence], async () => {
      const id = capturedUnitId(record);
      const before = await db.units.get(id);
      let suiteId = before?.suiteId ?? target.suiteId ?? null;
      const title = target.suiteTitle?.replace(/\s+/g, ' ').trim() || defaultSuiteTitle(record);
      if (!suiteId) {
        // A name the user already has (any case) is that suite, not a second one.
        const named = await db.suites
          .filter((s) => s.origin === 'user' && s.title.toLowerCase() === title.toLowerCase())
          .first();
        suiteId = named?.id ?? userSuiteId(title);
      }
      const stored = await db.suites.get(suiteId);
      if (stored && stored.origin !== 'user')
        throw new Error(`“${stored.title}” is a bundled suite: a captured standard goes into one of your own suites.`);
      if (!stored && target.suiteId && !before) throw new Error('That suite is no longer there; choose another.');
      const made: Unit = {
        ...nosRecordToUnit(record, suiteId, source),
        captured: {
          record,
          url: source.url.slice(0, 2_000),
          capturedAt: source.capturedAt.getTime(),
          ...(before?.captured?.sameAs ? { sameAs: before.captured.sameAs } : {}),
        },
      };
      // Evidence filed against this standard (as itself, or under the bundled unit it is linked to).
      const filed = before
        ? await db.evidence
            .where('unitIds')
            .anyOf([id, ...(before.captured?.sameAs ? [before.captured.sameAs] : [])])
            .distinct()
            .toArray()
        : [];
      // An update keeps each statement's id (see lib/capture/stable-ids.ts), so that evidence keeps pointing at it.
      const unit =
        before?.captured && made.captured
          ? carryStatementIds(
              before,
              made,
              diffCaptures(before.captured.record, record),
              filed.flatMap((e) => e.criteria.map((c) => c.id)),
            )
          : made;
      const suite = stored
        ? withCapturedUnit((await assembleSuites(db, { suiteIds: [suiteId] }))[0], unit, source.capturedAt)
        : { ...captureSuite(record, source, title), units: [unit] };
      await importSuites(db, [suite], source.capturedAt.getTime());
      await refreshEvidenceCriteria(db, filed, unit);
      return { unitId: id, suiteId, suiteTitle: suite.title, updated: !!before };
    }),
  );
}

/**
 * Says that the captured unit `unitId` is the bundled unit `sameAs` (or, with null, that it is not linked). One
 * captured unit per bundled unit: linking another one to it unlinks the earlier.
 */
export function linkCapture(
  db: NosDatabase,
  unitId: string,
  sameAs: string | null,
): Promise<{ sameAs: string | null }> {
  return writing(() =>
    db.transaction('rw', [db.suites, db.units, db.meta], async () => {
      const unit = await db.units.get(unitId);
      if (!unit?.captured) throw new Error('That is not a standard you captured.');
      if (sameAs !== null) {
        const bundled = await db.units.get(sameAs);
        const suite = bundled ? await db.suites.get(bundled.suiteId) : undefined;
        if (!bundled || suite?.origin !== 'bundled') throw new Error('There is no such bundled unit to link to.');
        const others = await db.units.filter((u) => u.id !== unitId && u.captured?.sameAs === sameAs).toArray();
        for (const o of others) await db.units.put(unlinked(o));
        await db.units.put({ ...unit, captured: { ...unit.captured, sameAs } });
      } else await db.units.put(unlinked(unit));
      await bumpStandardsRevision(db);
      return { sameAs };
    }),
  );
}

/**
 * Evidence filed against the captured standard's statements gets their current numbers and words (a renumbered P3 is
 * now P4 in exports too); a statement the update removed stays as the evidence remembers it.
 */
async function refreshEvidenceCriteria(db: NosDatabase, filed: readonly Evidence[], unit: Unit): Promise<void> {
  const items = unitCriteria(unit);
  for (const e of filed) {
    const criteria = refreshCriterionRefs(e.criteria, items, (t) => clip(t, TITLE_LIMIT));
    if (criteria) await db.evidence.put({ ...e, criteria });
  }
}

function unlinked(unit: Unit): Unit {
  if (!unit.captured) return unit;
  const { sameAs: _gone, ...captured } = unit.captured;
  return { ...unit, captured };
}

/** The captured unit linked to this bundled unit, if any. */
export async function captureLinkedTo(db: NosDatabase, bundledUnitId: string): Promise<Unit | null> {
  return (await db.units.filter((u) => u.captured?.sameAs === bundledUnitId).first()) ?? null;
}

/** Whether the user has captured the standard with this URN (so a page printing it need not be offered as new). */
export async function isCapturedUrn(db: NosDatabase, urn: string): Promise<boolean> {
  const unit = await db.units.get(capturedUnitId({ urn, details: {}, title: urn }));
  return !!unit?.captured;
}

/**
 * What an update of the captured unit `stored` (by `diff`) leaves evidence pointing at: the printed numbers of the
 * statements it removes that evidence shows (filed as the captured unit or under its bundled unit), and how many pieces;
 * null when none. The evidence keeps them (see lib/capture/stable-ids.ts).
 */
export async function evidenceKeptByUpdate(
  db: NosDatabase,
  stored: Unit,
  diff: CaptureDiff,
): Promise<{ printed: string[]; pieces: number } | null> {
  const removed = removedStatements(stored, diff);
  if (removed.length === 0) return null;
  const units = [stored.id, ...(stored.captured?.sameAs ? [stored.captured.sameAs] : [])];
  const evidence = await db.evidence.where('unitIds').anyOf(units).distinct().toArray();
  const printed = new Set<string>();
  let pieces = 0;
  for (const e of evidence) {
    const hit = removed.filter((r) => e.criteria.some((c) => c.id === r.id));
    if (hit.length) pieces++;
    for (const r of hit) printed.add(r.printed);
  }
  return pieces ? { printed: [...printed], pieces } : null;
}
