import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import type { Dataset, Suite, Unit } from '@/lib/dataset/schema';
import type { Evidence } from '@/lib/portfolio/model';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';

const source = { document: '004_9767ddd9e9ec1f97.txt', section: 'Appendix Six' };
const unit = (
  suiteId: string,
  id: string,
  title: string,
  code: string | null = null,
  aliases: string[] = [],
): Unit => ({
  id,
  suiteId,
  code,
  aliases,
  title,
  elements: [],
  criteria: [],
  knowledge: [],
  source,
  notes: [],
});
const suite = (id: string, units: Unit[], origin: 'bundled' | 'user' = 'bundled'): Suite => ({
  id,
  title: `Suite ${id}`,
  aliases: [],
  codePrefixes: [],
  origin,
  body: null,
  year: null,
  description: null,
  source,
  notes: [],
  units,
});

const v1: Dataset = {
  suites: [
    suite('wp', [unit('wp', 'wp-301', 'Build and maintain relationships in work with parents', 'WP 301', ['WP301'])]),
    suite('old', [unit('old', 'old-1', 'A unit that a later dataset drops')]),
  ],
  frameworks: [],
};
const v2: Dataset = {
  suites: [
    suite('wp', [
      unit('wp', 'wp-301', 'Build and maintain relationships in work with parents', 'WP 301', ['WP301']),
      unit('wp', 'wp-302', 'Communicate effectively with parents', 'WP 302', ['WP302']),
    ]),
  ],
  frameworks: [],
};

const evidence = (id: string, unitIds: string[]): Evidence => ({
  id,
  url: `https://example.org/${id}`,
  pageTitle: 'Learning mentor post',
  quote: { exact: 'work with parents', prefix: '', suffix: '', start: null, end: null },
  note: 'My note',
  tags: ['applications'],
  type: 'job-advert',
  activityDate: '2026-11-01',
  units: unitIds.map((u) => ({ unitId: u, code: null, title: u, suiteTitle: 'x' })),
  unitIds,
  criteria: [],
  hours: null,
  document: null,
  attachment: null,
  snapshot: 'The whole page text',
  createdAt: 1,
  updatedAt: 1,
});

let n = 0;
const dbs: NosDatabase[] = [];
function freshDb() {
  const db = new NosDatabase(`test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('seedDataset', () => {
  it('seeds suites, units and frameworks once per version', async () => {
    const db = freshDb();
    const first = await seedDataset(db, v1, 'v1');
    expect(first).toEqual({ status: 'seeded', version: 'v1', previous: null });
    expect(await db.suites.count()).toBe(2);
    expect(await db.units.count()).toBe(2);
    expect((await db.suites.get('wp'))?.unitCount).toBe(1);
    const second = await seedDataset(db, v1, 'v1');
    expect(second).toEqual({ status: 'unchanged', version: 'v1' });
    expect(await db.units.count()).toBe(2);
  });

  it('upgrades to a new dataset version without losing evidence, settings or user suites', async () => {
    const db = freshDb();
    await seedDataset(db, v1, 'v1');
    await db.evidence.bulkPut([evidence('e1', ['wp-301']), evidence('e2', ['old-1'])]);
    await db.settings.put({ key: 'highlightEnabled', value: false });
    const userSuite = suite(
      'mine',
      [unit('mine', 'mine-stl18', "Support pupils' learning activities", 'STL18')],
      'user',
    );
    await db.suites.put({ ...userSuite, units: undefined, unitCount: 1, order: 99 } as never);
    await db.units.put(userSuite.units[0]);

    const outcome = await seedDataset(db, v2, 'v2');
    expect(outcome).toEqual({ status: 'seeded', version: 'v2', previous: 'v1' });
    expect(await db.units.get('wp-302')).toBeTruthy();
    expect(await db.units.get('old-1')).toBeUndefined();
    expect(await db.suites.get('old')).toBeUndefined();
    // user data untouched
    expect(await db.evidence.get('e1')).toEqual(evidence('e1', ['wp-301']));
    expect(await db.evidence.get('e2')).toEqual(evidence('e2', ['old-1']));
    expect((await db.settings.get('highlightEnabled'))?.value).toBe(false);
    expect((await db.suites.get('mine'))?.origin).toBe('user');
    expect(await db.units.get('mine-stl18')).toBeTruthy();
  });

  it('a failed seed leaves the previous dataset in place', async () => {
    const db = freshDb();
    await seedDataset(db, v1, 'v1');
    const broken = { suites: [suite('wp', [unit('wp', 'wp-301', 'x'), null as never])], frameworks: [] };
    await expect(seedDataset(db, broken, 'v-broken')).rejects.toThrow();
    expect((await db.meta.get('datasetVersion'))?.value).toBe('v1');
    expect(await db.units.count()).toBe(2);
  });

  it('seeds the whole bundled dataset', async () => {
    const db = freshDb();
    const dataset = loadBundledDataset();
    await seedDataset(db, dataset, datasetVersion(dataset));
    const total = dataset.suites.reduce((n, s) => n + s.units.length, 0);
    expect(await db.units.count()).toBe(total);
    expect(await db.suites.count()).toBe(dataset.suites.length);
    expect(await db.frameworks.count()).toBe(dataset.frameworks.length);
  });
});
