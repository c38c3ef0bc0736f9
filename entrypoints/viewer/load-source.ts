// Gets the document the viewer shows: fetched from `src` (with the user's cookies, as the browser would) or read from a
// file the user picked or dropped, as bytes with their kind (PDF or Word), or a plain-English reason it cannot be.
// What the bytes are and the limits are lib/doc's; the network and file-access reasons are said here.
import { DocumentError, tooLargeError } from '@/lib/doc/errors';
import { detectDocumentKind, type DetectedKind } from '@/lib/doc/kind';
import { MAX_DOCUMENT_BYTES } from '@/lib/doc/limits';

export interface DocumentSource {
  kind: DetectedKind;
  bytes: Uint8Array;
  /** Where it came from: the address fetched, or the picked file's name. */
  url: string;
  /** The file's name, for the title while the document's own is unknown. */
  name: string;
  /** True for a file picked from disk (no address to file evidence against). */
  local: boolean;
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

/** How long a site may take to start answering before the viewer gives up and says so (the body may take longer). */
const ANSWER_TIMEOUT_MS = 60_000;

const unreadable = (message: string) => new DocumentError('unreadable', message);

/** What a failed fetch means: a file this browser does not let NOS Lens read, or the network or the site. */
function fetchFailed(url: URL): DocumentError {
  if (url.protocol === 'file:')
    return unreadable(
      'NOS Lens is not allowed to read files on this computer. In Chrome, open chrome://extensions, choose Details ' +
        'under NOS Lens and switch on “Allow access to file URLs”, then reload this page; or choose the file below.',
    );
  return unreadable(
    `The document could not be fetched from ${url.host}: the network failed or the site refused the request. ` +
      'Check your connection and try again.',
  );
}

function refused(response: Response): DocumentError {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return unreadable(
    response.status === 401 || response.status === 403
      ? `The site refused to send the document (${status}): sign in to the site in this browser, then try again.`
      : `The site could not send the document (${status}).`,
  );
}

/** Whether the bytes start like a PDF or a zip (.docx), whatever the server called them. */
function looksLikeADocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-') || head.startsWith('PK');
}

/** Fetches `src`. Rejects with a DocumentError that says what went wrong (status, network, file access, size). */
export async function fetchSource(src: string, signal: AbortSignal): Promise<DocumentSource> {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw unreadable(`The address of the document is not valid: ${src}`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw unreadable(`NOS Lens opens documents from web addresses and files, not from ${url.protocol} addresses.`);
  let response: Response;
  const stop = new AbortController();
  const stopAll = () => stop.abort();
  signal.addEventListener('abort', stopAll);
  const timer = setTimeout(stopAll, ANSWER_TIMEOUT_MS);
  try {
    response = await fetch(url, { credentials: 'include', signal: stop.signal });
  } catch (e) {
    if (signal.aborted) throw e;
    if (stop.signal.aborted)
      throw unreadable(`${url.host || 'The file'} did not answer within a minute. Try again later.`);
    throw fetchFailed(url);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stopAll);
  }
  // A file: address answers with status 0 in some browsers: only HTTP statuses say anything.
  if (!response.ok && url.protocol !== 'file:') throw refused(response);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_DOCUMENT_BYTES) throw tooLargeError(declared);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLargeError(bytes.length);
  const name = fileNameOf(response.url || src);
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '') && !looksLikeADocument(bytes))
    throw unreadable(
      `${url.host} sent a web page, not the document (often a sign-in page). Open the address in a tab, sign in if ` +
        'asked, then open the document in NOS Lens again.',
    );
  return { kind: detectDocumentKind(bytes, name), bytes, url: src, name, local: false };
}

/** Reads a file the user picked or dropped. */
export async function readPickedFile(file: File): Promise<DocumentSource> {
  if (file.size > MAX_DOCUMENT_BYTES) throw tooLargeError(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw unreadable(`NOS Lens could not read “${file.name}” (it may have been moved or deleted).`);
  }
  return { kind: detectDocumentKind(bytes, file.name), bytes, url: file.name, name: file.name, local: true };
}
