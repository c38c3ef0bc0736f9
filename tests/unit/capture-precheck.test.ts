import 'fake-indexeddb/auto';
// The content script's cheap NOS record pre-check (lib/capture/pre-check.ts) and the badge it drives: it agrees with
// the full recogniser on every capture fixture, says no on every other page we keep, and the background shows `NOS`
// (or keeps the unit count) with a title saying the popup would offer to capture the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '@/lib/page/blocks';
import { looksLikeNosRecord } from '@/lib/capture/pre-check';
import { badgeTitle, memoryTabUnits, NOS_RECORD_TITLE, TabManager } from '@/lib/background/tabs';
import { NosDatabase } from '@/lib/db';
import { handleMessage } from '@/lib/messages';
import { captureFile } from '../../scripts/scan-capture';
import { handlerContext } from './handler-context';

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

describe('the badge on a NOS record', () => {
  it('shows NOS when the page names no unit, keeps the count when it does, and forgets it on the next page', async () => {
    const calls: [string, number, boolean][] = [];
    const tabs = new TabManager(memoryTabUnits(), (_t, text, portfolio, nos) => calls.push([text, portfolio, nos]));
    expect(await tabs.report({ tabId: 1, frameId: 0, found: [], newPage: true, nosRecord: true })).toEqual({
      badge: 'NOS',
    });
    expect(calls.at(-1)).toEqual(['NOS', 0, true]);
    // An iframe cannot say the tab's page is a NOS record, nor that it is not.
    await tabs.report({ tabId: 1, frameId: 3, found: [], newPage: true, nosRecord: false });
    expect(calls.at(-1)).toEqual(['NOS', 0, true]);
    const unit = {
      unitId: 'ldss-309',
      count: 1,
      close: 0,
      code: '309',
      title: 'Liaise',
      suiteId: 'ldss',
      suiteTitle: 'LDSS',
    };
    expect((await tabs.report({ tabId: 1, frameId: 0, found: [unit], newPage: false, nosRecord: true })).badge).toBe(
      '1',
    );
    expect(calls.at(-1)).toEqual(['1', 0, true]);
    expect((await tabs.report({ tabId: 1, frameId: 0, found: [], newPage: true })).badge).toBe('');
    expect(calls.at(-1)).toEqual(['', 0, false]);
    // A page in the portfolio keeps its mark.
    await tabs.report({ tabId: 2, frameId: 0, found: [], newPage: true, nosRecord: true });
    expect((await tabs.markPortfolio(2, 1)).badge).toBe('✓');
    expect(calls.at(-1)).toEqual(['✓', 1, true]);
  });

  it('says so on hover', () => {
    expect(badgeTitle(null, true)).toBe(`NOS Lens: ${NOS_RECORD_TITLE}`);
    expect(NOS_RECORD_TITLE).toBe('NOS record — open NOS Lens to add it');
    expect(badgeTitle('2 pieces', true)).toBe(`NOS Lens: in your portfolio (2 pieces) · ${NOS_RECORD_TITLE}`);
    expect(badgeTitle('1 piece', false)).toBe('NOS Lens: in your portfolio (1 piece)');
    expect(badgeTitle(null, false)).toBe('NOS Lens');
  });

  it('comes from the content script’s reportFound', async () => {
    const db = new NosDatabase(`precheck-${Math.random()}`);
    const badges: string[] = [];
    const ctx = handlerContext(db, Promise.resolve(), {
      sender: { kind: 'content', tabId: 9, frameId: 0 },
      setBadge: (_t, text) => badges.push(text),
    });
    const reply = await handleMessage({ type: 'reportFound', units: [], newPage: true, nosRecord: true }, ctx);
    expect(reply).toEqual({ ok: true, data: { badge: 'NOS' } });
  });
});
