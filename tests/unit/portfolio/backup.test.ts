import 'fake-indexeddb/auto';
// The JSON backup: round trip into an empty database, a table of bad files each refused with its message and the
// database unchanged, and importing the same file twice changing nothing the second time.
import { describe, expect, it } from 'vitest';
import { NosDatabase } from '@/lib/db';
import {
  BACKUP_FORMAT,
  backupSettings,
  makeBackup,
  parseBackup,
  planImport,
  planIsEmpty,
  type Backup,
} from '@/lib/portfolio/backup';
import {
  getLearnerName,
  getScope,
  importBackup,
  previewImport,
  previewSuiteChanges,
  readPortfolio,
  setLearnerName,
  setScope,
  setWorkingSuite,
  setWorkingSuites,
} from '@/lib/store';
import { LEARNER_NAME_LIMIT } from '@/lib/portfolio/model';
import { course, evidence } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { parseSuitesCsv } from '@/lib/dataset/import';
import { handleMessage } from '@/lib/messages';
import { handlerContext } from '../handler-context';

const backup = (over: Partial<Backup> = {}): Backup => ({
  ...makeBackup({
    evidence: [evidence('e1'), evidence('e2', { quote: null, tags: [], note: '', snapshot: null })],
    courses: [course('c1')],
    settings: { workingSuites: ['wp', 'ldss'] },
    exportedAt: new Date('2026-11-22T10:00:00Z'),
  }),
  ...over,
});
const text = (b: unknown) => JSON.stringify(b, null, 2);
const newDb = () => new NosDatabase(`backup-${Math.random()}`);

describe('backup', () => {
  it('round-trips every record exactly into an empty database', async () => {
    const source = newDb();
    await source.evidence.bulkPut(backup().evidence);
    await source.courses.bulkPut(backup().courses);
    await setWorkingSuites(source, []); // no suites seeded: nothing is kept
    await source.settings.put({ key: 'workingSuites', value: ['wp', 'ldss'] });
    const written = text(makeBackup({ ...(await readPortfolio(source)), settings: { workingSuites: ['wp', 'ldss'] } }));

    const parsed = parseBackup(written);
    expect(parsed.ok).toBe(true);
    const target = newDb();
    expect(await importBackup(target, (parsed as { backup: Backup }).backup)).toEqual({
      added: 3,
      updated: 0,
      skipped: 0,
    });
    const a = await readPortfolio(source);
    const b = await readPortfolio(target);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(b.evidence)).toEqual(byId(a.evidence));
    expect(byId(b.courses)).toEqual(byId(a.courses));
    expect(b.workingSuites).toEqual(['wp', 'ldss']);
  });

  it('imports the same file twice: the second time adds and updates nothing', async () => {
    const db = newDb();
    const b = backup();
    expect(await importBackup(db, b)).toEqual({ added: 3, updated: 0, skipped: 0 });
    const before = await readPortfolio(db);
    expect(planIsEmpty(planImport(b, before))).toBe(true);
    expect(await importBackup(db, b)).toEqual({ added: 0, updated: 0, skipped: 3 });
    expect(await readPortfolio(db)).toEqual(before);
  });

  it('updates a record the backup has newer, keeps one stored newer, and never removes what the file lacks', async () => {
    const db = newDb();
    await db.evidence.bulkPut([
      evidence('e1', { note: 'old', updatedAt: 1 }),
      evidence('e2', { note: 'edited since', updatedAt: 9_999_999_999_999 }),
      evidence('only-here'),
    ]);
    expect(await importBackup(db, backup({ courses: [] }))).toEqual({ added: 0, updated: 1, skipped: 1 });
    expect((await db.evidence.get('e1'))!.note).toBe(evidence('e1').note);
    expect((await db.evidence.get('e2'))!.note).toBe('edited since');
    expect(await db.evidence.get('only-here')).toBeTruthy();
  });

  it('keeps evidence that points at units no longer in the dataset', async () => {
    const gone = evidence('e9', {
      units: [{ unitId: 'retired-unit', code: 'R 1', title: 'A retired unit', suiteTitle: 'Old suite' }],
    });
    const parsed = parseBackup(text(backup({ evidence: [gone] })));
    expect(parsed.ok).toBe(true);
    const db = newDb();
    await importBackup(db, (parsed as { backup: Backup }).backup);
    expect(await db.evidence.get('e9')).toEqual(gone);
  });

  const good = text(backup());
  const withEvidence = (patch: Record<string, unknown>) =>
    text({ ...backup(), evidence: [{ ...evidence('e1'), ...patch }] });
  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['not JSON', 'name,url\nx,y', /not valid JSON/],
    ['a truncated file', good.slice(0, good.length / 2), /cut short \(truncated\)/],
    ['a JSON array', '[]', /not a NOS Lens backup/],
    ['another format', text({ ...backup(), format: 'hypothesis-export' }), /not a NOS Lens backup/],
    [
      'a newer version',
      text({ ...backup(), version: 7 }),
      /version 7, made by a newer NOS Lens; this one reads version 6/,
    ],
    ['a version that is not a number', text({ ...backup(), version: '1' }), /version \("1"\) is not one/],
    [
      'evidence without a url',
      text({ ...backup(), evidence: [{ ...evidence('e1'), url: undefined }] }),
      /evidence\[0\]\.url/,
    ],
    ['a javascript: url', withEvidence({ url: 'javascript:alert(1)' }), /evidence\[0\]\.url: must be a web address/],
    ['a bad date', withEvidence({ activityDate: '20/11/2026' }), /evidence\[0\]\.activityDate: must be a date/],
    ['a wrong field type', withEvidence({ tags: 'a,b' }), /evidence\[0\]\.tags/],
    ['an unknown evidence type', withEvidence({ type: 'photo' }), /evidence\[0\]\.type/],
    ['a note over the limit', withEvidence({ note: 'x'.repeat(20_001) }), /evidence\[0\]\.note/],
    ['an extra field', withEvidence({ script: '<img onerror=alert(1)>' }), /evidence\[0\]\.script/],
    [
      'unitIds out of step with units',
      withEvidence({ unitIds: ['wp-301'] }),
      /evidence\[0\]\.unitIds: does not list the same units/,
    ],
    [
      'duplicated ids',
      text({ ...backup(), evidence: [evidence('e1'), evidence('e1')] }),
      /evidence\[1\]\.id: "e1" is used twice/,
    ],
    [
      'a course missing its title',
      text({ ...backup(), courses: [{ ...course('c1'), title: undefined }] }),
      /courses\[0\]\.title/,
    ],
    ['bad settings', text({ ...backup(), settings: { workingSuites: 'wp' } }), /settings\.workingSuites/],
    [
      'an own code starting with an ordinary word and no context (the options page refuses it too)',
      text({ ...backup(), aliases: [{ id: 'a1', unitId: 'wp-301', code: 'Unit 1', context: null, createdAt: 1 }] }),
      /aliases\[0\]\.code: “Unit 1” starts with an ordinary word/,
    ],
  ];

  it.each(bad)('refuses %s with a message naming the problem, changing nothing', async (_name, file, message) => {
    const db = newDb();
    await db.evidence.put(evidence('kept'));
    const before = await readPortfolio(db);
    const parsed = parseBackup(file);
    // A file that cannot be read is refused; a record that fails is named and left out (the page asks before
    // importing the others).
    const said = parsed.ok ? parsed.problems : parsed.errors;
    expect(said.join('\n')).toMatch(message);
    if (parsed.ok) {
      const raw = JSON.parse(file) as Record<string, unknown[]>;
      const count = (b: Record<string, unknown[]>) =>
        ['evidence', 'courses', 'suites', 'aliases', 'files'].reduce((n, t) => n + (b[t]?.length ?? 0), 0);
      expect(count(parsed.backup as unknown as Record<string, unknown[]>)).toBeLessThan(count(raw));
    }
    expect(await readPortfolio(db)).toEqual(before);
  });

  it('keeps the valid records of a file with a bad one, and names the bad one by record and field', () => {
    const file = text(backup({ evidence: [evidence('e1', { url: 'javascript:alert(1)' }), evidence('e2')] }));
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.problems).toEqual([expect.stringMatching(/^evidence\[0\]\.url: must be a web address/)]);
    expect(parsed.backup.evidence.map((e) => e.id)).toEqual(['e2']);
    expect(parsed.backup.courses.map((c) => c.id)).toEqual(['c1']);
  });

  it('refuses a file whose every record fails', () => {
    const parsed = parseBackup(
      text(backup({ evidence: [evidence('e1', { url: 'javascript:alert(1)' })], courses: [] })),
    );
    expect(parsed).toEqual({ ok: false, errors: [expect.stringMatching(/^evidence\[0\]\.url/)] });
  });

  it('refuses a file over the size limit before reading it', () => {
    const parsed = parseBackup(good, { maxBytes: 100 });
    expect(parsed).toEqual({ ok: false, errors: [expect.stringMatching(/too large/)] });
  });

  it('writes a versioned, documented shape', () => {
    const b = JSON.parse(good) as Record<string, unknown>;
    expect(Object.keys(b)).toEqual([
      'format',
      'version',
      'exportedAt',
      'evidence',
      'courses',
      'settings',
      'suites',
      'aliases',
      'files',
    ]);
    expect(b.format).toBe(BACKUP_FORMAT);
    expect(b.version).toBe(6);
  });
});

describe("backup of the learner's name (version 4)", () => {
  const named = (learnerName: string | null) =>
    makeBackup({
      evidence: [evidence('e1')],
      courses: [],
      settings: backupSettings(['wp'], ['teaching-assistant'], learnerName),
      exportedAt: new Date('2026-11-30T09:00:00Z'),
    });

  it('round-trips the name, and a name left out, into a fresh profile', async () => {
    for (const name of ['Aisha Khan', 'Zoë O’Brien 👩🏽‍🏫', '']) {
      const source = newDb();
      await setLearnerName(source, name);
      const p = await readPortfolio(source);
      expect(p.learnerName).toBe(name);
      const file = text(makeBackup({ ...p, settings: backupSettings(p.workingSuites, p.scopeRoles, p.learnerName) }));
      expect(JSON.parse(file).settings.learnerName).toBe(name);
      const parsed = parseBackup(file);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const target = newDb();
      expect(await getLearnerName(target)).toBeNull();
      await importBackup(target, parsed.backup);
      expect(await getLearnerName(target)).toBe(name);
    }
  });

  it('leaves the name out of the file when the user was never asked', () => {
    expect(named(null).settings).toEqual({ workingSuites: ['wp'], scope: { roles: ['teaching-assistant'] } });
    expect('learnerName' in named(null).settings).toBe(false);
  });

  it('never replaces a name given (or left out) here, and a second import changes nothing', async () => {
    const db = newDb();
    await setLearnerName(db, 'Sam Taylor');
    const incoming = named('Aisha Khan');
    expect(planImport(incoming, await readPortfolio(db)).learnerName).toBeNull();
    await importBackup(db, incoming);
    expect(await getLearnerName(db)).toBe('Sam Taylor');
    const declined = newDb();
    await setLearnerName(declined, '');
    await importBackup(declined, incoming);
    expect(await getLearnerName(declined)).toBe('');

    const fresh = newDb();
    const plan = planImport(incoming, await readPortfolio(fresh));
    expect(plan.learnerName).toBe('Aisha Khan');
    expect(planIsEmpty(plan)).toBe(false);
    await importBackup(fresh, incoming);
    expect(planIsEmpty(planImport(incoming, await readPortfolio(fresh)))).toBe(true);
  });

  it('reads version 1, 2 and 3 files unchanged: no name, nothing asked', () => {
    for (const version of [1, 2, 3]) {
      const parsed = parseBackup(text({ ...backup(), version }));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      expect(parsed.backup.settings).toEqual({ workingSuites: ['wp', 'ldss'] });
      expect(parsed.backup.version).toBe(6);
      expect(planImport(parsed.backup, { evidence: [], courses: [], workingSuites: [] }).learnerName).toBeNull();
    }
  });

  it('folds spaces and control characters in a name edited by hand, cuts a long one, and refuses a name that is not text', () => {
    const edited = parseBackup(
      text({ ...named(null), settings: { workingSuites: [], learnerName: ' Aisha\n\u0000 Khan ' } }),
    );
    expect(edited.ok && edited.backup.settings.learnerName).toBe('Aisha Khan');
    const long = parseBackup(text({ ...named(null), settings: { workingSuites: [], learnerName: 'A'.repeat(900) } }));
    expect(long.ok && long.backup.settings.learnerName).toBe('A'.repeat(LEARNER_NAME_LIMIT));
    const bad = parseBackup(text({ ...named(null), settings: { workingSuites: [], learnerName: 42 } }));
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/settings\.learnerName/)]);
  });
});

describe('backup of the scope', () => {
  const dataset = loadBundledDataset();
  const seeded = async () => {
    const db = newDb();
    await seedDataset(db, dataset, datasetVersion(dataset));
    return db;
  };
  const exported = async (db: NosDatabase) => {
    const p = await readPortfolio(db);
    return text(makeBackup({ ...p, settings: backupSettings(p.workingSuites, p.scopeRoles) }));
  };

  it('round-trips the roles and the suites, adjusted, into a fresh profile', async () => {
    const source = await seeded();
    await setScope(source, ['teaching-assistant', 'education-welfare']);
    await setWorkingSuite(source, 'wp', true);
    const file = await exported(source);
    expect(JSON.parse(file).settings).toEqual({
      workingSuites: ['cypw3', 'lss', 'ldss', 'wp'],
      scope: { roles: ['teaching-assistant', 'education-welfare'] },
    });
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const target = await seeded();
    expect(await getScope(target)).toMatchObject({ asked: false });
    await importBackup(target, parsed.backup);
    expect(await getScope(target)).toEqual(await getScope(source));
    expect(await getScope(target)).toMatchObject({ asked: true, adjusted: true });
  });

  it('never replaces a scope the user has chosen, and a second import changes nothing', async () => {
    const source = await seeded();
    await setScope(source, ['early-years']);
    const parsed = parseBackup(await exported(source));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const target = await seeded();
    await setScope(target, ['fe-learning-support']);
    const plan = planImport(parsed.backup, await readPortfolio(target));
    expect(plan).toMatchObject({ workingSuites: null, scopeRoles: null });
    await importBackup(target, parsed.backup);
    expect(await getScope(target)).toMatchObject({ roles: ['fe-learning-support'], suites: ['lss'] });
  });

  it('reads version 1 and 2 files, which have no scope: their working suites still come in', async () => {
    for (const version of [1, 2]) {
      const parsed = parseBackup(text({ ...backup(), version }));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      expect(parsed.backup.settings).toEqual({ workingSuites: ['wp', 'ldss'] });
      const db = await seeded();
      await importBackup(db, parsed.backup);
      expect(await getScope(db)).toEqual({ asked: true, roles: [], suites: ['wp', 'ldss'], adjusted: false });
    }
  });

  it('drops roles it does not know (a newer NOS Lens may offer more) and refuses a malformed scope', () => {
    const file = text({ ...backup(), settings: { workingSuites: [], scope: { roles: ['astronaut', 'early-years'] } } });
    const parsed = parseBackup(file);
    expect(parsed.ok && parsed.backup.settings.scope).toEqual({ roles: ['early-years'] });
    const bad = parseBackup(text({ ...backup(), settings: { workingSuites: [], scope: { roles: 'early-years' } } }));
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/settings\.scope\.roles/)]);
  });
});

describe('backup of your own standards', () => {
  const dataset = loadBundledDataset();
  const csv = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'standards', 'stl-units.csv'), 'utf8');
  const seeded = async () => {
    const db = newDb();
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    return { db, ctx: handlerContext(db, ready) };
  };

  it('carries user suites and codes, and restores them (and evidence against them) into a fresh profile', async () => {
    const { db, ctx } = await seeded();
    const parsed = parseSuitesCsv('stl-units.csv', csv);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await handleMessage({ type: 'importSuites', suites: parsed.suites }, ctx);
    await handleMessage(
      { type: 'addOwnCode', ownCode: { unitId: 'ldss-312', code: 'Unit 324', context: 'City & Guilds' } },
      ctx,
    );
    const unitId = parsed.suites[0].units[0].id;
    const saved = await handleMessage(
      {
        type: 'saveEvidence',
        evidence: {
          url: 'https://example.org/ta',
          pageTitle: 'TA post',
          quote: null,
          note: 'STL18 in practice',
          tags: ['stl'],
          type: 'practice',
          activityDate: '2026-11-01',
          unitIds: [unitId],
          snapshot: null,
        },
      },
      ctx,
    );
    expect(saved.ok).toBe(true);
    const source = await readPortfolio(db);
    expect(source.suites.map((s) => s.units.length).sort()).toEqual([1, 5]);
    expect(source.evidence).toHaveLength(1);
    const written = text(makeBackup({ ...source, settings: { workingSuites: [] } }));

    const parsedBackup = parseBackup(written);
    if (!parsedBackup.ok) throw new Error(parsedBackup.errors.join('\n'));
    const { db: fresh } = await seeded();
    await importBackup(fresh, parsedBackup.backup);
    const target = await readPortfolio(fresh);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(target.suites)).toEqual(byId(source.suites));
    expect(target.ownCodes).toEqual(source.ownCodes);
    expect(target.evidence).toEqual(source.evidence);
    expect(await importBackup(fresh, parsedBackup.backup)).toMatchObject({ added: 0, updated: 0 });
  });

  it('reads a version 1 backup (written before your suites carried updatedAt)', () => {
    const parsed = parseBackup(text({ ...backup(), version: 1 }));
    expect(parsed.ok && parsed.backup.evidence.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('reads a backup written before suites were included', () => {
    const old = JSON.parse(text(backup())) as Record<string, unknown>;
    delete old.suites;
    delete old.aliases;
    const parsed = parseBackup(JSON.stringify(old));
    expect(parsed.ok && parsed.backup.suites).toEqual([]);
  });

  it("refuses, changing nothing, a backup whose suite takes a bundled id or is not the user's", async () => {
    const { db } = await seeded();
    const parsed = parseSuitesCsv('stl-units.csv', csv);
    if (!parsed.ok) throw new Error('fixture');
    const sneaky = {
      ...parsed.suites[0],
      id: 'wp',
      units: parsed.suites[0].units.map((u) => ({ ...u, suiteId: 'wp' })),
    };
    const before = await readPortfolio(db);
    const b = backup({ suites: [sneaky] });
    await expect(importBackup(db, b)).rejects.toThrow('bundled suite');
    expect(await readPortfolio(db)).toEqual(before);
    expect(await db.units.where('suiteId').equals('wp').count()).toBe(20);
    const bundledOrigin = parseBackup(text(backup({ suites: [{ ...parsed.suites[0], origin: 'bundled' }] })));
    expect(bundledOrigin.ok ? bundledOrigin.problems : []).toEqual([
      expect.stringContaining('suites[0]: must be a suite of your own'),
    ]);
    expect(bundledOrigin.ok && bundledOrigin.backup.suites).toEqual([]);
  });

  it('refuses a backup whose own suite is named like a bundled suite, before writing anything', async () => {
    const db = newDb();
    const dataset = loadBundledDataset();
    await seedDataset(db, dataset, datasetVersion(dataset));
    const parsed = parseSuitesCsv(
      'stl-units.csv',
      readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'standards', 'stl-units.csv'), 'utf8'),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const impostor = { ...parsed.suites[0], title: 'Work with Parents' };
    const file = parseBackup(text({ ...backup(), suites: [impostor] }));
    if (!file.ok) throw new Error(file.errors.join('\n'));
    const before = await readPortfolio(db);
    await expect(importBackup(db, file.backup)).rejects.toThrow(/name of a bundled suite/);
    expect(await readPortfolio(db)).toEqual(before);
  });

  it('keeps a suite renamed and changed since an older backup was made (newer wins), and says so in the plan', async () => {
    const { db, ctx } = await seeded();
    const parsed = parseSuitesCsv('stl-units.csv', csv);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [stl] = parsed.suites;
    await handleMessage({ type: 'importSuites', suites: [stl] }, ctx);
    const older = makeBackup({ ...(await readPortfolio(db)), settings: { workingSuites: [] } });
    // Later: renamed, and re-imported with its first unit only.
    await new Promise((r) => setTimeout(r, 5));
    await handleMessage({ type: 'renameSuite', suiteId: stl.id, title: 'STL, my version' }, ctx);
    await new Promise((r) => setTimeout(r, 5));
    const smaller = { ...stl, title: 'STL, my version', units: stl.units.slice(0, 1) };
    await handleMessage({ type: 'importSuites', suites: [smaller] }, ctx);
    const before = await readPortfolio(db);

    const file = parseBackup(text(older));
    if (!file.ok) throw new Error(file.errors.join('\n'));
    const plan = planImport(file.backup, before);
    expect(plan.suites.skip.map((s) => s.id)).toEqual([stl.id]);
    expect(plan.suites.update).toEqual([]);
    await importBackup(db, file.backup);
    const after = await readPortfolio(db);
    expect(after.suites).toEqual(before.suites);
    expect(after.suites.find((s) => s.id === stl.id)?.title).toBe('STL, my version');
    expect(after.suites.find((s) => s.id === stl.id)?.units).toHaveLength(1);
  });

  it('says before importing which of your suites a backup renames, and which units it removes (and their evidence)', async () => {
    const { db, ctx } = await seeded();
    const parsed = parseSuitesCsv('stl-units.csv', csv);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const stl = parsed.suites.find((s) => s.units.length > 1)!;
    await handleMessage({ type: 'importSuites', suites: [stl] }, ctx);
    const [kept, dropped] = stl.units;
    await handleMessage(
      {
        type: 'saveEvidence',
        evidence: {
          url: 'https://school.example/ta',
          pageTitle: 'TA',
          quote: null,
          note: '',
          tags: [],
          type: 'practice',
          activityDate: '2026-11-01',
          unitIds: [dropped.id],
          snapshot: null,
        },
      },
      ctx,
    );
    const newer = { ...stl, title: 'STL (2027)', units: [kept], updatedAt: Date.now() + 60_000 };
    const file = parseBackup(text(backup({ evidence: [], courses: [], suites: [newer] })));
    if (!file.ok) throw new Error(file.errors.join('\n'));
    const plan = await previewImport(db, file.backup);
    const changes = await previewSuiteChanges(db, plan);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ title: 'STL (2027)', renamedFrom: stl.title, added: 0, removedWithEvidence: 1 });
    expect(changes[0].removed.map((u) => u.unitId)).toEqual(stl.units.slice(1).map((u) => u.id));
    expect(changes[0].removed[0].label).toBe(`${dropped.code} ${dropped.title}`);
  });
});

describe('evidence on documents (version 6)', () => {
  const pdf = evidence('d1', {
    url: 'https://school.example/jobs/ta-jd.pdf',
    document: { kind: 'pdf', fingerprint: 'a1'.repeat(16), page: 2, pageCount: 3, title: 'Job description' },
  });
  const fromDisk = evidence('d2', {
    url: null,
    quote: null,
    document: { kind: 'docx', fingerprint: 'b2'.repeat(32) },
  });

  it('round-trips a PDF quote and a Word document opened from disk exactly into an empty database', async () => {
    const parsed = parseBackup(text(backup({ evidence: [pdf, fromDisk, evidence('e1')] })));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.problems).toEqual([]);
    const db = newDb();
    await importBackup(db, parsed.backup);
    expect(await db.evidence.get('d1')).toEqual(pdf);
    expect(await db.evidence.get('d2')).toEqual(fromDisk);
    expect(await db.evidence.where('document.fingerprint').equals('a1'.repeat(16)).primaryKeys()).toEqual(['d1']);
  });

  it('reads version 1–5 files unchanged: their evidence comes from no document', () => {
    for (const version of [1, 2, 3, 4, 5]) {
      const old = { ...backup(), version, evidence: [evidence('e1')].map(({ document: _, ...e }) => e) };
      const parsed = parseBackup(text(old));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      expect(parsed.backup.evidence).toEqual([evidence('e1', { document: null })]);
      expect(parsed.backup.version).toBe(6);
    }
  });

  it('leaves out a record whose document is malformed, naming the field', () => {
    const bad = { ...pdf, id: 'd3', document: { kind: 'pdf', fingerprint: 'not hex' } };
    const parsed = parseBackup(text({ ...backup(), evidence: [pdf, bad] }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.backup.evidence.map((e) => e.id)).toEqual(['d1']);
    expect(parsed.problems).toEqual([expect.stringMatching(/^evidence\[1\]\.document\.fingerprint: /)]);
  });
});
