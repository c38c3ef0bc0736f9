// How big a document NOS Lens will read: one place for the viewer, the CLI and their messages.
//
// 50 MB: pdf.js holds the whole file in memory (and the extension page a copy while handing it over), so the limit
// bounds memory on a modest laptop. A job description is well under 1 MB; a 300-page course handbook with photographs
// or the standards themselves as printed run to 5–20 MB; anything bigger is nearly always page images (a scan), whose
// text NOS Lens could not read anyway.
// 1,000 pages: a long handbook or a whole suite of standards is 100–600 pages; text is read page by page, and a
// thousand pages keeps reading the whole document (for Matches) within seconds rather than minutes.

/** Largest document (PDF or .docx) read, in bytes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Most pages of a PDF read. */
export const MAX_PDF_PAGES = 1000;

/** The limits as people read them: "50 MB", "1,000 pages". */
export const MAX_DOCUMENT_SIZE_LABEL = '50 MB';
export const MAX_PDF_PAGES_LABEL = '1,000 pages';

/** A size in bytes as people read it in messages: "820 KB", "62.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
