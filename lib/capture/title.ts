// The title (and a URN printed beside it) of a published NOS, from the lines before its first section. Pure.
import { slug } from '../dataset/import';
import { headingOf, KNOWLEDGE_INTRO, PERFORMANCE_INTRO } from './lines';
import { URN_RE } from './details';

export interface TitleRead {
  title: string;
  /** A URN printed with the title ("XYZ123 Support…", "Support… (XYZ123)") or alone on a line above the sections. */
  urn: string | null;
  /** The line the title was read from (text taken from a PDF repeats it as a running header). */
  line: string;
}

export interface TitleHints {
  /** The document's title (`<title>`), often "Title | Site". */
  pageTitle?: string;
  /** The page's address: its last path segment is often the title in words (`…/XYZ123/support-pupils-reading`). */
  url?: string;
}

const URN_FIRST = /^([A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*)\s*(?:[:\-–—|]\s*)?(\p{Lu}.*)$/u;
const URN_LAST =
  /^(\p{Lu}.*?)\s*(?:\(([A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*)\)|[-–—|:]\s*([A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*))$/u;
const LABELLED = /^title\s*:\s*(.+)$/i;
// Buttons, links and banners that sit between a page's heading and its first section: short, and worded so.
const NOISE =
  /^(?:download|print|skip|accept|reject|cookies?|bookmark|back to|sign (?:in|out)|log (?:in|out)|menu|search|share this|email this|opens? in)\b|\bpdf\b|\bcookie (?:settings|policy|preferences)\b/i;
const isNoise = (text: string) => text.split(' ').length <= 4 && NOISE.test(text);

/** Splits a URN off a title line: `XYZ123 Support…`, `XYZ123: Support…`, `Support… (XYZ123)`, `Support… – XYZ123`. */
function splitUrn(line: string): { title: string; urn: string | null } {
  const first = URN_FIRST.exec(line);
  if (first && first[2].includes(' ')) return { urn: first[1], title: first[2].trim() };
  const last = URN_LAST.exec(line);
  if (last && last[1].includes(' ')) return { urn: last[2] ?? last[3], title: last[1].trim() };
  return { title: line, urn: null };
}

function isTitleLike(text: string): boolean {
  if (text.length > 300 || !/^[\p{Lu}\d]/u.test(text) || /[.!?;,]$/.test(text)) return false;
  if (/[|>›»]/.test(text) || headingOf(text)) return false;
  if (PERFORMANCE_INTRO.test(text) || KNOWLEDGE_INTRO.test(text)) return false;
  const words = text.split(' ').length;
  return words >= 2 && words <= 25;
}

function hintSlugs(hints: TitleHints): Set<string> {
  const out = new Set<string>();
  if (hints.pageTitle)
    for (const part of [hints.pageTitle, ...hints.pageTitle.split(/\s+[|\-–—:]\s+/)]) out.add(slug(part, 300));
  if (hints.url) {
    try {
      const segments = new URL(hints.url).pathname.split('/').filter(Boolean);
      const lastSegment = segments[segments.length - 1];
      if (lastSegment) out.add(slug(decodeURIComponent(lastSegment).replace(/\.\w{2,5}$/, ''), 300));
    } catch {
      // Not a URL: no hint.
    }
  }
  out.delete('');
  return out;
}

/**
 * The title among `lines` (the lines before the first section that has content, with details already taken out):
 * a "Title: …" line; else the line the page's title or address names; else the last line that reads like a title
 * (2–25 words, starting with a capital, not a sentence, not a button or breadcrumb unless the page's title names it).
 * Null if there is none.
 */
export function readTitle(lines: readonly string[], hints: TitleHints = {}): TitleRead | null {
  type Found = { read: TitleRead; at: number };
  let labelled: Found | null = null;
  let named: Found | null = null;
  let lastLike: Found | null = null;
  const slugs = hintSlugs(hints);
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at];
    if (URN_RE.test(line)) continue;
    const label = LABELLED.exec(line);
    const { title, urn } = splitUrn(label ? label[1].trim() : line);
    if (!isTitleLike(title)) continue;
    const found = { read: { title, urn, line }, at };
    if (label) labelled ??= found;
    else if (slugs.has(slug(title, 300))) named = lastLike = found;
    else if (!isNoise(title)) lastLike = found;
  }
  const found = labelled ?? named ?? lastLike;
  if (!found) return null;
  // A URN alone on a line counts only right above or below the title (a PDF's heading), not in a list elsewhere.
  const beside = [lines[found.at - 1], lines[found.at + 1]].find((l) => l !== undefined && URN_RE.test(l));
  return { ...found.read, urn: found.read.urn ?? beside ?? null };
}
