// Shows a PDF in the viewer with pdf.js: one box per page sized at once, each page's canvas and text layer drawn as it
// nears the viewport (and dropped again far from it), and the whole text read page by page in the background.
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import {
  describePdf,
  openPdf as openWithLimits,
  readPdfPages,
  type PDFDocumentProxy,
  type PdfInfo,
  type PdfPageText,
} from '@/lib/doc/pdf';

// The worker is bundled with the extension (an asset of its own origin, which the pages' CSP allows).
GlobalWorkerOptions.workerSrc = workerUrl;

/** CSS pixels per PDF point at 100 %: pages are drawn this size (the page's width caps it, see fitScale). */
const BASE_SCALE = 1.35;
/** Quiet time after the last resize before the pages are fitted again. */
const RESIZE_SETTLE_MS = 250;
/** How far outside the viewport a page starts drawing. */
const RENDER_MARGIN = '600px 0px';
/** Drawn pages kept at most (the farthest from the viewport are dropped first), so memory stays bounded. */
const KEEP_RENDERED = 12;

export interface OpenedPdf extends PdfInfo {
  pdf: PDFDocumentProxy;
}

/**
 * Opens a PDF from its bytes within lib/doc's limits (the worker parses it; no eval; fonts from the file or the
 * system, nothing fetched). Rejects with pdf.js's named errors or lib/doc's DocumentError.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const pdf = await openWithLimits(getDocument, bytes, {
    params: { useSystemFonts: true },
  });
  return { pdf, ...(await describePdf(pdf)) };
}

/**
 * Reads every page's text in order (lib/doc's lines and paragraphs), calling `onPage` after each and yielding to the
 * page between pages so scrolling stays smooth. Stops when `signal` aborts.
 */
export async function readAllText(
  pdf: PDFDocumentProxy,
  onPage: (page: PdfPageText) => void,
  signal: AbortSignal,
): Promise<void> {
  for await (const page of readPdfPages(pdf, { signal })) {
    if (signal.aborted) return;
    onPage(page);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

interface PageBox {
  number: number;
  box: HTMLElement;
  state: 'empty' | 'drawing' | 'drawn';
  /** Bumped each time the page is dropped, so a drawing begun before is not finished after. */
  generation: number;
  /** Resolves when the page's text layer is in the DOM. */
  drawn: Promise<void> | null;
  cancel: (() => void) | null;
}

export interface PdfViewOptions {
  /** Called with each page's text layer once it is in the DOM (to read and paint it). */
  onTextLayer: (layer: HTMLElement, pageNumber: number) => void;
  /** A page could not be drawn. */
  onPageError: (pageNumber: number, error: unknown) => void;
}

/** The pages of one PDF in `container`, drawn lazily. */
export class PdfView {
  private readonly pages: PageBox[] = [];
  private readonly observer: IntersectionObserver;
  private readonly visible = new Set<number>();
  private scale = BASE_SCALE;
  /** The first page's width in PDF points: what the scale fits to the container. */
  private naturalWidth = 0;
  private readonly resizer: ResizeObserver;
  private resizeTimer: number | undefined;
  private destroyed = false;

  constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly container: HTMLElement,
    private readonly opts: PdfViewOptions,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: RENDER_MARGIN });
    // A window made narrower or wider: the pages are fitted again once it stops changing.
    this.resizer = new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(() => this.refit(), RESIZE_SETTLE_MS);
    });
  }

  /** Lays out a box for every page, sized from the first page (corrected per page as each is drawn). */
  async layout(): Promise<void> {
    const first = await this.pdf.getPage(1);
    const natural = first.getViewport({ scale: 1 });
    this.naturalWidth = natural.width;
    this.scale = fitScale(natural.width, this.container.clientWidth);
    const vp = first.getViewport({ scale: this.scale });
    const doc = this.container.ownerDocument;
    for (let n = 1; n <= this.pdf.numPages; n++) {
      const box = doc.createElement('div');
      box.className = 'pdf-page';
      box.dataset.page = String(n);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', `Page ${n} of ${this.pdf.numPages}`);
      box.style.width = `${Math.floor(vp.width)}px`;
      box.style.height = `${Math.floor(vp.height)}px`;
      this.container.append(box);
      this.pages.push({ number: n, box, state: 'empty', generation: 0, drawn: null, cancel: null });
      this.observer.observe(box);
    }
    this.resizer.observe(this.container);
  }

  /** Draws page `n` now if it is not drawn (for a match or a quote on a page not yet scrolled to). */
  ensurePage(n: number): Promise<void> {
    const page = this.pages[n - 1];
    if (!page) return Promise.resolve();
    return this.draw(page);
  }

  /** Whether page `n`'s text layer is in the document now. */
  isDrawn(n: number): boolean {
    return this.pages[n - 1]?.state === 'drawn';
  }

  /** The page's box (to scroll to it). */
  pageBox(n: number): HTMLElement | null {
    return this.pages[n - 1]?.box ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    this.resizer.disconnect();
    clearTimeout(this.resizeTimer);
    for (const p of this.pages) this.undraw(p);
    this.container.replaceChildren();
  }

  /** Fits the pages to the container's width again: boxes resized, drawn pages drawn again at the new scale. */
  private refit(): void {
    if (this.destroyed || !this.naturalWidth) return;
    const scale = fitScale(this.naturalWidth, this.container.clientWidth);
    if (Math.abs(scale - this.scale) / this.scale < 0.02) return;
    const ratio = scale / this.scale;
    this.scale = scale;
    for (const p of this.pages) {
      this.undraw(p);
      p.box.style.width = `${Math.floor(parseFloat(p.box.style.width) * ratio)}px`;
      p.box.style.height = `${Math.floor(parseFloat(p.box.style.height) * ratio)}px`;
    }
    for (const n of this.visible) void this.draw(this.pages[n - 1]);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.page);
      if (e.isIntersecting) this.visible.add(n);
      else this.visible.delete(n);
    }
    for (const n of this.visible) void this.draw(this.pages[n - 1]);
    this.dropFarPages();
  }

  private dropFarPages(): void {
    const drawn = this.pages.filter((p) => p.state !== 'empty' && !this.visible.has(p.number));
    const near = this.visible.size ? Math.min(...this.visible) : 1;
    drawn.sort((a, b) => Math.abs(b.number - near) - Math.abs(a.number - near));
    const excess = this.pages.filter((p) => p.state !== 'empty').length - KEEP_RENDERED;
    for (const p of drawn.slice(0, Math.max(0, excess))) this.undraw(p);
  }

  private draw(page: PageBox): Promise<void> {
    if (page.drawn) return page.drawn;
    page.state = 'drawing';
    page.drawn = this.drawPage(page).catch((e: unknown) => {
      if (isCancelled(e)) return;
      this.opts.onPageError(page.number, e);
    });
    return page.drawn;
  }

  private async drawPage(page: PageBox): Promise<void> {
    const generation = page.generation;
    const current = () => !this.destroyed && page.generation === generation;
    const proxy: PDFPageProxy = await this.pdf.getPage(page.number);
    if (!current()) return;
    const viewport = proxy.getViewport({ scale: this.scale });
    const doc = this.container.ownerDocument;
    const ratio = doc.defaultView?.devicePixelRatio ?? 1;
    page.box.style.width = `${Math.floor(viewport.width)}px`;
    page.box.style.height = `${Math.floor(viewport.height)}px`;
    page.box.style.setProperty('--scale-factor', String(viewport.scale));
    page.box.style.setProperty('--total-scale-factor', String(viewport.scale));
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute('aria-hidden', 'true');
    const layer = doc.createElement('div');
    layer.className = 'textLayer';
    const task: RenderTask = proxy.render({
      canvas,
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    });
    const textLayer = new TextLayer({ textContentSource: proxy.streamTextContent(), container: layer, viewport });
    page.cancel = () => {
      task.cancel();
      textLayer.cancel();
    };
    page.box.replaceChildren(canvas, layer);
    await Promise.all([task.promise, textLayer.render()]);
    if (!current()) return;
    page.cancel = null;
    page.state = 'drawn';
    this.opts.onTextLayer(layer, page.number);
  }

  private undraw(page: PageBox): void {
    if (page.state === 'empty') return;
    page.cancel?.();
    page.cancel = null;
    page.state = 'empty';
    page.generation++;
    page.drawn = null;
    page.box.replaceChildren();
  }
}

/** The scale that draws a page of `pageWidth` points at BASE_SCALE, or narrower to fit `available` pixels. */
function fitScale(pageWidth: number, available: number): number {
  if (available <= 0) return BASE_SCALE;
  return Math.min(BASE_SCALE, Math.max(0.5, (available - 24) / pageWidth));
}

function isCancelled(e: unknown): boolean {
  return e instanceof Error && (e.name === 'RenderingCancelledException' || e.name === 'AbortException');
}
