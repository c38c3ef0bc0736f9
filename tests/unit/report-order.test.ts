// A frame's reports are applied in the order they arrive, whatever their lookups cost: the report that follows the
// site switch (nothing found) must not be overtaken by the earlier one (a unit found) and leave the badge at 1.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryTabUnits, TabManager } from '@/lib/background/tabs';
import { NosDatabase, seedDataset } from '@/lib/db';
import { handleMessage } from '@/lib/messages';
import type { FoundUnit } from '@/lib/messages';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handlerContext } from './handler-context';

const dataset = loadBundledDataset();

const wp301: FoundUnit = {
  unitId: 'wp-301',
  count: 1,
  close: 0,
  code: 'WP 301',
  title: 'Build and maintain relationships in work with parents',
  suiteId: 'wp',
  suiteTitle: 'Work with Parents',
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('reports from one frame', () => {
  it('are applied in arrival order even when the first one’s lookup finishes last', async () => {
    const badges: string[] = [];
    const tabs = new TabManager(memoryTabUnits(), (_tab, text) => badges.push(text));
    const slow = deferred<void>();
    const first = tabs.reportInOrder(4, async () => {
      await slow.promise; // the first report's lookup is still running…
      return { tabId: 4, frameId: 2, found: [wp301], newPage: false };
    });
    const second = tabs.reportInOrder(4, () => Promise.resolve({ tabId: 4, frameId: 2, found: [], newPage: false }));
    slow.resolve(); // …and ends after the second report was made
    expect(await first).toEqual({ badge: '1' });
    expect(await second).toEqual({ badge: '' });
    expect(badges).toEqual(['1', '']);
    expect(await tabs.unitsOf(4)).toEqual([]);
  });

  it('through the message handler: a unit found, then nothing, leaves nothing on the badge', async () => {
    const db = new NosDatabase(`report-order-${Math.random()}`);
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    const badges: string[] = [];
    const ctx = handlerContext(db, ready, {
      sender: { kind: 'content', tabId: 5, frameId: 0 },
      setBadge: (_tab, text) => badges.push(text),
    });
    // Sent back to back, as the content script does when the site is switched off just after a report; the first
    // also says the page looks like a NOS record, which costs it one more lookup (is its URN captured?).
    const found = handleMessage(
      { type: 'reportFound', units: [{ unitId: 'wp-301', count: 1 }], nosRecord: true, nosUrn: 'XYZ409' },
      ctx,
    );
    const cleared = handleMessage({ type: 'reportFound', units: [] }, ctx);
    expect(await found).toEqual({ ok: true, data: { badge: '1' } });
    expect(await cleared).toEqual({ ok: true, data: { badge: '' } });
    expect(badges.at(-1)).toBe('');
    expect(await ctx.tabs.unitsOf(5)).toEqual([]);
    db.close();
  });
});
