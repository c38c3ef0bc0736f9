// Evidence that finds its page again, in real Chromium with the built extension: a quote tagged from a page is
// painted when the page is opened again, still found after the page is edited around it and in it, and reported as
// gone (nothing painted) once the page no longer holds it.
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
import {
  highlightCentre,
  highlightCount,
  highlightTexts,
  readHighlights,
  waitForHighlightCount,
} from '../../scripts/page-probe';
import { answerScope } from './scope-helper';
import { waitForCard } from './card-reader';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

const EVIDENCE = 'nos-lens-evidence';
const QUOTE = 'Keep records of each pupil’s progress and share them with parents at the end of every term';

/** The advert with its middle paragraphs as given. */
function advert(paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teaching assistant</title></head><body>
<h1>Teaching assistant (Level 3), Oakfield Primary</h1>
<p>This role covers WP 301 and WP 302 of the Work with Parents standards.</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<h2>How to apply</h2><p>Send your CV to the school office by 12 December.</p>
</body></html>`;
}

const ORIGINAL = [
  'You will support pupils in small groups, working closely with the class teacher.',
  `${QUOTE}, so that families know how their children are doing.`,
  'You will help to keep children safe and report concerns to the safeguarding lead.',
];

let launched: Launched;
let server: FixtureServer;
const routes: Record<string, string> = {};
let page: Page;
let tabId: number;
/** `#evidence-<id>` of the piece tagged, as the popup links to it. */
let evidenceHash = '';

async function openPopup(): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return popup;
}

/** Serves another version of the advert at the same address and reloads the tab. */
async function serveAndReload(paragraphs: string[]): Promise<void> {
  routes['/advert'] = advert(paragraphs);
  await page.reload();
  // The unit references are painted first: the page has been read.
  expect((await readHighlights(page)).length).toBeGreaterThan(0);
}

describe('evidence that finds its page again (Chromium)', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    await answerScope(launched);
    routes['/advert'] = advert(ORIGINAL);
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'), routes);
    page = await launched.context.newPage();
    // Opened from a newsletter link: the saved address has tracking parameters and a fragment.
    await page.goto(server.url('/advert?utm_source=newsletter#apply'));
    expect((await readHighlights(page)).length).toBeGreaterThan(0);
    tabId = await launched.worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return tab.id!;
    }, server.url('/advert?utm_source=newsletter'));
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('tags the page with a quote; opened again, the quote is painted and the popup says it is in the portfolio', async () => {
    await page.evaluate((quote) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(quote))!;
      const text = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, quote.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, QUOTE);
    const form = await launched.context.newPage();
    await form.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}&tag=1&unit=wp-301`);
    await form.getByRole('form', { name: 'Tag this page as evidence' }).waitFor({ timeout: WAIT_MS });
    expect(await form.textContent('.quote')).toContain('Keep records');
    await form.click('button[type="submit"]');
    await form.waitForSelector('text=Saved as evidence', { timeout: WAIT_MS });
    await form.close();

    // The same page by its plain address.
    await page.goto(server.url('/advert'));
    expect(await readHighlights(page, EVIDENCE)).toEqual([QUOTE]);
    // The unit references are still painted in their own style.
    expect(await highlightTexts(page)).toEqual(expect.arrayContaining(['WP 301', 'WP 302']));

    const popup = await openPopup();
    const status = popup.locator('.portfolio-status');
    await status.waitFor({ timeout: WAIT_MS });
    expect(await status.textContent()).toMatch(/In your portfolio since \d{1,2} \w{3}( \d{4})? \(1 piece\)/);
    expect(await status.textContent()).toContain('1 saved quote is highlighted');
    const link = await status.getByRole('link', { name: 'Open in portfolio' }).getAttribute('href');
    expect(link).toMatch(/^portfolio\.html#evidence-[\w-]+$/);
    evidenceHash = link!.slice('portfolio.html'.length);
    await popup.close();
  });

  it('the card over the saved quote opens the portfolio at that evidence, on a real click only', async () => {
    const at = (await highlightCentre(page, QUOTE, EVIDENCE))!;
    expect(at).not.toBeNull();
    await page.mouse.move(at.x - 40, at.y + 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const card = await waitForCard(page);
    expect(card.text).toContain('In your portfolio');
    expect(card.text).toContain(QUOTE);
    const button = card.buttons.find((b) => b.name === 'Open in portfolio')!;
    expect(button).toBeDefined();
    const portfolioTabs = () => launched.context.pages().filter((p) => p.url().includes('/portfolio.html')).length;
    // A page script clicking where the button is reaches only the card's host, and opens nothing.
    const before = portfolioTabs();
    await page.evaluate(({ x, y }) => (document.elementFromPoint(x, y) as HTMLElement).click(), button);
    await page.waitForTimeout(1_000);
    expect(portfolioTabs()).toBe(before);

    const opened = launched.context.waitForEvent('page', { timeout: WAIT_MS });
    await page.mouse.click(button.x, button.y);
    const portfolio = await opened;
    expect(new URL(portfolio.url()).hash).toBe(evidenceHash);
    await portfolio.waitForSelector('.evidence-list > li.evidence-target', { timeout: WAIT_MS });
    const focused = await portfolio.evaluate(() => document.activeElement?.getAttribute('data-evidence-id'));
    expect(`#evidence-${focused}`).toBe(evidenceHash);
    // The highlight is brief.
    await portfolio.waitForSelector('.evidence-list > li.evidence-target', { state: 'detached', timeout: WAIT_MS });

    // An address naming evidence that is gone says so.
    await portfolio.goto(`chrome-extension://${launched.extensionId}/portfolio.html#evidence-ev-deleted-long-ago`);
    const notice = portfolio.locator('[data-notice="evidence-gone"]');
    await notice.waitFor({ timeout: WAIT_MS });
    expect(await notice.textContent()).toBe('That evidence is no longer in your portfolio.');
    await portfolio.close();
    await page.mouse.move(0, 0);
  });

  it('still finds the quote after the page was edited around it: moved down, text before it changed', async () => {
    await serveAndReload([
      'New for this term: we are a friendly school of 420 pupils with a strong team of support staff.',
      'You will help to keep children safe and report any concerns to the designated safeguarding lead.',
      'You will support pupils in small groups, working closely with their class teacher.',
      `${QUOTE}, so that families know how their children are doing.`,
    ]);
    expect(await readHighlights(page, EVIDENCE)).toEqual([QUOTE]);
  });

  it('still finds the quote with a word in it changed, and paints the new words', async () => {
    const edited = QUOTE.replace('share them with parents', 'share them with carers');
    await serveAndReload([ORIGINAL[0], `${edited}, so that families know how their children are doing.`, ORIGINAL[2]]);
    expect(await readHighlights(page, EVIDENCE)).toEqual([edited]);
  });

  it('reports the quote as not on the page any more once it is removed, and paints nothing', async () => {
    await serveAndReload([ORIGINAL[0], ORIGINAL[2]]);
    const popup = await openPopup();
    const warning = popup.locator('.portfolio-status .warning');
    await warning.waitFor({ timeout: WAIT_MS });
    expect(await warning.textContent()).toBe('1 saved quote is not on the page any more.');
    await waitForHighlightCount(page, 0, EVIDENCE);
    expect(await highlightCount(page, EVIDENCE)).toBe(0);
    await popup.close();
  });
});
