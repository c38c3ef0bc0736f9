// The evidence pack in real Chromium: evidence tagged from the popup (one page with a hostile title and note) is
// exported as a pack after the learner's name is asked once; the pack opens as a file in a browser without NOS Lens
// with no script errors, no network request, no markup from the evidence and no serious axe-core violation, and
// prints; imported into a fresh profile it restores the same records; the evidence CSV (and the printed PDF) picked
// by mistake are refused with what they are, and so is the pack on the Standards page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import {
  CHROMIUM,
  launchWithExtension,
  newProfileDir,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';
import { readHighlights } from '../../scripts/page-probe';
import { makeBackup } from '../../lib/portfolio/backup';
import { evidencePack, MATRIX_COLUMNS } from '../../lib/portfolio/pack';
import { evidence } from '../unit/portfolio/fixtures';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };
declare const axe: {
  run(
    ctx: Document,
    opts: object,
  ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
};

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const files = mkdtempSync(join(tmpdir(), 'nos-lens-pack-'));
/** A page whose title and text are hostile (the page is untrusted; the pack must show them as text). */
const HOSTILE_TITLE = `</script><img src=x onerror="window.pwned=1"> "><b>x</b> <!-- مرحبا 👩🏽‍🏫`;
const HOSTILE_NOTE = '<script>window.pwned = 2</script>\n"><svg onload="window.pwned=3"> שלום';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(HOSTILE_TITLE)}</title></head>
<body><h1>Family Support Worker</h1><p>You will work to WP 301 and help parents.</p></body></html>`;

let server: FixtureServer;
let launched: Launched;
let packPath = '';
let csvPath = '';
let stored: Record<string, unknown>[] = [];

/** Serious and critical axe-core violations on the page as it is now (evaluated over CDP, past the page's CSP). */
async function violations(page: Page): Promise<string[]> {
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

async function openExtensionPage(l: Launched, path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/${path}`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

/** Every stored evidence record, read straight from IndexedDB in an extension page, in id order. */
async function storedEvidence(page: Page): Promise<Record<string, unknown>[]> {
  const all = await page.evaluate(
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
  return all.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

/** Tags the page at `url` from the popup with the units given, and a note. */
async function tag(url: string, unitIds: string[], note: string): Promise<void> {
  const page = await launched.context.newPage();
  await page.goto(url);
  expect((await readHighlights(page)).length).toBeGreaterThan(0);
  const tabId = await launched.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id!, page.url());
  const popup = await openExtensionPage(launched, `popup.html?tab=${tabId}&tag=1`);
  await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor();
  for (const box of await popup.$$('label.check input:checked')) await box.uncheck();
  for (const id of unitIds) await popup.check(`label[data-unit-id="${id}"] input`);
  await popup.fill('textarea[name="note"]', note);
  await popup.click('button[type="submit"]');
  await popup.waitForSelector(
    `text=Saved as evidence for ${unitIds.length === 1 ? '1 unit' : `${unitIds.length} units`}`,
  );
  await popup.close();
  await page.close();
}

async function download(page: Page, click: () => Promise<void>, name: RegExp): Promise<string> {
  const event = page.waitForEvent('download');
  await click();
  const file = await event;
  expect(file.suggestedFilename()).toMatch(name);
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('evidence pack in Chromium', () => {
  beforeAll(async () => {
    server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'), { '/hostile.html': HOSTILE_PAGE });
    launched = await launchWithExtension(newProfileDir());
  });
  afterAll(async () => {
    await launched?.context.close();
    await server?.close();
  });

  it('asks for the learner’s name once, then exports the pack straight away', async () => {
    await tag(server.url('/job-advert.html'), ['wp-301', 'wp-302'], 'Family learning sessions, autumn term');
    await tag(server.url('/hostile.html'), ['wp-301'], HOSTILE_NOTE);
    const page = await openExtensionPage(launched, 'portfolio.html');
    await page.waitForSelector('.evidence-list > li >> nth=1');
    await page.check('input[name="working"][value="wp"]');
    stored = await storedEvidence(page);
    expect(stored).toHaveLength(2);

    await page.click('button:has-text("Export evidence pack (HTML)")');
    const form = page.getByRole('form', { name: 'Learner’s name for the evidence pack' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('learner');
    expect(await violations(page)).toEqual([]);
    await page.fill('input[name="learner"]', '  Aisha   Khan ');
    packPath = await download(
      page,
      () => form.getByRole('button', { name: 'Export the pack' }).click(),
      /^nos-lens-evidence-pack-aisha-khan-\d{4}-\d{2}-\d{2}\.html$/,
    );
    await page.waitForSelector('.pack-name:has-text("made out to Aisha Khan")');
    // Focus returns to the button the form was opened from.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export evidence pack (HTML)');
    // Asked once: the next export does not ask again.
    await download(
      page,
      () => page.click('button:has-text("Export evidence pack (HTML)")'),
      /^nos-lens-evidence-pack-aisha-khan-/,
    );
    expect(await form.count()).toBe(0);
    csvPath = await download(page, () => page.click('button:has-text("Export CSV")'), /\.csv$/);
    await page.close();
  });

  it('opens as a file in a browser without NOS Lens: no script, no network, content visible, axe clean', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(packPath).href;
      await page.goto(url);

      expect(await page.textContent('h1')).toBe('Evidence portfolio: Aisha Khan');
      expect(await page.isVisible('#coverage table.matrix')).toBe(true);
      expect(await page.locator('article.evidence').count()).toBe(2);
      // The hostile page's title and note, shown as text; nothing from them ran or became markup.
      const titles = await page.$$eval('article.evidence h3 bdi', (els) => els.map((e) => e.textContent));
      expect(titles).toContain(HOSTILE_TITLE);
      expect(await page.$$eval('.note', (els) => els.map((e) => e.textContent))).toContain(HOSTILE_NOTE);
      expect(await page.locator('img, svg, b').count()).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
      // The matrix ticks WP 301 for both pieces and WP 302 for the advert.
      const row = (code: string) =>
        page.$$eval(`#coverage tr:has(th[scope="row"] .code:text-is("${code}")) td`, (tds) =>
          tds.map((td) => td.classList.contains('tick')),
        );
      expect(await row('WP 301')).toEqual([true, true]);
      expect((await row('WP 302')).filter(Boolean)).toHaveLength(1);
      expect(requests).toEqual([url]);
      expect(problems).toEqual([]);

      expect(await violations(page)).toEqual([]);

      // Printing: the evidence starts a new page and table headers repeat.
      await page.emulateMedia({ media: 'print' });
      expect(await page.$eval('#evidence', (el) => getComputedStyle(el).breakBefore)).toBe('page');
      expect(await page.$eval('thead', (el) => getComputedStyle(el).display)).toBe('table-header-group');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(files, 'pack-printed.pdf'), pdf);
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('prints a full coverage table on A4 with the unit titles readable', async () => {
    // A pack made by the generator itself, with a table as wide as it gets.
    const numbered = Array.from({ length: MATRIX_COLUMNS }, (_, i) =>
      evidence(`p${i}`, { activityDate: `2026-10-${String(i + 1).padStart(2, '0')}` }),
    );
    const html = evidencePack({
      backup: makeBackup({ evidence: numbered, courses: [], settings: { workingSuites: ['wp'] } }),
      learnerName: 'Aisha Khan',
      roles: [],
      suites: [
        {
          id: 'wp',
          title: 'Work with Parents',
          units: [{ id: 'wp-301', code: 'WP 301', title: 'Build and maintain relationships in work with parents' }],
        },
      ],
      scopeSuiteIds: ['wp'],
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      // A4 less 15 mm margins, in CSS pixels.
      const page = await browser.newPage({ viewport: { width: 680, height: 1000 } });
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });
      const widths = await page.$eval('table.matrix', (t) => ({
        table: t.getBoundingClientRect().width,
        unit: t.querySelector('tbody th')!.getBoundingClientRect().width,
        columns: t.querySelectorAll('thead th.ev').length,
      }));
      expect(widths.columns).toBe(MATRIX_COLUMNS);
      expect(widths.table).toBeLessThanOrEqual(680);
      expect(widths.unit).toBeGreaterThan(widths.table * 0.4);
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('imports into a fresh profile with the same records; the CSV and the printed PDF are refused', async () => {
    const fresh = await launchWithExtension(newProfileDir());
    try {
      const page = await openExtensionPage(fresh, 'portfolio.html');
      await page.waitForSelector('[data-empty="evidence"]');

      await page.setInputFiles('input[name="backup"]', csvPath);
      await page.waitForSelector('[data-import="invalid"]');
      expect(await page.textContent('[data-import="invalid"]')).toContain(
        'This is a NOS Lens evidence CSV; import takes a backup (.json) or an evidence pack (.html)',
      );
      await page.setInputFiles('input[name="backup"]', join(files, 'pack-printed.pdf'));
      await page.waitForSelector('[data-import="invalid"]:has-text("This is a PDF document")');
      expect(await storedEvidence(page)).toEqual([]);

      await page.setInputFiles('input[name="backup"]', packPath);
      await page.waitForSelector('.import-preview');
      expect(await page.getAttribute('.import-preview', 'data-add')).toBe('2');
      expect(await page.textContent('.import-preview')).toContain('It also puts the learner’s name Aisha Khan');
      await page.click('.import-preview button:has-text("Import")');
      await page.waitForSelector('[data-import="done"]');
      await page.waitForSelector('.evidence-list > li >> nth=1');
      expect(await storedEvidence(page)).toEqual(stored);
      expect(await page.isChecked('input[name="working"][value="wp"]')).toBe(true);
      await page.waitForSelector('.pack-name:has-text("made out to Aisha Khan")');

      // The same pack again changes nothing.
      await page.setInputFiles('input[name="backup"]', packPath);
      await page.waitForSelector('text=your portfolio already has everything in it');
      await page.close();

      // On the Standards page, the pack is sent to the portfolio page.
      const options = await openExtensionPage(fresh, 'options.html');
      await options.setInputFiles('input[name="suites"]', packPath);
      await options.waitForSelector('[data-import="invalid"]');
      expect(await options.textContent('[data-import="invalid"]')).toContain(
        'This is a NOS Lens evidence pack: import it on the portfolio page',
      );
      await options.close();
    } finally {
      await fresh.context.close();
    }
  });
});
