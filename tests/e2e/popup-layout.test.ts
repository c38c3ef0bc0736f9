// The action-first popup in real Chromium, at the popup's size (600 × 400): on the demo advert and on a long job advert
// with a long Matches list, the page's status and its actions (Tag this page, Save as course, the search box) are on
// the first screen, before and after the scope question; lists are compact and expand; titles are the largest text
// in a row; the tag form labels its suggestions; a page already filed says so under another address of it; and the
// card's tag form in a tab has the page's suggestions and a tab's layout. Screenshots go to /tmp for a person to look at.
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
import { dayAndMonth } from '../../lib/dates';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const FIRST_SCREEN = { width: 600, height: 400 };

let launched: Launched;
let server: FixtureServer;
const tabs: Record<'demo' | 'long', number> = { demo: 0, long: 0 };

async function openTab(path: string): Promise<number> {
  const page = await launched.context.newPage();
  await page.goto(server.url(path));
  // Both adverts name units (by code or full title): the popup then lists what the content script reported.
  expect((await readHighlights(page)).length).toBeGreaterThan(0);
  // Queried by every tab's address: a match pattern cannot hold a fragment.
  return launched.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!,
    server.url(path),
  );
}

async function openPopup(tabId: number, query = '', size = FIRST_SCREEN): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}${query}`);
  await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return popup;
}

/** Waits until the page has been read and ranked (the layout no longer moves). */
async function settled(popup: Page): Promise<void> {
  await popup.waitForFunction(
    () => {
      const line = document.querySelector('.status-matches')?.textContent ?? '';
      return line !== '' && !line.includes('Reading the page');
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** The bottom edge of each primary action, in CSS pixels from the top of the popup. */
async function actionBottoms(popup: Page): Promise<Record<string, number>> {
  const controls = {
    tag: popup.getByRole('button', { name: 'Tag this page…' }),
    course: popup.getByRole('button', { name: 'Save as course' }),
    search: popup.getByRole('searchbox', { name: 'Look up a unit' }),
  };
  const out: Record<string, number> = {};
  for (const [name, control] of Object.entries(controls)) {
    const box = await control.boundingBox();
    expect(box, `${name} is laid out`).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    out[name] = Math.round(box!.y + box!.height);
  }
  return out;
}

async function expectActionsOnFirstScreen(popup: Page): Promise<Record<string, number>> {
  expect(await popup.evaluate(() => scrollY)).toBe(0);
  const bottoms = await actionBottoms(popup);
  for (const [name, bottom] of Object.entries(bottoms))
    expect(bottom, `${name} ends at ${bottom}px`).toBeLessThanOrEqual(FIRST_SCREEN.height);
  return bottoms;
}

describe('the action-first popup at 600 × 400', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    tabs.demo = await openTab('/job-advert.html');
    tabs.long = await openTab('/long-job-advert.html');
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('first use: the scope question sits below the actions, which stay on the first screen', async () => {
    const popup = await openPopup(tabs.demo);
    const question = popup.getByRole('region', { name: 'Your scope' });
    await question.waitFor({ timeout: WAIT_MS });
    await settled(popup);
    const bottoms = await expectActionsOnFirstScreen(popup);
    const questionTop = (await question.boundingBox())!.y;
    expect(questionTop).toBeGreaterThan(bottoms.tag);
    await popup.screenshot({ path: '/tmp/popup-first-use.png' });
    await question.getByLabel('Teaching assistant / HLTA', { exact: true }).check();
    await question.getByRole('button', { name: 'Use this scope' }).click();
    await question.waitFor({ state: 'detached', timeout: WAIT_MS });
    await popup.close();
  });

  it('demo advert: the units it names and what it reads like, in a line each, above the actions', async () => {
    const popup = await openPopup(tabs.demo);
    await settled(popup);
    await popup.waitForSelector('.found-list li', { timeout: WAIT_MS });
    const found = await popup.textContent('.status-found');
    expect(found).toMatch(/^Names \d+ units: /);
    expect(found).toContain('WP 301');
    expect(await popup.textContent('.status-matches')).toMatch(/^Reads most like: .+\(\+\d+ more in your scope\)$/);
    // One line each, however long the list of units.
    const lineHeights = await popup.$$eval('.page-status li', (lis) =>
      lis.map((li) => li.getBoundingClientRect().height),
    );
    for (const h of lineHeights) expect(h).toBeLessThan(30);
    await expectActionsOnFirstScreen(popup);
    await popup.screenshot({ path: '/tmp/popup-demo.png' });
    await popup.close();
  });

  it('long advert: a long Matches list is compact and expands; the actions stay on the first screen', async () => {
    const popup = await openPopup(tabs.long);
    await settled(popup);
    const rows = popup.locator('#matches-scope > li');
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBeGreaterThan(5);
    const total = await rows.count();
    expect(await popup.locator('#matches-scope > li:visible').count()).toBe(5);
    await expectActionsOnFirstScreen(popup);
    await popup.screenshot({ path: '/tmp/popup-long.png' });

    // Titles are the largest (and boldest) text in every row.
    const sizes = await popup.$$eval('#matches-scope > li:not([hidden])', (lis) =>
      lis.map((li) => {
        const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
        const title = li.querySelector('.unit-title')!;
        const others = [...li.querySelectorAll('.result-meta, .why li, .code')].map(size);
        return { title: size(title), weight: Number(getComputedStyle(title).fontWeight), others: Math.max(...others) };
      }),
    );
    for (const s of sizes) {
      expect(s.title).toBeGreaterThan(s.others);
      expect(s.weight).toBeGreaterThanOrEqual(600);
    }

    const showAll = popup.getByRole('button', { name: `Show all ${total}` });
    expect(await showAll.getAttribute('aria-expanded')).toBe('false');
    await showAll.click();
    expect(await popup.locator('#matches-scope > li:visible').count()).toBe(total);
    expect(await popup.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
    await popup.screenshot({ path: '/tmp/popup-long-full.png', fullPage: true });
    await popup.close();
  });

  it('the tag form labels the page’s suggestions, unticked; the page then says it is in the portfolio under another address', async () => {
    const popup = await openPopup(tabs.long);
    await settled(popup);
    await popup.getByRole('button', { name: 'Tag this page…' }).click();
    const suggested = popup.getByRole('group', { name: /^Suggested from this page/ });
    await suggested.waitFor({ timeout: WAIT_MS });
    const boxes = suggested.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(false);
    await popup.screenshot({ path: '/tmp/popup-tag-form.png' });
    await boxes.first().check();
    await popup.getByRole('button', { name: 'Save evidence' }).click();
    await popup.waitForSelector('text=Saved as evidence for', { timeout: WAIT_MS });
    // Shown at once in this popup, live.
    await popup.waitForSelector('.portfolio-status', { timeout: WAIT_MS });
    await popup.close();

    // The same page from a newsletter link, jumping to a heading.
    const again = await openTab('/long-job-advert.html?utm_source=newsletter&utm_campaign=autumn#apply');
    const later = await openPopup(again);
    const line = later.locator('.portfolio-status p').first();
    await line.waitFor({ timeout: WAIT_MS });
    expect(await line.textContent()).toContain(`In your portfolio since ${dayAndMonth(Date.now())} (1 piece).`);
    await expectActionsOnFirstScreen(later);
    await later.screenshot({ path: '/tmp/popup-in-portfolio.png' });
    await later.close();
  });

  it('the card’s Tag opens the same form, with the page’s suggestions, laid out for a tab', async () => {
    const page = await openPopup(tabs.long, '&tag=1', { width: 1280, height: 800 });
    const form = page.getByRole('form', { name: 'Tag this page as evidence' });
    await form.waitFor({ timeout: WAIT_MS });
    // The suggestions arrive once the page is read, after the form has opened.
    await page.getByRole('group', { name: /^Suggested from this page/ }).waitFor({ timeout: WAIT_MS });
    const width = (await form.boundingBox())!.width;
    expect(width).toBeGreaterThan(700);
    // Units on the left, the note and the rest beside them, not one long column.
    const units = (await form.locator('fieldset').first().boundingBox())!;
    const note = (await form.getByLabel('Note').boundingBox())!;
    expect(note.x).toBeGreaterThan(units.x + units.width);
    await page.screenshot({ path: '/tmp/popup-tag-tab.png' });
    await page.close();
  });
});
