// Shows the chosen document in the viewer's container and reads it: a PDF's pages drawn lazily with their text
// layers and its text read page by page in the background (with progress), or a Word document as inert HTML; the
// lens paints what is drawn; the units the whole document names are counted as its text is read.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { classifyDocumentError, MESSAGES } from '@/lib/doc/errors';
import { hasText } from '@/lib/doc/pdf';
import { documentMainText, type DocumentPage } from '@/lib/doc/text';
import { DocumentLens, DocumentReferences } from './document-lens';
import { sanitiseHtml } from './docx-view';
import type { DocumentSource } from './load-source';
import { openPdf, PdfView, readAllText } from './pdf-view';

export interface DocumentMeta {
  /** The document's own title, else its file name. */
  title: string;
  /** The document's own title (PDF metadata, a Word file's first heading), or null. */
  ownTitle: string | null;
  /** pdf.js's fingerprint of a PDF; a SHA-256 of a Word file's bytes. */
  fingerprint: string;
  pageCount: number;
}

export type UnitCounts = Map<string, { count: number; close: number }>;

export interface DocumentViewState {
  meta: DocumentMeta | null;
  /** Pages whose text has been read so far. */
  pagesRead: number;
  /** Each page's paragraphs once every page is read (one "page" for a Word document); null until then. */
  pages: DocumentPage[] | null;
  counts: UnitCounts;
  /** The document cannot be shown. */
  error: string | null;
  /** It is shown, but something limits what NOS Lens can do with it (no text: a scan). */
  notice: string | null;
}

const NO_TEXT_DOCX = 'This Word document has no text, so nothing can be highlighted or matched.';

const EMPTY: DocumentViewState = {
  meta: null,
  pagesRead: 0,
  pages: null,
  counts: new Map(),
  error: null,
  notice: null,
};

export interface DocumentView {
  state: DocumentViewState;
  /** Each page's text (its paragraphs, one a line), once every page is read. */
  pageTexts: string[] | null;
  /** The text the ranking reads (running heads and feet left out), once every page is read. */
  text: string | null;
  lens: RefObject<DocumentLens | null>;
  pdfView: RefObject<PdfView | null>;
}

export function useDocumentView(
  source: DocumentSource | null,
  container: RefObject<HTMLElement | null>,
  onTag: (unitId: string) => void,
  /** Called after each page's text layer is drawn (to paint saved quotes on it). */
  onDrawn: () => void,
  /** The PDF page to scroll to once the pages are laid out (the address's #page=N), or null. */
  startPage: number | null = null,
): DocumentView {
  const [state, setState] = useState<DocumentViewState>(EMPTY);
  const lens = useRef<DocumentLens | null>(null);
  const pdfView = useRef<PdfView | null>(null);
  const callbacks = useRef({ onTag, onDrawn });
  callbacks.current = { onTag, onDrawn };

  useEffect(() => {
    const el = container.current;
    if (!source || !el) return;
    const abort = new AbortController();
    const update = (change: Partial<DocumentViewState>) => {
      if (!abort.signal.aborted) setState((s) => ({ ...s, ...change }));
    };
    setState(EMPTY);
    void (async () => {
      const created = await DocumentLens.create(el, { onTag: (id) => callbacks.current.onTag(id) });
      if (abort.signal.aborted) return created.stop();
      lens.current = created;
      if (source.kind === 'pdf')
        await showPdf(source, el, created, update, abort.signal, pdfView, callbacks, startPage);
      else await showDocx(source, el, created, update);
    })().catch((e: unknown) => update({ error: classifyDocumentError(e, source.kind).message }));
    return () => {
      abort.abort();
      pdfView.current?.destroy();
      pdfView.current = null;
      lens.current?.stop();
      lens.current = null;
      el.replaceChildren();
    };
  }, [source]);

  const { pages } = state;
  const pageTexts = useMemo(() => pages?.map((p) => p.paragraphs.join('\n')) ?? null, [pages]);
  const text = useMemo(() => (pages ? documentMainText(pages) : null), [pages]);
  return { state, pageTexts, text, lens, pdfView };
}

type Update = (change: Partial<DocumentViewState>) => void;

async function showPdf(
  source: DocumentSource,
  el: HTMLElement,
  lens: DocumentLens,
  update: Update,
  signal: AbortSignal,
  viewRef: RefObject<PdfView | null>,
  callbacks: RefObject<{ onDrawn: () => void }>,
  startPage: number | null,
): Promise<void> {
  // pdf.js hands the bytes to its worker (detaching them): it gets a copy, so the source can be opened again.
  const opened = await openPdf(source.bytes.slice());
  if (signal.aborted) return void opened.pdf.destroy();
  signal.addEventListener('abort', () => void opened.pdf.destroy());
  update({
    meta: {
      title: opened.title ?? source.name,
      ownTitle: opened.title,
      fingerprint: opened.fingerprint,
      pageCount: opened.pageCount,
    },
  });
  const view = new PdfView(opened.pdf, el, {
    onTextLayer: () => {
      lens.flush();
      callbacks.current.onDrawn();
    },
    onPageError: (n, e) => console.warn(`[NOS Lens] page ${n} could not be drawn`, e),
  });
  viewRef.current = view;
  await view.layout();
  if (startPage !== null) view.pageBox(Math.min(startPage, opened.pageCount))?.scrollIntoView({ block: 'start' });
  lens.start();
  const references = new DocumentReferences(lens.matcher);
  const pages: DocumentPage[] = [];
  await readAllText(
    opened.pdf,
    (page) => {
      pages.push(page);
      references.addPage(page.pageNumber, page.paragraphs.join('\n'));
      update({ pagesRead: page.pageNumber, counts: references.counts() });
    },
    signal,
  );
  if (signal.aborted) return;
  // A scan is still shown, with the reason nothing is highlighted.
  update({ pages, notice: hasText(pages) ? null : MESSAGES.noText });
}

async function showDocx(source: DocumentSource, el: HTMLElement, lens: DocumentLens, update: Update): Promise<void> {
  // mammoth is loaded only for Word files: a PDF's page does not wait for it.
  const { readDocx } = await import('@/lib/doc/docx');
  const docx = await readDocx(source.bytes);
  const article = document.createElement('article');
  article.className = 'docx-page';
  // lib/doc removed unsafe links; parsing inertly and dropping anything that could act is the second lock.
  article.append(sanitiseHtml(docx.html, document));
  el.append(article);
  update({
    meta: { title: docx.title ?? source.name, ownTitle: docx.title, fingerprint: docx.fingerprint, pageCount: 1 },
  });
  lens.start();
  const pages: DocumentPage[] = [{ pageNumber: 1, paragraphs: docx.paragraphs }];
  const references = new DocumentReferences(lens.matcher);
  references.addPage(1, docx.paragraphs.join('\n'));
  update({ pagesRead: 1, pages, counts: references.counts(), notice: hasText(pages) ? null : NO_TEXT_DOCX });
}
