// Shows the chosen document in the viewer's container and reads it: a PDF's pages drawn lazily with their text
// layers and its text read page by page in the background (with progress), or a Word document as inert HTML; the
// lens paints what is drawn; the units the whole document names are counted as its text is read.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { collectBlocks } from '@/lib/page/blocks';
import { blocksText } from '@/lib/page/locate';
import { DocumentLens, DocumentReferences } from './document-lens';
import { docxToFragment } from './docx-view';
import { documentErrorMessage, type DocumentSource } from './load-source';
import { openPdf, PdfView, readAllText } from './pdf-view';

export interface DocumentMeta {
  title: string;
  /** pdf.js's fingerprint of a PDF; a SHA-256 of a Word file's bytes. */
  fingerprint: string;
  pageCount: number;
}

export type UnitCounts = Map<string, { count: number; close: number }>;

export interface DocumentViewState {
  meta: DocumentMeta | null;
  /** Pages whose text has been read so far. */
  pagesRead: number;
  /** Each page's text once every page is read (one "page" for a Word document); null until then. */
  pageTexts: string[] | null;
  counts: UnitCounts;
  /** The document cannot be shown. */
  error: string | null;
  /** It is shown, but something limits what NOS Lens can do with it (no text: a scan). */
  notice: string | null;
}

const NO_TEXT_PDF =
  'This PDF has no text NOS Lens can read: its pages are probably scanned images. They are shown, but nothing can be ' +
  'highlighted, matched or quoted. A version of the document with text (or one run through text recognition) will work.';
const NO_TEXT_DOCX = 'This Word document has no text, so nothing can be highlighted or matched.';

const EMPTY: DocumentViewState = {
  meta: null,
  pagesRead: 0,
  pageTexts: null,
  counts: new Map(),
  error: null,
  notice: null,
};

export interface DocumentView {
  state: DocumentViewState;
  lens: RefObject<DocumentLens | null>;
  pdfView: RefObject<PdfView | null>;
}

export function useDocumentView(
  source: DocumentSource | null,
  container: RefObject<HTMLElement | null>,
  onTag: (unitId: string) => void,
  /** Called after each page's text layer is drawn (to paint saved quotes on it). */
  onDrawn: () => void,
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
      if (source.kind === 'pdf') await showPdf(source, el, created, update, abort.signal, pdfView, callbacks);
      else await showDocx(source, el, created, update);
    })().catch((e: unknown) => update({ error: documentErrorMessage(e, source.kind) }));
    return () => {
      abort.abort();
      pdfView.current?.destroy();
      pdfView.current = null;
      lens.current?.stop();
      lens.current = null;
      el.replaceChildren();
    };
  }, [source]);

  return { state, lens, pdfView };
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
): Promise<void> {
  // pdf.js hands the bytes to its worker (detaching them): it gets a copy, so the source can be opened again.
  const opened = await openPdf(source.bytes.slice());
  if (signal.aborted) return void opened.pdf.destroy();
  signal.addEventListener('abort', () => void opened.pdf.destroy());
  update({
    meta: { title: opened.title ?? source.name, fingerprint: opened.fingerprint, pageCount: opened.pageCount },
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
  lens.start();
  const references = new DocumentReferences(lens.matcher);
  const texts: string[] = [];
  await readAllText(
    opened.pdf,
    (n, text) => {
      texts[n - 1] = text;
      references.addPage(n, text);
      update({ pagesRead: n, counts: references.counts() });
    },
    signal,
  );
  if (signal.aborted) return;
  const blank = texts.every((t) => !t.trim());
  update({ pageTexts: texts, notice: blank ? NO_TEXT_PDF : null });
}

async function showDocx(source: DocumentSource, el: HTMLElement, lens: DocumentLens, update: Update): Promise<void> {
  const [fragment, fingerprint] = await Promise.all([docxToFragment(source.bytes, document), sha256(source.bytes)]);
  const article = document.createElement('article');
  article.className = 'docx-page';
  article.append(fragment);
  el.append(article);
  const heading = article.querySelector('h1, h2')?.textContent?.trim();
  update({ meta: { title: heading || source.name, fingerprint, pageCount: 1 } });
  lens.start();
  const text = blocksText(collectBlocks(article));
  const references = new DocumentReferences(lens.matcher);
  references.addPage(1, text);
  update({
    pagesRead: 1,
    pageTexts: [text],
    counts: references.counts(),
    notice: text.trim() ? null : NO_TEXT_DOCX,
  });
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
