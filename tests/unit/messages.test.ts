import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { handleMessage, requests, type RequestType, type SenderKind } from '@/lib/messages';
import { getScope } from '@/lib/store';
import { locateQuote } from '@/lib/portfolio/quote';
import { from, handlerContext } from './handler-context';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';

async function context(senderTabId?: number) {
  const db = new NosDatabase(`messages-${Math.random()}`);
  const dataset = loadBundledDataset();
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const badges: Record<number, string> = {};
  return {
    db,
    dataset,
    badges,
    ctx: handlerContext(db, ready, {
      sender: { kind: senderTabId === undefined ? 'page' : 'content', tabId: senderTabId },
      setBadge: (t: number, s: string) => (badges[t] = s),
    }),
  };
}

describe('handleMessage', () => {
  it.each([
    [undefined],
    [null],
    ['getStatus'],
    [42],
    [{}],
    [{ type: 'nope' }],
    [{ type: 'getUnit' }],
    [{ type: 'getUnit', unitId: 7 }],
    [{ type: 'getStatus', extra: true }],
    [{ type: 'reportFound', units: [{ unitId: 'x', count: -1 }] }],
    [{ type: 'reportFound', units: 'all' }],
    [{ type: 'getTabUnits', tabId: 1.5 }],
    [{ type: 'setSiteEnabled', host: 'a.org', enabled: 'yes' }],
    [{ type: 'setScope', roles: ['astronaut'] }],
    [{ type: 'setScope', roles: 'learning-mentor' }],
    [{ type: 'setScope' }],
  ])('answers a malformed message %j with an error, not a crash', async (raw) => {
    const { ctx } = await context();
    // From the background itself, which may send anything: what is checked here is the message's shape.
    const reply = await handleMessage(raw, from(ctx, { kind: 'background' }));
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/Invalid message/);
  });

  it('reports the suites and counts in the database', async () => {
    const { ctx, dataset } = await context();
    const reply = await handleMessage({ type: 'getStatus' }, ctx);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const status = reply.data as { seeded: boolean; suites: { id: string; unitCount: number }[]; unitCount: number };
    expect(status.seeded).toBe(true);
    expect(status.suites.map((s) => [s.id, s.unitCount])).toEqual(dataset.suites.map((s) => [s.id, s.units.length]));
  });

  it('keeps per-tab found units, ignores unknown ids and sets the badge', async () => {
    const { ctx, badges, dataset } = await context(7);
    const real = dataset.suites[0].units[0].id;
    const reply = await handleMessage(
      {
        type: 'reportFound',
        units: [
          { unitId: real, count: 2 },
          { unitId: 'not-a-unit', count: 1 },
        ],
      },
      ctx,
    );
    expect(reply).toEqual({ ok: true, data: { badge: '1' } });
    expect(badges[7]).toBe('1');
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 7 }, from(ctx, { kind: 'page' }));
    expect(tab.ok && (tab.data as { unitId: string }[]).map((u) => u.unitId)).toEqual([real]);
  });

  it('merges what the frames of one tab report, and a new page in the top frame starts afresh', async () => {
    const { ctx, badges, dataset } = await context(3);
    const [a, b] = dataset.suites.find((s) => s.id === 'wp')!.units;
    await Promise.all([
      handleMessage(
        { type: 'reportFound', units: [{ unitId: a.id, count: 1 }], newPage: true },
        from(ctx, { frameId: 0 }),
      ),
      handleMessage(
        {
          type: 'reportFound',
          units: [
            { unitId: a.id, count: 2 },
            { unitId: b.id, count: 1 },
          ],
        },
        from(ctx, { frameId: 5 }),
      ),
    ]);
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 3 }, from(ctx, { kind: 'page' }));
    expect(tab.ok && (tab.data as { unitId: string; count: number }[]).map((u) => [u.unitId, u.count])).toEqual([
      [a.id, 3],
      [b.id, 1],
    ]);
    expect(badges[3]).toBe('2');
    await handleMessage({ type: 'reportFound', units: [], newPage: true }, from(ctx, { frameId: 0 }));
    expect(badges[3]).toBe('');
  });

  it("keeps an iframe's report that came before the top frame's first one, and drops the previous page's", async () => {
    const { ctx, badges, dataset } = await context(4);
    const [a, b] = dataset.suites.find((s) => s.id === 'wp')!.units;
    const report = (frame: number, unitId: string, pageStart: number, newPage = false) =>
      handleMessage(
        { type: 'reportFound', units: [{ unitId, count: 1 }], newPage, pageStart },
        from(ctx, { frameId: frame }),
      );
    // Page one: an iframe (frame 3) reports, then the top frame.
    await report(3, a.id, 1_000);
    await report(0, b.id, 900, true);
    expect(badges[4]).toBe('2');
    // Page two: its iframe (frame 8) loads and reports before the top frame does; frame 3 was page one's.
    await report(8, a.id, 2_100);
    await report(0, b.id, 2_000, true);
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 4 }, from(ctx, { kind: 'page' }));
    // Frame 3's report of `a` is gone: `a` counts once, from frame 8.
    const counts = tab.ok ? (tab.data as { unitId: string; count: number }[]).map((u) => [u.unitId, u.count]) : [];
    expect(new Map(counts as [string, number][])).toEqual(
      new Map([
        [a.id, 1],
        [b.id, 1],
      ]),
    );
    expect(badges[4]).toBe('2');
    await handleMessage({ type: 'reportFound', units: [], newPage: true, pageStart: 3_000 }, from(ctx, { frameId: 0 }));
    expect(badges[4]).toBe('');
  });

  it('refuses reportFound from outside a tab', async () => {
    const { ctx } = await context(undefined);
    const reply = await handleMessage({ type: 'reportFound', units: [] }, ctx);
    expect(reply.ok).toBe(false);
  });

  it('remembers the per-site and global switches', async () => {
    const { ctx } = await context();
    await handleMessage({ type: 'setSiteEnabled', host: 'jobs.example', enabled: false }, ctx);
    const site = await handleMessage({ type: 'getSiteEnabled', host: 'jobs.example' }, ctx);
    expect(site).toEqual({ ok: true, data: { enabled: false, globalEnabled: true, siteEnabled: false } });
    const other = await handleMessage({ type: 'getSiteEnabled', host: 'other.example' }, ctx);
    expect(other.ok && (other.data as { enabled: boolean }).enabled).toBe(true);
    await handleMessage({ type: 'setGlobalEnabled', enabled: false }, ctx);
    const after = await handleMessage({ type: 'getSiteEnabled', host: 'other.example' }, ctx);
    expect(after.ok && (after.data as { enabled: boolean }).enabled).toBe(false);
  });
});

describe('the scope', () => {
  it('asks once: roles chosen set the suites in scope, Skip counts as asked, and a content script cannot change it', async () => {
    const { ctx, db } = await context();
    const scope = () => getScope(db);
    expect(await scope()).toEqual({ asked: false, roles: [], suites: [], adjusted: false });

    const set = await handleMessage({ type: 'setScope', roles: ['teaching-assistant'] }, ctx);
    expect(set).toEqual({
      ok: true,
      data: { asked: true, roles: ['teaching-assistant'], suites: ['cypw3', 'lss'], adjusted: false },
    });
    // Adjusting a suite on the portfolio page keeps the roles and says the suites were adjusted.
    await handleMessage({ type: 'setWorkingSuite', suiteId: 'wp', working: true }, ctx);
    expect(await scope()).toMatchObject({
      roles: ['teaching-assistant'],
      suites: ['cypw3', 'lss', 'wp'],
      adjusted: true,
    });

    const content = from(ctx, { kind: 'content', tabId: 2 });
    expect((await handleMessage({ type: 'setScope', roles: ['everything'] }, content)).ok).toBe(false);
    expect((await scope()).roles).toEqual(['teaching-assistant']);

    // "Show everything" wins over the other roles, and means every suite.
    const all = await handleMessage({ type: 'setScope', roles: ['learning-mentor', 'everything'] }, ctx);
    expect(all.ok && all.data).toEqual({ asked: true, roles: ['everything'], suites: [], adjusted: false });

    // Skipping keeps the suites the user has and counts as asked.
    await handleMessage({ type: 'setScope', roles: ['fe-learning-support'] }, ctx);
    const skipped = await handleMessage({ type: 'setScope', roles: [] }, ctx);
    expect(skipped.ok && skipped.data).toEqual({ asked: true, roles: [], suites: ['lss'], adjusted: false });
  });
});

describe('who may send what', () => {
  const PAGE_ONLY: RequestType[] = [
    'getTabUnits',
    'setSiteEnabled',
    'setGlobalEnabled',
    'saveEvidence',
    'deleteEvidence',
    'restoreEvidence',
    'getDocumentEvidence',
    'saveCourse',
    'renameCourse',
    'deleteCourse',
    'setWorkingSuite',
    'setLearnerName',
    'setScope',
    'importSuites',
    'renameSuite',
    'deleteSuite',
    'addOwnCode',
    'deleteOwnCode',
    'captureStandard',
    'linkCapture',
    'standardsChanged',
  ];
  const CONTENT_ONLY: RequestType[] = ['reportFound', 'openTagForm', 'getPageEvidence', 'openEvidence'];
  const ANY: RequestType[] = ['getStatus', 'getMatcherSuites', 'getUnit', 'getSiteEnabled', 'openUnit'];

  it('gives every request exactly one of the three rules', () => {
    const rules = Object.fromEntries(Object.entries(requests).map(([type, def]) => [type, def.from]));
    expect(rules).toEqual({
      ...Object.fromEntries(PAGE_ONLY.map((t) => [t, 'page'])),
      ...Object.fromEntries(CONTENT_ONLY.map((t) => [t, 'content'])),
      ...Object.fromEntries(ANY.map((t) => [t, 'any'])),
    });
  });

  // A well-formed example of each request, so that a refusal can only come from the sender check.
  const EXAMPLES: Record<RequestType, Record<string, unknown>> = {
    getStatus: {},
    getMatcherSuites: {},
    getUnit: { unitId: 'wp-301' },
    reportFound: { units: [{ unitId: 'wp-301', count: 1 }] },
    getPageEvidence: {},
    getTabUnits: { tabId: 9 },
    getSiteEnabled: { host: 'jobs.example' },
    setSiteEnabled: { host: 'jobs.example', enabled: false },
    setGlobalEnabled: { enabled: false },
    saveEvidence: {
      evidence: {
        url: 'https://jobs.example/advert',
        pageTitle: 'Advert',
        quote: null,
        note: '',
        tags: [],
        type: 'job-advert',
        activityDate: '2026-11-20',
        unitIds: ['wp-301'],
        snapshot: null,
      },
    },
    deleteEvidence: { id: 'e1' },
    getDocumentEvidence: { fingerprint: 'a'.repeat(32), url: 'https://school.example/jd.pdf' },
    restoreEvidence: {
      evidence: {
        id: 'e1',
        url: 'https://jobs.example/advert',
        pageTitle: 'Advert',
        quote: null,
        note: '',
        tags: [],
        type: 'job-advert',
        activityDate: '2026-11-20',
        units: [{ unitId: 'wp-301', code: 'WP 301', title: 'Build', suiteTitle: 'Work with Parents' }],
        unitIds: ['wp-301'],
        snapshot: null,
        createdAt: 1,
        updatedAt: 1,
      },
    },
    saveCourse: {
      course: { url: 'https://college.example/c', title: 'C', explicit: [], matches: [], snapshot: null },
    },
    deleteCourse: { id: 'c1' },
    renameCourse: { id: 'course-1', title: 'Level 3 at Riverside' },
    setWorkingSuite: { suiteId: 'wp', working: true },
    setLearnerName: { name: 'Aisha Khan' },
    setScope: { roles: ['teaching-assistant'] },
    openTagForm: { unitIds: ['wp-301'] },
    openEvidence: { evidenceId: 'e1' },
    captureStandard: {
      record: {
        title: 'Support pupils reading at home',
        urn: 'XYZ123',
        overview: null,
        elements: [],
        criteria: [{ id: 'P1', number: 1, text: 'agree a reading plan with the family' }],
        knowledge: [],
        details: { urn: 'XYZ123' },
        warnings: [],
      },
      url: 'https://standards.example/nos-finder/XYZ123/support',
    },
    linkCapture: { unitId: 'nos-xyz123', sameAs: 'ldss-309' },
    openUnit: { unitId: 'wp-301' },
    importSuites: { suites: [] },
    renameSuite: { suiteId: 'user-x', title: 'X' },
    deleteSuite: { suiteId: 'wp' },
    addOwnCode: { ownCode: { unitId: 'wp-301', code: 'Unit 99', context: null } },
    deleteOwnCode: { id: 'a1' },
    standardsChanged: {},
  };

  const refused = async (type: RequestType, kind: SenderKind) => {
    const { ctx } = await context(5);
    const reply = await handleMessage({ type, ...EXAMPLES[type] }, from(ctx, { kind, tabId: 5, frameId: 0 }));
    return !reply.ok && /^Refused/.test(reply.error);
  };

  it.each(PAGE_ONLY)('refuses %s from a content script (a page could drive it)', async (type) => {
    expect(await refused(type, 'content')).toBe(true);
    expect(await refused(type, 'page')).toBe(false);
  });

  it.each(CONTENT_ONLY)('refuses %s from an extension page (it is about the sender’s own tab)', async (type) => {
    expect(await refused(type, 'page')).toBe(true);
    expect(await refused(type, 'content')).toBe(false);
  });

  it.each(ANY)('accepts %s from pages and content scripts alike', async (type) => {
    expect(await refused(type, 'page')).toBe(false);
    expect(await refused(type, 'content')).toBe(false);
  });

  it.each(Object.keys(EXAMPLES) as RequestType[])(
    'refuses %s from an unknown sender, and never from the background',
    async (type) => {
      expect(await refused(type, 'unknown')).toBe(true);
      expect(await refused(type, 'background')).toBe(false);
    },
  );

  it('leaves the data alone when a content script asks to delete evidence or import suites', async () => {
    const { ctx, db } = await context(5);
    const page = from(ctx, { kind: 'page' });
    const saved = await handleMessage({ type: 'saveEvidence', ...EXAMPLES.saveEvidence }, page);
    expect(saved.ok).toBe(true);
    const content = from(ctx, { kind: 'content' });
    const id = (saved as { data: { id: string } }).data.id;
    expect((await handleMessage({ type: 'deleteEvidence', id }, content)).ok).toBe(false);
    expect(await db.evidence.count()).toBe(1);
    const before = await db.suites.count();
    await handleMessage({ type: 'deleteSuite', suiteId: 'wp' }, content);
    expect(await db.suites.count()).toBe(before);
  });
});

describe('tabs opened for a page', () => {
  it('lets a tab’s content script open a few pages at a person’s pace, then refuses until the window passes', async () => {
    const db = new NosDatabase(`open-rate-${Math.random()}`);
    const dataset = loadBundledDataset();
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    const opened: string[] = [];
    const ctx = handlerContext(db, ready, {
      sender: { kind: 'content', tabId: 11 },
      openPage: (p) => Promise.resolve(void opened.push(p)),
    });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await handleMessage({ type: 'openUnit', unitId: 'wp-301' }, ctx));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(opened).toHaveLength(3);
    // Another tab has its own allowance; the extension's own pages are not limited.
    expect((await handleMessage({ type: 'openTagForm', unitIds: [] }, from(ctx, { tabId: 12 }))).ok).toBe(true);
    for (let i = 0; i < 5; i++)
      expect((await handleMessage({ type: 'openUnit', unitId: 'wp-301' }, from(ctx, { kind: 'page' }))).ok).toBe(true);
    // After the window, the tab may open pages again.
    expect(ctx.tabs.allowOpen(11, Date.now() + 11_000)).toBe(true);
  });

  it('answers a content script about its own tab’s site only, whatever host it names', async () => {
    const db = new NosDatabase(`site-${Math.random()}`);
    const dataset = loadBundledDataset();
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    const ctx = handlerContext(db, ready, { sender: { kind: 'page' } });
    await handleMessage({ type: 'setSiteEnabled', host: 'bank.example', enabled: false }, ctx);
    const content = from(ctx, { kind: 'content', tabId: 4, tabUrl: 'https://jobs.example.org/advert' });
    const reply = await handleMessage({ type: 'getSiteEnabled', host: 'bank.example' }, content);
    expect(reply).toEqual({ ok: true, data: { enabled: true, globalEnabled: true, siteEnabled: true } });
  });
});

describe('the evidence of the sender’s own page', () => {
  const SNAPSHOT = 'About the role. You will keep children safe and report concerns. How to apply.';
  const evidence = (url: string, exact: string | null, snapshot = SNAPSHOT) => ({
    url,
    pageTitle: 'Advert',
    quote: exact ? locateQuote(snapshot, exact) : null,
    note: 'private note',
    tags: [],
    type: 'job-advert' as const,
    activityDate: '2026-11-20',
    unitIds: ['wp-301'],
    snapshot,
  });

  async function withEvidence() {
    const badges: [number, string, number][] = [];
    const db = new NosDatabase(`page-evidence-${Math.random()}`);
    const dataset = loadBundledDataset();
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    const ctx = handlerContext(db, ready, { setBadge: (t, s, p) => badges.push([t, s, p]) });
    const save = async (url: string, exact: string | null, snapshot = SNAPSHOT) => {
      const reply = await handleMessage({ type: 'saveEvidence', evidence: evidence(url, exact, snapshot) }, ctx);
      if (!reply.ok) throw new Error(reply.error);
      return (reply.data as { id: string }).id;
    };
    const mine = await save('https://jobs.example.org/advert/42?utm_source=mail', 'You will keep children safe');
    await save('https://jobs.example.org/advert/42/#apply', null);
    await save('https://bank.example/statement', 'Balance: £12,345', 'Your account. Balance: £12,345. Statement.');
    return { ctx, badges, mine };
  }

  it('answers with the quotes filed from the tab’s page (address normalised), and marks the badge', async () => {
    const { ctx, badges, mine } = await withEvidence();
    const content = from(ctx, { kind: 'content', tabId: 7, frameId: 0, tabUrl: 'https://jobs.example.org/advert/42' });
    const reply = await handleMessage({ type: 'getPageEvidence' }, content);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { pieces: number; quotes: { evidenceId: string; position: number | null }[] };
    expect(data.pieces).toBe(2);
    expect(data.quotes).toEqual([
      {
        evidenceId: mine,
        exact: 'You will keep children safe',
        prefix: 'About the role. ',
        suffix: ' and report concerns. How to app',
        position: 16 / SNAPSHOT.length,
      },
    ]);
    // Only what painting needs: no note, no snapshot, no other page's records.
    expect(JSON.stringify(reply.data)).not.toMatch(/private note|Balance|bank\.example/);
    expect(badges.at(-1)).toEqual([7, '✓', 2]);
  });

  it('never answers about another page: fields naming one are refused, and iframes get nothing', async () => {
    const { ctx } = await withEvidence();
    const content = from(ctx, { kind: 'content', tabId: 7, frameId: 0, tabUrl: 'https://jobs.example.org/other' });
    const named = await handleMessage({ type: 'getPageEvidence', url: 'https://bank.example/statement' }, content);
    expect(named.ok).toBe(false);
    const other = await handleMessage({ type: 'getPageEvidence' }, content);
    expect(other).toEqual({ ok: true, data: { pieces: 0, since: null, latest: null, quotes: [] } });
    const iframe = from(ctx, {
      kind: 'content',
      tabId: 7,
      frameId: 3,
      tabUrl: 'https://bank.example/statement',
    });
    expect(await handleMessage({ type: 'getPageEvidence' }, iframe)).toEqual({
      ok: true,
      data: { pieces: 0, since: null, latest: null, quotes: [] },
    });
    const page = await handleMessage({ type: 'getPageEvidence' }, from(ctx, { kind: 'page', tabId: 7 }));
    expect(page.ok).toBe(false);
  });

  it('opens the portfolio at a piece of the page’s own evidence (the card), at a person’s pace', async () => {
    const { ctx, mine } = await withEvidence();
    const opened: string[] = [];
    const content = from(ctx, {
      kind: 'content',
      tabId: 8,
      frameId: 0,
      tabUrl: 'https://jobs.example.org/advert/42#top',
    });
    const card = { ...content, openPage: (p: string) => Promise.resolve(void opened.push(p)) };
    const status = await handleMessage({ type: 'getPageEvidence' }, card);
    expect(status.ok && (status.data as { latest: string | null }).latest).toBeTruthy();
    expect(await handleMessage({ type: 'openEvidence', evidenceId: mine }, card)).toEqual({
      ok: true,
      data: { opened: true },
    });
    expect(opened).toEqual([`/portfolio.html#evidence-${encodeURIComponent(mine)}`]);
    // Deleted meanwhile: the portfolio opens and says it is gone.
    expect((await handleMessage({ type: 'openEvidence', evidenceId: 'ev-gone' }, card)).ok).toBe(true);
    // Evidence of another page is not this page's to open.
    const elsewhere = { ...card, sender: { ...card.sender, tabUrl: 'https://bank.example/statement' } };
    const refused = await handleMessage({ type: 'openEvidence', evidenceId: mine }, elsewhere);
    expect(refused).toEqual({ ok: false, error: 'That evidence was not filed from this page.' });
    // The tab's allowance (3 pages in 10 s) holds for this button too.
    expect((await handleMessage({ type: 'openEvidence', evidenceId: mine }, card)).ok).toBe(true);
    expect((await handleMessage({ type: 'openEvidence', evidenceId: mine }, card)).ok).toBe(false);
    expect(opened).toHaveLength(3);
    // Only content scripts send it (pages link to the portfolio themselves).
    expect((await handleMessage({ type: 'openEvidence', evidenceId: mine }, from(ctx, { kind: 'page' }))).ok).toBe(
      false,
    );
  });
});
