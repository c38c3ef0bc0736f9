import 'fake-indexeddb/auto';
// Captured standards in the database (lib/store/captured.ts, through the background's messages): saved into a user
// suite, updated by a second capture of the same URN, linked to a bundled unit; the link feeding the ranker
// (lib/capture/link.ts), surviving a backup and a dataset update.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import type { Suite } from '@/lib/dataset/schema';
import { handleMessage, type ReplyOf, type Request } from '@/lib/messages';
import { linkCandidates, withLinkedCaptures } from '@/lib/capture/link';
import { buildMatcher } from '@/lib/match/matcher';
import { buildRanker } from '@/lib/rank/ranker';
import { backupSettings, makeBackup, parseBackup } from '@/lib/portfolio/backup';
import { assembleSuites, captureLinkedTo, getUnit, importBackup, readPortfolio } from '@/lib/store';
import type { NosRecord } from '@/lib/capture/nos-record';
import { captureFile } from '../../scripts/scan-capture';
import { handlerContext } from './handler-context';

const dataset = loadBundledDataset();
const DIR = join(import.meta.dirname, '..', 'fixtures', 'capture');
const record = (file: string): NosRecord => {
  const r = captureFile(join(DIR, file)).record;
  if (!r) throw new Error(`${file} is not recognised`);
  return r;
};
const READING = 'https://standards.example.org/en/nos-finder/XYZ123/support-pupils-reading-at-home';
const LIAISE = 'https://standards.example.org/en/nos-finder/XYZ409/liaise-with-parents-carers-and-families';

async function seeded(version = datasetVersion(dataset)) {
  const db = new NosDatabase(`capture-store-${Math.random()}`);
  const ready = seedDataset(db, dataset, version);
  await ready;
  const changed: (boolean | undefined)[] = [];
  const ctx = handlerContext(db, ready, { settingsChanged: (s) => changed.push(s) });
  const ask = async <R extends Request>(request: R): Promise<ReplyOf<R['type']>> => {
    const reply = await handleMessage(request, ctx);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ReplyOf<R['type']>;
  };
  const refused = async (request: Request) => {
    const reply = await handleMessage(request, ctx);
    if (reply.ok) throw new Error(`${request.type} was accepted`);
    return reply.error;
  };
  return { db, ask, refused, changed };
}

describe('saving a captured standard', () => {
  it('saves it in a user suite named after the suite the page prints, with the record kept beside the unit', async () => {
    const { db, ask, changed } = await seeded();
    const saved = await ask({ type: 'captureStandard', record: record('finder-reading-at-home.html'), url: READING });
    expect(saved).toEqual({
      unitId: 'nos-xyz123',
      suiteId: 'user-family-learning-support-invented',
      suiteTitle: 'Family Learning Support (invented)',
      updated: false,
    });
    expect(changed).toEqual([true]); // content scripts rebuild their matcher
    const unit = await getUnit(db, 'nos-xyz123');
    expect(unit?.criteria).toHaveLength(8);
    expect(unit?.knowledge).toHaveLength(10);
    expect(unit?.source.document).toBe(READING);
    expect(unit?.captured?.record.details.versionNumber).toBe('3');
    expect(unit?.captured?.url).toBe(READING);
    expect(unit?.captured?.sameAs).toBeUndefined();
    const suite = await db.suites.get('user-family-learning-support-invented');
    expect(suite).toMatchObject({ origin: 'user', unitCount: 1 });
  });

  it('goes into a suite the user picks, by id or by a name they already have (any case)', async () => {
    const { db, ask } = await seeded();
    await ask({
      type: 'captureStandard',
      record: record('finder-reading-at-home.html'),
      url: READING,
      suiteTitle: 'My NOS',
    });
    const second = await ask({
      type: 'captureStandard',
      record: record('finder-liaise-families.html'),
      url: LIAISE,
      suiteTitle: 'my nos',
    });
    expect(second).toMatchObject({ suiteId: 'user-my-nos', suiteTitle: 'My NOS', updated: false });
    expect((await db.suites.get('user-my-nos'))?.unitCount).toBe(2);
  });

  it('refuses a bundled suite or a suite that is not there', async () => {
    const { refused } = await seeded();
    const r = record('finder-reading-at-home.html');
    expect(await refused({ type: 'captureStandard', record: r, url: READING, suiteId: 'ldss' })).toMatch(
      /bundled suite/,
    );
    expect(await refused({ type: 'captureStandard', record: r, url: READING, suiteId: 'user-gone' })).toMatch(
      /no longer there/,
    );
  });

  it('updates the same unit in its own suite when the same URN is captured again, keeping its link', async () => {
    const { db, ask } = await seeded();
    await ask({ type: 'captureStandard', record: record('finder-reading-at-home.html'), url: READING });
    await ask({ type: 'linkCapture', unitId: 'nos-xyz123', sameAs: 'ldss-309' });
    const again = await ask({
      type: 'captureStandard',
      record: record('finder-reading-at-home-v4.txt'),
      url: READING,
      suiteTitle: 'Somewhere else',
    });
    expect(again).toMatchObject({
      unitId: 'nos-xyz123',
      suiteId: 'user-family-learning-support-invented',
      updated: true,
    });
    const unit = await getUnit(db, 'nos-xyz123');
    expect(unit?.captured?.record.details.versionNumber).toBe('4');
    expect(unit?.captured?.sameAs).toBe('ldss-309');
    expect(await db.suites.get('user-somewhere-else')).toBeUndefined();
  });
});

describe('linking a captured standard to a bundled unit', () => {
  it('finds the bundled unit the captured title names, exactly or closely', () => {
    const bundled = dataset.suites.filter((s) => s.origin === 'bundled');
    const matcher = buildMatcher(bundled);
    const exact = linkCandidates('Liaise with parents, carers and families', matcher);
    expect(exact[0]).toEqual({ unitId: 'ldss-309', exact: true });
    const close = linkCandidates('Liaise with parents, carers and the family', matcher);
    expect(close.map((c) => c.unitId)).toContain('ldss-309');
    expect(close.every((c) => !c.exact)).toBe(true);
    expect(linkCandidates("Support pupils' reading at home", matcher)).toEqual([]);
  });

  it('links, moves a link from an earlier capture, unlinks, and refuses what is not a capture or a bundled unit', async () => {
    const { ask, refused, db } = await seeded();
    await ask({ type: 'captureStandard', record: record('finder-liaise-families.html'), url: LIAISE });
    await ask({ type: 'captureStandard', record: record('finder-reading-at-home.html'), url: READING });
    expect(await ask({ type: 'linkCapture', unitId: 'nos-xyz409', sameAs: 'ldss-309' })).toEqual({
      sameAs: 'ldss-309',
    });
    expect((await captureLinkedTo(db, 'ldss-309'))?.id).toBe('nos-xyz409');
    await ask({ type: 'linkCapture', unitId: 'nos-xyz123', sameAs: 'ldss-309' });
    expect((await captureLinkedTo(db, 'ldss-309'))?.id).toBe('nos-xyz123');
    expect((await getUnit(db, 'nos-xyz409'))?.captured?.sameAs).toBeUndefined();
    await ask({ type: 'linkCapture', unitId: 'nos-xyz123', sameAs: null });
    expect(await captureLinkedTo(db, 'ldss-309')).toBeNull();
    expect(await refused({ type: 'linkCapture', unitId: 'ldss-309', sameAs: 'ldss-310' })).toMatch(
      /not a standard you captured/,
    );
    expect(await refused({ type: 'linkCapture', unitId: 'nos-xyz123', sameAs: 'nos-xyz409' })).toMatch(
      /no such bundled unit/,
    );
  });

  it('ranks the bundled unit with the captured criteria (and not the capture twice); unlinked, it has only its title', async () => {
    const { ask, db } = await seeded();
    await ask({ type: 'captureStandard', record: record('finder-liaise-families.html'), url: LIAISE });
    const advert = [
      'Teaching assistant wanted at a friendly primary school.',
      "You will run welcoming drop-in sessions where families can ask about their child's day.",
      'You will write home-school diary entries that celebrate small steps of progress for each pupil.',
      'You will arrange interpreters so that families who speak other languages can take part in meetings.',
    ].join(' ');
    const rankWith = (suites: Suite[]) => buildRanker(withLinkedCaptures(suites)).rank(advert, { limit: 50 });

    const unlinked = rankWith(await assembleSuites(db));
    expect(unlinked.find((m) => m.unitId === 'ldss-309')).toBeUndefined();
    expect(unlinked.find((m) => m.unitId === 'nos-xyz409')).toBeDefined();

    await ask({ type: 'linkCapture', unitId: 'nos-xyz409', sameAs: 'ldss-309' });
    const suites = await assembleSuites(db);
    const linked = rankWith(suites);
    const ldss = linked.find((m) => m.unitId === 'ldss-309');
    expect(ldss?.why.some((w) => w.field === 'criterion' && /drop-in sessions/.test(w.phrase))).toBe(true);
    expect(linked.find((m) => m.unitId === 'nos-xyz409')).toBeUndefined();
    // The merge is the ranker's copy only: the bundled unit as stored is unchanged.
    expect((await getUnit(db, 'ldss-309'))?.criteria).toEqual(
      dataset.suites.flatMap((s) => s.units).find((u) => u.id === 'ldss-309')?.criteria,
    );
    const merged = withLinkedCaptures(suites)
      .flatMap((s) => s.units)
      .find((u) => u.id === 'ldss-309');
    expect(merged?.criteria.map((c) => c.number)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(merged?.knowledge).toHaveLength(3);
  });

  it('keeps the link through a backup and a dataset update', async () => {
    const { ask, db } = await seeded();
    await ask({ type: 'captureStandard', record: record('finder-liaise-families.html'), url: LIAISE });
    await ask({ type: 'linkCapture', unitId: 'nos-xyz409', sameAs: 'ldss-309' });

    const source = await readPortfolio(db);
    const parsed = parseBackup(
      JSON.stringify(makeBackup({ ...source, settings: backupSettings(source.workingSuites, source.scopeRoles) })),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { db: fresh } = await seeded();
    await importBackup(fresh, parsed.backup);
    expect((await readPortfolio(fresh)).suites).toEqual(source.suites);
    expect((await captureLinkedTo(fresh, 'ldss-309'))?.captured?.record.urn).toBe('XYZ409');

    await seedDataset(db, dataset, 'a-later-dataset');
    expect((await captureLinkedTo(db, 'ldss-309'))?.id).toBe('nos-xyz409');
  });
});
