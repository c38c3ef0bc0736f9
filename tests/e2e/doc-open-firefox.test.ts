// Getting a document into the NOS Lens viewer in Firefox ESR (headless, puppeteer over WebDriver BiDi, the built
// firefox-mv2 extension; moz-extension pages opened as tests/e2e/viewer-firefox.test.ts explains): Firefox's own PDF
// viewer runs no content scripts, so the popup knows a PDF tab by its address and offers "Open in NOS Lens", which
// opens the viewer on it; a local PDF gets the file picker (Firefox never lets extensions read files by address); and
// Firefox accepts the context menu's items and their patterns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ROOT, WAIT_MS } from '../../scripts/browser';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
const ADDON_ID = 'nos-lens@nos-lens.example';
const UUID = '0d4c1b2a-3e5f-4a6b-9c7d-8e0f1a2b3c4e';
const BASE = `moz-extension://${UUID}/`;

/** The extension pages' `browser` global, as far as these tests use it. */
declare const browser: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; index: number; openerTabId?: number }[]> };
  contextMenus: { update(id: string, props: object): Promise<void> };
};

let firefox: Browser;
let server: Server;
let origin: string;
let pdf: Uint8Array;

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Teaching Assistant: job description', { x: 50, y: 780, size: 12, font });
  return doc.save();
}

/**
 * Polls `test` in the page until it holds. An evaluation that lands while the page is between documents fails in
 * BiDi (and puppeteer's waitForFunction gives up on it), so a failed poll is simply polled again, up to WAIT_MS.
 */
async function until<A extends string | (number | undefined)[]>(
  page: Page,
  test: (arg: A) => boolean | Promise<boolean>,
  arg: A,
  what: string,
) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await page.evaluate(test as (arg: unknown) => boolean | Promise<boolean>, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens an extension page: BiDi reports no load event for one, so the page is watched until it is there. */
async function openExtensionPage(path: string, ready: string): Promise<Page> {
  const page = await firefox.newPage();
  page.goto(`${BASE}${path}`, { timeout: WAIT_MS }).catch(() => undefined);
  await until(
    page,
    (sel) => location.protocol === 'moz-extension:' && document.querySelector(sel) !== null,
    ready,
    `${path} to show ${ready}`,
  );
  return page;
}

/** The tab showing `url`, asked from an extension page (the popup's own view of the tabs). */
async function tabIdOf(url: string): Promise<number> {
  const page = await openExtensionPage('popup.html', 'main');
  const id = await page.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  await page.close();
  expect(id, `a tab shows ${url}`).toBeGreaterThan(0);
  return id;
}

/** Clicks a popup button and waits for a tab at the viewer's address; gives that tab's address and opener. */
async function clickOpening(popup: Page, name: string) {
  const before = await popup.evaluate(async () => (await browser.tabs.query({})).map((t) => t.id));
  const button = await popup.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: WAIT_MS });
  await button!.click();
  await until(
    popup,
    async (known) => (await browser.tabs.query({})).some((t) => !known.includes(t.id)),
    before,
    `a tab opened by ${name}`,
  );
  return popup.evaluate(async (known) => {
    const t = (await browser.tabs.query({})).find((x) => !known.includes(x.id))!;
    return { url: t.url, openerTabId: t.openerTabId };
  }, before);
}

describe('opening documents in NOS Lens (Firefox)', () => {
  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
      throw new Error(`No build at ${FIREFOX_BUILD}: run npx wxt build -b firefox`);
    pdf = await onePagePdf();
    server = createServer((req, res) => {
      if (req.url === '/docs/jd.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    firefox = await puppeteer.launch({
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
    await firefox.installExtension(FIREFOX_BUILD);
  });
  afterAll(async () => {
    await firefox?.close();
    await new Promise((r) => server?.close(r));
  });

  it("a PDF in Firefox's own viewer: the popup offers Open in NOS Lens, which opens the viewer on it", async () => {
    const src = `${origin}/docs/jd.pdf`;
    const tab = await firefox.newPage();
    await tab.goto(src).catch(() => undefined); // pdf.js takes the page over; the address is what counts.
    const id = await tabIdOf(src);
    const popup = await openExtensionPage(`popup.html?tab=${id}`, '.open-in-viewer');
    expect(await popup.$eval('.open-in-viewer .status', (el) => el.textContent)).toContain(
      "The browser's own PDF viewer can't be read by extensions",
    );
    const opened = await clickOpening(popup, 'Open in NOS Lens');
    expect(opened).toEqual({ url: `${BASE}viewer.html?src=${encodeURIComponent(src)}`, openerTabId: id });
    await popup.close();
  });

  it('a local PDF: Firefox never lets extensions read it by address, so the file picker is offered', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nos-lens-docs-')), 'job-description.pdf');
    writeFileSync(file, pdf);
    const src = pathToFileURL(file).href;
    const tab = await firefox.newPage();
    await tab.goto(src).catch(() => undefined);
    const id = await tabIdOf(src);
    const popup = await openExtensionPage(`popup.html?tab=${id}`, '.open-in-viewer .hint');
    const text = await popup.$eval('.open-in-viewer', (el) => el.textContent ?? '');
    expect(text).toContain('Firefox does not let extensions read files');
    expect(text).not.toContain('chrome://');
    const opened = await clickOpening(popup, 'Choose the file instead');
    expect(opened.url).toBe(`${BASE}viewer.html`);
    await popup.close();
  });

  it('Firefox accepts the context menu items and their patterns', async () => {
    const page = await openExtensionPage('popup.html', 'main');
    const exists = await page.evaluate(async () => {
      const out: Record<string, boolean> = {};
      for (const id of ['nos-lens-open-link', 'nos-lens-open-page'])
        out[id] = await browser.contextMenus.update(id, {}).then(
          () => true,
          () => false,
        );
      return out;
    });
    expect(exists).toEqual({ 'nos-lens-open-link': true, 'nos-lens-open-page': true });
    await page.close();
  });
});
