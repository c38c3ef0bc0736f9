// lib/doc in a real browser, as the extension's document viewer uses it: pdf.js's browser build with its worker
// (not the Node legacy build) and mammoth's browser build, bundled with esbuild and served from 127.0.0.1. The text
// read there is the text the CLI reads in Node, and failures carry the same codes. Also: web pages printed to PDF by
// Chromium (as "Save as PDF" makes many job descriptions) name the same units read as PDFs as they do as pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ROOT, serveFolder, WAIT_MS, type FixtureServer } from '../../scripts/browser';
import { readDocumentBytes } from '../../lib/doc/node';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { createScanner, type ScanFileResult } from '../../scripts/scan';

const DOCS = join(ROOT, 'tests', 'fixtures', 'docs');

// The page's side: fetch a fixture, read it with lib/doc and the browser build of pdf.js, report plain data.
const ENTRY = `
import * as pdfjs from 'pdfjs-dist/build/pdf.mjs';
import { readDocument } from './lib/doc/read';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.js';
window.readFixture = async (name) => {
  const bytes = new Uint8Array(await (await fetch('/' + name)).arrayBuffer());
  const progress = [];
  try {
    const d = await readDocument(pdfjs.getDocument, bytes, { name, onPage: (p) => progress.push(p.pageNumber) });
    return { ok: true, kind: d.kind, title: d.title, pageCount: d.pageCount, fingerprint: d.fingerprint, pages: d.pages, html: d.html ?? null, progress };
  } catch (e) {
    return { ok: false, code: e.code ?? null, message: String(e.message) };
  }
};
window.ready = true;
`;

interface Read {
  ok: boolean;
  kind?: string;
  title?: string | null;
  pageCount?: number;
  fingerprint?: string;
  pages?: { pageNumber: number; paragraphs: string[] }[];
  html?: string | null;
  progress?: number[];
  code?: string | null;
  message?: string;
}

let server: FixtureServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  server = await serveFolder(DOCS, {
    '/index.html':
      '<!doctype html><meta charset="utf-8"><title>lib/doc</title><script type="module" src="/doc.js"></script>',
    '/doc.js': bundle.outputFiles[0].text,
    '/pdf.worker.js': readFileSync(join(ROOT, 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.mjs'), 'utf8'),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage();
  await page.goto(server.url('/index.html'));
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, null, {
    timeout: WAIT_MS,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const readInPage = (name: string) =>
  page.evaluate((n) => (window as unknown as { readFixture(n: string): Promise<Read> }).readFixture(n), name);

describe('lib/doc in Chromium with pdf.js’s worker', () => {
  it('reads the job description PDF page by page, to the same text and fingerprint as Node', async () => {
    const inPage = await readInPage('job-description.pdf');
    const inNode = await readDocumentBytes(new Uint8Array(readFileSync(join(DOCS, 'job-description.pdf'))));
    expect(inPage).toMatchObject({ ok: true, kind: 'pdf', pageCount: 3, progress: [1, 2, 3] });
    expect(inPage.fingerprint).toBe(inNode.fingerprint);
    expect(inPage.title).toBe(inNode.title);
    expect(inPage.pages).toEqual(inNode.pages);
  });

  it('reads the .docx with mammoth’s browser build, its javascript: link removed', async () => {
    const inPage = await readInPage('job-description.docx');
    const inNode = await readDocumentBytes(new Uint8Array(readFileSync(join(DOCS, 'job-description.docx'))));
    expect(inPage).toMatchObject({ ok: true, kind: 'docx', fingerprint: inNode.fingerprint });
    expect(inPage.pages).toEqual(inNode.pages);
    expect(inPage.html).toBe(inNode.html);
    expect(inPage.html).not.toMatch(/javascript:/i);
  });

  it.each([
    ['password-protected.pdf', 'encrypted'],
    ['truncated.pdf', 'corrupt'],
    ['scanned-no-text.pdf', 'no-text'],
  ])('%s fails with code %s and a message, never hangs', async (name, code) => {
    const r = await readInPage(name);
    expect(r).toMatchObject({ ok: false, code });
    expect(r.message).toMatch(/^This (PDF|file) /);
  });
});

describe('web pages printed to PDF by Chromium', () => {
  const scanner = createScanner(loadBundledDataset().suites);
  const ids = (r: ScanFileResult) => [...new Set(r.references.map((x) => x.unitId))].sort();
  const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');

  it.each([
    'course-close-titles.html',
    'job-advert.html',
    'long-job-advert.html',
    'diploma-course.html',
    'course-listing.html',
    'ta-advert-stl.html',
  ])('%s names the same units as a PDF as it does as a page', async (name) => {
    const file = join(PAGES, name);
    const asPage = scanner.scanFile(file);
    const printer = await browser.newPage();
    try {
      await printer.setContent(readFileSync(file, 'utf8'), { timeout: WAIT_MS });
      const pdf = new Uint8Array(await printer.pdf({ format: 'A4' }));
      const asPdf = scanner.scanDocument(name, await readDocumentBytes(pdf));
      expect(ids(asPage).length).toBeGreaterThan(0);
      expect(ids(asPdf)).toEqual(ids(asPage));
      // Close titles (table rows, per printed line) are found as close titles in the PDF too.
      const kinds = (r: ScanFileResult) => r.references.map((x) => `${x.unitId}:${x.kind}`).sort();
      expect(kinds(asPdf)).toEqual(kinds(asPage));
    } finally {
      await printer.close();
    }
  });
});
