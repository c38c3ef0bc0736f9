// Reads a PDF or .docx file's bytes in Node (the CLI, the benchmark, tests) with pdf.js's legacy build, which runs
// without a worker there. Extension pages never import this module: they bring their own pdf.js build and worker and
// call read.ts (or pdf.ts) directly.
import { detectDocumentKind } from './kind';
import { readDocument, type ReadDocumentOptions } from './read';
import type { GetDocument } from './pdf';
import type { DocumentText } from './text';

let pdfjs: Promise<{ getDocument: GetDocument }> | null = null;

/** pdf.js's legacy build, loaded once. */
export function loadNodePdfjs(): Promise<{ getDocument: GetDocument }> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<{ getDocument: GetDocument }>;
  return pdfjs;
}

/** Options for Node: no font loading into a DOM, errors only on the console. */
export const NODE_PDF_PARAMS = { disableFontFace: true, useSystemFonts: false, verbosity: 0 } as const;

/** readDocument with pdf.js's legacy build: throws a classified DocumentError when the file cannot be read. */
export async function readDocumentBytes(
  bytes: Uint8Array,
  opts: Omit<ReadDocumentOptions, 'pdfParams'> = {},
): Promise<DocumentText> {
  // pdf.js takes a while to load: only for a PDF (detectDocumentKind throws the classified error for anything else).
  const getDocument = detectDocumentKind(bytes, opts.name) === 'pdf' ? (await loadNodePdfjs()).getDocument : null;
  return readDocument(getDocument, bytes, { ...opts, pdfParams: NODE_PDF_PARAMS });
}
