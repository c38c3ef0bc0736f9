// Reads a PDF or .docx file's bytes in Node (the CLI, the benchmark, tests) with pdf.js's legacy build, which runs
// without a worker there. Extension pages never import this module: they bring their own pdf.js build and worker.
import { classifyDocumentError, DocumentError } from './errors';
import { detectDocumentKind } from './kind';
import { readDocx } from './docx';
import { assertHasText, describePdf, openPdf, readPdfPages, type GetDocument, type PdfPageText } from './pdf';
import type { DocumentText } from './text';

let pdfjs: Promise<{ getDocument: GetDocument }> | null = null;

/** pdf.js's legacy build, loaded once. */
export function loadNodePdfjs(): Promise<{ getDocument: GetDocument }> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<{ getDocument: GetDocument }>;
  return pdfjs;
}

/** Options for Node: no font loading into a DOM, errors only on the console. */
export const NODE_PDF_PARAMS = { disableFontFace: true, useSystemFonts: false, verbosity: 0 } as const;

/**
 * A document's text, whole: every page of a PDF (each handed to `onPage` as it is read), or a .docx as one page.
 * Throws a DocumentError (already classified) when it cannot be read, including a PDF without any text.
 */
export async function readDocumentBytes(
  bytes: Uint8Array,
  opts: { name?: string; onPage?: (page: PdfPageText) => void } = {},
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
    const { getDocument } = await loadNodePdfjs();
    // pdf.js takes (detaches) the bytes it is given: give it its own copy.
    const pdf = await openPdf(getDocument, bytes.slice(), { params: NODE_PDF_PARAMS });
    try {
      const info = await describePdf(pdf);
      const pages = [];
      for await (const page of readPdfPages(pdf)) {
        opts.onPage?.(page);
        pages.push({ pageNumber: page.pageNumber, paragraphs: page.paragraphs });
      }
      assertHasText(pages);
      return { kind, ...info, pages };
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    const problem = classifyDocumentError(e, kind);
    throw new DocumentError(problem.code, problem.message);
  }
}
