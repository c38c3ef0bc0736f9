// The document viewer in Firefox ESR (headless, puppeteer over WebDriver BiDi) with the built firefox-mv2 extension.
// WebDriver BiDi refuses to navigate to moz-extension: pages unless Firefox is started with --remote-allow-system-access,
// and the extension's internal UUID is random unless the `extensions.webextensions.uuids` pref fixes it: with both,
// viewer.html opens like any page. Checks the pdf.js worker, the text layer, the highlights and the panel, for a PDF
// and a Word file served from 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT, WAIT_MS } from '../../scripts/browser';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
const ADDON_ID = 'nos-lens@nos-lens.example';
const UUID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const DOCS = join(ROOT, 'tests', 'fixtures', 'docs');
const expected = JSON.parse(readFileSync(join(DOCS, 'expected.json'), 'utf8')).files as Record<
  string,
  { units: string[] }
>;

let browser: Browser;
let server: Server;
let base: string;

/**
 * Opens the viewer on `file` and waits until the whole document is read. BiDi reports no load event for an extension
 * page, so the navigation is not awaited: the page is watched until it is the viewer and says it has read everything.
 */
async function openViewer(file: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `moz-extension://${UUID}/viewer.html?src=${encodeURIComponent(`${base}/${file}`)}`;
  page.goto(url, { timeout: WAIT_MS }).catch(() => undefined);
  // Polled from here: an evaluation that meets the navigation half-way is lost, not an error.
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const ready = await page
      .evaluate(() => location.protocol === 'moz-extension:' && !!document.querySelector('.viewer[data-state="read"]'))
      .catch(() => false);
    if (ready) break;
    if (Date.now() > until) throw new Error(`The viewer did not finish reading ${file}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return page;
}

/** What the viewer painted and listed. */
function readView(page: Page) {
  return page.evaluate(() => ({
    painted: [...(CSS.highlights?.get('nos-lens') ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, ' ')),
    inTextLayer: [...(CSS.highlights?.get('nos-lens') ?? [])].every(
      (r) => (r as Range).startContainer.parentElement?.closest('.textLayer, .docx-page') != null,
    ),
    named: [...document.querySelectorAll('.found-list li')].map((li) => li.getAttribute('data-unit-id')),
    matches: document.querySelectorAll('.match-list > li').length,
    alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
  }));
}

describe('the document viewer (Firefox)', () => {
  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
      throw new Error(`No build at ${FIREFOX_BUILD}: run npx wxt build -b firefox`);
    server = createServer((req, res) => {
      const file = join(DOCS, (req.url ?? '').slice(1));
      if (!existsSync(file) || !/\.(pdf|docx)$/.test(file)) return void res.writeHead(404).end();
      res.writeHead(200).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      protocolTimeout: WAIT_MS * 3,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      },
    });
    await browser.installExtension(FIREFOX_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('opens a PDF: text read by the bundled worker, codes painted in the text layer, units and Matches listed', async () => {
    const page = await openViewer('job-description.pdf');
    const view = await readView(page);
    expect(view.alerts).toEqual([]);
    expect(view.painted).toEqual(expect.arrayContaining(['WP 301', 'CYP Core 3.1']));
    expect(view.inTextLayer).toBe(true);
    expect(view.named).toEqual(expect.arrayContaining(expected['job-description.pdf'].units));
    expect(view.matches).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a Word document the same way', async () => {
    const page = await openViewer('job-description.docx');
    const view = await readView(page);
    expect(view.alerts).toEqual([]);
    expect(view.painted).toEqual(expect.arrayContaining(['WP 301', 'CYP Core 3.1']));
    expect(view.named).toEqual(expect.arrayContaining(expected['job-description.docx'].units));
    await page.close();
  });
});
