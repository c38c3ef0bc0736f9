// The Dexie database: schema versions and their upgrades, and seeding the bundled dataset without touching user data.
// Every other read and write goes through lib/store.
import Dexie, { type Table } from 'dexie';
import type { Dataset, Framework, Suite, Unit } from './dataset/schema';
import type { Course, Evidence, StoredFile } from './portfolio/model';
import type { OwnCode } from './dataset/user';

export type SuiteRecord = Omit<Suite, 'units'> & { unitCount: number; order: number };
export interface Setting {
  key: string;
  value: unknown;
}
export interface Meta {
  key: string;
  value: unknown;
}

export const DB_NAME = 'nos-lens';

export class NosDatabase extends Dexie {
  suites!: Table<SuiteRecord, string>;
  /** Units as the dataset has them (up to schema version 3 they also carried an unused `codeKeys` field). */
  units!: Table<Unit, string>;
  frameworks!: Table<Framework, string>;
  settings!: Table<Setting, string>;
  evidence!: Table<Evidence, string>;
  courses!: Table<Course, string>;
  meta!: Table<Meta, string>;
  aliases!: Table<OwnCode, string>;
  /** Files attached to evidence, as Blobs (schema version 5). */
  files!: Table<StoredFile, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId, *codeKeys',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds, url, type, *tags, activityDate, createdAt, updatedAt',
      meta: 'key',
    });
    // v2: saved courses (for comparing what courses cover). Adds a table; nothing else changes.
    this.version(2).stores({ courses: 'id, url, savedAt' });
    // v3: the user's own codes for units. Adds a table; nothing else changes.
    this.version(3).stores({ aliases: 'id, unitId' });
    // v4: only the indexes a query uses. Evidence is found by unit (`unitIds`); the other evidence indexes and the
    // units' code index were never queried. The units lose the field that fed that index; nothing else changes.
    this.version(4)
      .stores({ units: 'id, suiteId', evidence: 'id, *unitIds' })
      .upgrade((tx) =>
        tx
          .table('units')
          .toCollection()
          .modify((unit: Record<string, unknown>) => {
            delete unit.codeKeys;
          }),
      );
    // v5: evidence may show criteria, record hours and carry an attached file (its bytes in the new `files` table,
    // found by evidence). Every stored evidence record gets the new fields, empty; nothing else changes.
    this.version(5)
      .stores({ files: 'id, evidenceId' })
      .upgrade((tx) =>
        tx
          .table('evidence')
          .toCollection()
          .modify((e: Record<string, unknown>) => {
            e.criteria ??= [];
            e.hours ??= null;
            e.attachment ??= null;
          }),
      );
    // v6: evidence may come from a PDF or Word document in the viewer (`document`), found again by the document's
    // fingerprint whatever address it was opened from; the viewer asks for a document's evidence by fingerprint and
    // by address, so both are indexed (records without one are simply not in that index). Every stored evidence
    // record gets `document: null`; nothing else changes.
    this.version(6)
      .stores({ evidence: 'id, *unitIds, url, document.fingerprint' })
      .upgrade((tx) =>
        tx
          .table('evidence')
          .toCollection()
          .modify((e: Record<string, unknown>) => {
            e.document ??= null;
          }),
      );
  }
}

export type SeedOutcome =
  { status: 'seeded'; version: string; previous: string | null } | { status: 'unchanged'; version: string };

/**
 * Writes the bundled dataset in one transaction, keyed by its version: a second call with the same version does
 * nothing. Replaces bundled suites and their units only; evidence, settings and user-imported suites are never touched.
 */
export async function seedDataset(db: NosDatabase, dataset: Dataset, version: string): Promise<SeedOutcome> {
  return db.transaction('rw', [db.suites, db.units, db.frameworks, db.meta], async () => {
    const current = await db.meta.get('datasetVersion');
    if (current?.value === version) return { status: 'unchanged', version } as const;

    const oldBundled = await db.suites.where('origin').equals('bundled').primaryKeys();
    await db.units.where('suiteId').anyOf(oldBundled).delete();
    await db.suites.bulkDelete(oldBundled);
    await db.frameworks.clear();

    await db.suites.bulkPut(
      dataset.suites.map(({ units, ...suite }, order) => ({ ...suite, unitCount: units.length, order })),
    );
    await db.units.bulkPut(dataset.suites.flatMap((s) => s.units));
    await db.frameworks.bulkPut(dataset.frameworks);
    await db.meta.put({ key: 'datasetVersion', value: version });
    await db.meta.put({ key: 'seededAt', value: Date.now() });
    return { status: 'seeded', version, previous: typeof current?.value === 'string' ? current.value : null } as const;
  });
}
