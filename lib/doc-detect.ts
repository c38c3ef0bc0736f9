// Which addresses and tabs are documents NOS Lens opens in its own viewer (a PDF, a Word .docx), the viewer's address
// for one, and opening it beside the tab it came from. Pure: the tabs API is passed in, so the background's context
// menu and the popup share one opener and tests give a fake.

export type DocumentKind = 'pdf' | 'docx';

/** The MIME types a tab's document reports (`document.contentType`) for each kind. */
const CONTENT_TYPES: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The kind a file name says, by its extension (any case): `Handbook.PDF` → pdf. */
function kindOfName(name: string): DocumentKind | null {
  const m = /\.(pdf|docx)$/i.exec(name.trim());
  return m ? (m[1].toLowerCase() as DocumentKind) : null;
}

/**
 * Query parameters that name the file a download handler sends (`download.aspx?file=x.pdf`, `getfile.php?name=…`).
 * Others that merely contain a file name (`search?q=handbook.pdf`, `?ref=x.pdf`) say nothing about the response.
 */
const FILE_PARAMS = new Set([
  'file',
  'filename',
  'file_name',
  'fileid',
  'f',
  'fn',
  'name',
  'doc',
  'docname',
  'document',
  'documentname',
  'attachment',
  'download',
  'path',
  'filepath',
]);

/** Pages that show a document inside HTML (pdf.js's `viewer.html?file=x.pdf`) are web pages, not the document. */
const HTML_PAGE = /\.(s?html?|xhtml)$/i;

const lastSegment = (path: string) => {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? '';
};

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The document's file name an address gives: its path's last part, or the file a download handler names. */
function documentFile(parsed: URL): { name: string; kind: DocumentKind } | null {
  const name = decoded(lastSegment(parsed.pathname));
  const kind = kindOfName(name);
  if (kind) return { name, kind };
  if (HTML_PAGE.test(name)) return null;
  for (const [key, value] of parsed.searchParams) {
    if (!FILE_PARAMS.has(key.toLowerCase())) continue;
    const named = lastSegment(value.split(/[?#]/)[0]);
    const namedKind = kindOfName(named);
    if (namedKind) return { name: named, kind: namedKind };
  }
  return null;
}

const parsedUrl = (url: string | undefined | null): URL | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^(https?|file):$/.test(parsed.protocol) ? parsed : null;
  } catch {
    return null;
  }
};

/**
 * The kind of document an address points at, by its address alone: the path ends in `.pdf` or `.docx` (any case,
 * before any query or fragment), or a download handler names such a file in a file parameter. Null for anything else,
 * including addresses that are not http(s) or file URLs.
 */
export function documentKindOfUrl(url: string | undefined | null): DocumentKind | null {
  const parsed = parsedUrl(url);
  return (parsed && documentFile(parsed)?.kind) ?? null;
}

/** The kind a document's MIME type says (`application/pdf; charset=…` too), or null. */
export function documentKindOfContentType(contentType: string | undefined | null): DocumentKind | null {
  if (!contentType) return null;
  return CONTENT_TYPES[contentType.split(';')[0].trim().toLowerCase()] ?? null;
}

/**
 * What a tab shows: the document's own content type wins when the tab's content script could say it (a PDF served
 * from `/get?id=7` is a PDF; an HTML page at `/x.pdf` is a web page); otherwise (no content script there: a `file:`
 * page without file access, Firefox's own PDF viewer) the address decides.
 */
export function documentKindOfTab(
  url: string | undefined,
  contentType: string | null | undefined,
): DocumentKind | null {
  if (contentType) return documentKindOfContentType(contentType);
  return documentKindOfUrl(url);
}

/** Whether an address is a local file, which the viewer may read only where the browser lets the extension. */
export const isFileUrl = (url: string | undefined): boolean => !!url && /^file:/i.test(url);

/** The viewer page, as a path under the extension's base: with the document to open, or (none) its file picker. */
export function viewerPath(src?: string | null): string {
  return src ? `/viewer.html?src=${encodeURIComponent(src)}` : '/viewer.html';
}

/** Whether `url` is the extension's viewer page, given the extension's base URL (`runtime.getURL('/')`). */
export function isViewerPage(url: string | undefined, base: string): boolean {
  return !!url && base.endsWith('/') && url.startsWith(`${base}viewer.html`);
}

/** The parts of a tab the opener places the viewer beside. */
export interface SourceTab {
  id?: number;
  index?: number;
  windowId?: number;
}

/** The parts of the browser the opener needs: `browser.tabs.create` and `browser.runtime.getURL`. */
export interface ViewerOpenerApi {
  createTab(props: {
    url: string;
    index?: number;
    windowId?: number;
    openerTabId?: number;
    active?: boolean;
  }): Promise<unknown>;
  getURL(path: string): string;
}

/**
 * Opens the viewer on a document (or on its picker) in a new tab right after the tab it came from, in front. A new
 * tab rather than the same one: the browser's own view of the document (with its download and print) stays where it
 * was, and closing the viewer goes back to it, as "Open link in new tab" would. Where the browser will not put an
 * extension page beside that tab (a private window the extension does not run in), it opens where the browser puts
 * it. Returns the viewer's address.
 */
export async function openInViewer(api: ViewerOpenerApi, src: string | null, from?: SourceTab): Promise<string> {
  const url = api.getURL(viewerPath(src));
  const placement = {
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
    ...(from?.id !== undefined ? { openerTabId: from.id } : {}),
  };
  try {
    await api.createTab({ url, active: true, ...placement });
  } catch (error) {
    if (Object.keys(placement).length === 0) throw error;
    await api.createTab({ url, active: true });
  }
  return url;
}

/** A link on a page to a document the viewer opens. */
export interface DocumentLink {
  url: string;
  /** What the link says (its text, else its title, else the file's name), in one line. */
  label: string;
  kind: DocumentKind;
}

/** Most document links a page lists in the popup: a page of attachments lists its first ones. */
export const DOCUMENT_LINKS_LIMIT = 20;

/**
 * The page's links to PDF and Word documents, each address once (a link repeated, or the same file at another
 * fragment, is the first link), labelled by what the link says (else the file's name), in page order, at most `limit`.
 */
export function documentLinks(
  anchors: Iterable<{ href: string; text: string }>,
  limit = DOCUMENT_LINKS_LIMIT,
): DocumentLink[] {
  const seen = new Set<string>();
  const out: DocumentLink[] = [];
  for (const { href, text } of anchors) {
    if (out.length >= limit) break;
    const url = parsedUrl(href);
    const file = url && documentFile(url);
    if (!url || !file) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const label = text.replace(/\s+/g, ' ').trim().slice(0, 120) || file.name;
    out.push({ url: href, label, kind: file.kind });
  }
  return out;
}
