// Why a document could not be read, as a code the UI and the CLI can act on and a sentence a person can act on.
// Knows the exceptions pdf.js (by name: they cross the worker boundary as plain objects) and mammoth/JSZip raise.
import { formatBytes, MAX_DOCUMENT_SIZE_LABEL, MAX_PDF_PAGES, MAX_PDF_PAGES_LABEL } from './limits';

export type DocumentErrorCode = 'encrypted' | 'corrupt' | 'no-text' | 'too-large' | 'unsupported' | 'unreadable';

export interface DocumentProblem {
  code: DocumentErrorCode;
  /** One or two en-GB sentences for the person: what happened and what to do. */
  message: string;
}

/** Which reader failed, so the message names the right kind of file. */
export type DocumentKind = 'pdf' | 'docx';

/** An error lib/doc raises itself (limits, no text, wrong kind of file), already classified. */
export class DocumentError extends Error implements DocumentProblem {
  readonly code: DocumentErrorCode;
  constructor(code: DocumentErrorCode, message: string) {
    super(message);
    this.name = 'DocumentError';
    this.code = code;
  }
}

export const MESSAGES = {
  encrypted:
    'This PDF is protected by a password, so NOS Lens cannot read its text. Open it in your PDF reader, save a copy ' +
    'without the password, and open that copy.',
  corruptPdf:
    'This file is not a readable PDF: it may be damaged or only partly downloaded. Download it again and retry.',
  corruptDocx:
    'This Word file could not be opened: it may be damaged or only partly downloaded. Download it again, or open it ' +
    'in Word and save it again as .docx.',
  noText:
    'This PDF has no text layer — it is probably a scan or a picture of the pages, so there is no text to find ' +
    'units in. Ask for a text version, or run it through a text-recognition (OCR) tool first.',
  unsupported: 'NOS Lens reads PDF and Word (.docx) files; this file is neither.',
  notWord:
    'This file is a zip archive but not a Word document (.docx): NOS Lens reads PDF and Word (.docx) files. A ' +
    'spreadsheet or slides can be saved as PDF and opened then.',
  oldWord:
    'This is an older Word file (.doc), which NOS Lens cannot read. Open it in Word or LibreOffice and save it as ' +
    '.docx, then open that.',
} as const;

export function tooLargeError(bytes: number): DocumentError {
  const size = formatBytes(bytes);
  // 50 MB and a few bytes rounds to "50 MB": do not say the file is as big as the limit it is over.
  const said = size === MAX_DOCUMENT_SIZE_LABEL ? `just over ${size}` : size;
  return new DocumentError(
    'too-large',
    `This file is ${said}; NOS Lens reads documents up to ${MAX_DOCUMENT_SIZE_LABEL}.`,
  );
}

export function tooManyPagesError(pages: number): DocumentError {
  return new DocumentError(
    'too-large',
    `This PDF has ${pages.toLocaleString('en-GB')} pages; NOS Lens reads documents up to ${MAX_PDF_PAGES_LABEL}` +
      (pages > MAX_PDF_PAGES ? '. Split it into parts (most PDF readers can print a range of pages to PDF).' : '.'),
  );
}

export function noTextError(): DocumentError {
  return new DocumentError('no-text', MESSAGES.noText);
}

const nameOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string'
    ? (e as { name: string }).name
    : '';
const messageOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
    ? (e as { message: string }).message
    : typeof e === 'string'
      ? e
      : '';

/** Any error from opening or reading a document → a code and a message for the person. */
export function classifyDocumentError(e: unknown, kind?: DocumentKind): DocumentProblem {
  if (e instanceof DocumentError) return { code: e.code, message: e.message };
  const name = nameOf(e);
  const detail = messageOf(e);
  if (name === 'PasswordException') return { code: 'encrypted', message: MESSAGES.encrypted };
  // pdf.js: not a PDF at all or no usable structure; FormatError comes from the parser when a stream is broken.
  if (name === 'InvalidPDFException' || name === 'FormatError')
    return { code: 'corrupt', message: MESSAGES.corruptPdf };
  // JSZip ("End of data reached", "Can't find end of central directory", "Corrupted zip") and mammoth (a zip that
  // holds no Word document).
  if (/central directory|corrupted zip|end of data|zip file|invalid (?:signature|code lengths)/i.test(detail))
    return { code: 'corrupt', message: kind === 'pdf' ? MESSAGES.corruptPdf : MESSAGES.corruptDocx };
  // mammoth: a zip that holds no Word document (a spreadsheet, slides, any other zip).
  if (/could not find main document part|valid \.docx/i.test(detail))
    return { code: 'unsupported', message: MESSAGES.notWord };
  const what = kind === 'docx' ? 'this Word file' : kind === 'pdf' ? 'this PDF' : 'this document';
  return {
    code: 'unreadable',
    message: `NOS Lens could not read ${what}${detail ? ` (${detail.replace(/\.$/, '')})` : ''}.`,
  };
}
