// A Word (.docx) file → HTML (mammoth) for the viewer and paragraphs for the matcher and the CLI, with a fingerprint.
//
// The HTML is untrusted: mammoth writes no scripts or event attributes, but a document's hyperlinks can be anything,
// so every href whose scheme is not http(s), mailto or tel (or a #fragment) is removed here. The viewer must still
// parse the HTML inertly (DOMParser / a template, never innerHTML on a live document with the page's privileges) and
// keep its content security policy: this pass is a second lock, not the only one.
import mammoth from 'mammoth';
import { tooLargeError } from './errors';
import { MAX_DOCUMENT_BYTES } from './limits';

export interface DocxText {
  /** SHA-256 of the file's bytes, hex: the same file from any address gives the same one. */
  fingerprint: string;
  /** The first heading, or null. */
  title: string | null;
  /** Sanitised HTML (see the module comment). */
  html: string;
  /** Headings, paragraphs, list items and table cells in document order, as plain text. */
  paragraphs: string[];
  /** mammoth's messages (styles it did not recognise and so on), for logs only. */
  warnings: string[];
}

/** SHA-256 of some bytes as lower-case hex (Web Crypto: Node 20 and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references mammoth writes (named basics and numeric). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** True for a link target safe to keep: http(s), mailto, tel, or a fragment/relative reference without a scheme. */
export function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so drop them before looking.
  const plain = [...decodeEntities(href)]
    .filter((c) => {
      const n = c.codePointAt(0)!;
      return n > 0x20 && (n < 0x7f || n > 0x9f);
    })
    .join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(plain);
  if (!scheme) return true; // relative or #fragment: resolves to the page's own scheme
  return ['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase());
}

/** Removes unsafe href/src values from mammoth's HTML (see the module comment); images keep data: URLs only. */
export function sanitiseDocxHtml(html: string): string {
  return html
    .replace(/\s(href)="([^"]*)"/gi, (whole, _attr: string, value: string) => (isSafeHref(value) ? whole : ''))
    .replace(/\s(src)="([^"]*)"/gi, (whole, _attr: string, value: string) =>
      /^data:image\/(png|jpe?g|gif|webp|bmp);/i.test(decodeEntities(value).trim()) ? whole : '',
    )
    .replace(/\s(on[a-z]+|style|srcdoc|formaction)="[^"]*"/gi, '');
}

const BLOCK_TAG = /^(p|h[1-6]|li|td|th|caption|dt|dd|blockquote|pre)$/i;

/**
 * mammoth's HTML → its blocks' text, DOM-free: one entry per heading, paragraph, list item or table cell (nested
 * lists give the inner items their own entries), `<br>` kept as a line break, entities decoded, blanks dropped.
 */
export function paragraphsFromHtml(html: string): string[] {
  const out: string[] = [];
  const stack: string[][] = [];
  let loose: string[] = [];
  const push = (parts: string[]) => {
    const text = decodeEntities(parts.join(''))
      .replace(/[ \t\r\f\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (text) out.push(text);
  };
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi)) {
    const [, closing, tag, text] = m;
    const target = stack[stack.length - 1] ?? loose;
    if (text !== undefined) target.push(text);
    else if (/^br$/i.test(tag)) target.push('\n');
    else if (BLOCK_TAG.test(tag)) {
      if (!closing) {
        // A block inside a block (a list inside a list item): the outer's text so far is its own paragraph.
        if (stack.length) {
          push(stack[stack.length - 1]);
          stack[stack.length - 1] = [];
        } else if (loose.length) {
          push(loose);
          loose = [];
        }
        stack.push([]);
      } else if (stack.length) push(stack.pop()!);
    } else if (/^(ul|ol|table|tr)$/i.test(tag) && loose.length) {
      push(loose);
      loose = [];
    }
  }
  while (stack.length) push(stack.shift()!);
  push(loose);
  return out;
}

/** Reads a .docx (after the size limit). Errors are mammoth's/JSZip's (classify them with classifyDocumentError). */
export async function readDocx(bytes: Uint8Array, opts: { maxBytes?: number } = {}): Promise<DocxText> {
  if (bytes.byteLength > (opts.maxBytes ?? MAX_DOCUMENT_BYTES)) throw tooLargeError(bytes.byteLength);
  const fingerprint = await sha256Hex(bytes);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; JSZip takes a Uint8Array as either.
  const input = { arrayBuffer, buffer: bytes as unknown as Buffer };
  const result = await mammoth.convertToHtml(input, { externalFileAccess: false });
  const html = sanitiseDocxHtml(result.value);
  const heading = /<h[1-3]\b[^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(html);
  const title = heading ? decodeEntities(heading[1].replace(/<[^>]*>/g, '')).trim() || null : null;
  return {
    fingerprint,
    title,
    html,
    paragraphs: paragraphsFromHtml(html),
    warnings: result.messages.map((m) => m.message),
  };
}
