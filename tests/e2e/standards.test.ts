// A user's own standards in real Chromium with the built extension: import a CSV on the options page (preview, save),
// add a code with a context, and see both highlighted on a fixture page and listed in the popup; a bad file is refused
// with its line and column and saves nothing; deleting the suite switches its highlights off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { highlightTexts, readHighlights } from '../../scripts/page-probe';
import { answerScope } from './scope-helper';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

const CSV = join(ROOT, 'tests', 'fixtures', 'standards', 'stl-units.csv');
const STL = 'user-supporting-teaching-and-learning-in-schools';
let launched: Launched;
let server: FixtureServer;
let options: Page;

async function openExtensionPage(path: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

describe('your own standards in Chromium', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    await answerScope(launched); // a returning user: the popup opens on the page's units, not the question
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    options = await openExtensionPage('options.html');
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('refuses a bad CSV, naming the line and column, and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nos-lens-csv-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'suite,code,title\nMy units,AB1,Support pupils\nMy units,AB2,\n');
    await options.setInputFiles('input[name="suites"]', bad);
    await options.waitForSelector('[data-import="invalid"]');
    expect(await options.textContent('[data-import="invalid"]')).toContain('line 3, column "title": empty');
    expect(await options.$('[data-empty="suites"]')).not.toBeNull();
  });

  it('imports a CSV after a preview, and lists the suite', async () => {
    await options.setInputFiles('input[name="suites"]', CSV);
    await options.waitForSelector('.suite-preview');
    const preview = await options.textContent('.suite-preview');
    expect(preview).toContain('Supporting Teaching and Learning in Schools (5 units)');
    expect(preview).toContain('A new suite.');
    expect(preview).toContain('STL18');
    await options.click('button:has-text("Save these 2 suites")');
    await options.waitForSelector('[data-import="done"]');
    expect(await options.textContent('[data-import="done"]')).toContain('Saved 2 suites with 6 units');
    await options.waitForSelector(`.user-suites li[data-suite-id="${STL}"]`);
  });

  it('adds a code with a context', async () => {
    await options.fill('input[name="unit"]', 'transitions in their lives');
    await options.click('.suggestions button[data-unit-id="ldss-312"]');
    await options.fill('input[name="code"]', 'Unit 324');
    await options.click('.alias-form button[type="submit"]');
    await options.waitForSelector('.alias-form .error');
    expect(await options.textContent('.alias-form .error')).toContain('ordinary word');
    await options.fill('input[name="context"]', 'City & Guilds');
    await options.click('.alias-form button[type="submit"]');
    await options.waitForSelector('.own-codes li');
    expect(await options.textContent('.own-codes li')).toContain('Unit 324 on pages that say “City & Guilds”');
    const unit = await launched.context.newPage();
    await unit.goto(`chrome-extension://${launched.extensionId}/unit.html?id=ldss-312`);
    await unit.waitForSelector('.own-codes');
    expect(await unit.textContent('.own-codes')).toContain('Unit 324 (where a page says “City & Guilds”)');
    await unit.close();
  });

  it('highlights the suite’s codes, a code range and the scoped code on a page, and the popup lists them', async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/ta-advert-stl.html'));
    await readHighlights(page);
    await expect.poll(() => highlightTexts(page)).toEqual(['STL18–STL22', 'SHC 31', 'Unit 324']);
    const tabId = await launched.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id!, page.url());
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.found-list li');
    const ids = await popup.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(ids).toEqual(
      expect.arrayContaining([`${STL}-stl18`, `${STL}-stl22`, 'user-level-3-diploma-unit-codes-shc31', 'ldss-312']),
    );
    // The popup's search finds the user's units and codes.
    await popup.fill('input[type="search"]', 'stl19');
    await popup.waitForSelector(`.results li[data-unit-id="${STL}-stl19"]`);
    await popup.fill('input[type="search"]', 'unit 324');
    await popup.waitForSelector('.results li[data-unit-id="ldss-312"]');
    await popup.close();

    // Without its context the code stays dark.
    const other = await launched.context.newPage();
    await other.goto(server.url('/marketing-unit-324.html'));
    await other.waitForTimeout(1500);
    expect(await highlightTexts(other)).toEqual([]);
    await other.close();
    await page.close();
  });

  it('deletes the suite after asking, and open pages stop pointing at its unit', async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/ta-advert-stl.html'));
    await expect.poll(() => highlightTexts(page)).toContain('SHC 31');
    await options.click('button[aria-label="Delete Level 3 Diploma unit codes"]');
    await options.getByRole('alertdialog').waitFor();
    await options.getByRole('alertdialog').locator('button:has-text("Delete")').click();
    await options.waitForSelector('text=Deleted “Level 3 Diploma unit codes” and its unit.');
    // SHC 31 stays lit: the bundled Level 3 Diploma unit carries it as a printed code (data/aliases). It now points
    // at that unit alone.
    const tabId = await launched.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id!, page.url());
    const unitsFound = async () => {
      const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitForSelector('.found-list li');
      const ids = await popup.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
      await popup.close();
      return ids;
    };
    await expect.poll(unitsFound).not.toContain('user-level-3-diploma-unit-codes-shc31');
    expect(await unitsFound()).toContain('cypw3-communication');
    expect(await highlightTexts(page)).toEqual(['STL18–STL22', 'SHC 31', 'Unit 324']);
    await page.close();
  });
});
