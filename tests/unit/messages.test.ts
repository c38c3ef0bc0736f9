import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { handleMessage, memoryTabUnits } from '@/lib/background/handlers';
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
    ctx: { db, ready, tabUnits: memoryTabUnits(), senderTabId, setBadge: (t: number, s: string) => (badges[t] = s) },
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
  ])('answers a malformed message %j with an error, not a crash', async (raw) => {
    const { ctx } = await context();
    const reply = await handleMessage(raw, ctx);
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
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 7 }, ctx);
    expect(tab.ok && (tab.data as { unitId: string }[]).map((u) => u.unitId)).toEqual([real]);
  });

  it('merges what the frames of one tab report, and a new page in the top frame starts afresh', async () => {
    const { ctx, badges, dataset } = await context(3);
    const [a, b] = dataset.suites.find((s) => s.id === 'wp')!.units;
    await Promise.all([
      handleMessage(
        { type: 'reportFound', units: [{ unitId: a.id, count: 1 }], newPage: true },
        { ...ctx, senderFrameId: 0 },
      ),
      handleMessage(
        {
          type: 'reportFound',
          units: [
            { unitId: a.id, count: 2 },
            { unitId: b.id, count: 1 },
          ],
        },
        { ...ctx, senderFrameId: 5 },
      ),
    ]);
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 3 }, ctx);
    expect(tab.ok && (tab.data as { unitId: string; count: number }[]).map((u) => [u.unitId, u.count])).toEqual([
      [a.id, 3],
      [b.id, 1],
    ]);
    expect(badges[3]).toBe('2');
    await handleMessage({ type: 'reportFound', units: [], newPage: true }, { ...ctx, senderFrameId: 0 });
    expect(badges[3]).toBe('');
  });

  it("keeps an iframe's report that came before the top frame's first one, and drops the previous page's", async () => {
    const { ctx, badges, dataset } = await context(4);
    const [a, b] = dataset.suites.find((s) => s.id === 'wp')!.units;
    const report = (frame: number, unitId: string, pageStart: number, newPage = false) =>
      handleMessage(
        { type: 'reportFound', units: [{ unitId, count: 1 }], newPage, pageStart },
        { ...ctx, senderFrameId: frame },
      );
    // Page one: an iframe (frame 3) reports, then the top frame.
    await report(3, a.id, 1_000);
    await report(0, b.id, 900, true);
    expect(badges[4]).toBe('2');
    // Page two: its iframe (frame 8) loads and reports before the top frame does; frame 3 was page one's.
    await report(8, a.id, 2_100);
    await report(0, b.id, 2_000, true);
    const tab = await handleMessage({ type: 'getTabUnits', tabId: 4 }, ctx);
    // Frame 3's report of `a` is gone: `a` counts once, from frame 8.
    const counts = tab.ok ? (tab.data as { unitId: string; count: number }[]).map((u) => [u.unitId, u.count]) : [];
    expect(new Map(counts as [string, number][])).toEqual(
      new Map([
        [a.id, 1],
        [b.id, 1],
      ]),
    );
    expect(badges[4]).toBe('2');
    await handleMessage(
      { type: 'reportFound', units: [], newPage: true, pageStart: 3_000 },
      { ...ctx, senderFrameId: 0 },
    );
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
