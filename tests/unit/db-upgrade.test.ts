import 'fake-indexeddb/auto';
// Opening the database after an extension update that adds tables keeps everything already stored.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NosDatabase } from '@/lib/db';

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
});
