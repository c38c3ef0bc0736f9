import 'fake-indexeddb/auto';
// The content script's cheap NOS record pre-check (lib/capture/pre-check.ts) and the badge it drives: it agrees with
// the full recogniser on every capture fixture, says no on every other page we keep, and the background shows `NOS`
// (or keeps the unit count) with a title saying the popup would offer to capture the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '@/lib/page/blocks';
import { looksLikeNosRecord, nosRecordHint, URN_SHAPE } from '@/lib/capture/pre-check';
import { URN_RE } from '@/lib/capture/details';
import { badgeTitle, memoryTabUnits, NOS_RECORD_TITLE, TabManager, type NosRecordState } from '@/lib/background/tabs';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handleMessage } from '@/lib/messages';
import { captureFile } from '../../scripts/scan-capture';
import { from, handlerContext } from './handler-context';

const dataset = loadBundledDataset();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A page's blocks as the content script reads them (HTML), or its text as one block (a text file opened in a tab). */
function blocksOf(path: string): string[] {
  const raw = readFileSync(path, 'utf8');
  return path.endsWith('.html') ? collectBlocks(parseHTML(raw).document).map((b) => b.text) : [raw];
}

const pages = (dir: string) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => /\.(html|txt)$/.test(f))
    .map((f) => join(FIXTURES, dir, f));

describe('the NOS record pre-check', () => {
  it('agrees with the recogniser on every capture fixture, records and not-records alike', () => {
    const files = [...pages('capture'), ...pages('eval-capture/standards')];
    const verdicts = files.map((f) => [f, looksLikeNosRecord(blocksOf(f)), captureFile(f).record !== null]);
    expect(verdicts.filter(([, pre, full]) => pre !== full)).toEqual([]);
    expect(verdicts.filter(([, pre]) => pre).length).toBeGreaterThanOrEqual(18);
    expect(verdicts.filter(([, pre]) => !pre).length).toBeGreaterThanOrEqual(4);
  });

  it('says no on the evaluation pages and the highlighter’s test pages (adverts, courses, tracking forms)', () => {
    const files = [...pages('eval'), ...pages('eval-capture/adverts'), ...pages('pages')];
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => looksLikeNosRecord(blocksOf(f)))).toEqual([]);
  });

  it('needs a heading on its own line and a NOS signal; a NOS finder address is a signal', () => {
    const blocks = ['Support pupils at lunchtime', 'Performance criteria', 'P1 agree the rota'];
    expect(looksLikeNosRecord(blocks)).toBe(false);
    expect(looksLikeNosRecord(blocks, 'https://standards.example.org/en/nos-finder/ABC12/support')).toBe(true);
    expect(looksLikeNosRecord([...blocks, 'URN', 'ABC12'])).toBe(true);
    expect(looksLikeNosRecord([...blocks, 'Originating Organisation', 'An invented body'])).toBe(true);
    // Prose that mentions the words is neither.
    expect(
      looksLikeNosRecord([
        'Performance criteria are assessed by observation in the workplace.',
        'Your assessor will record the URN of each unit in your portfolio.',
      ]),
    ).toBe(false);
  });
});

describe('the URN the pre-check reads', () => {
  it('from the URN label (same line, or the next block), the first line, or the NOS finder address', () => {
    const head = ['Support pupils at lunchtime', 'Performance criteria', 'P1 agree the rota'];
    expect(nosRecordHint([...head, 'URN: ABC12'])).toEqual({ urn: 'ABC12' });
    expect(nosRecordHint([...head, 'Original URN', 'OLD1', 'URN', 'ABC12'])).toEqual({ urn: 'ABC12' });
    expect(nosRecordHint(['ABC12 Support pupils at lunchtime', 'Performance criteria'])).toEqual({ urn: 'ABC12' });
    expect(nosRecordHint(head, 'https://standards.example.org/en/nos-finder/abc12/support')).toEqual({ urn: 'ABC12' });
    expect(nosRecordHint([...head, 'Originating Organisation', 'An invented body'])).toEqual({ urn: null });
    expect(nosRecordHint(head)).toBeNull();
  });

  it('reads the URN of every capture fixture that prints one, as the recogniser does', () => {
    for (const f of [...pages('capture'), ...pages('eval-capture/standards')]) {
      const record = captureFile(f).record;
      if (!record?.urn) continue;
      expect([f, nosRecordHint(blocksOf(f))?.urn]).toEqual([f, record.urn]);
    }
  });

  it('has the URN’s shape the recogniser has', () => {
    expect(`^${URN_SHAPE}$`).toBe(URN_RE.source);
  });
});

describe('the badge on a NOS record', () => {
  const unit = {
    unitId: 'ldss-309',
    count: 1,
    close: 0,
    code: '309',
    title: 'Liaise with parents, carers and families',
    suiteId: 'ldss',
    suiteTitle: 'Learning Development Support Services',
  };

  it('shows NOS for one to offer, keeps the count when it names units, and forgets it on the next page', async () => {
    const calls: [string, number, NosRecordState][] = [];
    const tabs = new TabManager(memoryTabUnits(), (_t, text, portfolio, nos) => calls.push([text, portfolio, nos]));
    expect(await tabs.report({ tabId: 1, frameId: 0, found: [], newPage: true, nosRecord: 'new' })).toEqual({
      badge: 'NOS',
    });
    expect(calls.at(-1)).toEqual(['NOS', 0, 'new']);
    // An iframe cannot say the tab's page is a NOS record, nor that it is not.
    await tabs.report({ tabId: 1, frameId: 3, found: [], newPage: true, nosRecord: null });
    expect(calls.at(-1)).toEqual(['NOS', 0, 'new']);
    expect((await tabs.report({ tabId: 1, frameId: 0, found: [unit], newPage: false, nosRecord: 'new' })).badge).toBe(
      '1',
    );
    expect(calls.at(-1)).toEqual(['1', 0, 'new']);
    expect((await tabs.report({ tabId: 1, frameId: 0, found: [], newPage: true })).badge).toBe('');
    expect(calls.at(-1)).toEqual(['', 0, null]);
    // One captured already: no NOS on the badge (the title says it); a page in the portfolio keeps its mark.
    expect((await tabs.report({ tabId: 2, frameId: 0, found: [], newPage: true, nosRecord: 'captured' })).badge).toBe(
      '',
    );
    expect(calls.at(-1)).toEqual(['', 0, 'captured']);
    await tabs.report({ tabId: 3, frameId: 0, found: [], newPage: true, nosRecord: 'new' });
    expect((await tabs.markPortfolio(3, 1)).badge).toBe('✓');
    expect(calls.at(-1)).toEqual(['✓', 1, 'new']);
  });

  it('says so on hover', () => {
    expect(NOS_RECORD_TITLE).toBe('NOS record — open NOS Lens to add it');
    expect(badgeTitle(null, 'new')).toBe(`NOS Lens: ${NOS_RECORD_TITLE}`);
    expect(badgeTitle(null, 'captured')).toBe(
      'NOS Lens: a NOS record you have captured — open NOS Lens to check for changes',
    );
    expect(badgeTitle('2 pieces', 'new')).toBe(`NOS Lens: in your portfolio (2 pieces) · ${NOS_RECORD_TITLE}`);
    expect(badgeTitle('1 piece', null)).toBe('NOS Lens: in your portfolio (1 piece)');
    expect(badgeTitle(null, null)).toBe('NOS Lens');
  });

  it('comes from the content script’s reportFound: a URN the user has captured is not offered again', async () => {
    const db = new NosDatabase(`precheck-${Math.random()}`);
    const ready = seedDataset(db, dataset, datasetVersion(dataset));
    await ready;
    const states: NosRecordState[] = [];
    const ctx = handlerContext(db, ready, {
      sender: { kind: 'content', tabId: 9, frameId: 0 },
      setBadge: (_t, _text, _p, nos) => states.push(nos),
    });
    const report = { type: 'reportFound', units: [], newPage: true, nosRecord: true, nosUrn: 'XYZ409' } as const;
    expect(await handleMessage(report, ctx)).toEqual({ ok: true, data: { badge: 'NOS' } });
    const record = captureFile(join(FIXTURES, 'capture', 'finder-liaise-families.html')).record!;
    const page = from(ctx, { kind: 'page' });
    expect(
      (await handleMessage({ type: 'captureStandard', record, url: 'https://standards.example.org/' }, page)).ok,
    ).toBe(true);
    expect(await handleMessage(report, ctx)).toEqual({ ok: true, data: { badge: '' } });
    expect(states.at(-1)).toBe('captured');
    // A URN of another shape is refused, not looked up.
    expect((await handleMessage({ ...report, nosUrn: 'not a urn' }, ctx)).ok).toBe(false);
  });
});
