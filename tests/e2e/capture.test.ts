// Capturing a standard from its page in real Chromium with the built extension: the popup recognises an invented
// NOS-layout page served from 127.0.0.1, previews it, saves it into a suite of the user's; the unit page shows its
// criteria; a captured standard titled as a bundled unit (LDSS 309) is linked to it, the bundled unit's page shows the
// captured criteria, and Matches on an advert rank the bundled unit with a "why" from a captured criterion; evidence is
// tagged against a captured criterion of the bundled unit, and an update that removes that criterion keeps it. The
// badge says a page is a NOS record before the popup is opened.
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
import { answerScope } from './scope-helper';

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
};

/** The toolbar badge's text and title for a tab, once the content script has reported. */
async function badgeOf(tabId: number, text: string): Promise<{ text: string; title: string }> {
  await expect
    .poll(() => launched.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), {
      timeout: WAIT_MS,
    })
    .toBe(text);
  const title = await launched.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  return { text, title };
}

let launched: Launched;
let server: FixtureServer;

async function openPage(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await launched.context.newPage();
  const url = server.url(path);
  await page.goto(url);
  const tabId = await launched.worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab.id!;
  }, url);
  return { page, tabId };
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return popup;
}

async function unitPage(unitId: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/unit.html?id=${unitId}`);
  await page.waitForSelector(`article[data-unit-id="${unitId}"]`, { timeout: WAIT_MS });
  return page;
}

describe('capturing a standard in Chromium', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    await answerScope(launched);
    const folder = join(ROOT, 'tests', 'fixtures', 'capture');
    // A later version of the reading standard: version 4, P2 reworded, a P9 added.
    const later = readFileSync(join(folder, 'finder-reading-at-home.html'), 'utf8')
      .replace('<th>Version Number</th><td>3</td>', '<th>Version Number</th><td>4</td>')
      .replace(
        'find out which languages are spoken and read at home',
        'find out which languages the family speaks and reads',
      )
      .replace('</table>', '<tr><td>P9</td><td>invite families to a termly reading celebration</td></tr></table>');
    expect(later).toContain('<td>P9</td>');
    // Version 3 of the liaison standard: the interpreters criterion (P3) removed, the concerns one moved up to P3.
    const liaise = readFileSync(join(folder, 'finder-liaise-families.html'), 'utf8');
    const liaiseV3 = liaise
      .replace('<th>Version Number</th><td>2</td>', '<th>Version Number</th><td>3</td>')
      .replace(/<tr><td>P3<\/td><td>arrange interpreters[^<]*<\/td><\/tr>\s*<tr><td>P4<\/td>/, '<tr><td>P3</td>');
    expect(liaiseV3).not.toContain('arrange interpreters');
    server = await serveFolder(folder, {
      '/finder-reading-at-home-later.html': later,
      '/finder-liaise-families-v3.html': liaiseV3,
    });
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('offers the standard on the page, previews it, saves it into a new suite, and the unit page shows its criteria', async () => {
    const { page, tabId } = await openPage('/finder-reading-at-home.html');
    // The badge says the page is a NOS record before the popup is opened (the content script's pre-check).
    expect((await badgeOf(tabId, 'NOS')).title).toBe('NOS Lens: NOS record — open NOS Lens to add it');
    const popup = await popupFor(tabId);
    const offer = popup.getByRole('region', { name: 'Standard on this page' });
    await offer.waitFor({ timeout: WAIT_MS });
    expect(await offer.textContent()).toContain(
      "This page is a National Occupational Standard: Support pupils' reading at home (XYZ123).",
    );
    await offer.getByRole('button', { name: 'Add to my standards' }).click();
    const preview = offer.getByRole('group', { name: 'What will be stored' });
    expect(await preview.textContent()).toContain(
      '8 performance criteria, 10 knowledge statements, 0 elements; version 3, approved 14 Mar 2023.',
    );
    expect(await preview.getByLabel('Name').inputValue()).toBe('Family Learning Support (invented)');
    await preview.getByRole('button', { name: 'Save to my standards' }).click();
    await offer.getByRole('status').waitFor({ timeout: WAIT_MS });
    expect(await offer.getByRole('status').textContent()).toContain('Saved in Family Learning Support (invented).');
    // No bundled unit has this title: nothing to link.
    expect(await offer.getByRole('group', { name: 'Same standard' }).count()).toBe(0);
    await popup.close();

    // Captured: the page now names a unit of yours (its title), and the badge's title says it is one you captured.
    expect((await badgeOf(tabId, '1')).title).toBe(
      'NOS Lens: a NOS record you have captured — open NOS Lens to check for changes',
    );

    // Opened again, the popup knows it has this capture and that nothing changed.
    const again = await popupFor(tabId);
    const known = again.getByRole('region', { name: 'Standard on this page' });
    await known.getByText('nothing has changed since').waitFor({ timeout: WAIT_MS });
    expect(await known.getByRole('button', { name: /Add to my standards|Update my copy/ }).count()).toBe(0);
    await again.close();

    const unit = await unitPage('nos-xyz123');
    const criteria = unit.locator('ol.criteria li');
    expect(await criteria.count()).toBe(8);
    expect(await criteria.first().textContent()).toContain(
      'agree reading goals with the pupil, their family and the class teacher',
    );
    expect(await unit.getByRole('region', { name: 'Captured standard' }).textContent()).toContain('URN XYZ123');
    await unit.close();
    await page.close();
  });

  it('offers to update a standard captured before, showing what changed, and keeps the same unit', async () => {
    const { page, tabId } = await openPage('/finder-reading-at-home-later.html');
    const popup = await popupFor(tabId);
    const offer = popup.getByRole('region', { name: 'Standard on this page' });
    await offer.getByText('this page differs').waitFor({ timeout: WAIT_MS });
    await offer.getByRole('button', { name: 'Update my copy' }).click();
    const changes = offer.getByRole('list', { name: 'What changed' });
    const text = await changes.textContent();
    expect(text).toContain('Version: 3 → 4');
    expect(text).toContain('Criteria added: P9');
    expect(text).toContain('Criteria reworded: P2');
    await offer.getByRole('button', { name: 'Update in Family Learning Support (invented)' }).click();
    await offer.getByRole('status').waitFor({ timeout: WAIT_MS });
    expect(await offer.getByRole('status').textContent()).toContain('Updated in Family Learning Support (invented).');
    await popup.close();
    await page.close();

    const unit = await unitPage('nos-xyz123');
    expect(await unit.locator('ol.criteria li').count()).toBe(9);
    expect(await unit.getByRole('region', { name: 'Captured standard' }).textContent()).toContain('version 4');
    await unit.close();
  });

  it('links a capture titled as a bundled unit; the unit page and Matches use its criteria', async () => {
    // Before the link, the advert's duties do not bring LDSS 309 (a title only in the dataset) into Matches.
    const advert = await openPage('/advert-family-liaison.html');
    // An advert is not a NOS record: the badge says nothing of capture.
    expect((await badgeOf(advert.tabId, '')).title).toBe('NOS Lens');
    let popup = await popupFor(advert.tabId);
    await popup.locator('.matches, [aria-label="Matches"]').first().waitFor({ timeout: WAIT_MS });
    await popup.waitForFunction(() => !document.body.textContent?.includes('Reading the page'), null, {
      timeout: WAIT_MS,
    });
    expect(await popup.locator('li[data-unit-id="ldss-309"]').count()).toBe(0);
    await popup.close();

    const { page, tabId } = await openPage('/finder-liaise-families.html');
    popup = await popupFor(tabId);
    const offer = popup.getByRole('region', { name: 'Standard on this page' });
    await offer.getByRole('button', { name: 'Add to my standards' }).click({ timeout: WAIT_MS });
    await offer.getByRole('button', { name: 'Save to my standards' }).click();
    const question = offer.getByRole('group', { name: 'Same standard' });
    await question.waitFor({ timeout: WAIT_MS });
    expect(await question.textContent()).toContain(
      'Is this the same standard as 309 Liaise with parents, carers and families',
    );
    await question.getByRole('button', { name: 'Yes, link them' }).click();
    await offer.getByText('Linked to 309 Liaise with parents, carers and families').waitFor({ timeout: WAIT_MS });
    await popup.close();
    await page.close();

    const unit = await unitPage('ldss-309');
    const captured = unit.getByRole('region', { name: 'Captured standard' });
    await captured.waitFor({ timeout: WAIT_MS });
    const text = await captured.textContent();
    expect(text).toMatch(/from the official page you captured on \d{1,2} \w{3} \d{4}, URN XYZ409/);
    expect(text).toContain("run welcoming drop-in sessions where families can ask about their child's day");
    expect(text).toContain('how to keep conversations with families confidential');
    await unit.close();

    popup = await popupFor(advert.tabId);
    const match = popup.locator('li[data-unit-id="ldss-309"]');
    await match.waitFor({ timeout: WAIT_MS });
    expect(await match.locator('.why').textContent()).toMatch(/drop-in sessions|home-school diary|interpreters/);
    // The captured copy is ranked as the bundled unit, not a second time.
    expect(await popup.locator('li[data-unit-id="nos-xyz409"]').count()).toBe(0);
    await popup.close();
    await advert.page.close();
  });

  it('tags evidence against a captured criterion of the linked bundled unit; its page lists it under that criterion', async () => {
    const advert = await openPage('/advert-family-liaison.html');
    const popup = await launched.context.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${advert.tabId}&tag=1&unit=ldss-309`);
    await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor({ timeout: WAIT_MS });
    for (const box of await popup.$$('label.check input:checked')) await box.uncheck();
    await popup.check('label[data-unit-id="ldss-309"] input');
    // The bundled unit (a title only in the dataset) offers the captured standard's criteria and knowledge.
    const picker = popup.locator('[data-criteria-for="ldss-309"]');
    await picker.locator('summary').click();
    const p3 = popup.locator('label[data-criterion-id="nos-xyz409-p3"]');
    expect(await p3.textContent()).toContain('P3');
    expect(await p3.textContent()).toContain('arrange interpreters');
    expect(await popup.locator('label[data-criterion-id="nos-xyz409-k3"]').count()).toBe(1);
    await p3.locator('input').check();
    await popup.fill('textarea[name="note"]', 'Booked interpreters for two families at parents’ evening');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Saved as evidence for 1 unit', { timeout: WAIT_MS });
    await popup.close();
    await advert.page.close();

    const unit = await unitPage('ldss-309');
    const row = unit.locator('.by-criterion li[data-criterion-id="nos-xyz409-p3"]');
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.getAttribute('class')).toBe('covered');
    expect(await row.textContent()).toContain('arrange interpreters so that families who speak other languages');
    expect(await row.textContent()).toContain('Family liaison');
    expect(await unit.getAttribute('[data-criteria-shown]', 'data-criteria-total')).toBe('7');
    expect(await unit.getAttribute('.by-criterion li[data-criterion-id="nos-xyz409-p1"]', 'class')).toBe('uncovered');
    await unit.close();

    // The portfolio's coverage counts the captured criteria under the bundled unit.
    const portfolio = await launched.context.newPage();
    await portfolio.goto(`chrome-extension://${launched.extensionId}/portfolio.html`);
    const count = portfolio.locator('.coverage-units li[data-unit-id="ldss-309"] .criteria-count');
    await count.waitFor({ state: 'attached', timeout: WAIT_MS }); // in a collapsed suite
    expect(await count.getAttribute('data-shown')).toBe('1');
    expect(await count.getAttribute('data-total')).toBe('7');
    await portfolio.close();
  });

  it('updates the linked standard with a criterion removed: the evidence keeps it, marked as no longer there', async () => {
    const { page, tabId } = await openPage('/finder-liaise-families-v3.html');
    const popup = await popupFor(tabId);
    const offer = popup.getByRole('region', { name: 'Standard on this page' });
    await offer.getByRole('button', { name: 'Update my copy' }).click({ timeout: WAIT_MS });
    const changes = await offer.getByRole('list', { name: 'What changed' }).textContent();
    expect(changes).toContain('Criteria removed: P3');
    expect(changes).toContain('Criteria renumbered: P4→P3');
    expect(await offer.locator('[data-evidence-kept]').textContent()).toContain(
      'Your evidence against P3 (1 piece) stays',
    );
    await offer.getByRole('button', { name: /^Update in / }).click();
    await offer.getByRole('status').waitFor({ timeout: WAIT_MS });
    await popup.close();
    await page.close();

    const unit = await unitPage('ldss-309');
    const gone = unit.locator('.by-criterion li[data-criterion-id="nos-xyz409-p3"]');
    await gone.waitFor({ timeout: WAIT_MS });
    expect(await gone.textContent()).toContain('arrange interpreters');
    expect(await gone.textContent()).toContain('(no longer in the captured standard)');
    expect(await gone.textContent()).toContain('Family liaison');
    // The criterion that moved up keeps its id, under its new number; the unit now has 6 criteria in all.
    expect(await unit.textContent('.by-criterion li[data-criterion-id="nos-xyz409-p4"]')).toContain('P3');
    expect(await unit.getAttribute('[data-criteria-shown]', 'data-criteria-total')).toBe('6');
    await unit.close();
  });
});
