// A page's text as clean lines, and the headings of the published NOS layout among them. Pure: runs anywhere.

/** The most text the recogniser reads; a standard's page holds a few tens of thousands of characters. */
export const MAX_INPUT_CHARS = 1_000_000;

export type SectionKind = 'overview' | 'performance' | 'knowledge' | 'other';

export interface Heading {
  kind: SectionKind;
  /** Text after the heading on the same line ('' for a heading on its own line). */
  rest: string;
}

const BULLET = /^(?:[•·▪◦●■►▸*]|[-–—](?=\s))\s*/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

// Where text extracted from a PDF runs a section's heading into the previous line: the heading starts a new line.
const EMBEDDED_HEADING =
  /(?<=\S)\s+(?=(?:performance criteria\s*:?\s*you (?:must|should) be able to|knowledge (?:and|&) understanding\s*:?\s*you (?:need|must|should) (?:to )?know|overview\s*:?\s*this (?:standard|nos)\b))/gi;

/** The page's lines, and for each the paragraph it belongs to (a block, or text between blank lines). */
export interface PageLines {
  lines: string[];
  paragraphs: number[];
  truncated: boolean;
}

/**
 * Blocks (as lib/page/blocks.ts reads them, with '\n' where a <br> or child block divides, and whatever line breaks
 * the HTML source had) or plain text, as trimmed one-space lines in document order: blank lines and list bullets
 * dropped, and a section heading that text extraction ran into the previous line put on a line of its own. Lines of
 * one block, or of one paragraph of plain text, share a paragraph number. At most MAX_INPUT_CHARS are read.
 */
export function pageLines(input: readonly string[] | string): PageLines {
  const blocks = typeof input === 'string' ? [input] : input;
  const out: PageLines = { lines: [], paragraphs: [], truncated: false };
  let read = 0;
  let paragraph = 0;
  for (const block of blocks) {
    let text = block;
    if (read + text.length > MAX_INPUT_CHARS) {
      text = text.slice(0, Math.max(0, MAX_INPUT_CHARS - read));
      out.truncated = true;
    }
    read += text.length;
    paragraph++;
    for (const raw of text.split(/\r\n?|\n/)) {
      const clean = raw.replace(INVISIBLE, '').replace(SPACE, ' ').trim().replace(BULLET, '');
      if (!clean) {
        if (typeof input === 'string') paragraph++;
        continue;
      }
      for (const part of clean.split(EMBEDDED_HEADING)) {
        if (!part.trim()) continue;
        out.lines.push(part.trim());
        out.paragraphs.push(paragraph);
      }
    }
    if (out.truncated) break;
  }
  joinSplitHeadings(out);
  return out;
}

// Headings a PDF's narrow label column breaks over two lines: "Performance" / "criteria", "Knowledge and" / "understanding".
const SPLIT_HEADINGS: [RegExp, RegExp][] = [
  [/^performance$/i, /^criteria\b/i],
  [/^knowledge (?:and|&)$/i, /^understanding\b/i],
];

function joinSplitHeadings(page: PageLines): void {
  for (let i = page.lines.length - 2; i >= 0; i--)
    if (SPLIT_HEADINGS.some(([first, second]) => first.test(page.lines[i]) && second.test(page.lines[i + 1]))) {
      page.lines.splice(i, 2, `${page.lines[i]} ${page.lines[i + 1]}`);
      page.paragraphs.splice(i + 1, 1);
    }
}

interface HeadingPattern {
  kind: SectionKind;
  re: RegExp;
  /** Whether text after the heading (no colon) still makes it a heading: the layout's opening words. */
  opens?: RegExp;
}

const heading = (kind: SectionKind, pattern: string, opens?: RegExp): HeadingPattern => ({
  kind,
  re: new RegExp(`^(?:${pattern})(?:\\s*\\(continued\\))?(?![\\p{L}\\p{N}])\\s*([:\\-–—])?\\s*(.*)$`, 'iu'),
  opens,
});

export const PERFORMANCE_INTRO = /^you (?:must|should) be able to\b\s*:?/i;
export const KNOWLEDGE_INTRO = /^you (?:need|must|should) (?:to )?know and understand\b\s*:?/i;

const HEADINGS: HeadingPattern[] = [
  heading('performance', 'performance criteria', /^(?:you (?:must|should) be able to|P ?\d{1,3}\b|\(?\d{1,3}[.)]\s)/i),
  heading('knowledge', 'knowledge (?:and|&) understanding', /^(?:you (?:need|must|should) (?:to )?know|K ?\d{1,3}\b)/i),
  heading('overview', 'overview', /^this (?:standard|nos)\b/i),
  heading('other', 'scope ?/ ?range(?: related to (?:performance criteria|knowledge (?:and|&) understanding))?'),
  heading('other', 'scope (?:performance|knowledge)|scope|range statements?'),
  heading('other', 'glossary|values|behaviou?rs|skills|additional information|further information'),
  heading('other', 'links to other (?:nos|standards)|external links|evidence requirements'),
];

/**
 * The section heading `line` is, or null. A heading stands on its own line (a trailing colon allowed) or starts one
 * followed by a colon or by the section's opening words ("Performance criteria You must be able to: P1…"), so prose
 * that merely starts with the words ("Performance criteria are assessed…") is not one.
 */
export function headingOf(line: string): Heading | null {
  if (line.length > 400) return null;
  for (const h of HEADINGS) {
    const m = h.re.exec(line);
    if (!m) continue;
    const separator = m[1];
    const rest = m[2].trim();
    if (!rest) return { kind: h.kind, rest: '' };
    if (separator === ':' || h.opens?.test(rest)) return { kind: h.kind, rest };
    return null;
  }
  return null;
}

/** The line without the section's lead-in ("You must be able to:"), or the line as it was. */
export function withoutIntro(line: string, intro: RegExp): string {
  return line.replace(intro, '').trim();
}

/**
 * Page furniture text extraction leaves between paragraphs: page numbers ("Page 2 of 5"; a bare number too unless
 * `bareNumbers` is false, where criteria may be numbered "1", "2"…) and running headers (the standard's title line).
 */
export function isPageFurniture(line: string, runningHeaders: ReadonlySet<string>, bareNumbers = true): boolean {
  if (/^page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(line)) return true;
  if (bareNumbers && /^\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/.test(line)) return true;
  const key = foldLine(line).replace(/\s+\d{1,4}$/, '');
  return runningHeaders.has(key);
}

/** Case, quotes, dashes and spacing folded, for comparing lines. */
export function foldLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
