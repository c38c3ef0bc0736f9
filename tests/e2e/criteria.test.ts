// Criteria and evidence that is not a web page, in real Chromium with the built extension: criteria ticked in the
// popup's tag form show in coverage and on the unit page; the unit page cites its source and opens the portfolio's
// form with its unit ticked; a witness testimony with a PDF is added (a file over the limit is refused, nothing
// stored), shows in the portfolio, and comes back with its file from the backup in a fresh profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  newProfileDir,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

let server: FixtureServer;
let launched: Launched | undefined;
const files = mkdtempSync(join(tmpdir(), 'nos-lens-criteria-'));
let backupPath = '';
/** A small PDF's bytes (a real header, so the browser would show it). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'.repeat(40));

async function openExtensionPage(l: Launched, path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/${path}`);
  await page.waitForSelector('[data-state="ready"], article[data-unit-id]', { timeout: WAIT_MS });
  return page;
}

/** Every record of a table, read straight from IndexedDB in an extension page (files as their text). */
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

describe('criteria and evidence beyond web pages in Chromium', () => {
  beforeAll(async () => {
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    launched = await launchWithExtension(newProfileDir());
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('criteria ticked in the tag form show in coverage and on the unit page, by criterion', async () => {
    const l = launched!;
    const advert = await l.context.newPage();
    await advert.goto(server.url('/job-advert.html'));
    const tabId = await l.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id!, advert.url());
    const popup = await openExtensionPage(l, `popup.html?tab=${tabId}&tag=1&unit=lss-a`);
    await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor({ timeout: WAIT_MS });
    for (const box of await popup.$$('label.check input:checked')) await box.uncheck();
    await popup.check('label[data-unit-id="lss-a"] input');
    // Collapsed by default; opened from the keyboard.
    const picker = popup.locator('[data-criteria-for="lss-a"]');
    expect(await picker.getAttribute('open')).toBeNull();
    await picker.locator('summary').focus();
    await popup.keyboard.press('Enter');
    await popup.check('label[data-criterion-id="lss-a-pc-1"] input');
    await popup.check('label[data-criterion-id="lss-a-ku1-1"] input');
    await expect.poll(() => picker.locator('summary').textContent()).toContain('2 of');
    await popup.fill('textarea[name="note"]', 'Supported two learners to reach their goals');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Saved as evidence for 1 unit', { timeout: WAIT_MS });
    await popup.close();
    await advert.close();

    const page = await openExtensionPage(l, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    const count = page.locator('.coverage-units li[data-unit-id="lss-a"] .criteria-count');
    expect(await count.getAttribute('data-shown')).toBe('2');
    const total = Number(await count.getAttribute('data-total'));
    expect(total).toBeGreaterThan(10);
    expect(await page.textContent('.evidence-list [data-criteria-of="lss-a"]')).toContain('PC 1, KU1.1');
    await page.close();

    const unit = await openExtensionPage(l, 'unit.html?id=lss-a');
    await unit.waitForSelector('[data-criteria-shown]');
    expect(await unit.getAttribute('[data-criteria-shown]', 'data-criteria-shown')).toBe('2');
    expect(await unit.textContent('.by-criterion li[data-criterion-id="lss-a-pc-1"]')).toContain(
      'Supported two learners',
    );
    expect(await unit.getAttribute('.by-criterion li[data-criterion-id="lss-a-pc-2"]', 'class')).toBe('uncovered');
    // A readable citation, not a file name; the unit's place in its suite.
    const source = await unit.textContent('.source');
    expect(source).toContain('Lifelong Learning UK, National Occupational Standards for Learning Support Staff (2009)');
    expect(source).not.toMatch(/\.txt/);
    expect(await unit.textContent('.unit-place')).toContain('Unit 1 of 3');
    await unit.close();
  });

  it('adds a witness testimony with a PDF from the unit page; a file over the limit is refused, nothing stored', async () => {
    const l = launched!;
    const unit = await openExtensionPage(l, 'unit.html?id=lss-b');
    await unit.click('[data-action="tag-unit"]');
    await unit.waitForSelector('form[aria-label="Add evidence"]', { timeout: WAIT_MS });
    const page = unit;
    expect(await page.isChecked('label[data-unit-id="lss-b"] input')).toBe(true);
    const before = (await stored(page, 'evidence')).length;

    await page.fill('input[name="title"]', 'Witness testimony from the class teacher');
    await page.selectOption('select[name="type"]', 'witness-testimony');
    await page.fill('input[name="hours"]', '2.5');
    await page.fill('textarea[name="note"]', 'Mrs Patel saw me adapt the reading task.');
    await page.click('[data-criteria-for="lss-b"] summary');
    await page.check('label[data-criterion-id="lss-b-pc-1"] input');
    // Too large: refused with a clear message before anything is written.
    await page.setInputFiles('input[name="file"]', {
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32),
    });
    await page.click('form[aria-label="Add evidence"] button[type="submit"]');
    await page.waitForSelector('form[aria-label="Add evidence"] [role="alert"]');
    expect(await page.textContent('form[aria-label="Add evidence"] [role="alert"]')).toContain('at most 5.0 MB');
    expect(await stored(page, 'evidence')).toHaveLength(before);
    expect(await stored(page, 'files')).toHaveLength(0);

    await page.setInputFiles('input[name="file"]', {
      name: 'testimony.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.click('form[aria-label="Add evidence"] button[type="submit"]');
    await page.waitForSelector('text=Added “Witness testimony from the class teacher” to your portfolio.', {
      timeout: WAIT_MS,
    });
    const item = page.locator('.evidence-list > li', { hasText: 'Witness testimony from the class teacher' });
    const text = await item.textContent();
    expect(text).toContain('Witness testimony');
    expect(text).toContain('2.5 hours');
    expect(text).toContain('testimony.pdf');
    expect(await item.locator('a.evidence-title').count()).toBe(0);
    const record = (await stored(page, 'evidence')).find((e) => e.type === 'witness-testimony')!;
    expect(record).toMatchObject({ url: null, hours: 2.5, unitIds: ['lss-b'] });
    expect(record.criteria).toEqual([expect.objectContaining({ id: 'lss-b-pc-1', kind: 'pc', ref: '1' })]);
    const [file] = await stored(page, 'files');
    expect(file).toMatchObject({ evidenceId: record.id, blob: { type: 'application/pdf', text: PDF.toString() } });
    expect(await page.getAttribute('.coverage-units li[data-unit-id="lss-b"] .criteria-count', 'data-shown')).toBe('1');

    // The backup carries the file.
    const download = page.waitForEvent('download');
    await page.click('button:has-text("Export backup (JSON)")');
    const saved = await download;
    backupPath = join(files, saved.suggestedFilename());
    await saved.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.version).toBe(6);
    expect(backup.files).toEqual([
      { id: file.id, evidenceId: record.id, type: 'application/pdf', data: PDF.toString('base64') },
    ]);
    await page.close();
  });

  it('imports the backup into a fresh profile with identical records and the same file', async () => {
    const source = await openExtensionPage(launched!, 'portfolio.html');
    const evidence = await stored(source, 'evidence');
    const sourceFiles = await stored(source, 'files');
    await source.close();
    const fresh = await launchWithExtension(newProfileDir());
    try {
      const page = await openExtensionPage(fresh, 'portfolio.html');
      await page.waitForSelector('[data-empty="evidence"]');
      await page.setInputFiles('input[name="backup"]', backupPath);
      await page.waitForSelector('.import-preview');
      await page.click('.import-preview button:has-text("Import")');
      await page.waitForSelector('[data-import="done"]');
      await page.waitForSelector('.evidence-list > li');
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
      expect((await stored(page, 'evidence')).sort(byId)).toEqual(evidence.sort(byId));
      expect(await stored(page, 'files')).toEqual(sourceFiles);
      await page.close();
    } finally {
      await fresh.context.close();
    }
  });
});
