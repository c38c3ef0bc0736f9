// Getting a document into the NOS Lens viewer, in real Chromium: a tab that shows a PDF (by its address, or by its
// content type where the address does not say) gets "Open in NOS Lens" on the popup's first screen, which opens the
// viewer on that document in a new tab beside it; an HTML page at a .pdf address does not, and a web page lists the
// documents it links to or shows in a frame; a local PDF the extension may not read says how to allow it and offers
// the file picker; the viewer's own tab says it has its own panel; the context menu's items exist (Chromium rejects a
// malformed pattern); and the viewer's permission adds no install warning. Asserts on the opened address, not on the
// viewer's content (the viewer's tests do that). Screenshots go to /tmp for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { CHROME_BUILD, launchWithExtension, newProfileDir, ROOT, type Launched, WAIT_MS } from '../../scripts/browser';
import { answerScope } from './scope-helper';

/** The service worker's `chrome` global, as far as these tests use it. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string; index: number; openerTabId?: number }[]>;
    create(props: { url: string }): Promise<{ id?: number }>;
    remove(id: number): Promise<void>;
    get(id: number): Promise<{ id?: number; url?: string; index: number; openerTabId?: number; windowId: number }>;
  };
  contextMenus: { update(id: string, props: object): Promise<void> };
  management: { getPermissionWarningsByManifest(manifest: string): Promise<string[]> };
};

declare const axe: {
  run(
    ctx: Document,
    opts: object,
  ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
};

const FIRST_SCREEN = { width: 600, height: 400 };
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the popup as it is now (the same rules as tests/e2e/a11y.test.ts). */
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

let launched: Launched;
let server: Server;
let origin: string;
let pdf: Uint8Array;

/** A one-page job description, as a school might publish it. */
async function jobDescriptionPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const lines = [
    'Teaching Assistant (Level 3): job description',
    'The post holder will work towards STL 20 Develop and promote positive relationships.',
    'Support pupils with special educational needs and disabilities.',
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 20, size: 11, font }));
  return doc.save();
}

/**
 * Chromium with the extension as an installed one is: "Allow access to file URLs" off. An unpacked extension loaded
 * from the command line starts with it on, so the first run learns the extension's id and the second starts with the
 * switch off in the profile's preferences, where chrome://extensions keeps it.
 */
async function launchWithFileAccessOff(): Promise<Launched> {
  const profile = newProfileDir();
  const first = await launchWithExtension(profile);
  await first.context.close();
  const file = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions: { settings: Record<string, { newAllowFileAccess?: boolean }> };
  };
  prefs.extensions.settings[first.extensionId].newAllowFileAccess = false;
  writeFileSync(file, JSON.stringify(prefs));
  return launchWithExtension(profile);
}

async function openTab(url: string): Promise<{ page: Page; id: number }> {
  const page = await launched.context.newPage();
  await page.goto(url);
  const id = await launched.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    url,
  );
  expect(id, `a tab shows ${url}`).toBeGreaterThan(0);
  return { page, id };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.setViewportSize(FIRST_SCREEN);
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return popup;
}

const viewerUrl = (src?: string) =>
  `chrome-extension://${launched.extensionId}/viewer.html${src ? `?src=${encodeURIComponent(src)}` : ''}`;

interface OpenedTab {
  id: number;
  url: string;
  index: number;
  openerTabId?: number;
  close: () => Promise<void>;
}

/**
 * Clicks a popup button that opens a tab, and gives that tab as the browser has it: its address is the one asked for
 * even while the viewer page is not in the build (the page itself then shows Chrome's error page).
 */
async function clickOpening(popup: Page, name: string): Promise<OpenedTab> {
  const before = await launched.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const opened = launched.context.waitForEvent('page', { timeout: WAIT_MS });
  await popup.getByRole('button', { name, exact: true }).click();
  const page = await opened;
  let tab: Omit<OpenedTab, 'close'> | undefined;
  await expect
    .poll(async () => {
      tab = await launched.worker.evaluate(async (known) => {
        const fresh = (await chrome.tabs.query({})).find((t) => !known.includes(t.id!));
        return fresh && { id: fresh.id!, url: fresh.url ?? '', index: fresh.index, openerTabId: fresh.openerTabId };
      }, before);
      return tab?.url ?? '';
    })
    .not.toBe('');
  return { ...tab!, close: () => page.close() };
}

describe('opening documents in NOS Lens (Chromium)', () => {
  beforeAll(async () => {
    pdf = await jobDescriptionPdf();
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (['/docs/teaching-assistant-jd.pdf', '/docs/course-handbook.pdf', '/get'].includes(path)) {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      } else if (path === '/vacancy.html') {
        // A school's advert, as they are: the job description and the application form are attachments.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
          <title>Teaching Assistant (Level 3)</title>
          <h1>Teaching Assistant (Level 3)</h1>
          <p>You will support pupils' learning across Key Stage 2.</p>
          <ul>
            <li><a href="/docs/teaching-assistant-jd.pdf">Job description and person specification</a></li>
            <li><a href="/docs/application-form.docx">Application form</a></li>
            <li><a href="/docs/teaching-assistant-jd.pdf#page=2">Person specification (page 2)</a></li>
            <li><a href="/search?q=handbook.pdf">Search our documents</a></li>
          </ul>
          <iframe src="/docs/course-handbook.pdf" title="Course handbook" width="400" height="200"></iframe>`);
      } else if (path === '/landing.pdf') {
        // An HTML page at an address ending in .pdf (a "file moved" page): a web page after all.
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<title>Moved</title><p>The job description has moved. See STL 20 on our vacancies page.</p>');
      } else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    launched = await launchWithFileAccessOff();
    await answerScope(launched);
  });
  afterAll(async () => {
    await launched?.context.close();
    await new Promise((r) => server?.close(r));
  });

  it('a PDF tab: "Open in NOS Lens" on the first screen opens the viewer on it, in a new tab beside it', async () => {
    const src = `${origin}/docs/teaching-assistant-jd.pdf`;
    const { id } = await openTab(src);
    const popup = await openPopup(id);
    const open = popup.getByRole('button', { name: 'Open in NOS Lens' });
    await open.waitFor({ timeout: WAIT_MS });
    expect(await popup.locator('.open-in-viewer .status').textContent()).toContain(
      "The browser's own PDF viewer can't be read by extensions; NOS Lens opens it in its own viewer.",
    );
    const box = (await open.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
    // The page's own status and matches would be empty here: the popup does not show them.
    expect(await popup.locator('.status-matches').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Tag this page…' }).count()).toBe(0);
    await popup.screenshot({ path: '/tmp/popup-document.png' }); // For a person to look at.
    expect(await violations(popup)).toEqual([]);

    const viewer = await clickOpening(popup, 'Open in NOS Lens');
    expect(viewer.url).toBe(viewerUrl(src));
    const source = await launched.worker.evaluate((tabId) => chrome.tabs.get(tabId), id);
    expect({ index: viewer.index, opener: viewer.openerTabId }).toEqual({ index: source.index + 1, opener: id });
    await viewer.close();
    await popup.close();
  });

  it('a PDF at an address that does not say so is known by its content type', async () => {
    const src = `${origin}/get?id=7&format=original`;
    const { id } = await openTab(src);
    const popup = await openPopup(id);
    // Chrome runs the content script in the page that holds its PDF viewer, whose document reports application/pdf.
    await popup.getByRole('button', { name: 'Open in NOS Lens' }).waitFor({ timeout: WAIT_MS });
    const viewer = await clickOpening(popup, 'Open in NOS Lens');
    expect(viewer.url).toBe(viewerUrl(src));
    await viewer.close();
    await popup.close();
  });

  it('an HTML page at a .pdf address is read as a web page', async () => {
    const { id } = await openTab(`${origin}/landing.pdf`);
    const popup = await openPopup(id);
    // The content script reads the page and reports what it names (the match line settles once it has).
    await popup.waitForFunction(
      () => {
        const line = document.querySelector('.status-matches')?.textContent ?? '';
        return line !== '' && !line.includes('Reading the page');
      },
      undefined,
      { timeout: WAIT_MS },
    );
    await popup.getByRole('button', { name: 'Tag this page…' }).waitFor({ timeout: WAIT_MS });
    expect(await popup.getByRole('button', { name: 'Open in NOS Lens', exact: true }).count()).toBe(0);
    await popup.close();
  });

  it("a web page's links to documents are listed, and each opens in the viewer", async () => {
    const { id } = await openTab(`${origin}/vacancy.html`);
    const popup = await openPopup(id);
    const list = popup.getByRole('region', { name: 'Documents on this page' });
    await list.waitFor({ timeout: WAIT_MS });
    expect(await list.locator('h2').textContent()).toBe('Documents on this page (3)');
    expect(await list.locator('li .document-label').allTextContents()).toEqual([
      'Job description and person specification',
      'Application form',
      'Course handbook',
    ]);
    // The page is a web page: its own status and actions stay.
    await popup.getByRole('button', { name: 'Tag this page…' }).waitFor({ timeout: WAIT_MS });
    await popup.screenshot({ path: '/tmp/popup-document-links.png', fullPage: true });
    expect(await violations(popup)).toEqual([]);
    const viewer = await clickOpening(popup, 'Open in NOS Lens: Application form');
    expect(viewer.url).toBe(viewerUrl(`${origin}/docs/application-form.docx`));
    expect(viewer.openerTabId).toBe(id);
    await viewer.close();
    const handbook = await clickOpening(popup, 'Open in NOS Lens: Course handbook');
    expect(handbook.url).toBe(viewerUrl(`${origin}/docs/course-handbook.pdf`));
    await handbook.close();
    await popup.close();
  });

  it('a local PDF the extension may not read: how to allow it in Chrome, and the file picker instead', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nos-lens-docs-'));
    const file = join(folder, 'Job description (TA).pdf');
    writeFileSync(file, pdf);
    const src = pathToFileURL(file).href;
    const { id } = await openTab(src);
    const popup = await openPopup(id);
    const allowed = await launched.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { extension: { isAllowedFileSchemeAccess(): Promise<boolean> } } }
      ).chrome.extension.isAllowedFileSchemeAccess(),
    );
    expect(allowed, 'file access is off, as for an installed extension').toBe(false);
    const choose = popup.getByRole('button', { name: 'Choose the file instead' });
    await choose.waitFor({ timeout: WAIT_MS });
    const text = (await popup.locator('.open-in-viewer').textContent()) ?? '';
    expect(text).toContain('chrome://extensions');
    expect(text).toContain('Allow access to file URLs');
    expect(await popup.getByRole('button', { name: 'Open in NOS Lens', exact: true }).count()).toBe(0);
    const box = (await choose.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
    await popup.screenshot({ path: '/tmp/popup-document-file.png' });
    expect(await violations(popup)).toEqual([]);
    const picker = await clickOpening(popup, 'Choose the file instead');
    expect(picker.url).toBe(viewerUrl());
    await picker.close();
    // The switch itself is one click away: NOS Lens's details in chrome://extensions.
    const settings = await clickOpening(popup, 'Open extension settings');
    expect(settings.url).toBe(`chrome://extensions/?id=${launched.extensionId}`);
    await settings.close();
    await popup.close();
  });

  it("the viewer's own tab: the popup points to the viewer's panel, with no page status or errors", async () => {
    const src = `${origin}/docs/teaching-assistant-jd.pdf`;
    // Opened as the popup and the context menu open it (the page itself may not be in this build yet).
    const id = await launched.worker.evaluate(async (url) => (await chrome.tabs.create({ url })).id!, viewerUrl(src));
    await expect
      .poll(() => launched.worker.evaluate(async (tabId) => (await chrome.tabs.get(tabId)).url, id))
      .toBe(viewerUrl(src));
    const popup = await openPopup(id);
    await popup.locator('.open-in-viewer').waitFor({ timeout: WAIT_MS });
    expect(await popup.locator('.open-in-viewer').textContent()).toContain('NOS Lens document viewer');
    expect(await popup.locator('[role="alert"]').count()).toBe(0);
    expect(await popup.locator('.status-matches').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open in NOS Lens', exact: true }).count()).toBe(0);
    await popup.close();
    await launched.worker.evaluate((tabId) => chrome.tabs.remove(tabId), id);
  });

  it('the context menu has "Open in NOS Lens" for document links and pages (patterns Chromium accepts)', async () => {
    const exists = await launched.worker.evaluate(async () => {
      const out: Record<string, boolean> = {};
      for (const id of ['nos-lens-open-link', 'nos-lens-open-page'])
        out[id] = await chrome.contextMenus.update(id, {}).then(
          () => true,
          () => false,
        );
      return out;
    });
    expect(exists).toEqual({ 'nos-lens-open-link': true, 'nos-lens-open-page': true });
  });

  it("the viewer's permission to fetch any address adds no install warning to the content script's", async () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    const { host_permissions: _fetching, ...withoutFetching } = manifest;
    const warnings = await launched.worker.evaluate(
      async ([withIt, withoutIt]) => ({
        with: await chrome.management.getPermissionWarningsByManifest(withIt),
        without: await chrome.management.getPermissionWarningsByManifest(withoutIt),
      }),
      [JSON.stringify(manifest), JSON.stringify(withoutFetching)] as const,
    );
    expect(warnings.with).toEqual(warnings.without);
    expect(warnings.with).toEqual(['Read and change all your data on all websites']);
  });
});
