// Courses in real Chromium with the built extension: save two course pages from the popup, compare them side by side,
// sort, export CSV, remove one and undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveFolder, type FixtureServer, type Launched } from '../../scripts/browser';
import { readHighlights } from '../../scripts/page-probe';
import { answerScope } from './scope-helper';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

let launched: Launched;
let server: FixtureServer;

const COURSES = [
  { path: '/course-parent-support.html', title: 'Level 3 Certificate in Work with Parents' },
  { path: '/course-learning-support.html', title: 'Supporting Families and Transitions' },
];

async function saveAsCourse(path: string): Promise<string> {
  const page = await launched.context.newPage();
  await page.goto(server.url(path));
  await expect.poll(async () => (await readHighlights(page)).length).toBeGreaterThan(0);
  const tabId = await launched.worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u }))[0].id!,
    server.url(path),
  );
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.found-list li');
  await popup.getByRole('button', { name: 'Save as course' }).click();
  const status = popup.locator('p.ok', { hasText: 'Saved as a course' });
  await status.waitFor();
  const text = (await status.textContent()) ?? '';
  await popup.close();
  await page.close();
  return text;
}

async function coverage(page: Page, unitId: string): Promise<string[]> {
  return page.$$eval(`tr[data-unit-id="${unitId}"] td`, (tds) => tds.map((td) => td.getAttribute('data-coverage')!));
}

describe('courses in Chromium', () => {
  beforeAll(async () => {
    launched = await launchWithExtension();
    // A returning user who skipped the scope question: the comparison shows every suite.
    await answerScope(launched);
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('saves two course pages from the popup and compares them unit by unit', async () => {
    expect(await saveAsCourse(COURSES[0].path)).toMatch(/3 units named/);
    expect(await saveAsCourse(COURSES[1].path)).toMatch(/3 units named/);
    // Saving the same page again updates it (and moves it last) rather than adding a third course.
    await saveAsCourse(COURSES[1].path);

    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/courses.html`);
    await page.waitForSelector('table.compare');
    const headers = await page.$$eval('thead th[data-course-id] .course-title', (els) => els.map((e) => e.textContent));
    expect(headers).toHaveLength(2);
    expect(headers[0]).toContain(COURSES[0].title);
    expect(headers[1]).toContain(COURSES[1].title);

    expect(await coverage(page, 'wp-301')).toEqual(['explicit', expect.stringMatching(/none|match/)]);
    expect(await coverage(page, 'wp-302')).toEqual(['explicit', 'explicit']);
    expect(await coverage(page, 'ldss-309')).toEqual([expect.stringMatching(/none|match/), 'explicit']);
    expect(await coverage(page, 'ldss-gcu1')).toEqual([expect.stringMatching(/none|match/), 'explicit']);
    // Only units some course covers are listed by default.
    const cells = await page.$$eval('tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-coverage'))),
    );
    expect(cells.every((row) => row.some((c) => c !== 'none'))).toBe(true);

    // Sorting by the second course puts what it names first.
    await page.click('thead th[data-course-id]:nth-of-type(3) .course-title');
    expect(await page.getAttribute('thead th[data-course-id]:nth-of-type(3)', 'aria-sort')).toBe('descending');
    const sorted = await page.$$eval('tbody tr', (trs) =>
      trs.map((tr) => tr.children[2].getAttribute('data-coverage')),
    );
    const rank = sorted.map((c) => ({ explicit: 2, match: 1, none: 0 })[c as 'explicit' | 'match' | 'none']);
    expect(rank.slice(0, 3)).toEqual([2, 2, 2]);
    expect(rank).toEqual([...rank].sort((a, b) => b - a));

    // CSV: one row per unit listed, one column per course.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('unit_id,code,title,suite');
    expect(lines[0]).toContain(COURSES[1].title);
    const wp302 = lines.find((l) => l.startsWith('wp-302,'))!;
    expect(wp302.endsWith(',named,named')).toBe(true);
    expect(lines).toHaveLength(1 + (await page.locator('tbody tr').count()));

    // Remove a course, then undo.
    await page.getByRole('button', { name: `Remove ${COURSES[0].title}` }).click();
    await page.waitForSelector('text=Removed');
    await expect.poll(() => page.locator('thead th[data-course-id]').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('thead th[data-course-id]').count()).toBe(2);
    await page.close();
  });

  it('renames a course’s column by keyboard; Escape leaves the name; saving the page again keeps it', async () => {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/courses.html`);
    await page.waitForSelector('table.compare');
    const rename = page.getByRole('button', { name: `Rename ${COURSES[0].title}` });
    await rename.focus();
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Name of this course' });
    await name.fill('Riverside Level 3');
    await page.keyboard.press('Enter');
    const first = page.locator('thead th[data-course-id]').first().locator('.course-title');
    await expect.poll(() => first.textContent()).toBe('Riverside Level 3');
    // Escape leaves the name as it was; an empty name cannot be saved.
    await page.getByRole('button', { name: 'Rename Riverside Level 3' }).click();
    await name.fill('   ');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => first.textContent()).toBe('Riverside Level 3');
    // The CSV's column takes the new name, and saving the page again keeps it.
    await saveAsCourse(COURSES[0].path);
    await page.reload();
    await page.waitForSelector('table.compare');
    const headers = await page.$$eval('thead th[data-course-id] .course-title', (els) => els.map((e) => e.textContent));
    expect(headers).toContain('Riverside Level 3');
    await page.close();
  });

  it('says why a course matches a unit, on hover and on keyboard focus', async () => {
    // The course describes home visiting in its own words; it names only WP 307.
    await saveAsCourse('/course-home-visiting.html');
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/courses.html`);
    await page.getByLabel('Units of').selectOption('all');
    const column = await page.$$eval('thead th[data-course-id] .course-title', (els) =>
      els.findIndex((e) => e.textContent?.includes('Home Visiting')),
    );
    expect(column).toBeGreaterThanOrEqual(0);
    expect((await coverage(page, 'ccld-home-visiting'))[column]).toBe('match');
    expect((await coverage(page, 'wp-307'))[column]).toBe('explicit');

    const cell = page.locator('tr[data-unit-id="ccld-home-visiting"] td').nth(column);
    const trigger = cell.getByRole('button', { name: 'matched' });
    const tip = cell.getByRole('tooltip', { includeHidden: true });
    await expect.poll(() => tip.isVisible()).toBe(false);
    // The reason is the course's sentence and the unit's words, tied to the button for screen readers.
    const reason = (await tip.textContent()) ?? '';
    expect(reason).toContain('How to plan and carry out home visits to families with babies and young children.');
    expect(reason).toContain('Support children and families through home visiting');
    expect(await trigger.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));

    await trigger.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);

    // From the keyboard: focus shows it, Esc hides it without moving focus.
    await trigger.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });
});
