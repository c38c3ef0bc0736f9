import 'fake-indexeddb/auto';
// A user's own suites and codes through the background: import (and re-import replacing), the matcher seeing them,
// rename, delete keeping evidence readable, aliases with and without context, dataset updates leaving them alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { handleMessage, type ReplyOf, type Request } from '@/lib/messages';
import { previewSuites } from '@/lib/store';
import { handlerContext } from './handler-context';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { parseSuitesCsv, reservedBy } from '@/lib/dataset/import';
import { ownCodeProblem } from '@/lib/dataset/user';
import { buildMatcher, resolveConditional } from '@/lib/match/matcher';

const dataset = loadBundledDataset();
const STL = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'standards', 'stl-units.csv'), 'utf8');
const parsed = parseSuitesCsv('stl-units.csv', STL, reservedBy(dataset.suites));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const STL_ID = 'user-supporting-teaching-and-learning-in-schools';

async function setup() {
  const db = new NosDatabase(`user-standards-${Math.random()}`);
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const changes: boolean[] = [];
  const ctx = handlerContext(db, ready, { settingsChanged: (standards) => void changes.push(!!standards) });
  async function ask<R extends Request>(request: R): Promise<ReplyOf<R['type']>> {
    const reply = await handleMessage(request, ctx);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ReplyOf<R['type']>;
  }
  return { db, ask, changes };
}

async function matcherOf(ask: Awaited<ReturnType<typeof setup>>['ask']) {
  const { suites, scopedOwnCodes } = await ask({ type: 'getMatcherSuites' });
  const m = buildMatcher(suites, scopedOwnCodes);
  return (text: string) => {
    const r = m.scan(text);
    return [...r.references, ...resolveConditional(r.conditional, r.mentionedSuites)].map((x) => [
      x.matched,
      x.unitIds,
    ]);
  };
}

describe('user suites in the database', () => {
  it('imports suites, tells the content scripts, and the matcher and search data see them', async () => {
    const { db, ask, changes } = await setup();
    expect(await ask({ type: 'importSuites', suites: parsed.suites })).toEqual({ suites: 2, units: 6 });
    expect(changes).toEqual([true]);
    const suite = await db.suites.get(STL_ID);
    expect(suite).toMatchObject({ origin: 'user', unitCount: 5, title: 'Supporting Teaching and Learning in Schools' });
    expect((await ask({ type: 'getStatus' })).suites.map((s) => s.id)).toContain(STL_ID);
    const find = await matcherOf(ask);
    expect(find('STL18-STL22 and SHC 31')).toEqual([
      ['STL18-STL22', [18, 19, 20, 21, 22].map((n) => `${STL_ID}-stl${n}`)],
      // The bundled Level 3 Diploma unit carries SHC 31 as a printed code too (data/aliases/cypw3.json).
      ['SHC 31', ['cypw3-communication', 'user-level-3-diploma-unit-codes-shc31']],
    ]);
  });

  it('re-importing a suite replaces it, says which units with evidence it drops, and keeps that evidence', async () => {
    const { db, ask } = await setup();
    await ask({ type: 'importSuites', suites: parsed.suites });
    const ev = await ask({
      type: 'saveEvidence',
      evidence: {
        url: 'https://example.org/ta',
        pageTitle: 'TA post',
        quote: null,
        note: 'STL22 evidence',
        tags: [],
        type: 'practice',
        activityDate: '2026-11-01',
        unitIds: [`${STL_ID}-stl22`],
        snapshot: null,
      },
    });
    const shorter = { ...parsed.suites[0], units: parsed.suites[0].units.slice(0, 4) };
    expect(await previewSuites(db, [shorter])).toEqual([
      { id: STL_ID, title: shorter.title, units: 4, replaces: true, dropped: 1, droppedWithEvidence: 1 },
    ]);
    await ask({ type: 'importSuites', suites: [shorter] });
    expect(await db.units.where('suiteId').equals(STL_ID).count()).toBe(4);
    expect((await db.evidence.get(ev.id))?.units[0]).toMatchObject({
      code: 'STL22',
      title: 'Reflect on and develop practice',
    });
  });

  it('renames and deletes only user suites; deleting keeps evidence and removes the codes added to its units', async () => {
    const { db, ask } = await setup();
    await ask({ type: 'importSuites', suites: parsed.suites });
    expect(await ask({ type: 'renameSuite', suiteId: STL_ID, title: '  STL units  ' })).toEqual({ title: 'STL units' });
    await expect(ask({ type: 'renameSuite', suiteId: 'wp', title: 'Mine' })).rejects.toThrow('bundled suite');
    await expect(ask({ type: 'renameSuite', suiteId: STL_ID, title: 'Work with Parents' })).rejects.toThrow(
      'Another suite is called',
    );
    await ask({ type: 'addOwnCode', ownCode: { unitId: `${STL_ID}-stl18`, code: 'TA 18', context: null } });
    await ask({
      type: 'saveEvidence',
      evidence: {
        url: 'https://example.org/x',
        pageTitle: 'X',
        quote: null,
        note: '',
        tags: [],
        type: 'reading',
        activityDate: '2026-11-02',
        unitIds: [`${STL_ID}-stl18`, 'wp-301'],
        snapshot: null,
      },
    });
    expect(await ask({ type: 'deleteSuite', suiteId: STL_ID })).toEqual({ units: 5, evidenceKept: 1 });
    expect(await db.suites.get(STL_ID)).toBeUndefined();
    expect(await db.aliases.count()).toBe(0);
    expect((await db.evidence.toArray())[0].units.map((u) => u.code)).toEqual(['STL18', 'WP 301']);
    await expect(ask({ type: 'deleteSuite', suiteId: 'wp' })).rejects.toThrow('bundled suite');
  });

  it('refuses a suite that takes a bundled id, even when sent directly', async () => {
    const { ask } = await setup();
    const fake = { ...parsed.suites[0], id: 'wp', units: parsed.suites[0].units.map((u) => ({ ...u, suiteId: 'wp' })) };
    await expect(ask({ type: 'importSuites', suites: [fake] })).rejects.toThrow('bundled suite');
  });

  it('keeps user suites and codes through a dataset update', async () => {
    const { db, ask } = await setup();
    await ask({ type: 'importSuites', suites: parsed.suites });
    await ask({ type: 'addOwnCode', ownCode: { unitId: 'ldss-312', code: 'Unit 324', context: 'City & Guilds' } });
    await seedDataset(db, dataset, 'a-newer-version');
    expect(await db.units.where('suiteId').equals(STL_ID).count()).toBe(5);
    expect(await db.aliases.count()).toBe(1);
  });
});

describe("a user's own codes", () => {
  it('scopes a code to its context, or matches it anywhere without one', async () => {
    const { ask, changes } = await setup();
    const scoped = await ask({
      type: 'addOwnCode',
      ownCode: { unitId: 'ldss-312', code: ' Unit  324 ', context: 'City & Guilds' },
    });
    expect(scoped).toMatchObject({ code: 'Unit 324', context: 'City & Guilds' });
    await ask({ type: 'addOwnCode', ownCode: { unitId: 'wp-301', code: 'PPS 7', context: null } });
    expect(changes).toEqual([true, true]);
    const find = await matcherOf(ask);
    expect(find('City & Guilds 4428: Unit 324')).toEqual([['Unit 324', ['ldss-312']]]);
    expect(find('Digital marketing: Unit 324')).toEqual([]);
    expect(find('Module PPS 7 this term')).toEqual([['PPS 7', ['wp-301']]]);
    await ask({ type: 'deleteOwnCode', id: scoped.id });
    expect((await matcherOf(ask))('City & Guilds 4428: Unit 324')).toEqual([]);
  });

  it('refuses codes that would light up everywhere, duplicates and unknown units', async () => {
    const { ask } = await setup();
    await expect(
      ask({ type: 'addOwnCode', ownCode: { unitId: 'ldss-312', code: 'Unit 324', context: null } }),
    ).rejects.toThrow('ordinary word');
    await expect(
      ask({ type: 'addOwnCode', ownCode: { unitId: 'ldss-312', code: '324', context: null } }),
    ).rejects.toThrow('starts with a number');
    await expect(ask({ type: 'addOwnCode', ownCode: { unitId: 'nope', code: 'XY 1', context: null } })).rejects.toThrow(
      'There is no unit',
    );
    await ask({ type: 'addOwnCode', ownCode: { unitId: 'wp-301', code: 'XY 1', context: null } });
    await expect(
      ask({ type: 'addOwnCode', ownCode: { unitId: 'wp-301', code: 'xy 1', context: null } }),
    ).rejects.toThrow('already one of your codes');
    expect(ownCodeProblem('Transitions', null)).toContain('has no number');
  });
});
