// The document viewer in real Chromium with the built extension: a PDF job description served from 127.0.0.1 opened
// as viewer.html?src=…, its codes and titles highlighted in the text layer, the units named and the Matches listed,
// a match's sentences painted, the document tagged with a quote; the same as a Word file; a long handbook that
// shows its reading progress and finishes; and plain messages for an encrypted, a corrupt and a missing document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched, WAIT_MS } from '../../scripts/browser';
import { highlightTexts, readHighlights } from '../../scripts/page-probe';
import { answerScope } from './scope-helper';
import {
  corruptPdf,
  encryptedPdf,
  handbookPdf,
  JD_QUOTE,
  JD_TITLE,
  jobDescriptionDocx,
  jobDescriptionPdf,
} from './viewer-docs';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let launched: Launched;
let server: Server;
let base: string;
const files = new Map<string, { type: string; body: Uint8Array }>();

async function openViewer(path: string): Promise<Page> {
  const page = await launched.context.newPage();
  const src = encodeURIComponent(`${base}${path}`);
  await page.goto(`chrome-extension://${launched.extensionId}/viewer.html?src=${src}`);
  return page;
}

/** Waits until the whole document is read (the page says so on its root). */
async function waitRead(page: Page): Promise<void> {
  await page.waitForSelector('.viewer[data-state="read"]', { timeout: WAIT_MS });
}

describe('the document viewer (Chromium)', () => {
  beforeAll(async () => {
    files.set('/jd.pdf', { type: PDF, body: await jobDescriptionPdf() });
    files.set('/download?id=7', { type: PDF, body: await jobDescriptionPdf() });
    files.set('/jd.docx', { type: DOCX, body: await jobDescriptionDocx() });
    files.set('/handbook.pdf', { type: PDF, body: await handbookPdf(100) });
    files.set('/protected.pdf', { type: PDF, body: await encryptedPdf() });
    files.set('/broken.pdf', { type: PDF, body: corruptPdf() });
    server = createServer((req, res) => {
      const file = files.get(req.url ?? '');
      if (!file) return void res.writeHead(404, 'Not Found').end('not found');
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
      res.end(file.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    launched = await launchWithExtension();
    await answerScope(launched);
  });
  afterAll(async () => {
    await launched?.context.close();
    await new Promise((r) => server?.close(r));
  });

  it('highlights codes and titles in the PDF text layer, lists the units named and the Matches', async () => {
    const page = await openViewer('/jd.pdf');
    const painted = await readHighlights(page);
    await waitRead(page);
    const all = [...painted, ...(await highlightTexts(page, 'nos-lens-close'))];
    expect(all).toEqual(expect.arrayContaining(['WP 301', 'WP302', 'GCU1']));
    // The title is printed across a line break in the PDF (a <br> in the text layer, no text between the words):
    // painted all the same.
    const squeezed = all.map((t) => t.replace(/\s+/g, ''));
    expect(squeezed).toContain('Supportchildrenandyoungpeopleduringtransitionsintheirlives');
    // Painted inside pdf.js's text layer.
    const inLayer = await page.evaluate(() =>
      [...CSS.highlights.get('nos-lens')!].every((r) =>
        (r as Range).startContainer.parentElement?.closest('.textLayer'),
      ),
    );
    expect(inLayer).toBe(true);
    expect(await page.textContent('h1')).toBe('Learning Mentor job description');
    const named = await page.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(named).toEqual(expect.arrayContaining(['wp-301', 'wp-302']));
    await page.waitForSelector('.match-list > li', { timeout: WAIT_MS });
    const matched = await page.$$eval('.match-list > li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(matched).toContain('wp-301');
    // A match's sentences are painted in the document.
    await page.locator('.match-list > li').first().locator('.match-head button.link').click();
    await page.waitForFunction(() => (CSS.highlights.get('nos-lens-support')?.size ?? 0) > 0, null, {
      timeout: WAIT_MS,
    });
    await page.screenshot({ path: 'test-results/viewer-pdf.png' });
    await page.close();
  });

  it('tags the document with the selected text as the quote', async () => {
    const page = await openViewer('/jd.pdf');
    await readHighlights(page);
    await waitRead(page);
    // Select the quote in the text layer, as a person would drag over it.
    await page.evaluate((quote) => {
      const layer = document.querySelector('.textLayer')!;
      const spans = [...layer.querySelectorAll('span')];
      const first = spans.find((s) => quote.startsWith(s.textContent.trim()) && s.textContent.trim().length > 10)!;
      let last = first;
      for (let i = spans.indexOf(first); i < spans.length; i++) {
        last = spans[i];
        if (spans[i].textContent.includes('officer.')) break;
      }
      const range = document.createRange();
      range.setStart(first.firstChild!, 0);
      range.setEnd(last.firstChild!, last.textContent.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, JD_QUOTE);
    await page.getByRole('button', { name: 'Tag this document…' }).click();
    const form = page.getByRole('form', { name: 'Tag this document as evidence' });
    await form.waitFor({ timeout: WAIT_MS });
    expect((await form.locator('.quote').textContent())?.replace(/\s+/g, ' ')).toContain('Liaise with parents, carers');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('text=Saved as evidence', { timeout: WAIT_MS });
    await page.close();

    // Opened again: the quote is painted in the text layer, and the panel says the document is in the portfolio.
    const again = await openViewer('/jd.pdf');
    const quotes = await readHighlights(again, 'nos-lens-evidence');
    expect(quotes.map((q) => q.replace(/\s+/g, ''))).toEqual([JD_QUOTE.replace(/\s+/g, '')]);
    const status = again.locator('.portfolio-status');
    await status.waitFor({ timeout: WAIT_MS });
    expect(await status.textContent()).toContain('1 saved quote is highlighted');
    await again.close();
  });

  it('shows a Word document with the same highlights and panel', async () => {
    const page = await openViewer('/jd.docx');
    const painted = await readHighlights(page);
    expect(painted).toEqual(expect.arrayContaining(['WP 301', 'WP302', 'GCU1']));
    await waitRead(page);
    expect(await page.textContent('.docx-page')).toContain(JD_TITLE);
    const named = await page.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(named).toEqual(expect.arrayContaining(['wp-301', 'wp-302']));
    await page.waitForSelector('.match-list > li', { timeout: WAIT_MS });
    await page.close();
  });

  it('opens a 100-page handbook at once, shows its reading progress and finishes', async () => {
    const page = await openViewer('/handbook.pdf');
    // The first page is drawn and painted before the rest is read.
    expect(await readHighlights(page)).toEqual(expect.arrayContaining(['WP 301', 'WP 302']));
    const progress = page.locator('.read-progress');
    await progress.waitFor({ timeout: WAIT_MS });
    expect(await progress.textContent()).toMatch(/Read (\d+ of 100 pages|all 100 pages)/);
    await waitRead(page);
    expect(await progress.textContent()).toContain('Read all 100 pages');
    // Pages far below are not drawn until scrolled to.
    expect(await page.locator('.pdf-page canvas').count()).toBeLessThan(100);
    // The unit named on the last page counts though that page was never drawn.
    const named = await page.$$eval('.found-list li', (lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(named).toEqual(expect.arrayContaining(['wp-301', 'wp-302', 'wp-305']));
    await page.close();
  });

  it.each([
    ['/protected.pdf', /protected by a password/],
    ['/broken.pdf', /damaged or not really a PDF/],
    ['/missing.pdf', /HTTP 404 Not Found/],
  ])('says plainly why %s cannot be shown', async (path, message) => {
    const page = await openViewer(path);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: WAIT_MS });
    expect(await alert.textContent()).toMatch(message);
    await page.close();
  });
});
