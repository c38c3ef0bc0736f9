// Gets the document the viewer shows: fetched from `src` (with the user's cookies, as the browser would) or read from a
// file the user picked or dropped, as bytes with their kind (PDF or Word), or a plain-English reason it cannot be.
export type DocumentKind = 'pdf' | 'docx';

export interface DocumentSource {
  kind: DocumentKind;
  bytes: Uint8Array;
  /** Where it came from: the address fetched, or the picked file's name. */
  url: string;
  /** The file's name, for the title while the document's own is unknown. */
  name: string;
  /** True for a file picked from disk (no address to file evidence against). */
  local: boolean;
}

/** Documents larger than this are not opened: pdf.js and mammoth hold the whole file in memory. */
export const DOCUMENT_SIZE_LIMIT = 50 * 1024 * 1024;
const LIMIT_TEXT = '50 MB';

/** A reason the document cannot be shown, said to the user as it is. */
export class DocumentProblem extends Error {
  override readonly name = 'DocumentProblem';
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kind by the bytes' signature (%PDF, or a zip as .docx files are), else by the name or the content type. */
export function kindOf(bytes: Uint8Array, name: string, contentType: string | null): DocumentKind | null {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const path = name.toLowerCase().split(/[?#]/)[0];
  if (zip && (path.endsWith('.docx') || contentType?.startsWith(DOCX_TYPE) || !path.endsWith('.zip'))) return 'docx';
  if (path.endsWith('.pdf') || contentType?.startsWith('application/pdf')) return 'pdf';
  if (path.endsWith('.docx') || contentType?.startsWith(DOCX_TYPE)) return 'docx';
  return null;
}

function tooLarge(size: number): DocumentProblem {
  const mb = (size / 1024 / 1024).toFixed(0);
  return new DocumentProblem(
    `This document is too large to open (${mb} MB; NOS Lens opens documents up to ${LIMIT_TEXT}).`,
  );
}

function notADocument(): DocumentProblem {
  return new DocumentProblem('This is not a PDF or a Word (.docx) document, so NOS Lens cannot show it.');
}

/** The file name at the end of an address, decoded (`Job%20description.pdf` → `Job description.pdf`). */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(last) || url;
  } catch {
    return url;
  }
}

/** Fetches `src`. Rejects with a DocumentProblem that says what went wrong (status, network, file access, size). */
export async function fetchSource(src: string, signal: AbortSignal): Promise<DocumentSource> {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new DocumentProblem(`The address of the document is not valid: ${src}`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw new DocumentProblem(`NOS Lens opens documents from web addresses and files only, not ${url.protocol} ones.`);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    if (url.protocol === 'file:')
      throw new DocumentProblem(
        'NOS Lens is not allowed to read files on this computer. In Chrome, open chrome://extensions, choose ' +
          'Details under NOS Lens and switch on “Allow access to file URLs”; or choose the file below.',
      );
    throw new DocumentProblem(
      `The document could not be fetched from ${url.host}: the network failed or the site refused the request. ` +
        'Check your connection and try again.',
    );
  }
  if (!response.ok && url.protocol !== 'file:') {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new DocumentProblem(
      response.status === 401 || response.status === 403
        ? `The site refused to send the document (HTTP ${status}): sign in to the site in this browser, then try again.`
        : `The site could not send the document (HTTP ${status}).`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > DOCUMENT_SIZE_LIMIT) throw tooLarge(declared);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > DOCUMENT_SIZE_LIMIT) throw tooLarge(bytes.length);
  const name = fileNameOf(response.url || src);
  const kind = kindOf(bytes, name, response.headers.get('content-type'));
  if (!kind) throw notADocument();
  return { kind, bytes, url: src, name, local: false };
}

/** Reads a file the user picked or dropped. */
export async function readPickedFile(file: File): Promise<DocumentSource> {
  if (file.size > DOCUMENT_SIZE_LIMIT) throw tooLarge(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new DocumentProblem(`NOS Lens could not read “${file.name}” (it may have been moved or deleted).`);
  }
  const kind = kindOf(bytes, file.name, file.type || null);
  if (!kind) throw notADocument();
  return { kind, bytes, url: file.name, name: file.name, local: true };
}

/** What pdf.js's or mammoth's error means to the user. */
export function documentErrorMessage(e: unknown, kind: DocumentKind): string {
  if (e instanceof DocumentProblem) return e.message;
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException')
    return 'This PDF is protected by a password, so NOS Lens cannot read it. Open it in another reader, or ask its author for an unprotected copy.';
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException')
    return 'This PDF is damaged or not really a PDF, so NOS Lens cannot read it.';
  if (kind === 'docx')
    return 'This Word document is damaged or not a .docx file (older .doc files cannot be read: save it as .docx).';
  return `NOS Lens could not read this document (${e instanceof Error ? e.message : String(e)}).`;
}
