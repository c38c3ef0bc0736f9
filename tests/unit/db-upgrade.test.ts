import 'fake-indexeddb/auto';
// Opening the database after an extension update that adds tables keeps everything already stored.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import type { Evidence } from '@/lib/portfolio/model';

describe('schema upgrade', () => {
  it('v1 → v2 keeps evidence and settings and adds the courses table', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId, *codeKeys',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds, url, type, *tags, activityDate, createdAt, updatedAt',
      meta: 'key',
    });
    await v1
      .table('evidence')
      .put({ id: 'e1', unitIds: ['wp-301'], url: 'https://a.example/', tags: [], type: 'reading' });
    await v1.table('settings').put({ key: 'highlightEnabled', value: false });
    v1.close();

    const db = new NosDatabase(name);
    expect(await db.evidence.get('e1')).toMatchObject({ id: 'e1', unitIds: ['wp-301'] });
    expect(await db.settings.get('highlightEnabled')).toEqual({ key: 'highlightEnabled', value: false });
    expect(await db.evidence.where('unitIds').equals('wp-301').count()).toBe(1);
    await db.courses.put({
      id: 'c1',
      url: 'https://c.example/',
      title: 'C',
      explicit: [],
      matches: [],
      snapshot: null,
      savedAt: 1,
    });
    expect(await db.courses.count()).toBe(1);
    db.close();
  });

  it('keeps full evidence records (snapshot, quote, tags, notes) exactly through the upgrade and two dataset updates', async () => {
    const name = `upgrade-full-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId, *codeKeys',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds, url, type, *tags, activityDate, createdAt, updatedAt',
      meta: 'key',
    });
    const snapshot = 'Learning Mentor, Riverside School. '.repeat(5_000).slice(0, 150_000);
    const evidence = {
      id: 'e-full',
      url: 'https://jobs.example/learning-mentor?id=7',
      pageTitle: 'Learning Mentor – Riverside School',
      note: 'Applied; interview on the 3rd.\nAsk about transition work.',
      tags: ['applications', '2026', 'transition'],
      type: 'job-advert',
      activityDate: '2026-11-20',
      units: [
        {
          unitId: 'wp-301',
          code: 'WP 301',
          title: 'Build and maintain relationships in work with parents',
          suiteId: 'wp',
        },
        { unitId: 'gone-unit', code: 'X 1', title: 'A unit a later dataset dropped', suiteId: 'gone' },
      ],
      unitIds: ['wp-301', 'gone-unit'],
      quote: { exact: 'Riverside School', prefix: 'Learning Mentor, ', suffix: '. Learning', start: 17, end: 33 },
      snapshot,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_100_000,
    };
    await v1.table('evidence').put(evidence);
    v1.close();

    const db = new NosDatabase(name);
    const dataset = loadBundledDataset();
    await seedDataset(db, dataset, 'first');
    // A dataset update that drops a suite must not touch the evidence that points at its units.
    await seedDataset(db, { ...dataset, suites: dataset.suites.filter((s) => s.id !== 'wp') }, 'second');
    // v5 gives every record the fields for criteria, hours and an attachment, empty; the rest is as stored.
    expect(await db.evidence.get('e-full')).toEqual({
      ...evidence,
      criteria: [],
      hours: null,
      attachment: null,
      document: null,
    });
    expect(await db.evidence.where('unitIds').equals('gone-unit').primaryKeys()).toEqual(['e-full']);
    db.close();
  });

  it("v3 → v4 keeps every record, drops the unused indexes and the units' code keys, and unit queries still work", async () => {
    const name = `upgrade-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId, *codeKeys',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds, url, type, *tags, activityDate, createdAt, updatedAt',
      meta: 'key',
      courses: 'id, url, savedAt',
      aliases: 'id, unitId',
    });
    const unit = {
      id: 'user-stl-stl18',
      suiteId: 'user-stl',
      code: 'STL18',
      title: 'Support pupils’ learning activities',
      aliases: [],
      elements: [],
      criteria: [],
      knowledge: [],
      notes: [],
    };
    const evidence = {
      id: 'e1',
      url: 'https://school.example/ta',
      pageTitle: 'Teaching assistant',
      quote: null,
      note: 'kept',
      tags: ['stl'],
      type: 'practice',
      activityDate: '2026-10-01',
      units: [{ unitId: unit.id, code: 'STL18', title: unit.title, suiteTitle: 'STL' }],
      unitIds: [unit.id],
      snapshot: null,
      createdAt: 5,
      updatedAt: 6,
    };
    const ownCode = { id: 'a1', unitId: unit.id, code: 'Unit 18', context: null, createdAt: 7 };
    await v3.table('units').put({ ...unit, codeKeys: ['stl18'] });
    await v3.table('evidence').put(evidence);
    await v3.table('aliases').put(ownCode);
    await v3.table('settings').put({ key: 'workingSuites', value: ['user-stl'] });
    v3.close();

    const db = new NosDatabase(name);
    expect(await db.units.get(unit.id)).toEqual(unit);
    expect(await db.evidence.get('e1')).toEqual({
      ...evidence,
      criteria: [],
      hours: null,
      attachment: null,
      document: null,
    });
    expect(await db.aliases.get('a1')).toEqual(ownCode);
    expect(await db.settings.get('workingSuites')).toEqual({ key: 'workingSuites', value: ['user-stl'] });
    expect(await db.evidence.where('unitIds').equals(unit.id).primaryKeys()).toEqual(['e1']);
    expect(await db.units.where('suiteId').equals('user-stl').primaryKeys()).toEqual([unit.id]);
    // Version 6 indexes the address again, and the document's fingerprint, for the document viewer.
    expect(db.evidence.schema.indexes.map((i) => i.name)).toEqual(['unitIds', 'url', 'document.fingerprint']);
    expect(db.units.schema.indexes.map((i) => i.name)).toEqual(['suiteId']);
    db.close();
  });

  it('v4 → v5 gives evidence empty criteria, hours and attachment, keeps every field, and adds the files table', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds',
      meta: 'key',
      courses: 'id, url, savedAt',
      aliases: 'id, unitId',
    });
    const evidence = {
      id: 'e4',
      url: 'https://school.example/lss',
      pageTitle: 'Learning support assistant',
      quote: { exact: 'support learners', prefix: 'You will ', suffix: ' in class', start: 9, end: 25 },
      note: 'kept as it was',
      tags: ['lss'],
      type: 'job-advert',
      activityDate: '2026-09-01',
      units: [{ unitId: 'lss-a', code: 'A', title: 'Standard A', suiteTitle: 'LSS' }],
      unitIds: ['lss-a'],
      snapshot: 'You will support learners in class.',
      createdAt: 10,
      updatedAt: 11,
    };
    const course = {
      id: 'c1',
      url: 'https://c.example/',
      title: 'C',
      explicit: [],
      matches: [],
      snapshot: null,
      savedAt: 1,
    };
    await v4.table('evidence').put(evidence);
    await v4.table('courses').put(course);
    v4.close();

    const db = new NosDatabase(name);
    expect(await db.evidence.get('e4')).toEqual({
      ...evidence,
      criteria: [],
      hours: null,
      attachment: null,
      document: null,
    });
    expect(await db.courses.get('c1')).toEqual(course);
    expect(await db.evidence.where('unitIds').equals('lss-a').primaryKeys()).toEqual(['e4']);
    await db.files.put({ id: 'f1', evidenceId: 'e4', blob: new Blob(['hello'], { type: 'text/plain' }) });
    expect(await db.files.where('evidenceId').equals('e4').primaryKeys()).toEqual(['f1']);
    db.close();
  });
  it('v5 → v6 gives evidence no document, keeps every field, and finds evidence by fingerprint and address', async () => {
    const name = `upgrade-v6-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores({
      suites: 'id, origin, order',
      units: 'id, suiteId',
      frameworks: 'id',
      settings: 'key',
      evidence: 'id, *unitIds',
      meta: 'key',
      courses: 'id, url, savedAt',
      aliases: 'id, unitId',
      files: 'id, evidenceId',
    });
    const web = {
      id: 'e5',
      url: 'https://school.example/lss',
      pageTitle: 'Learning support assistant',
      quote: { exact: 'support learners', prefix: 'You will ', suffix: ' in class', start: 9, end: 25 },
      note: 'kept as it was',
      tags: ['lss'],
      type: 'job-advert',
      activityDate: '2026-09-01',
      units: [{ unitId: 'lss-a', code: 'A', title: 'Standard A', suiteTitle: 'LSS' }],
      unitIds: ['lss-a'],
      criteria: [{ unitId: 'lss-a', id: 'lss-a-pc-1', kind: 'performance', ref: '1', text: 'Do it' }],
      hours: 2.5,
      attachment: { fileId: 'f1', name: 'cert.pdf', type: 'application/pdf', size: 5 },
      snapshot: 'You will support learners in class.',
      createdAt: 10,
      updatedAt: 11,
    };
    const record = { ...web, id: 'e6', url: null, quote: null, attachment: null };
    await v5.table('evidence').bulkPut([web, record]);
    await v5.table('files').put({ id: 'f1', evidenceId: 'e5', blob: new Blob(['hello'], { type: 'application/pdf' }) });
    v5.close();

    const db = new NosDatabase(name);
    expect(await db.evidence.get('e5')).toEqual({ ...web, document: null });
    expect(await db.evidence.get('e6')).toEqual({ ...record, document: null });
    expect(await db.files.where('evidenceId').equals('e5').primaryKeys()).toEqual(['f1']);
    expect(await db.evidence.where('url').startsWithIgnoreCase('https://school.example').primaryKeys()).toEqual(['e5']);
    const fingerprint = 'c'.repeat(32);
    await db.evidence.put({ ...(web as Evidence), id: 'e7', document: { kind: 'pdf', fingerprint, page: 1 } });
    expect(await db.evidence.where('document.fingerprint').equals(fingerprint).primaryKeys()).toEqual(['e7']);
    db.close();
  });
});
