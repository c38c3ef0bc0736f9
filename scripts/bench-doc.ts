// The document row of `npm run bench`: the 100-page handbook PDF (tests/fixtures/docs) read in Node with pdf.js's
// legacy build. The floor is pdf.js alone opening the file and extracting every page's text items; against it, lib/doc
// opening the same bytes and reading every page into lines and paragraphs (text), reading pages in order until the
// matcher finds the first reference (first references, as the viewer fills in), and the whole pipeline (every page,
// the matcher on every paragraph and the ranking). Each round runs the four in a rotated order; medians.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser';
import { loadBundledDataset } from '../lib/dataset/bundled';
import { buildMatcher } from '../lib/match/matcher';
import { buildRanker } from '../lib/rank/ranker';
import { loadNodePdfjs, NODE_PDF_PARAMS } from '../lib/doc/node';
import {
  describePdf,
  linesFromTextItems,
  openPdf,
  paragraphsFromLines,
  readPdfPages,
  type TextItemLike,
} from '../lib/doc/pdf';
import { documentMainText, type DocumentPage } from '../lib/doc/text';

export const HANDBOOK = join(ROOT, 'tests', 'fixtures', 'docs', 'course-handbook-100-pages.pdf');

export interface DocumentFigures {
  pages: number;
  bytes: number;
  /** pdf.js alone: open, getTextContent on every page. */
  floorMs: number;
  /** lib/doc: open, every page into lines and paragraphs. */
  textMs: number;
  /** lib/doc's own part of that: pdf.js's items (already extracted) into lines and paragraphs. */
  layoutMs: number;
  /** lib/doc + matcher: open, pages in order until the first reference. */
  firstReferenceMs: number;
  firstReferencePage: number;
  /** lib/doc + matcher + ranker on every page. */
  fullMs: number;
  references: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchDocument(runs: number): Promise<DocumentFigures> {
  const bytes = new Uint8Array(readFileSync(HANDBOOK));
  const { getDocument } = await loadNodePdfjs();
  const suites = loadBundledDataset().suites;
  const matcher = buildMatcher(suites);
  const ranker = buildRanker(suites);
  const open = () => openPdf(getDocument, bytes.slice(), { params: NODE_PDF_PARAMS });

  const floor = async () => {
    const task = getDocument({ ...NODE_PDF_PARAMS, data: bytes.slice(), isEvalSupported: false });
    const pdf = await task.promise;
    let items = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
    await pdf.destroy();
    return items;
  };
  const text = async () => {
    const pdf = await open();
    await describePdf(pdf);
    const pages: DocumentPage[] = [];
    for await (const p of readPdfPages(pdf)) pages.push({ pageNumber: p.pageNumber, paragraphs: p.paragraphs });
    await pdf.destroy();
    return pages;
  };
  const firstReference = async () => {
    const pdf = await open();
    let page = 0;
    for await (const p of readPdfPages(pdf)) {
      if (p.paragraphs.some((t) => matcher.scan(t).references.length > 0)) {
        page = p.pageNumber;
        break;
      }
    }
    await pdf.destroy();
    return page;
  };
  const full = async () => {
    const pages = await text();
    let refs = 0;
    for (const p of pages) for (const t of p.paragraphs) refs += matcher.scan(t).references.length;
    ranker.rank(documentMainText(pages));
    return { pages, refs };
  };

  // pdf.js's items for every page, once, for timing lib/doc's own work on them apart from pdf.js's.
  const items: TextItemLike[][] = [];
  {
    const pdf = await open();
    for (let n = 1; n <= pdf.numPages; n++)
      items.push(
        (await (await pdf.getPage(n)).getTextContent()).items.flatMap((i) => ('str' in i ? [i as TextItemLike] : [])),
      );
    await pdf.destroy();
  }
  const layout = () => {
    for (const pageItems of items) paragraphsFromLines(linesFromTextItems(pageItems));
    return Promise.resolve();
  };

  const times = {
    floor: [] as number[],
    text: [] as number[],
    layout: [] as number[],
    first: [] as number[],
    full: [] as number[],
  };
  let firstPage = 0;
  let refs = 0;
  let pages = 0;
  const cases: [keyof typeof times, () => Promise<void>][] = [
    ['floor', async () => void (await floor())],
    ['text', async () => void (pages = (await text()).length)],
    ['layout', layout],
    ['first', async () => void (firstPage = await firstReference())],
    ['full', async () => void (refs = (await full()).refs)],
  ];
  // Two warm-up rounds (module loading, the JIT: the first reads take several times longer), not counted.
  for (let i = 0; i < 2; i++) for (const [, run] of cases) await run();
  // Each round starts with a different case, so none always runs after the same one (garbage collection, caches).
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < cases.length; k++) {
      const [name, run] = cases[(i + k) % cases.length];
      const t = performance.now();
      await run();
      times[name].push(performance.now() - t);
    }
  return {
    pages,
    bytes: bytes.length,
    floorMs: median(times.floor),
    textMs: median(times.text),
    layoutMs: median(times.layout),
    firstReferenceMs: median(times.first),
    firstReferencePage: firstPage,
    fullMs: median(times.full),
    references: refs,
  };
}
