// Numbered statements of one section of a published NOS: performance criteria (P1, P2…, under element headings) or
// knowledge and understanding (K1, K2…), from the section's lines, however text extraction left them: one per line,
// the number in a cell of its own, several run together on one line ("…trust P5 actively encourage…"), "P 5" with a
// space, or numbered "5." when the page prints no letter. Numbering oddities become warnings. Pure.

export interface ParsedElement {
  /** As printed after "Element" (`1`, `A`), or null for a plain heading. */
  code: string | null;
  title: string;
}

export interface ParsedStatement {
  number: number;
  text: string;
  /** The element heading it sits under (performance criteria only), or null. */
  element: ParsedElement | null;
}

export interface StatementsRead {
  items: ParsedStatement[];
  elements: ParsedElement[];
  warnings: string[];
}

// Words a line broken by text extraction may end on: the next line continues the statement.
const JOINERS = new Set(
  'a an and as at by for from in including into of on or such than that the their to which who whose with within without your'.split(
    ' ',
  ),
);

const URN_AND_TITLE = /^[A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*\s+\p{Lu}/u;
const ELEMENT = /^element\s+([\p{L}\p{N}]{1,4}(?:\.\d{1,2})?)\s*[:.\-–—]?\s*(.*)$/iu;

/** A section's lines, each with the paragraph it belongs to. */
export interface SectionLines {
  lines: string[];
  paragraphs: number[];
  /** Indices of the lines that follow the section's lead-in ("You must be able to:"). */
  afterLeadIn: Set<number>;
}

/**
 * Reads the statements numbered with `letter` (`P` or `K`) from a section's lines. Headings between statements
 * become elements when `elements` is set (performance criteria) and are dropped otherwise. A page that numbers none
 * of them (a list numbered by its style) still has them after the lead-in: one per paragraph, numbered in order.
 */
export function readStatements(
  { lines, paragraphs, afterLeadIn }: SectionLines,
  letter: 'P' | 'K',
  section: string,
  elements: boolean,
): StatementsRead {
  // Numbers in a range or a list ("P1 to P4", "P5 and P6", "K1–K3") are references, not statements.
  const joiner = `\\s*(?:[-–—/,&]|to\\b|and\\b|or\\b)\\s*`;
  const lettered = new RegExp(
    `(?<![\\p{L}\\p{N}])(?<!${letter} ?\\d{1,3}${joiner})${letter} ?(\\d{1,3})(?!\\d)(?!${joiner}${letter}? ?\\d)` +
      `(?:[.:)](?![\\p{L}\\p{N}]))?\\s*`,
    'gu',
  );
  const useLetters = lines.some((l) => {
    lettered.lastIndex = 0;
    return lettered.test(l);
  });
  const parser = new StatementParser(letter, section, elements, useLetters ? lettered : null);
  if (!useLetters && afterLeadIn.size > 0 && !lines.some((l) => NUMBERED.test(l)))
    return parser.paragraphs(lines, paragraphs, afterLeadIn);
  lines.forEach((line, i) =>
    parser.line(line, i + 1 < lines.length ? lines[i + 1] : null, i > 0 && paragraphs[i] === paragraphs[i - 1]),
  );
  return parser.finish();
}

interface Marker {
  number: number;
  /** Where the marker starts and where its text starts, in the line. */
  at: number;
  textAt: number;
}

const NUMBERED = /^\(?(\d{1,3})(?:[.)]|\s*[:\-–—])\s*|^\(?(\d{1,3})\)?$/;

class StatementParser {
  private readonly items: ParsedStatement[] = [];
  private readonly elementList: ParsedElement[] = [];
  private readonly warnings: string[] = [];
  private readonly seen = new Set<number>();
  private readonly twice = new Set<number>();
  private element: ParsedElement | null = null;
  private current: ParsedStatement | null = null;
  private last = 0;

  constructor(
    private readonly letter: 'P' | 'K',
    private readonly section: string,
    private readonly elements: boolean,
    private readonly lettered: RegExp | null,
  ) {}

  /** Reads `line`; `next` is the line after it, `sameParagraph` whether it continues the line before. */
  line(line: string, next: string | null, sameParagraph: boolean): void {
    const markers = this.markersIn(line);
    const lead = line.slice(0, markers.length ? markers[0].at : line.length).trim();
    if (lead) this.free(lead, markers.length > 0 || (next !== null && this.startsWithMarker(next)), sameParagraph);
    markers.forEach((m, k) => {
      const end = k + 1 < markers.length ? markers[k + 1].at : line.length;
      this.start(m.number, line.slice(m.textAt, end).trim());
    });
  }

  /** Unnumbered statements: each paragraph after a lead-in is one; a heading just before a lead-in is an element. */
  paragraphs(
    lines: readonly string[],
    paragraphs: readonly number[],
    afterLeadIn: ReadonlySet<number>,
  ): StatementsRead {
    let started = false;
    lines.forEach((line, i) => {
      if (afterLeadIn.has(i)) {
        started = true;
        this.current = null;
      }
      const named = ELEMENT.exec(line);
      if (named || (afterLeadIn.has(i + 1) && looksLikeHeading(line))) {
        this.heading(
          named ? { code: named[1], title: named[2].trim() || `Element ${named[1]}` } : { code: null, title: line },
        );
        this.current = null;
      } else if (!started) return;
      else if (this.current && paragraphs[i] === paragraphs[i - 1]) this.current.text = `${this.current.text} ${line}`;
      else this.start(this.last + 1, line);
    });
    if (this.items.length)
      this.warnings.push(`${this.section}: the page does not number them; they are numbered in order here.`);
    return this.finish();
  }

  finish(): StatementsRead {
    const items = this.items.filter((s) => {
      if (s.text) return true;
      this.warnings.push(`${this.section}: ${this.letter}${s.number} has no text; it was left out.`);
      return false;
    });
    return { items, elements: this.elementList, warnings: this.warnings };
  }

  /** A marker at the start of a line always counts; one inside a line only if it is the next number or the one after. */
  private markersIn(line: string): Marker[] {
    if (!this.lettered) {
      const m = NUMBERED.exec(line);
      if (!m) return [];
      const number = Number(m[1] ?? m[2]);
      return number >= 1 && number <= this.last + 3 ? [{ number, at: 0, textAt: m[0].length }] : [];
    }
    const out: Marker[] = [];
    let last = this.last;
    this.lettered.lastIndex = 0;
    for (let m = this.lettered.exec(line); m; m = this.lettered.exec(line)) {
      const number = Number(m[1]);
      if (m.index > 0 && (number <= last || number > last + 2)) continue;
      out.push({ number, at: m.index, textAt: m.index + m[0].length });
      last = Math.max(last, number);
    }
    return out;
  }

  private startsWithMarker(line: string): boolean {
    if (!this.lettered) return NUMBERED.test(line);
    this.lettered.lastIndex = 0;
    const m = this.lettered.exec(line);
    return m !== null && m.index === 0;
  }

  /**
   * Text that is not after a number on its line: the text of a number printed alone, an element heading, or the rest
   * of a statement broken over lines (by the page's markup or by text extraction).
   */
  private free(text: string, beforeMarker: boolean, sameParagraph: boolean): void {
    const cur = this.current;
    if (cur && !cur.text) {
      cur.text = text;
      return;
    }
    const named = ELEMENT.exec(text);
    if (named && (named[2] || beforeMarker)) {
      this.heading({ code: named[1], title: named[2].trim() || `Element ${named[1]}` });
      return;
    }
    if (cur && continues(cur.text, text)) {
      cur.text = `${cur.text} ${text}`;
      return;
    }
    if (beforeMarker && looksLikeHeading(text)) {
      this.heading({ code: null, title: text.replace(/:$/, '') });
      return;
    }
    // The rest of a broken statement, unless it reads as another standard's heading ("XYZ901 Help pupils…").
    if (cur && sameParagraph && !URN_AND_TITLE.test(text)) cur.text = `${cur.text} ${text}`;
    // Anything else (a caption, a link, page furniture) is not part of a statement.
  }

  private heading(element: ParsedElement): void {
    if (!this.elements) return;
    this.element = element;
    this.elementList.push(element);
  }

  private start(number: number, text: string): void {
    const name = `${this.letter}${number}`;
    if (this.seen.has(number)) {
      if (!this.twice.has(number)) this.warnings.push(`${this.section}: ${name} appears more than once.`);
      this.twice.add(number);
    } else if (number > this.last + 1) {
      const first = `${this.letter}${this.last + 1}`;
      const missing =
        number - this.last === 2 ? `${first} is missing` : `${first}–${this.letter}${number - 1} are missing`;
      const where =
        this.last === 0 ? `it starts at ${name}` : `the numbering goes from ${this.letter}${this.last} to ${name}`;
      this.warnings.push(`${this.section}: ${missing} (${where}).`);
    } else if (number < this.last) {
      this.warnings.push(`${this.section}: ${name} comes after ${this.letter}${this.last}.`);
    }
    this.seen.add(number);
    this.last = Math.max(this.last, number);
    this.current = { number, text, element: this.elements ? this.element : null };
    this.items.push(this.current);
  }
}

/** Whether `text` carries on the statement `before` (a line broken by text extraction). */
function continues(before: string, text: string): boolean {
  if (/^[\p{Ll}(]/u.test(text)) return true;
  if (/[,\-–—(/]$/.test(before)) return true;
  const lastWord = /([\p{L}']+)$/u.exec(before)?.[1]?.toLowerCase();
  return lastWord !== undefined && JOINERS.has(lastWord);
}

/** A short line in sentence or title case that is not a sentence: an element heading. */
function looksLikeHeading(text: string): boolean {
  if (text.length > 200 || !/^[\p{Lu}\d]/u.test(text) || /[.;,]$/.test(text)) return false;
  const words = text.split(' ').length;
  return words >= 2 && words <= 25;
}
