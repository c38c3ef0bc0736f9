// The popup in real Chromium with the built extension: lookup by keyboard, the units on a page, tagging a page as
// evidence (with its selection as the quote and a snapshot of its text), and the evidence showing on the unit page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';
import { readHighlights } from '../../scripts/page-probe';
import { answerScope } from './scope-helper';

/** The service worker's `chrome` global, as far as these tests use it. */
declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

let launched: Launched;
let server: FixtureServer;
let advert: Page;
let tabId: number;

async function tabIdOf(url: string): Promise<number> {
  return launched.worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab.id!;
  }, url);
}

async function openPopup(query = ''): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/popup.html${query}`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

describe('popup in Chromium', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    // A returning user who skipped the scope question: every suite in scope, as these tests expect.
    await answerScope(launched);
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    advert = await launched.context.newPage();
    await advert.goto(server.url('/job-advert.html'));
    expect((await readHighlights(advert)).length).toBeGreaterThan(0);
    tabId = await tabIdOf(server.url('/job-advert.html'));
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('looks a unit up by code as you type; arrow keys and Enter open it', async () => {
    const popup = await openPopup();
    const box = popup.getByRole('searchbox', { name: 'Look up a unit' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('wp301');
    await popup.waitForSelector('.results li');
    expect(await popup.textContent('.results li:first-child .result-title')).toContain('WP 301');
    await box.fill('zzqx nothing');
    await popup.waitForSelector('text=No unit matches');
    await box.fill('transitions');
    await popup.waitForSelector('.results li:nth-child(2)');
    await box.press('ArrowDown');
    const second = await popup.getAttribute('.results li:nth-child(2)', 'data-unit-id');
    expect(await popup.getAttribute('.results li:nth-child(2)', 'aria-selected')).toBe('true');
    const opened = launched.context.waitForEvent('page');
    // The popup closes itself as the unit opens, which may cut the key press's round trip short.
    await box.press('Enter').catch(() => undefined);
    const unitPage = await opened;
    await unitPage.waitForSelector(`article[data-unit-id="${second}"]`);
    // A real popup closes itself once the unit is open.
    await expect.poll(() => popup.isClosed()).toBe(true);
    await unitPage.close();
  });

  it('lists the units found on the page with their counts', async () => {
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('.found-list li');
    const ids = await popup.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(ids).toEqual(expect.arrayContaining(['wp-301', 'wp-302']));
    await popup.close();
  });

  it("ranks what the page is about, with why, and paints a match's supporting sentences on the page", async () => {
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('.match-list li');
    const first = popup.locator('.match-list > li').first();
    expect(await first.locator('.why li').count()).toBeGreaterThan(0);
    const ids = await popup.$$eval('.match-list > li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    // The advert names WP 301 and paraphrases the transition unit: both rank.
    expect(ids).toContain('wp-301');
    await first.locator('.match-head button.link').click();
    await advert.waitForFunction(() => (CSS.highlights.get('nos-lens-support')?.size ?? 0) > 0);
    const painted = await advert.evaluate(() =>
      [...CSS.highlights.get('nos-lens-support')!].map((r) => (r as Range).toString()),
    );
    const why = await first.locator('.why li').first().textContent();
    expect(why).toContain(painted[0].slice(0, 20));
    // A second click takes the sentences away again.
    await first.locator('.match-head button.link').click();
    await advert.waitForFunction(() => (CSS.highlights.get('nos-lens-support')?.size ?? 0) === 0);
    // Matches can be narrowed to one suite.
    const suites = await popup.$$eval('.match-filter option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(suites.length).toBeGreaterThan(2);
    await popup.selectOption('.match-filter select', suites[1]);
    await expect
      .poll(() => popup.$$eval('.match-list > li', (lis) => [...new Set(lis.map((li) => li.dataset.suiteId))]))
      .toEqual([suites[1]]);
    await popup.close();
  });

  it('tags the page as evidence with the selection as its quote, and the unit page shows it', async () => {
    await advert.evaluate(() => {
      const li = [...document.querySelectorAll('li')].find((l) => l.textContent?.includes('Liaise with parents'))!;
      const range = document.createRange();
      range.selectNodeContents(li);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = await openPopup(`?tab=${tabId}&tag=1&unit=wp-301`);
    const form = popup.getByRole('form', { name: 'Tag this page as evidence' });
    await form.waitFor();
    expect(await popup.textContent('.quote')).toContain('Liaise with parents');
    // The unit asked for is ticked; the others found on the page are offered, not chosen.
    expect(await popup.isChecked('label[data-unit-id="wp-301"] input')).toBe(true);
    expect(await popup.isChecked('label[data-unit-id="wp-302"] input')).toBe(false);
    await popup.check('label[data-unit-id="wp-302"] input');
    // A unit not on the page, added by search.
    await popup.fill('input.unit-search', 'gcu 2');
    await popup.click('.suggestions button[data-unit-id]');
    await popup.fill('textarea[name="note"]', 'Applied for this post');
    await popup.fill('input[name="tags"]', 'applications, 2026');
    await popup.selectOption('select[name="type"]', 'job-advert');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Saved as evidence for 3 units');

    const unit = await launched.context.newPage();
    await unit.goto(`chrome-extension://${launched.extensionId}/unit.html?id=wp-302`);
    await unit.waitForSelector('.evidence li');
    const text = await unit.textContent('.evidence li');
    expect(text).toContain('Learning Mentor');
    expect(text).toContain('Applied for this post');
    expect(text).toContain('Liaise with parents');

    const stored = await unit.evaluate(
      () =>
        new Promise<{
          snapshot: string;
          tags: string[];
          quote: { start: number; end: number } | null;
          unitIds: string[];
        }>((resolve, reject) => {
          const open = indexedDB.open('nos-lens');
          open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
          open.onsuccess = () => {
            const get = open.result.transaction('evidence').objectStore('evidence').getAll();
            get.onsuccess = () => resolve(get.result[0]);
          };
        }),
    );
    expect(stored.unitIds).toHaveLength(3);
    expect(stored.unitIds).toEqual(expect.arrayContaining(['wp-301', 'wp-302']));
    expect(stored.tags).toEqual(['applications', '2026']);
    expect(stored.snapshot).toContain('What you will do');
    expect(stored.quote).not.toBeNull();
    expect(stored.snapshot.slice(stored.quote!.start, stored.quote!.end)).toContain('Liaise with parents');
    await unit.close();
    await popup.close();
  });

  it('pre-fills the form with the units found on the page, and refuses to save with none chosen', async () => {
    const popup = await openPopup(`?tab=${tabId}&tag=1`);
    await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor();
    expect(await popup.isChecked('label[data-unit-id="wp-301"] input')).toBe(true);
    expect(await popup.isChecked('label[data-unit-id="wp-302"] input')).toBe(true);
    for (const box of await popup.$$('label.check input:checked')) await box.uncheck();
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Choose at least one unit');
    await popup.close();
  });

  it('switches highlighting off for the site from the popup, and back on', async () => {
    const popup = await openPopup(`?tab=${tabId}`);
    const siteBox = popup.getByLabel('Highlight on 127.0.0.1');
    await siteBox.uncheck();
    await advert.waitForFunction(() => (CSS.highlights.get('nos-lens')?.size ?? 0) === 0);
    await siteBox.check();
    await advert.waitForFunction(() => (CSS.highlights.get('nos-lens')?.size ?? 0) > 0);
    await popup.close();
  });
});
