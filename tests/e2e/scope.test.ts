// The user's scope in real Chromium, from a fresh profile: the popup asks once (by keyboard here), the header shows the
// answer with Change, Matches list the scope's suites first and the others under a collapsed "Other suites (n)", the
// page's named units stay listed whatever the scope, the lookup prefers the scope's units among near-ties, and the
// portfolio's coverage and the course comparison follow.
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
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { suitesForRoles } from '../../lib/dataset/scope';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

const dataset = loadBundledDataset();
const bundled = new Set(dataset.suites.map((s) => s.id));
const suiteOfUnit = new Map(dataset.suites.flatMap((s) => s.units.map((u) => [u.id, s.id] as const)));
const TA = suitesForRoles(['teaching-assistant'], bundled);
const PARENT = suitesForRoles(['parent-support'], bundled);

let launched: Launched;
let server: FixtureServer;
let tabId: number;

async function openPopup(): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return popup;
}

/** The suites of the scope's matches, and of the other suites' matches, as listed. */
async function matchSuites(popup: Page): Promise<{ inScope: string[]; others: string[] }> {
  const read = (selector: string) =>
    popup.$$eval(selector, (lis) => [...new Set(lis.map((li) => (li as HTMLElement).dataset.suiteId!))]);
  return {
    inScope: await read('section[aria-label="Matches"] > ol.match-list > li'),
    others: await read('details.other-suites ol.match-list > li'),
  };
}

describe('your scope in Chromium', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    const advert = await launched.context.newPage();
    await advert.goto(server.url('/job-advert.html'));
    expect((await readHighlights(advert)).length).toBeGreaterThan(0);
    tabId = await launched.worker.evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0].id!,
      server.url('/job-advert.html'),
    );
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('asks on first use, by keyboard, beside the page’s actions; the header then shows the answer', async () => {
    const popup = await openPopup();
    const question = popup.getByRole('region', { name: 'Your scope' });
    await question.waitFor();
    expect(await question.locator('legend').textContent()).toBe('What do you work as or towards?');
    expect(await popup.locator('.scope-line').count()).toBe(0);
    // The page's actions are on the same screen, not behind the question.
    expect(await popup.getByRole('button', { name: 'Tag this page…' }).isVisible()).toBe(true);
    await popup.waitForSelector('.found-list li');

    // Keyboard only: Space ticks a role, Enter on the button answers.
    await question.getByLabel('Teaching assistant / HLTA', { exact: true }).press('Space');
    expect(await question.getByLabel('Teaching assistant / HLTA', { exact: true }).isChecked()).toBe(true);
    await question.getByRole('button', { name: 'Use this scope' }).press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await popup.locator('.scope-line').textContent()).toMatch(/^Scope: Teaching assistant\s*Change$/);
    // The focus moves to Change, not to the page's top.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Change');
    await popup.close();
  });

  it('lists the scope’s matches first and the other suites’ only under a collapsed “Other suites (n)”', async () => {
    const popup = await openPopup();
    // Asked once: not asked again.
    await popup.locator('.scope-line').waitFor();
    expect(await popup.getByRole('region', { name: 'Your scope' }).count()).toBe(0);
    await popup.waitForSelector('section[aria-label="Matches"] > ol.match-list > li');
    const { inScope, others } = await matchSuites(popup);
    expect(inScope.length).toBeGreaterThan(0);
    for (const s of inScope) expect(TA).toContain(s);
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(TA).not.toContain(s);

    const details = popup.locator('details.other-suites');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const count = await details.locator('ol.match-list > li').count();
    expect(await details.locator('summary').textContent()).toBe(`Other suites (${count})`);
    expect(await details.locator('ol.match-list > li').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('ol.match-list > li').first().isVisible()).toBe(true);

    // The units the page names stay listed whatever the scope (WP 301 is outside a teaching assistant's suites).
    const found = await popup.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(found).toEqual(expect.arrayContaining(['wp-301', 'wp-302']));

    // The lookup lists the scope's unit first among near-ties (every suite in scope lists CCLD's first).
    await popup.getByRole('searchbox', { name: 'Look up a unit' }).fill('safeguard');
    await expect.poll(() => popup.getAttribute('.results li:first-child', 'data-unit-id')).toBe('cypw3-safeguard');
    await popup.close();
  });

  it('offers the scope’s matches first in the tag form, after the units the page names, and its search prefers them', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('section[aria-label="Matches"] > ol.match-list > li');
    const found = await popup.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')!));
    await popup.getByRole('button', { name: 'Tag this page…' }).click();
    await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor();
    const offered = () => popup.$$eval('label[data-unit-id]', (ls) => ls.map((l) => l.getAttribute('data-unit-id')!));
    const ids = await offered();
    expect(ids.length).toBeGreaterThan(found.length);
    // Every unit the page names comes first (ticked), whatever the scope; then the suggestions, the scope's first.
    expect(new Set(ids.slice(0, found.length))).toEqual(new Set(found));
    const inScope = ids.slice(found.length).map((id) => TA.includes(suiteOfUnit.get(id)!));
    expect(inScope[0]).toBe(true);
    expect(inScope.slice(inScope.indexOf(false) >= 0 ? inScope.indexOf(false) : inScope.length)).not.toContain(true);
    await popup.fill('input.unit-search', 'safeguard');
    await expect
      .poll(() => popup.getAttribute('.suggestions button[data-unit-id] >> nth=0', 'data-unit-id'))
      .toBe('cypw3-safeguard');
    await popup.close();
  });

  it('changes the scope in one click from the header; Matches, the portfolio and the comparison follow', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: /^Change your scope/ }).click();
    const question = popup.getByRole('region', { name: 'Your scope' });
    await question.waitFor();
    // Reopened with the current answer ticked and the first role focused; Cancel rather than Skip.
    expect(await question.getByLabel('Teaching assistant / HLTA', { exact: true }).isChecked()).toBe(true);
    await expect
      .poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('learning-mentor');
    expect(await question.getByRole('button', { name: 'Skip for now' }).count()).toBe(0);
    await question.getByLabel('Teaching assistant / HLTA', { exact: true }).uncheck();
    await question.getByLabel('Parent support / parent partnership', { exact: true }).check();
    await question.getByRole('button', { name: 'Use this scope' }).click();
    await expect.poll(() => popup.locator('.scope-name').textContent()).toBe('Parent support');
    await expect.poll(async () => (await matchSuites(popup)).inScope.every((s) => PARENT.includes(s))).toBe(true);
    expect((await matchSuites(popup)).inScope).toContain('wp');
    expect((await matchSuites(popup)).others.every((s) => !PARENT.includes(s))).toBe(true);

    // Save the advert as a course, for the comparison below.
    await popup.getByRole('button', { name: 'Save as course' }).click();
    await popup.locator('p.ok', { hasText: 'Saved as a course' }).waitFor();
    await popup.close();

    const portfolio = await launched.context.newPage();
    await portfolio.goto(`chrome-extension://${launched.extensionId}/portfolio.html`);
    await portfolio.waitForSelector('[data-state="ready"]');
    expect(await portfolio.textContent('#h-working')).toBe('Your scope: Parent support');
    await expect
      .poll(() => portfolio.$$eval('.suite-coverage', (s) => s.map((x) => x.getAttribute('data-suite-id')).sort()))
      .toEqual([...PARENT].sort());
    for (const id of PARENT) expect(await portfolio.isChecked(`input[name="working"][value="${id}"]`)).toBe(true);
    await portfolio.close();

    const courses = await launched.context.newPage();
    await courses.goto(`chrome-extension://${launched.extensionId}/courses.html`);
    await courses.waitForSelector('tr[data-unit-id]');
    expect(await courses.inputValue('.toolbar select')).toBe('working');
    const rows = await courses.$$eval('tr[data-unit-id]', (trs) => trs.map((tr) => tr.getAttribute('data-unit-id')!));
    expect(rows.length).toBeGreaterThan(0);
    for (const id of rows) expect(PARENT).toContain(suiteOfUnit.get(id));
    await courses.close();
  });

  it('Show everything puts every suite in scope: one list, no “Other suites”', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: /^Change your scope/ }).click();
    const question = popup.getByRole('region', { name: 'Your scope' });
    await question.getByLabel('Show everything', { exact: true }).check();
    // Show everything stands alone: the role ticked before is cleared.
    expect(await question.getByLabel('Parent support / parent partnership', { exact: true }).isChecked()).toBe(false);
    await question.getByRole('button', { name: 'Use this scope' }).click();
    await expect.poll(() => popup.locator('.scope-name').textContent()).toBe('Everything');
    await expect.poll(async () => (await matchSuites(popup)).inScope.length).toBeGreaterThan(3);
    expect(await popup.locator('details.other-suites').count()).toBe(0);
    // With every suite in scope the lookup lists by score alone (preferSuites' ordering is unit-tested): both
    // suites' safeguarding units are offered.
    await popup.getByRole('searchbox', { name: 'Look up a unit' }).fill('safeguard');
    await expect
      .poll(() => popup.$$eval('.results li[data-unit-id]', (lis) => lis.map((li) => li.getAttribute('data-unit-id'))))
      .toEqual(expect.arrayContaining(['ccld-safeguard-children-from-harm', 'cypw3-safeguard']));
    await popup.close();
  });
});
