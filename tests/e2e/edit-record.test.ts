// Editing evidence that is not a web page after it was saved, in real Chromium: title, type, hours, description, units
// and criteria change; its file is replaced (a file over the limit is refused and nothing is lost) and removed; an
// edit started before another tab's change is refused with what to do, and saving again overwrites it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, newProfileDir, type Launched, WAIT_MS } from '../../scripts/browser';

let launched: Launched;
const FORM = 'form[aria-label="Edit evidence"]';

async function openPortfolio(path = 'portfolio.html'): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

/** Every record of a table, read straight from IndexedDB in an extension page (files as their type and text). */
function stored(page: Page, table: 'evidence' | 'files'): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('nos-lens');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = async () => {
            open.result.close();
            const rows = get.result as Record<string, unknown>[];
            resolve(
              await Promise.all(
                rows.map(async (r) =>
                  r.blob instanceof Blob ? { ...r, blob: { type: r.blob.type, text: await r.blob.text() } } : r,
                ),
              ),
            );
          };
        };
      }),
    table,
  );
}

const item = (page: Page) => page.locator('.evidence-list > li').first();

describe('editing evidence that is not a web page (Chromium)', () => {
  beforeAll(async () => {
    launched = await launchWithExtension(newProfileDir());
    const page = await openPortfolio('portfolio.html?add=1&unit=lss-b');
    const form = page.locator('form[aria-label="Add evidence"]');
    await form.waitFor({ timeout: WAIT_MS });
    await page.fill('input[name="title"]', 'Observation: small-group reading');
    await page.fill('input[name="hours"]', '1');
    await page.fill('textarea[name="note"]', 'Observed by the class teacher.');
    await page.setInputFiles('input[name="file"]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('First notes'),
    });
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('text=Added “Observation: small-group reading” to your portfolio.', {
      timeout: WAIT_MS,
    });
    await page.close();
  });
  afterAll(async () => {
    await launched?.context.close();
  });

  it('edits the title, type, hours, description, units and criteria', async () => {
    const page = await openPortfolio();
    await item(page).getByRole('button', { name: /^Edit/ }).click();
    const form = page.locator(FORM);
    await form.waitFor({ timeout: WAIT_MS });
    // The record's own fields, as saved.
    expect(await form.locator('input[name="title"]').inputValue()).toBe('Observation: small-group reading');
    expect(await form.locator('input[name="hours"]').inputValue()).toBe('1');
    expect(await form.locator('select[name="type"]').inputValue()).toBe('observation');
    expect(await form.textContent()).toContain('Remove the attached file “notes.txt”');

    await form.locator('input[name="title"]').fill('Observation: guided reading, Year 2');
    await form.locator('select[name="type"]').selectOption('reflective-account');
    await form.locator('input[name="hours"]').fill('1.5');
    await form.locator('textarea[name="note"]').fill('Written up after the lesson.');
    await form.locator('[data-criteria-for="lss-b"] summary').click();
    await form.locator('label[data-criterion-id="lss-b-pc-1"] input').check();
    // The date as Day / Month / Year, the same whatever the browser's locale: a day that does not exist and a day
    // still to come are refused with the GOV.UK pattern's messages, the box to fix marked and focused.
    const alert = form.locator('p.error[role="alert"]');
    await form.locator('input[name="date-day"]').fill('31');
    await form.locator('input[name="date-month"]').fill('2');
    await form.locator('input[name="date-year"]').fill('2026');
    await form.locator('button[type="submit"]').click();
    await alert.waitFor({ timeout: WAIT_MS });
    expect(await alert.textContent()).toBe('Date of the activity must be a real date');
    expect(await form.locator('input[name="date-day"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('date-day');
    await form.locator('input[name="date-day"]').fill('1');
    await form.locator('input[name="date-year"]').fill('2099');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => alert.textContent(), { timeout: WAIT_MS })
      .toBe('Date of the activity must be today or in the past');
    await form.locator('input[name="date-day"]').fill('14');
    await form.locator('input[name="date-month"]').fill('Oct');
    await form.locator('input[name="date-year"]').fill('2026');
    await form.locator('input.unit-search').fill('WP 301');
    await form.locator('button[data-unit-id="wp-301"]').click();
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached', timeout: WAIT_MS });

    const [record] = await stored(page, 'evidence');
    expect(record).toMatchObject({
      url: null,
      pageTitle: 'Observation: guided reading, Year 2',
      type: 'reflective-account',
      hours: 1.5,
      note: 'Written up after the lesson.',
      activityDate: '2026-10-14',
      unitIds: ['lss-b', 'wp-301'],
      attachment: expect.objectContaining({ name: 'notes.txt' }),
    });
    expect(record.criteria).toEqual([expect.objectContaining({ id: 'lss-b-pc-1' })]);
    await expect.poll(() => item(page).textContent(), { timeout: WAIT_MS }).toContain('Reflective account');
    expect(await item(page).textContent()).toContain('14 Oct 2026');

    // The date filter takes the same boxes: from 1 November the piece (14 October) is filtered out.
    await page.fill('input[name="from-day"]', '1');
    await page.fill('input[name="from-month"]', '11');
    await page.fill('input[name="from-year"]', '2026');
    await page.waitForSelector('text=No evidence passes these filters.', { timeout: WAIT_MS });
    await page.click('button:has-text("Clear filters")');
    await item(page).waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.inputValue('input[name="from-day"]'), { timeout: WAIT_MS }).toBe('');
    await page.close();
  });

  it('replaces the file (a file over the limit is refused, nothing lost), then removes it', async () => {
    const page = await openPortfolio();
    const [before] = await stored(page, 'evidence');
    const [oldFile] = await stored(page, 'files');
    await item(page).getByRole('button', { name: /^Edit/ }).click();
    const form = page.locator(FORM);
    await form.waitFor({ timeout: WAIT_MS });
    await form.locator('input[name="file"]').setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32),
    });
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="alert"]').waitFor({ timeout: WAIT_MS });
    expect(await form.locator('[role="alert"]').textContent()).toContain('at most 5.0 MB');
    expect(await stored(page, 'evidence')).toEqual([before]);
    expect(await stored(page, 'files')).toEqual([oldFile]);

    await form.locator('input[name="file"]').setInputFiles({
      name: 'notes v2.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Second notes'),
    });
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached', timeout: WAIT_MS });
    const files = await stored(page, 'files');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ evidenceId: before.id, blob: { type: 'text/plain', text: 'Second notes' } });
    await expect.poll(() => item(page).textContent(), { timeout: WAIT_MS }).toContain('notes v2.txt');

    await item(page).getByRole('button', { name: /^Edit/ }).click();
    await form.waitFor({ timeout: WAIT_MS });
    await form.locator('input[name="remove-file"]').check();
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await stored(page, 'files')).toEqual([]);
    const [after] = await stored(page, 'evidence');
    expect(after.attachment).toBeNull();
    await expect.poll(() => item(page).textContent(), { timeout: WAIT_MS }).not.toContain('Attached:');
    await page.close();
  });

  it('refuses an edit begun before another tab’s change; saving again overwrites it', async () => {
    const first = await openPortfolio();
    await item(first).getByRole('button', { name: /^Edit/ }).click();
    const form = first.locator(FORM);
    await form.waitFor({ timeout: WAIT_MS });

    const second = await openPortfolio();
    await item(second).getByRole('button', { name: /^Edit/ }).click();
    await second.locator(`${FORM} input[name="title"]`).fill('Changed in the other tab');
    await second.locator(`${FORM} button[type="submit"]`).click();
    await second.locator(FORM).waitFor({ state: 'detached', timeout: WAIT_MS });
    await second.close();

    await form.locator('input[name="title"]').fill('Changed here');
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="alert"]').waitFor({ timeout: WAIT_MS });
    expect(await form.locator('[role="alert"]').textContent()).toContain('This evidence was changed in another tab');
    expect((await stored(first, 'evidence'))[0].pageTitle).toBe('Changed in the other tab');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached', timeout: WAIT_MS });
    expect((await stored(first, 'evidence'))[0].pageTitle).toBe('Changed here');
    await first.close();
  });
});
