// Recognises a National Occupational Standard printed on a page in the published layout, and reads it as a typed,
// validated record. Pure: works on the page's blocks or plain text, in the content script, a page or Node.
//
// The published layout: a title; "Overview"; "Performance criteria" ("You must be able to:", P1, P2…, often under
// element headings); "Knowledge and understanding" ("You need to know and understand:", K1, K2…); optional sections
// (Scope/range, Glossary, Values, Behaviours, Skills, Links to other NOS, External links); and a details table (URN,
// Developed by, Version number, Date approved, Indicative review date, Validity, Status, Originating organisation,
// Original URN, Relevant occupations, Suite, Keywords).
//
// The rule. A page is a NOS record when it has all three of:
//   1. a title: a line before the first section with content (see title.ts);
//   2. at least one numbered performance criterion or knowledge statement, under its section's heading (a heading is
//      a line of its own, or starts a line followed by a colon or the section's opening words);
//   3. a NOS signal: a URN (labelled "URN", printed with the title or alone above the sections, or in a NOS address
//      such as `/nos-finder/XYZ123/…`), or a details table: three or more of its labels filled in, one of them a
//      label only NOS print (Original URN, Indicative review date, Originating organisation, Relevant occupations).
// Pages that only mention "performance criteria" (a course page, a blog post, an assessor's guide) miss one of them.
// When a second standard follows (a suite's PDF), only the first is read, with a warning.
import * as v from 'valibot';
import { CODE_LIMIT, TITLE_LIMIT } from '../dataset/schema';
import { readDetails, urnIn, URN_RE, type DetailsRead, type NosDetails } from './details';
import {
  foldLine,
  headingOf,
  isPageFurniture,
  MAX_INPUT_CHARS,
  pageLines,
  type Heading,
  type PageLines,
  type SectionKind,
} from './lines';
import { readStatements, type ParsedStatement, type SectionLines } from './statements';
import { readTitle, type TitleHints } from './title';

export type { NosDetails } from './details';
export { DETAIL_LABELS } from './details';

/** Longest criterion or knowledge statement kept (longer ones are cut, with a warning). */
export const STATEMENT_LIMIT = 5_000;
export const OVERVIEW_LIMIT = 20_000;
/** Longest detail value (and element heading) kept. */
export const DETAIL_LIMIT = TITLE_LIMIT;
export const MAX_STATEMENTS = 500;
export const MAX_ELEMENTS = 100;
export const MAX_LIST_ITEMS = 100;
export const MAX_WARNINGS = 50;

export interface NosElement {
  /** As printed after "Element" (`1`, `A`), or null for a plain heading. */
  code: string | null;
  title: string;
}

export interface NosCriterion {
  /** `P1`, `P2`… (numbered "1." on the page: still `P1`). */
  id: string;
  number: number;
  text: string;
  /** The title of the element heading it sits under, if any. */
  element?: string;
}

export interface NosKnowledge {
  /** `K1`, `K2`… */
  id: string;
  number: number;
  text: string;
}

export interface NosRecord {
  title: string;
  /** The standard's URN (`XYZ123`), or null when only the details table said the page is a NOS. */
  urn: string | null;
  overview: string | null;
  elements: NosElement[];
  criteria: NosCriterion[];
  knowledge: NosKnowledge[];
  details: NosDetails;
  /** Oddities worth a look: numbering gaps and duplicates, text cut to the limits, a second standard ignored. */
  warnings: string[];
}

const bounded = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const number = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999));
const list = v.pipe(v.array(bounded(DETAIL_LIMIT)), v.minLength(1), v.maxLength(MAX_LIST_ITEMS));

export const NosDetailsSchema = v.strictObject({
  urn: v.optional(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  developedBy: v.optional(bounded(DETAIL_LIMIT)),
  versionNumber: v.optional(bounded(DETAIL_LIMIT)),
  dateApproved: v.optional(bounded(DETAIL_LIMIT)),
  indicativeReviewDate: v.optional(bounded(DETAIL_LIMIT)),
  validity: v.optional(bounded(DETAIL_LIMIT)),
  status: v.optional(bounded(DETAIL_LIMIT)),
  originatingOrganisation: v.optional(bounded(DETAIL_LIMIT)),
  originalUrn: v.optional(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  relevantOccupations: v.optional(list),
  suite: v.optional(bounded(DETAIL_LIMIT)),
  keywords: v.optional(list),
});

/** Checks a record (one just read, or one stored and read back). */
export const NosRecordSchema = v.strictObject({
  title: bounded(TITLE_LIMIT),
  urn: v.nullable(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  overview: v.nullable(bounded(OVERVIEW_LIMIT)),
  elements: v.pipe(
    v.array(v.strictObject({ code: v.nullable(bounded(20)), title: bounded(DETAIL_LIMIT) })),
    v.maxLength(MAX_ELEMENTS),
  ),
  criteria: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^P\d{1,3}$/)),
        number,
        text: bounded(STATEMENT_LIMIT),
        element: v.optional(bounded(DETAIL_LIMIT)),
      }),
    ),
    v.maxLength(MAX_STATEMENTS),
  ),
  knowledge: v.pipe(
    v.array(v.strictObject({ id: v.pipe(v.string(), v.regex(/^K\d{1,3}$/)), number, text: bounded(STATEMENT_LIMIT) })),
    v.maxLength(MAX_STATEMENTS),
  ),
  details: NosDetailsSchema,
  warnings: v.pipe(v.array(bounded(1_000)), v.maxLength(MAX_WARNINGS)),
}) satisfies v.GenericSchema<NosRecord>;

/** What else the page says about itself: its `<title>` and its address (both optional). */
export type RecogniseOptions = TitleHints;

interface Section {
  kind: SectionKind;
  heading: number;
  /** Indices of the section's lines; the heading's own line first when text follows the heading on it. */
  body: number[];
}

const MARKER = /(?<![\p{L}\p{N}])[PK] ?\d{1,3}(?!\d)|^\(?\d{1,3}[.)]/u;
const PERFORMANCE_LEAD_IN = /\byou (?:must|should) be able to\b/i;
const KNOWLEDGE_LEAD_IN = /\byou (?:need|must|should) (?:to )?know and understand\b/i;

/**
 * The NOS record printed on a page, or null when the page is not one (see the rule above). `input` is the page's
 * blocks in document order (`TextBlock.text` from lib/page/blocks.ts) or plain text.
 */
export function recogniseNosRecord(
  input: readonly string[] | string,
  options: RecogniseOptions = {},
): NosRecord | null {
  const page = pageLines(input);
  const headings = page.lines.map(headingOf);
  if (!headings.some((h) => h?.kind === 'performance' || h?.kind === 'knowledge')) return null;
  const { sections, details, warnings } = readLayout(page, headings);

  const first = sections.find((s) => hasContent(s, page.lines));
  if (!first) return null;
  const region = page.lines.filter((_, i) => i < first.heading && !headings[i] && !details.used.has(i));
  const title = readTitle(region, options);
  if (!title) return null;

  const urnHere = details.details.urn ?? title.urn;
  const running = new Set(
    [title.line, title.title, ...(urnHere ? [`${urnHere} ${title.title}`, `${title.title} ${urnHere}`] : [])].map(
      foldLine,
    ),
  );
  const body = (kind: SectionKind, leadIn?: RegExp) => sectionLines(page, headings, sections, kind, running, leadIn);
  const performance = readStatements(body('performance', PERFORMANCE_LEAD_IN), 'P', 'Performance criteria', true);
  const knowledge = readStatements(body('knowledge', KNOWLEDGE_LEAD_IN), 'K', 'Knowledge and understanding', false);
  if (performance.items.length + knowledge.items.length === 0) return null;

  const urn = urnHere ?? urnFromAddress(options.url);
  if (urn === null && !details.isTable) return null;
  if (details.details.urn && title.urn && details.details.urn !== title.urn)
    warnings.push(`The title line says ${title.urn} but the details say URN ${details.details.urn}; ${urn} was kept.`);
  warnings.push(...performance.warnings, ...knowledge.warnings);

  const overview = paragraphText(body('overview'));
  const record: NosRecord = {
    title: capped(title.title, TITLE_LIMIT, 'The title', warnings),
    urn,
    overview: overview ? capped(overview, OVERVIEW_LIMIT, 'The overview', warnings) : null,
    elements: performance.elements.slice(0, MAX_ELEMENTS).map((e) => ({
      code: e.code,
      title: capped(e.title, DETAIL_LIMIT, 'An element heading', warnings),
    })),
    criteria: statements(performance.items, 'P', 'performance criteria', warnings).map(
      ({ id, number, text, element }) => ({
        id,
        number,
        text,
        ...(element ? { element: capped(element, DETAIL_LIMIT, `${id}'s element`, []) } : {}),
      }),
    ),
    knowledge: statements(knowledge.items, 'K', 'knowledge statements', warnings).map(({ id, number, text }) => ({
      id,
      number,
      text,
    })),
    details: cappedDetails(details.details),
    warnings: [],
  };
  record.warnings =
    warnings.length > MAX_WARNINGS
      ? [...warnings.slice(0, MAX_WARNINGS - 1), `…and ${warnings.length - MAX_WARNINGS + 1} more.`]
      : warnings;
  return v.parse(NosRecordSchema, record);
}

type Headings = readonly (Heading | null)[];

/** The page's sections (up to a second standard, if one follows) and details; the details end the section before. */
function readLayout(
  page: PageLines,
  headings: Headings,
): { sections: Section[]; details: DetailsRead; warnings: string[] } {
  const warnings: string[] = [];
  if (page.truncated)
    warnings.push(
      `The page is longer than ${MAX_INPUT_CHARS.toLocaleString('en-GB')} characters; only its start was read.`,
    );
  let sections = splitSections(page.lines, headings);
  const cut = secondStandard(sections, page.lines);
  if (cut !== null) {
    sections = sections.filter((s) => s.heading < cut);
    warnings.push('The page holds more than one standard; only the first was read.');
  }
  const details = readDetails(page.lines, cut ?? page.lines.length);
  for (const s of sections) {
    const stop = s.body.findIndex((i) => details.used.has(i));
    if (stop >= 0) s.body = s.body.slice(0, stop);
  }
  return { sections, details, warnings };
}

/**
 * The lines of every section of one kind, each with its paragraph: page furniture left out, the lead-in ("You must
 * be able to:") taken out, and the lines that follow a lead-in marked.
 */
function sectionLines(
  page: PageLines,
  headings: Headings,
  sections: readonly Section[],
  kind: SectionKind,
  running: ReadonlySet<string>,
  leadIn?: RegExp,
): SectionLines {
  const out: SectionLines = { lines: [], paragraphs: [], afterLeadIn: new Set() };
  const anywhere = leadIn && new RegExp(`${leadIn.source}\\s*:?`, 'gi');
  let afterLeadIn = false;
  for (const s of sections) {
    if (s.kind !== kind) continue;
    for (const i of s.body) {
      let line = i === s.heading ? headings[i]!.rest : page.lines[i];
      if (isPageFurniture(line, running, kind === 'overview')) continue;
      if (anywhere) {
        const without = line.replace(anywhere, ' ').replace(/\s+/g, ' ').trim();
        if (without !== line) afterLeadIn = true;
        line = without;
      }
      if (!line) continue;
      if (afterLeadIn) out.afterLeadIn.add(out.lines.length);
      afterLeadIn = false;
      out.lines.push(line);
      out.paragraphs.push(page.paragraphs[i]);
    }
  }
  return out;
}

/** Lines joined with a space within a paragraph and a line break between paragraphs. */
function paragraphText({ lines, paragraphs }: { lines: string[]; paragraphs: number[] }): string {
  return lines.map((l, i) => (i === 0 ? l : `${paragraphs[i] === paragraphs[i - 1] ? ' ' : '\n'}${l}`)).join('');
}

/** Sections from each heading to the next; text after a heading on its line is the section's first line. */
function splitSections(lines: readonly string[], headings: Headings): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  lines.forEach((_, i) => {
    const h = headings[i];
    if (h) {
      current = { kind: h.kind, heading: i, body: h.rest ? [i] : [] };
      sections.push(current);
    } else current?.body.push(i);
  });
  return sections;
}

function hasContent(s: Section, lines: readonly string[]): boolean {
  if (s.kind === 'overview') return s.body.length > 0;
  if (s.kind === 'other') return false;
  const leadIn = s.kind === 'performance' ? PERFORMANCE_LEAD_IN : KNOWLEDGE_LEAD_IN;
  return s.body.some((i) => MARKER.test(lines[i]) || leadIn.test(lines[i]));
}

/**
 * The heading where a second standard starts: an overview with text after statements, or performance criteria
 * after knowledge (the layout prints criteria first).
 */
function secondStandard(sections: readonly Section[], lines: readonly string[]): number | null {
  let statements = false;
  let knowledge = false;
  for (const s of sections) {
    if (s.kind === 'overview' && statements && s.body.length > 0) return s.heading;
    if (s.kind === 'performance' && knowledge && hasContent(s, lines)) return s.heading;
    if ((s.kind === 'performance' || s.kind === 'knowledge') && hasContent(s, lines)) statements = true;
    if (s.kind === 'knowledge' && hasContent(s, lines)) knowledge = true;
  }
  return null;
}

/** A URN in a NOS address: the path segment after one naming NOS (`/nos-finder/XYZ123/…`), or `?urn=`/`?nos=`. */
export function urnFromAddress(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  for (let i = 1; i < segments.length; i++)
    if (/nos/i.test(segments[i - 1])) {
      const candidate = decodeURIComponent(segments[i]).toUpperCase();
      if (URN_RE.test(candidate)) return candidate;
    }
  for (const [name, value] of parsed.searchParams)
    if (/urn|nos/i.test(name)) {
      const candidate = urnIn(value.toUpperCase());
      if (candidate) return candidate;
    }
  return null;
}

function statements(
  items: readonly ParsedStatement[],
  letter: 'P' | 'K',
  what: string,
  warnings: string[],
): { id: string; number: number; text: string; element: string | null }[] {
  if (items.length > MAX_STATEMENTS)
    warnings.push(`The page has ${items.length} ${what}; only the first ${MAX_STATEMENTS} were kept.`);
  return items.slice(0, MAX_STATEMENTS).map((s) => ({
    id: `${letter}${s.number}`,
    number: s.number,
    text: capped(s.text, STATEMENT_LIMIT, `${letter}${s.number}`, warnings),
    element: s.element?.title ?? null,
  }));
}

/** `text` cut at a word to `max` characters (with a warning naming `what`), or as it was. */
function capped(text: string, max: number, what: string, warnings: string[]): string {
  if (text.length <= max) return text;
  warnings.push(`${what} is longer than ${max.toLocaleString('en-GB')} characters; it was cut.`);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

function cappedDetails(details: NosDetails): NosDetails {
  const out: NosDetails = {};
  for (const [key, value] of Object.entries(details) as [keyof NosDetails, string | string[]][]) {
    if (Array.isArray(value))
      (out as Record<string, string[]>)[key] = value
        .slice(0, MAX_LIST_ITEMS)
        .map((x) => capped(x, DETAIL_LIMIT, key, []));
    else if (key === 'urn' || key === 'originalUrn') out[key] = value.slice(0, CODE_LIMIT);
    else (out as Record<string, string>)[key] = capped(value, DETAIL_LIMIT, key, []);
  }
  return out;
}
