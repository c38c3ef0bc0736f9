// Accessibility of the extension's own pages in real Chromium: axe-core reports no serious or critical violations on
// the popup (the scope question, then a page's units, matches, the other suites and the tag form), the unit page, the course comparison, the portfolio and the standards
// (options) page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };
declare const axe: {
  run(
    ctx: Document,
    opts: object,
  ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
};

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let launched: Launched;
let server: FixtureServer;
let tabId: number;

/** Serious and critical violations on the page as it is now, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the extension pages' CSP does not stop it.
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] },
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function open(path: string, ready: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  await page.waitForSelector(ready, { timeout: WAIT_MS });
  return page;
}

describe('accessibility (axe-core)', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    const advert = await launched.context.newPage();
    await advert.goto(server.url('/job-advert.html'));
    await readHighlights(advert);
    tabId = await launched.worker.evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0].id!,
      server.url('/job-advert.html'),
    );
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  // First, in the fresh profile: the question is there until answered; the other tests then see a scope.
  it('popup: the scope question on first use, then the scope in the header and the other suites opened', async () => {
    const popup = await open(`popup.html?tab=${tabId}`, '.scope-question');
    await popup.waitForSelector('.found-list li');
    expect(await violations(popup)).toEqual([]);
    await popup.getByLabel('Learning mentor', { exact: true }).check();
    await popup.getByRole('button', { name: 'Use this scope' }).click();
    await popup.waitForSelector('.scope-line');
    await popup.click('details.other-suites summary');
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('button', { name: /^Change your scope/ }).click();
    await popup.waitForSelector('.scope-question');
    expect(await violations(popup)).toEqual([]);
    // Back to every suite, as the tests below expect.
    await popup.getByLabel('Show everything', { exact: true }).check();
    await popup.getByRole('button', { name: 'Use this scope' }).click();
    await popup.waitForSelector('.scope-question', { state: 'detached' });
    await popup.close();
  });

  it('popup: lookup, units on the page and matches', async () => {
    const popup = await open(`popup.html?tab=${tabId}`, '.match-list li');
    await popup.fill('input[type="search"]', 'parents');
    await popup.waitForSelector('.results li');
    expect(await violations(popup)).toEqual([]);
    await popup.fill('input[type="search"]', '');
    await popup.waitForSelector('.found-list li');
    expect(await violations(popup)).toEqual([]);
    await popup.close();
  });

  it('popup: the tag form', async () => {
    const popup = await open(`popup.html?tab=${tabId}&tag=1`, 'form');
    expect(await violations(popup)).toEqual([]);
    await popup.close();
  });

  it('unit page', async () => {
    const page = await open('unit.html?id=lss-a', 'article[data-unit-id]');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('course comparison, empty and with a course', async () => {
    const page = await open('courses.html', '[data-state="ready"]');
    expect(await violations(page)).toEqual([]);
    const popup = await open(`popup.html?tab=${tabId}`, '.match-list li');
    await popup.getByRole('button', { name: 'Save as course' }).click();
    await popup.waitForSelector('text=Saved as a course');
    await popup.close();
    await page.waitForSelector('table.compare');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('your standards: empty, previewing an import, with a suite and a code', async () => {
    const page = await open('options.html', '[data-state="ready"]');
    expect(await violations(page)).toEqual([]);
    await page.setInputFiles('input[name="suites"]', join(ROOT, 'tests', 'fixtures', 'standards', 'stl-units.csv'));
    await page.waitForSelector('.suite-preview');
    expect(await violations(page)).toEqual([]);
    await page.click('button:has-text("Save these 2 suites")');
    await page.waitForSelector('.user-suites li');
    await page.fill('input[name="unit"]', 'wp 301');
    await page.click('.suggestions button[data-unit-id="wp-301"]');
    await page.fill('input[name="code"]', 'PPS 7');
    await page.click('.alias-form button[type="submit"]');
    await page.waitForSelector('.own-codes li');
    await page.click('.user-suites li button:has-text("Delete")');
    await page.getByRole('alertdialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('portfolio, empty, with evidence, while editing and after a refused import', async () => {
    const page = await open('portfolio.html', '[data-empty="evidence"]');
    expect(await violations(page)).toEqual([]);
    const popup = await open(`popup.html?tab=${tabId}&tag=1`, 'form');
    await popup.fill('textarea[name="note"]', 'For my portfolio');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Saved as evidence');
    await popup.close();
    await page.waitForSelector('.evidence-list > li');
    expect(await violations(page)).toEqual([]);
    await page.click('.evidence-list button:has-text("Edit")');
    await page.getByRole('form', { name: 'Edit evidence' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.setInputFiles('input[name="backup"]', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[1, 2'),
    });
    await page.waitForSelector('[data-import="invalid"]');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
