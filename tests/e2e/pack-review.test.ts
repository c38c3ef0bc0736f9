// An assessor's NOS Lens opens a learner's evidence pack read-only, in real Chromium: chosen with the file picker or
// dropped on the page, it shows the learner, scope, date, coverage and every piece of evidence under a banner that says
// nothing is saved, and the assessor's database is exactly as it was (every table compared); a backup's attached file
// opens from the file's own bytes; the wrong file gets the import's message; "Import into my portfolio" is a separate,
// previewed step that does write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, newProfileDir, ROOT, type Launched, WAIT_MS } from '../../scripts/browser';
import { makeBackup } from '../../lib/portfolio/backup';
import { evidencePack } from '../../lib/portfolio/pack';
import { evidenceCsv } from '../../lib/portfolio/exports';
import { evidence } from '../unit/portfolio/fixtures';

declare const axe: {
  run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string }[] }>;
};
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}`);
}

const dir = mkdtempSync(join(tmpdir(), 'nos-lens-review-'));
let launched: Launched;

const HOSTILE_NOTE = '<img src=x onerror="window.pwned=1"> Led the phonics group';
const learnerEvidence = [
  evidence('ev-advert', {
    activityDate: '2026-10-14',
    note: HOSTILE_NOTE,
    units: [
      {
        unitId: 'wp-301',
        code: 'WP 301',
        title: 'Build and maintain relationships in work with parents',
        suiteTitle: 'Work with Parents',
      },
    ],
    unitIds: ['wp-301'],
  }),
  evidence('ev-observation', {
    url: null,
    quote: null,
    snapshot: null,
    type: 'observation',
    pageTitle: 'Observation: small-group reading',
    activityDate: '2026-11-02',
    hours: 1.5,
    units: [
      {
        unitId: 'wp-302',
        code: 'WP 302',
        title: 'Communicate effectively with parents',
        suiteTitle: 'Work with Parents',
      },
    ],
    unitIds: ['wp-302'],
    attachment: { fileId: 'file-obs', name: 'observation notes.txt', type: 'text/plain', size: 22 },
  }),
];

function backup(withFiles: boolean) {
  return makeBackup({
    evidence: learnerEvidence,
    courses: [],
    settings: { workingSuites: ['wp'], scope: { roles: ['teaching-assistant'] }, learnerName: 'Aisha Khan' },
    files: withFiles
      ? [{ id: 'file-obs', evidenceId: 'ev-observation', type: 'text/plain', data: btoa('Observed by Mrs Patel.') }]
      : [],
    exportedAt: new Date('2026-11-23T09:12:00Z'),
  });
}

const packPath = join(dir, 'nos-lens-evidence-pack-aisha-khan-2026-11-23.html');
const backupPath = join(dir, 'nos-lens-backup-2026-11-23.json');
const csvPath = join(dir, 'nos-lens-evidence-2026-11-23.csv');

/** Every record of every table of the database, as JSON (Blobs by size and type), to compare before and after. */
async function databaseDump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('nos-lens');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const get = tx.objectStore(name).getAll();
            get.onsuccess = () => {
              out[name] = get.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out, (_k, v: unknown) => (v instanceof Blob ? `blob:${v.type}:${v.size}` : v)));
          };
          tx.onerror = () => reject(tx.error ?? new Error('cannot read the database'));
        };
      }),
  );
}

async function openReviewPage(): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/pack.html`);
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page;
}

describe('reviewing an evidence pack read-only in Chromium', () => {
  beforeAll(async () => {
    writeFileSync(
      packPath,
      evidencePack({
        backup: backup(false),
        learnerName: 'Aisha Khan',
        roles: ['Teaching assistant'],
        suites: [],
        scopeSuiteIds: ['wp'],
      }),
    );
    writeFileSync(backupPath, JSON.stringify(backup(true)));
    writeFileSync(csvPath, evidenceCsv(learnerEvidence));
    launched = await launchWithExtension(newProfileDir());
    // The portfolio page opens the database (seeded by the background) as an assessor's NOS Lens would have it.
    const portfolio = await launched.context.newPage();
    await portfolio.goto(`chrome-extension://${launched.extensionId}/portfolio.html`);
    await portfolio.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
    await portfolio.close();
  });
  afterAll(async () => {
    await launched?.context.close();
  });

  it('shows the pack under a read-only banner and writes nothing to the database', async () => {
    const page = await openReviewPage();
    const before = await databaseDump(page);
    expect(before).toContain('"suites"');

    await page.setInputFiles('input[name="pack"]', packPath);
    await page.waitForSelector('[data-review="pack"]', { timeout: WAIT_MS });
    expect(await page.textContent('.review-banner')).toContain(
      'Reviewing Aisha Khan’s evidence pack (read-only) — nothing is saved.',
    );
    expect(await page.textContent('#h-review')).toBe('Evidence of Aisha Khan');
    expect(await page.textContent('[data-exported-at]')).toBe('23 November 2026');
    expect(await page.textContent('[data-scope]')).toBe('Teaching assistant · Work with Parents');
    // Coverage over the assessor's standards: the learner's scope, two units of Work with Parents evidenced.
    expect(await page.$$eval('.suite-coverage', (els) => els.map((e) => e.getAttribute('data-suite-id')))).toEqual([
      'wp',
    ]);
    expect(await page.getAttribute('.suite-coverage [data-covered]', 'data-covered')).toBe('2');
    // Every piece of evidence, newest first, with its quote, link, hours and file; no edit or delete.
    const items = page.locator('.evidence-list > li');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-evidence-id')))).toEqual([
      'ev-observation',
      'ev-advert',
    ]);
    expect(await items.nth(0).textContent()).toContain('1.5 hours');
    expect(await items.nth(0).textContent()).toContain('Attached: observation notes.txt');
    expect(await page.textContent('.pack-review')).toContain('Attached files are listed by name only');
    expect(await items.nth(1).locator('a.evidence-title').getAttribute('href')).toBe(
      'https://jobs.example.org/ev-advert',
    );
    expect(await items.nth(1).locator('blockquote').textContent()).toBe('“work with parents, carers”');
    expect(await items.nth(1).locator('.note').textContent()).toBe(HOSTILE_NOTE);
    expect(await page.locator('.pack-review img').count()).toBe(0);
    expect(
      await page.locator('.pack-review button:has-text("Edit"), .pack-review button:has-text("Delete")').count(),
    ).toBe(0);

    expect(await violations(page)).toEqual([]);

    expect(await databaseDump(page)).toBe(before);
    await page.close();
  });

  it('opens a dropped backup, whose attached file opens from its own bytes', async () => {
    const page = await openReviewPage();
    const before = await databaseDump(page);
    const text = readFileSync(backupPath, 'utf8');
    await page.evaluate((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'nos-lens-backup-2026-11-23.json', { type: 'application/json' }));
      const zone = document.querySelector('.drop-zone')!;
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    }, text);
    await page.waitForSelector('[data-review="backup"]', { timeout: WAIT_MS });
    expect(await page.textContent('.review-banner')).toContain('Reviewing Aisha Khan’s backup (read-only)');
    expect(await page.locator('[data-review="partial"]').count()).toBe(0);

    const download = page.waitForEvent('download', { timeout: WAIT_MS });
    await page.click('button[data-file-id="file-obs"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('observation notes.txt');
    const saved = join(dir, 'opened.txt');
    await file.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe('Observed by Mrs Patel.');

    expect(await databaseDump(page)).toBe(before);
    await page.close();
  });

  it('refuses the evidence CSV with what it is, and imports only when asked', async () => {
    const page = await openReviewPage();
    await page.setInputFiles('input[name="pack"]', csvPath);
    const refusal = page.locator('[data-import="invalid"]');
    await refusal.waitFor({ timeout: WAIT_MS });
    expect(await refusal.textContent()).toContain('was not opened, and nothing changed');
    expect(await refusal.textContent()).toContain('This is a NOS Lens evidence CSV');

    await page.setInputFiles('input[name="pack"]', packPath);
    await page.waitForSelector('[data-review="pack"]', { timeout: WAIT_MS });
    const before = await databaseDump(page);
    await page.click('button:has-text("Import into my portfolio…")');
    await page.waitForSelector('.import-preview[data-add]', { timeout: WAIT_MS });
    expect(await page.getAttribute('.import-preview', 'data-add')).toBe('2');
    expect(await databaseDump(page)).toBe(before);
    await page.click('.import-preview button:has-text("Import")');
    await page.waitForSelector('[data-import="done"]', { timeout: WAIT_MS });
    const after = JSON.parse(await databaseDump(page)) as { evidence: { id: string }[] };
    expect(after.evidence.map((e) => e.id).sort()).toEqual(['ev-advert', 'ev-observation']);
    await page.close();
  });
});
