// A PDF's text, page by page, as lines and paragraphs in reading order, with its fingerprint, page count and title.
//
// The pdf.js module is the caller's: Node and the CLI pass the legacy build's `getDocument` (it runs without a worker,
// see node.ts), the viewer passes its own with its worker set up, or opens the document itself and hands the loaded
// PDFDocumentProxy to `describePdf` / `readPdfPage`. Only types are imported from pdfjs-dist here.
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { noTextError, tooLargeError, tooManyPagesError } from './errors';
import { MAX_DOCUMENT_BYTES, MAX_PDF_PAGES } from './limits';
import { KEEP_HYPHEN } from '../match/line-hyphen';

export type { PDFDocumentProxy };

/** The part of a pdf.js TextItem the line builder reads (so it can be tested without pdf.js). */
export interface TextItemLike {
  str: string;
  /** [a, b, c, d, e, f]: e, f the baseline origin in PDF units (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** One line of a page as printed. */
export interface PdfLine {
  text: string;
  /** Left edge and baseline (PDF units, y grows upwards), right edge, font height. */
  x: number;
  y: number;
  right: number;
  height: number;
}

export interface PdfPageText {
  /** 1-based. */
  pageNumber: number;
  lines: PdfLine[];
  /**
   * The page's paragraphs in reading order: their lines joined with '\n' as printed (so the matcher sees each line,
   * as it sees the lines of a web page's block), except where a line-end hyphen was removed (where safe).
   */
  paragraphs: string[];
}

export interface PdfInfo {
  /** pdf.js's fingerprint of the file (the same bytes from any address give the same one). */
  fingerprint: string;
  pageCount: number;
  /** The document's own title (Info dictionary, else XMP dc:title), or null. */
  title: string | null;
}

/** The subset of pdf.js's getDocument this module calls. */
export type GetDocument = (src: { data: Uint8Array; isEvalSupported: boolean; [option: string]: unknown }) => {
  promise: Promise<PDFDocumentProxy>;
  destroy(): Promise<void>;
};

const isTextItem = (item: unknown): item is TextItem =>
  typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string';

const itemHeight = (it: TextItemLike) => it.height || Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) || 1;

/**
 * pdf.js text items (in content order) → the page's lines. A new line starts after an item with `hasEOL` or when the
 * baseline moves by more than half the font height (so sub- and superscripts stay on their line); within a line a
 * space is put where two items are apart by more than a sixth of the font height and neither has one.
 */
export function linesFromTextItems(items: readonly TextItemLike[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: { parts: string[]; x: number; y: number; right: number; height: number } | null = null;
  let breakNext = false;
  const flush = () => {
    if (!cur) return;
    const text = cur.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, x: cur.x, y: cur.y, right: cur.right, height: cur.height });
    cur = null;
  };
  for (const it of items) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const h = itemHeight(it);
    if (it.str === '' && !it.width) {
      // An empty item only carries an end of line.
      if (it.hasEOL) breakNext = true;
      continue;
    }
    if (cur && (breakNext || Math.abs(y - cur.y) > Math.max(h, cur.height) * 0.5)) flush();
    if (!cur && !it.str.trim()) {
      // Spacing before a line's first word (pdf.js makes items of wide gaps) is not where the line starts.
      breakNext = !!it.hasEOL;
      continue;
    }
    breakNext = false;
    if (!cur) {
      cur = { parts: [it.str], x, y, right: x + it.width, height: h };
    } else {
      const gap = x - cur.right;
      const prev = cur.parts[cur.parts.length - 1] ?? '';
      if (gap > Math.max(h, cur.height) / 6 && !/\s$/.test(prev) && !/^\s/.test(it.str)) cur.parts.push(' ');
      cur.parts.push(it.str);
      cur.x = Math.min(cur.x, x);
      cur.right = Math.max(cur.right, x + it.width);
      cur.height = Math.max(cur.height, h);
    }
    if (it.hasEOL) breakNext = true;
  }
  flush();
  return lines;
}

/** Characters that start a list item: a line starting with one starts a paragraph. */
const BULLET = /^[•·▪●◦■□➢✓✔\-–—*]\s/;

/**
 * Joins two lines of one paragraph: a line-end hyphen between lower-case letters is a break in a word and goes,
 * except after the first part of a common compound (then the hyphen stays, with no space); otherwise a line break.
 */
export function joinLines(a: string, b: string): string {
  const m = /([A-Za-z]+)-$/.exec(a);
  if (m && /^[a-z]/.test(b)) {
    const first = m[1].toLowerCase();
    return KEEP_HYPHEN.has(first) ? a + b : a.slice(0, -1) + b;
  }
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b;
  return `${a}\n${b}`;
}

/** A numbered or lettered list item: "1.", "2)", "a)", "(iv)". */
const NUMBERED = /^(?:\d{1,2}[.)]|[a-z][.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s/i;
/** A line that ends a sentence (or a lead-in), possibly inside a closing quote or bracket. */
const ENDS_SENTENCE = /[.!?:;]["”’)]?$/;

/**
 * Lines → paragraphs. A paragraph ends where the gap between baselines is clearly more than the page's usual line
 * spacing, where the text moves up (a new column or a box), where the font size changes (a heading), or before a
 * bulleted line; and, after a line that ends a sentence, where that line stops well short of the text's right edge,
 * where the next line is indented (a first-line indent) or starts a numbered item. A line that does not end a
 * sentence is never a paragraph's end by its length alone, so a title wrapped after "carers" stays whole.
 */
export function paragraphsFromLines(lines: readonly PdfLine[]): string[] {
  const gaps = [];
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1].y - lines[i].y;
    if (g > 0 && Math.abs(lines[i].height - lines[i - 1].height) < 0.5) gaps.push(g);
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const out: string[] = [];
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prev = lines[i - 1];
    let starts = !prev;
    if (prev) {
      const gap = prev.y - line.y;
      const h = Math.max(prev.height, line.height);
      const limit = usual > 0 ? Math.min(usual * 1.3, h * 2.2) : h * 1.6;
      const ended = ENDS_SENTENCE.test(prev.text);
      const short = right - prev.right > Math.max(h * 4, (right - left) * 0.2);
      const indent = line.x - prev.x;
      starts =
        gap <= 0 ||
        gap > limit ||
        Math.abs(line.height - prev.height) > Math.max(prev.height, line.height) * 0.15 ||
        BULLET.test(line.text) ||
        (ended && (short || (indent > h * 0.8 && indent < h * 8) || NUMBERED.test(line.text)));
    }
    if (starts) {
      if (text) out.push(text);
      text = line.text;
    } else text = joinLines(text, line.text);
  }
  if (text) out.push(text);
  return out;
}

/**
 * Opens a PDF from its bytes with the caller's pdf.js `getDocument`, after the size limit; then the page limit.
 * pdf.js may take (detach) `data`: pass a copy if you need the bytes again. Errors are pdf.js's own (classify them
 * with classifyDocumentError) or a DocumentError for the limits.
 */
export async function openPdf(
  getDocument: GetDocument,
  data: Uint8Array,
  opts: { maxBytes?: number; maxPages?: number; params?: Record<string, unknown> } = {},
): Promise<PDFDocumentProxy> {
  if (data.byteLength > (opts.maxBytes ?? MAX_DOCUMENT_BYTES)) throw tooLargeError(data.byteLength);
  const task = getDocument({ ...opts.params, data, isEvalSupported: false });
  const pdf = await task.promise;
  if (pdf.numPages > (opts.maxPages ?? MAX_PDF_PAGES)) {
    const pages = pdf.numPages;
    await task.destroy();
    throw tooManyPagesError(pages);
  }
  return pdf;
}

/** Fingerprint, page count and the document's own title. */
export async function describePdf(pdf: PDFDocumentProxy): Promise<PdfInfo> {
  let title: string | null = null;
  try {
    const meta = await pdf.getMetadata();
    const info = meta.info as { Title?: unknown } | undefined;
    const fromInfo = typeof info?.Title === 'string' ? info.Title.trim() : '';
    const fromXmp: unknown = meta.metadata?.get('dc:title');
    title = fromInfo || (typeof fromXmp === 'string' ? fromXmp.trim() : '') || null;
  } catch {
    // A broken metadata stream is not worth failing over: the text may still be there.
  }
  return { fingerprint: pdf.fingerprints.find((f) => f) ?? '', pageCount: pdf.numPages, title };
}

/** One page's text (1-based page number). Releases the page's resources once read. */
export async function readPdfPage(pdf: PDFDocumentProxy, pageNumber: number): Promise<PdfPageText> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const lines = linesFromTextItems(content.items.filter(isTextItem));
    return { pageNumber, lines, paragraphs: paragraphsFromLines(lines) };
  } finally {
    page.cleanup();
  }
}

/**
 * The pages' text in order, one page at a time as it is read (for a viewer that fills in, or a scan that stops
 * early). Stops between pages when `signal` aborts.
 */
export async function* readPdfPages(
  pdf: PDFDocumentProxy,
  opts: { from?: number; to?: number; signal?: AbortSignal } = {},
): AsyncGenerator<PdfPageText> {
  const last = Math.min(opts.to ?? pdf.numPages, pdf.numPages);
  for (let n = Math.max(1, opts.from ?? 1); n <= last; n++) {
    if (opts.signal?.aborted) return;
    yield await readPdfPage(pdf, n);
  }
}

/** Fewest letters a page must have on average for a PDF to count as having text (a scan often has a stamp or "Page n"). */
export const MIN_LETTERS_PER_PAGE = 10;

/**
 * True when the pages hold at least MIN_LETTERS_PER_PAGE letters per page on average: a scan whose only text is a
 * scanner's stamp or a page number has, in effect, no text layer.
 */
export function hasText(pages: readonly { paragraphs: readonly string[] }[]): boolean {
  let letters = 0;
  for (const p of pages) for (const t of p.paragraphs) letters += t.match(/\p{L}/gu)?.length ?? 0;
  return pages.length > 0 && letters >= MIN_LETTERS_PER_PAGE * pages.length;
}

/** Throws the no-text DocumentError when no page has text. */
export function assertHasText(pages: readonly { paragraphs: readonly string[] }[]): void {
  if (!hasText(pages)) throw noTextError();
}
