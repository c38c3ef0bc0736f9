// A whole document's text from its bytes, PDF or .docx, with every failure classified: the one reader the CLI, the
// benchmark and an extension page share. The caller brings pdf.js's getDocument (see pdf.ts); a .docx needs nothing.
import { classifyDocumentError, DocumentError } from './errors';
import { detectDocumentKind } from './kind';
import { readDocx } from './docx';
import {
  assertHasText,
  describePdf,
  openPdf,
  readPdfPages,
  type GetDocument,
  type PdfInfo,
  type PdfPageText,
} from './pdf';
import type { DocumentText } from './text';

export interface ReadDocumentOptions {
  /** The file's name, if known: tells a damaged .pdf/.docx from some other kind of file. */
  name?: string;
  /** Extra getDocument parameters (Node: NODE_PDF_PARAMS; a page: cMapUrl, standardFontDataUrl…). */
  pdfParams?: Record<string, unknown>;
  /** Called once a PDF is open, before its pages are read (for a progress indicator: `info.pageCount`). */
  onInfo?: (info: PdfInfo) => void;
  /** Called with each PDF page as it is read, in order. */
  onPage?: (page: PdfPageText) => void;
  /** Stops reading between pages; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Every page of a PDF, or a .docx as one page (with its sanitised HTML). Throws a DocumentError (already classified)
 * when it cannot be read, including a PDF without any text. pdf.js is given a copy of the bytes (it detaches them).
 */
export async function readDocument(
  getDocument: GetDocument | null,
  bytes: Uint8Array,
  opts: ReadDocumentOptions = {},
): Promise<DocumentText> {
  const kind = detectDocumentKind(bytes, opts.name);
  try {
    if (kind === 'docx') {
      const d = await readDocx(bytes);
      return {
        kind,
        fingerprint: d.fingerprint,
        title: d.title,
        pageCount: 1,
        pages: [{ pageNumber: 1, paragraphs: d.paragraphs }],
        html: d.html,
      };
    }
    if (!getDocument) throw new DocumentError('unreadable', 'NOS Lens could not read this PDF (no PDF reader loaded).');
    const pdf = await openPdf(getDocument, bytes.slice(), { params: opts.pdfParams });
    try {
      const info = await describePdf(pdf);
      opts.onInfo?.(info);
      const pages = [];
      for await (const page of readPdfPages(pdf, { signal: opts.signal })) {
        opts.onPage?.(page);
        pages.push({ pageNumber: page.pageNumber, paragraphs: page.paragraphs });
      }
      if (opts.signal?.aborted) throw new DOMException('Reading the document was stopped.', 'AbortError');
      assertHasText(pages);
      return { kind, ...info, pages };
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    if (e instanceof DocumentError || (e instanceof DOMException && e.name === 'AbortError')) throw e;
    const problem = classifyDocumentError(e, kind);
    throw new DocumentError(problem.code, problem.message);
  }
}
