import 'fake-indexeddb/auto';
// Whatever NOS Lens can store, it can export and import back identically: records at and beyond every limit go
// through the real writers (the background's messages), out as a backup file, and into a fresh database.
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { CODE_LIMIT, TITLE_LIMIT, type Suite } from '@/lib/dataset/schema';
import { handleMessage, type ReplyOf, type Request } from '@/lib/messages';
import { backupSettings, makeBackup, parseBackup } from '@/lib/portfolio/backup';
import { ROLE_IDS } from '@/lib/dataset/scope';
import {
  DOCUMENT_PAGES_LIMIT,
  NOTE_LIMIT,
  PAGE_TITLE_LIMIT,
  QUOTE_LIMIT,
  SNAPSHOT_LIMIT,
  URL_LIMIT,
} from '@/lib/portfolio/model';
import { importBackup, readPortfolio } from '@/lib/store';
import { handlerContext } from './handler-context';

const dataset = loadBundledDataset();

async function seeded() {
  const db = new NosDatabase(`round-trip-${Math.random()}`);
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const ctx = handlerContext(db, ready);
  const ask = async <R extends Request>(request: R): Promise<ReplyOf<R['type']>> => {
    const reply = await handleMessage(request, ctx);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ReplyOf<R['type']>;
  };
  return { db, ask };
}

/** A URL of exactly `length` characters. */
const urlOf = (length: number) => {
  const base = 'https://jobs.example.org/advert?q=';
  return base + 'x'.repeat(length - base.length);
};

/** A user suite whose titles and codes sit exactly at the limits. */
function suiteAtLimits(): Suite {
  const title = (n: number, c: string) => c.repeat(n);
  return {
    id: 'user-long',
    title: title(TITLE_LIMIT, 'S'),
    aliases: [],
    codePrefixes: ['L'],
    origin: 'user',
    body: null,
    year: null,
    description: null,
    source: { document: 'long.json', section: 'all' },
    notes: [],
    units: [
      {
        id: 'user-long-l1',
        suiteId: 'user-long',
        code: `L${'1'.repeat(CODE_LIMIT - 1)}`,
        aliases: [],
        title: title(TITLE_LIMIT, 'T'),
        elements: [],
        criteria: [],
        knowledge: [],
        source: { document: 'long.json', section: 'all' },
        notes: [],
      },
    ],
  };
}

describe('round trip at and beyond every limit', () => {
  it('stores, exports and imports back identically, cutting over-long titles when they are first stored', async () => {
    const { db, ask } = await seeded();
    await ask({ type: 'importSuites', suites: [suiteAtLimits()] });
    await ask({
      type: 'addOwnCode',
      ownCode: { unitId: 'wp-301', code: `U ${'9'.repeat(38)}`, context: 'c'.repeat(100) },
    });

    const titles = [
      '',
      'a'.repeat(PAGE_TITLE_LIMIT - 1),
      'b'.repeat(PAGE_TITLE_LIMIT),
      'c'.repeat(PAGE_TITLE_LIMIT + 1),
    ];
    const saved = [];
    for (const [i, pageTitle] of titles.entries())
      saved.push(
        await ask({
          type: 'saveEvidence',
          evidence: {
            // An untitled page falls back to its address, which may be far longer than a title.
            url: i === 0 ? urlOf(URL_LIMIT) : urlOf(100 + i),
            pageTitle,
            quote: {
              exact: 'q'.repeat(QUOTE_LIMIT),
              prefix: 'p'.repeat(200),
              suffix: 's'.repeat(200),
              start: 0,
              end: 5,
            },
            note: 'n'.repeat(NOTE_LIMIT),
            tags: Array.from({ length: 50 }, (_, t) => `${t}`.padEnd(100, 't')),
            type: 'job-advert',
            activityDate: '2026-11-30',
            unitIds: ['wp-301', 'user-long-l1'],
            snapshot: 'w'.repeat(SNAPSHOT_LIMIT),
          },
        }),
      );
    // Titles are cut to the limit with an ellipsis; the address stays whole.
    expect(saved.map((e) => e.pageTitle.length)).toEqual([
      PAGE_TITLE_LIMIT,
      PAGE_TITLE_LIMIT - 1,
      PAGE_TITLE_LIMIT,
      PAGE_TITLE_LIMIT,
    ]);
    expect(saved[0].pageTitle.endsWith('…')).toBe(true);
    expect(saved[0].url).toHaveLength(URL_LIMIT);
    expect(saved[3].pageTitle.endsWith('…')).toBe(true);
    expect(saved[0].units.find((u) => u.unitId === 'user-long-l1')?.title).toHaveLength(TITLE_LIMIT);

    // Evidence on documents: a PDF's last possible page, titles at and beyond the limit, a Word file from disk.
    const documents = [
      { kind: 'pdf', fingerprint: 'f'.repeat(32), page: DOCUMENT_PAGES_LIMIT, pageCount: DOCUMENT_PAGES_LIMIT },
      { kind: 'pdf', fingerprint: 'A'.repeat(32), page: 1, title: 't'.repeat(PAGE_TITLE_LIMIT) },
      { kind: 'docx', fingerprint: '0'.repeat(64), title: 'u'.repeat(PAGE_TITLE_LIMIT + 1) },
    ] as const;
    const onDocuments = [];
    for (const [i, document] of documents.entries())
      onDocuments.push(
        await ask({
          type: 'saveEvidence',
          evidence: {
            url: i === 2 ? null : urlOf(URL_LIMIT),
            pageTitle: '',
            quote: {
              exact: 'q'.repeat(QUOTE_LIMIT),
              prefix: 'p'.repeat(200),
              suffix: 's'.repeat(200),
              start: null,
              end: null,
            },
            note: '',
            tags: [],
            type: 'job-advert',
            activityDate: '2026-11-30',
            unitIds: ['wp-301'],
            document,
            snapshot: null,
          },
        }),
      );
    expect(onDocuments.map((e) => e.document?.title?.length)).toEqual([undefined, PAGE_TITLE_LIMIT, PAGE_TITLE_LIMIT]);
    expect(onDocuments[1].document?.fingerprint).toBe('a'.repeat(32));
    expect(onDocuments[2].pageTitle).toBe(onDocuments[2].document?.title);

    await ask({
      type: 'saveCourse',
      course: { url: urlOf(URL_LIMIT), title: '', explicit: [], matches: [], snapshot: 'c'.repeat(SNAPSHOT_LIMIT) },
    });
    await ask({
      type: 'saveCourse',
      course: { url: urlOf(300), title: 'd'.repeat(10_000), explicit: [], matches: [], snapshot: null },
    });

    // Every role in scope, the user's own suite added to it.
    await ask({ type: 'setScope', roles: ROLE_IDS.filter((r) => r !== 'everything') });
    await ask({ type: 'setWorkingSuite', suiteId: 'user-long', working: true });
    const source = await readPortfolio(db);
    const file = JSON.stringify(
      makeBackup({ ...source, settings: backupSettings(source.workingSuites, source.scopeRoles) }),
    );
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    const { db: fresh } = await seeded();
    expect(await importBackup(fresh, parsed.backup)).toMatchObject({ updated: 0, skipped: 0 });
    const target = await readPortfolio(fresh);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(target.evidence)).toEqual(byId(source.evidence));
    expect(target.evidence.filter((e) => e.document).length).toBe(documents.length);
    expect(byId(target.courses)).toEqual(byId(source.courses));
    expect(target.suites).toEqual(source.suites);
    expect(target.ownCodes).toEqual(source.ownCodes);
    expect([target.workingSuites, target.scopeRoles]).toEqual([source.workingSuites, source.scopeRoles]);
    expect(target.workingSuites).toContain('user-long');
  }, 120_000);

  it('refuses a suite with a title beyond the limit when it is imported, before anything is stored', async () => {
    const { db, ask } = await seeded();
    const long = { ...suiteAtLimits(), title: 'S'.repeat(TITLE_LIMIT + 1) };
    await expect(ask({ type: 'importSuites', suites: [long] })).rejects.toThrow(/title/);
    expect(await db.suites.get('user-long')).toBeUndefined();
  });
});

describe('edits from two tabs', () => {
  it('refuses a save made from an older version, keeps the newer one, and overwrites when saved again knowingly', async () => {
    const { db, ask } = await seeded();
    const input = {
      url: 'https://jobs.example.org/ta',
      pageTitle: 'TA',
      quote: null,
      note: 'first',
      tags: [],
      type: 'job-advert' as const,
      activityDate: '2026-11-30',
      unitIds: ['wp-301'],
      snapshot: null,
    };
    const first = await ask({ type: 'saveEvidence', evidence: input });
    // Tab B saves a note.
    const b = await ask({
      type: 'saveEvidence',
      evidence: { ...input, id: first.id, note: 'from B', baseUpdatedAt: first.updatedAt },
    });
    expect(b.updatedAt).toBeGreaterThan(first.updatedAt);
    // Tab A, still showing the first version, saves tags: refused, B's note kept.
    await expect(
      ask({
        type: 'saveEvidence',
        evidence: { ...input, id: first.id, tags: ['a'], baseUpdatedAt: first.updatedAt },
      }),
    ).rejects.toThrow(/changed in another tab/);
    expect((await db.evidence.get(first.id))?.note).toBe('from B');
    // An edit of a record deleted meanwhile in another tab does not bring it back.
    const other = await ask({ type: 'saveEvidence', evidence: { ...input, url: 'https://jobs.example.org/other' } });
    await ask({ type: 'deleteEvidence', id: other.id });
    await expect(
      ask({ type: 'saveEvidence', evidence: { ...input, id: other.id, note: 'x', baseUpdatedAt: other.updatedAt } }),
    ).rejects.toThrow(/changed in another tab/);
    expect(await db.evidence.get(other.id)).toBeUndefined();
    // A saves again, knowing: overwritten.
    await ask({ type: 'saveEvidence', evidence: { ...input, id: first.id, tags: ['a'] } });
    expect((await db.evidence.get(first.id))?.tags).toEqual(['a']);
  });

  it('files a retried save once: the id is made where the user acts', async () => {
    const { db, ask } = await seeded();
    const input = {
      id: 'form-made-id',
      url: 'https://jobs.example.org/ta',
      pageTitle: 'TA',
      quote: null,
      note: '',
      tags: [],
      type: 'job-advert' as const,
      activityDate: '2026-11-30',
      unitIds: ['wp-301'],
      snapshot: null,
    };
    await ask({ type: 'saveEvidence', evidence: input });
    await ask({ type: 'saveEvidence', evidence: input });
    expect(await db.evidence.count()).toBe(1);
    expect((await db.evidence.get('form-made-id'))?.unitIds).toEqual(['wp-301']);
  });
});
