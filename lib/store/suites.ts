// The suites and units tables: suites are assembled from unit rows here and nowhere else; the user's own suites are
// imported, renamed and deleted here (evidence is kept: it remembers each unit's code and title).
import type { NosDatabase, SuiteRecord } from '../db';
import { withLinkedCaptureUnits } from '../capture/link';
import type { Suite, Unit } from '../dataset/schema';
import { normaliseTitleKey } from '../dataset/codes';
import type { SearchableUnit } from '../search';
import type { SuitePreview, SuiteSummary, UserSuiteUsage } from '../dataset/summary';

export type { SuitePreview, SuiteSummary, UserSuiteUsage };
import { writing } from './errors';
import { countEvidenceFor } from './evidence';
import { bumpStandardsRevision } from './revision';

const toSummary = (s: SuiteRecord): SuiteSummary => ({
  id: s.id,
  title: s.title,
  origin: s.origin,
  body: s.body,
  year: s.year,
  unitCount: s.unitCount,
});

/** The matcher needs codes and titles only: the long texts stay in the database. */
const slimUnit = (unit: Unit): Unit => ({
  ...unit,
  criteria: [],
  knowledge: [],
  overview: null,
  whoFor: null,
  values: [],
  captured: undefined,
});

/** Every suite, in dataset order. */
export async function listSuites(db: NosDatabase): Promise<SuiteSummary[]> {
  return (await db.suites.orderBy('order').toArray()).map(toSummary);
}

/** Suite id → title. */
export async function suiteTitles(db: NosDatabase): Promise<Map<string, string>> {
  return new Map((await db.suites.toArray()).map((s) => [s.id, s.title]));
}

export interface AssembleOptions {
  /** Only the user's own suites (for a backup). */
  origin?: 'bundled' | 'user';
  /** Units with codes and titles only (for the matcher). */
  slim?: boolean;
  /** Only these suites. */
  suiteIds?: readonly string[];
}

/** Suites with their units nested, in dataset order: the one place unit rows become suites again. */
export async function assembleSuites(db: NosDatabase, options: AssembleOptions = {}): Promise<Suite[]> {
  return db.transaction('r', [db.suites, db.units], async () => {
    let records = await db.suites.orderBy('order').toArray();
    if (options.origin) records = records.filter((s) => s.origin === options.origin);
    if (options.suiteIds) records = records.filter((s) => options.suiteIds!.includes(s.id));
    const ids = records.map((s) => s.id);
    const units = await db.units.where('suiteId').anyOf(ids).toArray();
    const bySuite = new Map<string, Unit[]>();
    for (const u of units) {
      const list = bySuite.get(u.suiteId) ?? [];
      list.push(options.slim ? slimUnit(u) : u);
      bySuite.set(u.suiteId, list);
    }
    // Units keep their id order within a suite (the index's order), as every reader has always seen them.
    return records.map(({ unitCount: _c, order: _o, ...s }) => ({ ...s, units: bySuite.get(s.id) ?? [] }));
  });
}

/** Every unit row in suite order, with its suite's title. */
export async function listUnits(db: NosDatabase): Promise<(Unit & { suiteTitle: string })[]> {
  const suites = await assembleSuites(db);
  return suites.flatMap((s) => s.units.map((u) => ({ ...u, suiteTitle: s.title })));
}

export async function getUnit(db: NosDatabase, unitId: string): Promise<Unit | null> {
  return (await db.units.get(unitId)) ?? null;
}

export async function unitExists(db: NosDatabase, unitId: string): Promise<boolean> {
  return (await db.units.where('id').equals(unitId).count()) > 0;
}

/** A unit with the summary of its suite (a unit whose suite row is missing gets a stand-in). */
export async function getUnitWithSuite(
  db: NosDatabase,
  unitId: string,
): Promise<{ unit: Unit; suite: SuiteSummary } | null> {
  const unit = await getUnit(db, unitId);
  if (!unit) return null;
  const suite = await db.suites.get(unit.suiteId);
  return {
    unit,
    suite: suite
      ? toSummary(suite)
      : { id: unit.suiteId, title: unit.suiteId, origin: 'user', body: null, year: null, unitCount: 0 },
  };
}

/** Where a unit stands in its suite (in the order its suite lists units): n of m, and the units before and after it. */
export interface UnitPlace {
  position: number;
  total: number;
  previous: { id: string; code: string | null; title: string } | null;
  next: { id: string; code: string | null; title: string } | null;
}

export async function unitPlace(db: NosDatabase, unit: Pick<Unit, 'id' | 'suiteId'>): Promise<UnitPlace> {
  const units = await db.units.where('suiteId').equals(unit.suiteId).toArray();
  const at = units.findIndex((u) => u.id === unit.id);
  const brief = (u: Unit | undefined) => (u ? { id: u.id, code: u.code, title: u.title } : null);
  return { position: at + 1, total: units.length, previous: brief(units[at - 1]), next: brief(units[at + 1]) };
}

/** Units (with their suite's title) for these ids, in the order given; unknown ids give null. */
export async function unitsByIds(
  db: NosDatabase,
  unitIds: readonly string[],
): Promise<((Unit & { suiteTitle: string }) | null)[]> {
  const [records, titles] = await Promise.all([db.units.bulkGet([...unitIds]), suiteTitles(db)]);
  return records.map((r) => (r ? { ...r, suiteTitle: titles.get(r.suiteId) ?? r.suiteId } : null));
}

/** Other units printed with the same title (the same standard in another suite). */
export async function unitsWithSameTitle(
  db: NosDatabase,
  unit: Pick<Unit, 'id' | 'title'>,
): Promise<{ id: string; code: string | null; suiteId: string; suiteTitle: string }[]> {
  const key = normaliseTitleKey(unit.title);
  const [same, titles] = await Promise.all([
    db.units.filter((u) => u.id !== unit.id && normaliseTitleKey(u.title) === key).toArray(),
    suiteTitles(db),
  ]);
  return same.map((u) => ({
    id: u.id,
    code: u.code,
    suiteId: u.suiteId,
    suiteTitle: titles.get(u.suiteId) ?? u.suiteId,
  }));
}

/** The units an extension page searches: each with its suite's title and the user's own codes added to its aliases. */
export async function searchableUnits(db: NosDatabase): Promise<(Unit & SearchableUnit)[]> {
  const [units, ownCodes] = await Promise.all([listUnits(db), db.aliases.toArray()]);
  const own = new Map<string, string[]>();
  for (const a of ownCodes) own.set(a.unitId, [...(own.get(a.unitId) ?? []), a.code]);
  // A bundled unit linked to a captured standard is found by, and tagged against, the captured criteria too.
  return withLinkedCaptureUnits(units).map((u) =>
    own.has(u.id) ? { ...u, aliases: [...u.aliases, ...own.get(u.id)!] } : u,
  );
}

export interface DatasetCounts {
  seeded: boolean;
  datasetVersion: string | null;
  suites: SuiteSummary[];
  unitCount: number;
  frameworkCount: number;
}

/** What the database holds: whether the bundled dataset is in, and how much of everything. */
export async function datasetCounts(db: NosDatabase): Promise<DatasetCounts> {
  const [version, suites, unitCount, frameworkCount] = await Promise.all([
    db.meta.get('datasetVersion'),
    listSuites(db),
    db.units.count(),
    db.frameworks.count(),
  ]);
  const datasetVersion = typeof version?.value === 'string' ? version.value : null;
  return { seeded: datasetVersion !== null, datasetVersion, suites, unitCount, frameworkCount };
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
      for (const id of dropped) if ((await countEvidenceFor(db, [id])) > 0) withEvidence++;
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

/**
 * Saves validated suites as the user's, in one transaction; a suite stored before under the same id is replaced.
 * `now` stamps them as changed now (a file the user imports); without it they keep their own stamp (a backup).
 */
export function importSuites(
  db: NosDatabase,
  suites: readonly Suite[],
  now?: number,
): Promise<{ suites: number; units: number }> {
  return writing(() =>
    db.transaction('rw', [db.suites, db.units, db.meta], async () => {
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
        const updatedAt = now ?? rest.updatedAt;
        await db.suites.put({
          ...rest,
          ...(updatedAt === undefined ? {} : { updatedAt }),
          origin: 'user',
          unitCount: units.length,
          order: stored?.order ?? order++,
        });
        await db.units.bulkPut(units.map((u) => ({ ...u, suiteId: suite.id })));
      }
      await bumpStandardsRevision(db);
      return { suites: suites.length, units: suites.reduce((n, s) => n + s.units.length, 0) };
    }),
  );
}

async function userSuite(db: NosDatabase, id: string) {
  const suite = await db.suites.get(id);
  if (!suite) throw new Error('There is no such suite.');
  if (suite.origin !== 'user') throw new Error(`“${suite.title}” is a bundled suite: only your own suites can change.`);
  return suite;
}

export async function renameSuite(
  db: NosDatabase,
  id: string,
  title: string,
  now = Date.now(),
): Promise<{ title: string }> {
  const name = title.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('Give the suite a name.');
  return db.transaction('rw', [db.suites, db.meta], async () => {
    const suite = await userSuite(db, id);
    const same = await db.suites.filter((s) => s.id !== id && s.title.toLowerCase() === name.toLowerCase()).count();
    if (same > 0) throw new Error(`Another suite is called “${name}”.`);
    await db.suites.put({ ...suite, title: name, updatedAt: Math.max(now, (suite.updatedAt ?? 0) + 1) });
    await bumpStandardsRevision(db);
    return { title: name };
  });
}

/** Deletes a user's suite, its units and the own codes added to them. Evidence stays (it keeps the units' code and title). */
export async function deleteSuite(db: NosDatabase, id: string): Promise<{ units: number; evidenceKept: number }> {
  return db.transaction('rw', [db.suites, db.units, db.aliases, db.evidence, db.meta], async () => {
    await userSuite(db, id);
    const unitIds = await db.units.where('suiteId').equals(id).primaryKeys();
    const evidenceKept = await countEvidenceFor(db, unitIds);
    await db.aliases.where('unitId').anyOf(unitIds).delete();
    await db.units.bulkDelete(unitIds);
    await db.suites.delete(id);
    await bumpStandardsRevision(db);
    return { units: unitIds.length, evidenceKept };
  });
}

/** What the options page lists: the user's suites with their evidence counts, and what the bundled dataset takes. */
export async function standardsOverview(db: NosDatabase): Promise<{
  userSuites: UserSuiteUsage[];
  bundled: { suiteIds: Set<string>; unitIds: Set<string>; suiteTitles: Set<string> };
}> {
  return db.transaction('r', [db.suites, db.units, db.evidence], async () => {
    const suites = await db.suites.orderBy('order').toArray();
    const bundled = suites.filter((s) => s.origin === 'bundled');
    const bundledUnitIds = await db.units
      .where('suiteId')
      .anyOf(bundled.map((s) => s.id))
      .primaryKeys();
    const userSuites: UserSuiteUsage[] = [];
    for (const s of suites.filter((x) => x.origin === 'user')) {
      const unitIds = await db.units.where('suiteId').equals(s.id).primaryKeys();
      userSuites.push({
        ...toSummary(s),
        evidence: await countEvidenceFor(db, unitIds),
        sourceDocument: s.source.document,
      });
    }
    return {
      userSuites,
      bundled: {
        suiteIds: new Set(bundled.map((s) => s.id)),
        unitIds: new Set(bundledUnitIds),
        suiteTitles: new Set(bundled.map((s) => s.title.toLowerCase())),
      },
    };
  });
}
