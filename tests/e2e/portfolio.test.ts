// The portfolio in real Chromium with the built extension: evidence tagged from the popup shows in the portfolio and on
// its units' pages; edit, delete and undo; it survives closing and relaunching the browser on the same profile; JSON
// and CSV exports hold it; importing the JSON into a fresh profile reproduces it exactly; a bad file changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { readHighlights } from '../../scripts/page-probe';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

let server: FixtureServer;
let launched: Launched | undefined;
const profile = newProfileDir();
const files = mkdtempSync(join(tmpdir(), 'nos-lens-export-'));
let backupPath = '';

async function openExtensionPage(l: Launched, path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/${path}`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

/** Every stored evidence record, read straight from IndexedDB in an extension page. */
function storedEvidence(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('nos-lens');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const get = open.result.transaction('evidence').objectStore('evidence').getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as Record<string, unknown>[]);
          };
        };
      }),
  );
}

describe('portfolio in Chromium', () => {
  beforeAll(async () => {
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
    launched = await launchWithExtension(profile);
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('starts empty, saying how to add evidence', async () => {
    const page = await openExtensionPage(launched!, 'portfolio.html');
    await page.waitForSelector('[data-empty="evidence"]');
    expect(await page.textContent('[data-empty="evidence"]')).toContain('Tag this page');
    expect(await page.getAttribute('.persistence', 'data-persistence')).not.toBe('checking');
    await page.close();
  });

  it('shows evidence tagged from the popup against two units, in the portfolio and on both unit pages', async () => {
    const l = launched!;
    const advert = await l.context.newPage();
    await advert.goto(server.url('/job-advert.html'));
    expect((await readHighlights(advert)).length).toBeGreaterThan(0);
    const tabId = await l.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id!, advert.url());
    const popup = await openExtensionPage(l, `popup.html?tab=${tabId}&tag=1&unit=wp-301`);
    await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor();
    for (const box of await popup.$$('label.check input:checked')) await box.uncheck();
    await popup.check('label[data-unit-id="wp-301"] input');
    await popup.check('label[data-unit-id="wp-302"] input');
    await popup.fill('textarea[name="note"]', 'Matched my experience of family learning sessions');
    await popup.fill('input[name="tags"]', 'applications');
    await popup.selectOption('select[name="type"]', 'job-advert');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Saved as evidence for 2 units');
    await popup.close();
    await advert.close();

    const page = await openExtensionPage(l, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    const item = await page.textContent('.evidence-list > li');
    expect(item).toContain('Matched my experience of family learning sessions');
    expect(item).toContain('#applications');
    expect(item).toContain('Job advert');
    expect(await page.$$eval('.evidence-list .chips a', (as) => as.map((a) => a.textContent))).toEqual([
      expect.stringContaining('WP 301'),
      expect.stringContaining('WP 302'),
    ]);
    expect(await page.getAttribute('.coverage-units li[data-unit-id="wp-301"] .count', 'data-count')).toBe('1');
    expect(await page.getAttribute('.coverage-units li[data-unit-id="wp-303"] .count', 'data-count')).toBe('0');
    expect(await page.getAttribute('.suite-coverage[data-suite-id="wp"] [data-covered]', 'data-covered')).toBe('2');

    for (const id of ['wp-301', 'wp-302']) {
      const unit = await l.context.newPage();
      await unit.goto(`chrome-extension://${l.extensionId}/unit.html?id=${id}`);
      await unit.waitForSelector('.evidence li');
      expect(await unit.textContent('.evidence li')).toContain('Matched my experience of family learning sessions');
      await unit.close();
    }
    await page.close();
  });

  it('narrows coverage to the suites the user works towards, and filters evidence', async () => {
    const page = await openExtensionPage(launched!, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    expect((await page.$$('.suite-coverage')).length).toBeGreaterThan(5);
    // Ticking suites one after another: the picker stays open under the user's hand.
    await page.check('input[name="working"][value="wp"]');
    await page.check('input[name="working"][value="ldss"]');
    await expect
      .poll(() => page.$$eval('.suite-coverage', (s) => s.map((x) => x.getAttribute('data-suite-id'))))
      .toEqual(['ldss', 'wp']);
    await page.uncheck('input[name="working"][value="ldss"]');
    await expect
      .poll(() => page.$$eval('.suite-coverage', (s) => s.map((x) => x.getAttribute('data-suite-id'))))
      .toEqual(['wp']);
    await page.selectOption('select >> nth=2', 'reading');
    await page.waitForSelector('text=No evidence passes these filters');
    await page.click('text=Clear filters');
    await page.fill('input[type="search"]', 'family learning');
    await page.waitForSelector('.evidence-list > li');
    await page.fill('input[type="search"]', 'nothing like this');
    await page.waitForSelector('text=No evidence passes these filters');
    await page.close();
  });

  it('edits evidence, and deletes it with undo', async () => {
    const page = await openExtensionPage(launched!, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    await page.click('.evidence-list button:has-text("Edit")');
    const form = page.getByRole('form', { name: 'Edit evidence' });
    await form.waitFor();
    expect(await page.inputValue('textarea[name="note"]')).toBe('Matched my experience of family learning sessions');
    await page.fill('textarea[name="note"]', 'Interview on Monday');
    await page.fill('input[name="tags"]', 'applications, interview');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('.evidence-list .note:has-text("Interview on Monday")');
    expect(await page.textContent('.evidence-list .tags')).toContain('#interview');
    const [before] = await storedEvidence(page);
    expect(before.snapshot).toEqual(expect.stringContaining('What you will do'));
    expect(before.unitIds).toEqual(['wp-301', 'wp-302']);

    await page.click('.evidence-list button:has-text("Delete")');
    await page.waitForSelector('[data-empty="evidence"]');
    await page.click('button:has-text("Undo")');
    await page.waitForSelector('.evidence-list > li');
    expect(await storedEvidence(page)).toEqual([before]);
    await page.close();
  });

  it('keeps the portfolio when the browser is closed and relaunched on the same profile', async () => {
    await launched!.context.close();
    launched = await launchWithExtension(profile);
    const page = await openExtensionPage(launched, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    expect(await page.textContent('.evidence-list > li')).toContain('Interview on Monday');
    expect(await page.isChecked('input[name="working"][value="wp"]')).toBe(true);
    await page.close();
  });

  it('exports a JSON backup and a CSV that hold the evidence', async () => {
    const page = await openExtensionPage(launched!, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li');
    const [stored] = await storedEvidence(page);

    const json = page.waitForEvent('download');
    await page.click('button:has-text("Export backup (JSON)")');
    const jsonFile = await json;
    expect(jsonFile.suggestedFilename()).toMatch(/^nos-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(files, jsonFile.suggestedFilename());
    await jsonFile.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('nos-lens-backup');
    expect(backup.version).toBe(6);
    expect(backup.evidence).toEqual([stored]);
    expect(backup.settings.workingSuites).toEqual(['wp']);

    const csv = page.waitForEvent('download');
    await page.click('button:has-text("Export CSV")');
    const csvFile = await csv;
    const csvPath = join(files, csvFile.suggestedFilename());
    await csvFile.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'evidence_id,unit_id,unit_code,unit_title,suite,criteria,url,page_title,document_fingerprint,document_page,type,activity_date,tags,note,quote,hours,attachment,created_at,updated_at',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${stored.id as string},wp-301,WP 301,`);
    // No criteria ticked: the column is empty.
    expect(lines[1]).toContain(',Work with Parents,,http');
    expect(lines[2]).toContain(`${stored.id as string},wp-302,WP 302,`);
    expect(lines[1]).toContain('Interview on Monday');

    const ld = page.waitForEvent('download');
    await page.click('button:has-text("Export Web Annotations")');
    const ldFile = await ld;
    const ldPath = join(files, ldFile.suggestedFilename());
    await ldFile.saveAs(ldPath);
    const collection = JSON.parse(readFileSync(ldPath, 'utf8'));
    expect(collection.first.items[0].target.source).toBe(stored.url);
    await page.close();
  });

  it('imports the backup into a fresh profile, reproducing the portfolio; a second import changes nothing', async () => {
    const fresh = await launchWithExtension(newProfileDir());
    try {
      const page = await openExtensionPage(fresh, 'portfolio.html');
      await page.waitForSelector('[data-empty="evidence"]');
      await page.setInputFiles('input[name="backup"]', backupPath);
      await page.waitForSelector('.import-preview');
      expect(await page.getAttribute('.import-preview', 'data-add')).toBe('1');
      expect(await page.textContent('.import-preview')).toContain('will add 1, update 0 and skip 0');
      await page.click('.import-preview button:has-text("Import")');
      await page.waitForSelector('[data-import="done"]');
      await page.waitForSelector('.evidence-list > li');
      expect(await page.textContent('.evidence-list > li')).toContain('Interview on Monday');
      expect(await page.isChecked('input[name="working"][value="wp"]')).toBe(true);
      const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
      expect(await storedEvidence(page)).toEqual(backup.evidence);

      await page.setInputFiles('input[name="backup"]', backupPath);
      await page.waitForSelector('text=your portfolio already has everything in it');

      // A cut-off file and a file of another version are refused with what is wrong, and nothing changes.
      const text = readFileSync(backupPath, 'utf8');
      const truncated = join(files, 'truncated.json');
      writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
      await page.setInputFiles('input[name="backup"]', truncated);
      await page.waitForSelector('[data-import="invalid"]');
      expect(await page.textContent('[data-import="invalid"]')).toContain('truncated');
      const newer = join(files, 'newer.json');
      writeFileSync(newer, JSON.stringify({ ...backup, version: 7, evidence: [] }));
      await page.setInputFiles('input[name="backup"]', newer);
      await page.waitForSelector('[data-import="invalid"]:has-text("version 7")');
      const bad = join(files, 'bad-record.json');
      writeFileSync(
        bad,
        JSON.stringify({ ...backup, evidence: [{ ...backup.evidence[0], url: 'javascript:alert(1)' }] }),
      );
      await page.setInputFiles('input[name="backup"]', bad);
      await page.waitForSelector('[data-import="invalid"]:has-text("evidence[0].url")');
      expect(await storedEvidence(page)).toEqual(backup.evidence);

      // One bad record among good ones: named, and the others imported only when the user says so.
      const partial = join(files, 'partial.json');
      const good = { ...backup.evidence[0], id: 'from-the-partial-file', note: 'From the partial file' };
      writeFileSync(
        partial,
        JSON.stringify({ ...backup, evidence: [{ ...backup.evidence[0], url: 'javascript:alert(1)' }, good] }),
      );
      await page.setInputFiles('input[name="backup"]', partial);
      await page.waitForSelector('[data-import="partial"]:has-text("evidence[0].url")');
      expect(await page.textContent('[data-import="partial"]')).toContain(
        '1 record in partial.json cannot be imported',
      );
      expect(await storedEvidence(page)).toEqual(backup.evidence);
      await page.click('.import-preview button:has-text("Import the others")');
      await page.waitForSelector('[data-import="done"]');
      expect((await storedEvidence(page)).map((e) => e.id).sort()).toEqual(
        [backup.evidence[0].id as string, 'from-the-partial-file'].sort(),
      );
      await page.close();
    } finally {
      await fresh.context.close();
    }
  });
});
