// The evidence pack: one self-contained HTML file an assessor can read in any browser (no script, no network, prints
// well) that also carries the portfolio's backup, so importing the pack into NOS Lens restores the same records.
// Pure string building: every piece of text goes through `escapeHtml` (the `markup` template does it by default).
import { localDate, longDate } from '../dates';
import type { Backup } from './backup';
import {
  documentLabel,
  EVIDENCE_TYPE_LABEL,
  type Evidence,
  type EvidenceCriterionRef,
  type EvidenceUnitRef,
} from './model';
import { criterionLabel } from './criteria';

/** The id of the `<script type="application/json">` element that holds the backup. */
export const PACK_DATA_ID = 'nos-lens-backup';
/** The pack's `<meta name="generator">`, which tells a pack from any other web page. */
export const PACK_GENERATOR = 'NOS Lens evidence pack';
/** Most characters of a page snapshot shown in the pack (the whole snapshot is in the embedded backup). */
export const EXCERPT_LENGTH = 600;
/** Evidence columns per coverage table: more are split into further tables, so a table fits a printed page. */
export const MATRIX_COLUMNS = 10;

export interface PackUnit {
  id: string;
  code: string | null;
  title: string;
}

export interface PackSuite {
  id: string;
  title: string;
  units: PackUnit[];
}

export interface PackInput {
  /** What the pack embeds; its evidence is what the pack shows. */
  backup: Backup;
  /** The learner's name as the user gave it (null or empty: left out). */
  learnerName: string | null;
  /** The roles the user chose for their scope, as the popup names them ("Teaching assistant"); [] when none. */
  roles: readonly string[];
  /** The suites installed, in the order to show them, with their units. */
  suites: readonly PackSuite[];
  /** The suites in the user's scope ([] = every suite). */
  scopeSuiteIds: readonly string[];
  /** When the pack is made (default: now); its local date is printed. */
  generatedAt?: Date;
}

/** `nos-lens-evidence-pack-aisha-khan-2026-11-30.html`: the learner's name, when given, in plain letters. */
export function packFileName(learnerName: string | null, date: string): string {
  const name = (learnerName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return `nos-lens-evidence-pack-${name ? `${name}-` : ''}${date}.html`;
}

// ---------------------------------------------------------------------------------------------------------------
// Escaping

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML, for element content and double-quoted attribute values alike. Control characters (other than tab and
 * line breaks) are dropped: HTML does not allow them in text.
 */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** HTML built by the `markup` template: inserted as it is (everything else is escaped). */
class Html {
  constructor(readonly value: string) {}
}
type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (typeof part === 'string') return escapeHtml(part);
  if (typeof part === 'number') return String(part);
  return part.map(render).join('');
}

/**
 * A template whose interpolated values are escaped unless they are themselves markup (or lists of it). Not named
 * `html`, so Prettier leaves the templates' text as written (it would reflow it, changing what the page shows).
 */
function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ''), ''));
}

const JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The backup as the text of a `<script type="application/json">`: `<`, `>` and `&` written as JSON escapes, so no
 * string inside (a page title holding `</script>` or `<!--`) can end the element or change how it is read.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a pack back

export type PackData = { ok: true; json: string } | { ok: false; error: string };

/** The data element's start tag: `id` quoted or not, other attributes in any order. */
const DATA_START = new RegExp(`<script\\b[^>]*?\\bid\\s*=\\s*(["']?)${PACK_DATA_ID}\\1(?=[\\s/>])[^>]*>`, 'i');

/** Whether an HTML text has the pack's data element (it may still be cut short). */
export const hasPackData = (text: string): boolean => DATA_START.test(text);

/**
 * The backup's JSON text from a pack's HTML (its `<script type="application/json" id="nos-lens-backup">`), for
 * `parseBackup`; a page without it, or cut off inside it, is refused with what is wrong.
 */
export function extractPackBackup(text: string): PackData {
  const start = DATA_START.exec(text);
  if (!start)
    return {
      ok: false,
      error:
        'This file holds no NOS Lens backup (it has no embedded data). Import the evidence pack as NOS Lens wrote it, or a backup (.json).',
    };
  const from = start.index + start[0].length;
  const close = /<\/script/gi;
  close.lastIndex = from;
  const end = close.exec(text);
  if (!end)
    return {
      ok: false,
      error: 'This evidence pack is cut short (truncated): its embedded backup has no end. Import the whole file.',
    };
  return { ok: true, json: text.slice(from, end.index) };
}

// ---------------------------------------------------------------------------------------------------------------
// What the pack shows

/** Evidence in the pack's order (activity date, then filing), numbered E1, E2… */
export interface NumberedEvidence {
  n: number;
  evidence: Evidence;
}

/** A suite's block of the coverage matrix: its units, and the evidence against any of them. */
export interface MatrixSuite {
  key: string;
  title: string;
  /** In the user's scope, another suite with evidence, or a suite no longer installed (known from the evidence). */
  kind: 'scope' | 'other' | 'missing';
  units: PackUnit[];
  evidence: NumberedEvidence[];
  /** Units with at least one piece of evidence. */
  covered: number;
}

/** Evidence oldest first by the activity's date, then by when it was filed. */
export function numberEvidence(evidence: readonly Evidence[]): NumberedEvidence[] {
  return [...evidence]
    .sort(
      (a, b) => a.activityDate.localeCompare(b.activityDate) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    )
    .map((e, i) => ({ n: i + 1, evidence: e }));
}

/**
 * The suites the matrix shows: those in scope (all of their units, evidence or not), then every other suite with
 * evidence, then suites no longer installed that evidence still names (their units as the evidence recorded them).
 */
export function matrixSuites(
  suites: readonly PackSuite[],
  scopeSuiteIds: readonly string[],
  numbered: readonly NumberedEvidence[],
): MatrixSuite[] {
  const evidenced = new Set(numbered.flatMap(({ evidence }) => evidence.unitIds));
  const known = new Set(suites.flatMap((s) => s.units.map((u) => u.id)));
  const inScope = new Set(scopeSuiteIds);
  const block = (key: string, title: string, kind: MatrixSuite['kind'], units: PackUnit[]): MatrixSuite => {
    const ids = new Set(units.map((u) => u.id));
    return {
      key,
      title,
      kind,
      units,
      evidence: numbered.filter(({ evidence }) => evidence.unitIds.some((id) => ids.has(id))),
      covered: units.filter((u) => evidenced.has(u.id)).length,
    };
  };
  const shown = [
    ...suites.filter((s) => inScope.has(s.id)).map((s) => block(s.id, s.title, 'scope', s.units)),
    ...suites
      .filter((s) => !inScope.has(s.id) && s.units.some((u) => evidenced.has(u.id)))
      .map((s) => block(s.id, s.title, 'other', s.units)),
  ];
  // Units no installed suite has, grouped by the suite the evidence recorded.
  const missing = new Map<string, Map<string, PackUnit>>();
  for (const { evidence } of numbered)
    for (const ref of evidence.units)
      if (!known.has(ref.unitId)) {
        const group = missing.get(ref.suiteTitle) ?? new Map<string, PackUnit>();
        if (!group.has(ref.unitId)) group.set(ref.unitId, { id: ref.unitId, code: ref.code, title: ref.title });
        missing.set(ref.suiteTitle, group);
      }
  const gone = [...missing]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([title, units]) =>
      block(`missing:${title}`, title || 'Units no longer installed', 'missing', [...units.values()]),
    );
  return [...shown, ...gone];
}

/** The first `limit` characters of a snapshot, spaces folded, cut at a word where one is near, with an ellipsis. */
export function snapshotExcerpt(snapshot: string, limit = EXCERPT_LENGTH): string {
  // Folding spaces only shortens the text: four times the limit is plenty to fold (a snapshot can be 200 KB).
  const more = snapshot.length > limit * 4;
  const text = snapshot
    .slice(0, limit * 4)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*\n\s*/g, '\n\n')
    .replace(/ *\n */g, '\n')
    .trim();
  if (text.length <= limit && !more) return text;
  let cut = text.slice(0, limit);
  const space = cut.search(/\s\S*$/);
  if (space > limit * 0.8) cut = cut.slice(0, space);
  // Never half a surrogate pair (an emoji cut in two).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const unitLabel = (u: { code: string | null; title: string }) =>
  markup`${u.code ? markup`<span class="code">${u.code}</span> ` : ''}<bdi>${u.title}</bdi>`;
const evidenceTitle = (e: Evidence) => e.pageTitle.trim() || e.url || 'Untitled evidence';
const isWebLink = (url: string) => /^https?:\/\//i.test(url);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const dayOf = (ms: number) => localDate(new Date(ms));

// ---------------------------------------------------------------------------------------------------------------
// The document

/** The pack as one HTML document. */
export function evidencePack(input: PackInput): string {
  const generatedAt = input.generatedAt ?? new Date();
  const numbered = numberEvidence(input.backup.evidence);
  const matrix = matrixSuites(input.suites, input.scopeSuiteIds, numbered);
  const name = input.learnerName?.trim() || null;
  const made = longDate(localDate(generatedAt));
  const title = ['Evidence portfolio', name, made].filter(Boolean).join(' – ');
  return markup`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${PACK_GENERATOR}">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
<script type="application/json" id="${PACK_DATA_ID}">${new Html(jsonForScript(input.backup))}</script>
</head>
<body>
<a class="skip" href="#main">Skip to the coverage</a>
${header(name, input.roles, scopeTitles(input), made, numbered)}
${contents(matrix, numbered)}
<main id="main">
${coverage(matrix, input.scopeSuiteIds.length === 0)}
${evidenceSection(numbered)}
</main>
${footer(made)}
</body>
</html>
`.value;
}

/** The titles of the suites in scope, in the order given; [] when every suite is. */
function scopeTitles({ suites, scopeSuiteIds }: PackInput): string[] {
  const inScope = new Set(scopeSuiteIds);
  return suites.filter((s) => inScope.has(s.id)).map((s) => s.title);
}

function header(
  name: string | null,
  roles: readonly string[],
  suites: string[],
  made: string,
  numbered: NumberedEvidence[],
): Html {
  const dates = numbered.map(({ evidence }) => evidence.activityDate);
  const units = new Set(numbered.flatMap(({ evidence }) => evidence.unitIds));
  const span =
    dates.length === 0
      ? ''
      : dates[0] === dates[dates.length - 1]
        ? longDate(dates[0])
        : `${longDate(dates[0])} to ${longDate(dates[dates.length - 1])}`;
  const summary =
    numbered.length === 0
      ? 'None yet'
      : `${plural(numbered.length, 'piece', 'pieces')} against ${plural(units.size, 'unit', 'units')}, dated ${span}`;
  return markup`<header>
<h1>Evidence portfolio${name ? markup`: <bdi>${name}</bdi>` : ''}</h1>
<dl class="facts">
${name ? markup`<div><dt>Learner</dt><dd><bdi>${name}</bdi></dd></div>` : ''}
${roles.length ? markup`<div><dt>${roles.length === 1 ? 'Role' : 'Roles'}</dt><dd>${roles.join(', ')}</dd></div>` : ''}
<div><dt>Suites</dt><dd>${suites.length ? suites.join('; ') : 'All suites'}</dd></div>
<div><dt>Made</dt><dd>${made}</dd></div>
<div><dt>Evidence</dt><dd>${summary}</dd></div>
</dl>
</header>`;
}

function contents(matrix: MatrixSuite[], numbered: NumberedEvidence[]): Html {
  const suites = matrix.map((s, i) => markup`<li><a href="#suite-${i + 1}"><bdi>${s.title}</bdi></a></li>`);
  const pieces = numbered.map(
    ({ n, evidence }) =>
      markup`<li><a href="#ev-${n}">E${n} <bdi>${evidenceTitle(evidence)}</bdi></a> <span class="when">${longDate(evidence.activityDate)}</span></li>`,
  );
  return markup`<nav aria-labelledby="h-contents">
<h2 id="h-contents">Contents</h2>
<ol class="toc">
<li><a href="#coverage">Coverage</a>${suites.length ? markup`<ol>${suites}</ol>` : ''}</li>
<li><a href="#evidence">Evidence</a>${pieces.length ? markup`<ol>${pieces}</ol>` : ''}</li>
<li><a href="#about">About this file</a></li>
</ol>
</nav>`;
}

function coverage(matrix: MatrixSuite[], everySuite: boolean): Html {
  const shown = everySuite
    ? 'No scope was chosen, so every suite with evidence is shown.'
    : 'The suites in the scope are shown with every unit, then any other suite with evidence.';
  return markup`<section id="coverage" aria-labelledby="h-coverage">
<h2 id="h-coverage">Coverage</h2>
<p>${shown} Each table has a row per unit and a column per piece of evidence against the suite (E1, E2… as listed
under Evidence); ✓ marks the units a piece of evidence was filed against.</p>
${matrix.length === 0 ? markup`<p class="empty">No evidence yet, and no suites chosen.</p>` : matrix.map(suiteMatrix)}
</section>`;
}

function suiteMatrix(suite: MatrixSuite, index: number): Html {
  const id = `suite-${index + 1}`;
  const note =
    suite.kind === 'missing'
      ? 'This suite is no longer installed in NOS Lens; its units are shown as the evidence recorded them.'
      : suite.kind === 'other'
        ? 'Outside the scope, with evidence.'
        : null;
  const chunks: NumberedEvidence[][] = [];
  for (let i = 0; i < suite.evidence.length; i += MATRIX_COLUMNS)
    chunks.push(suite.evidence.slice(i, i + MATRIX_COLUMNS));
  const tables =
    chunks.length === 0
      ? markup`<p class="empty">No evidence yet against this suite's units:</p>${unitList(suite.units)}`
      : chunks.map((columns, k) => matrixTable(suite, columns, k, chunks.length));
  return markup`<section class="suite" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><bdi>${suite.title}</bdi></h3>
<p class="count">${suite.covered} of ${plural(suite.units.length, 'unit', 'units')} with evidence${note ? ` · ${note}` : ''}</p>
${tables}
</section>`;
}

/** A suite's units when no evidence points at it: the gaps, named. */
function unitList(units: PackUnit[]): Html {
  return markup`<ul class="units">${units.map((u) => markup`<li>${unitLabel(u)}</li>`)}</ul>`;
}

function matrixTable(suite: MatrixSuite, columns: NumberedEvidence[], part: number, parts: number): Html {
  const first = columns[0].n;
  const last = columns[columns.length - 1].n;
  const range = first === last ? `E${first}` : `E${first} to E${last}`;
  const heads = columns.map(({ n }) => markup`<th scope="col" class="ev"><a href="#ev-${n}">E${n}</a></th>`);
  const rows = suite.units.map((u) => {
    const cells = columns.map(({ evidence }) =>
      evidence.unitIds.includes(u.id)
        ? markup`<td class="tick"><span aria-hidden="true">✓</span><span class="vh">yes</span></td>`
        : markup`<td><span class="vh">no</span></td>`,
    );
    const covered = columns.some(({ evidence }) => evidence.unitIds.includes(u.id));
    return markup`<tr${covered ? markup` class="covered"` : ''}><th scope="row">${unitLabel(u)}</th>${cells}</tr>
`;
  });
  return markup`<table class="matrix">
<caption><bdi>${suite.title}</bdi>: units against evidence ${range}${parts > 1 ? ` (table ${part + 1} of ${parts})` : ''}</caption>
<thead><tr><th scope="col">Unit</th>${heads}</tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

function evidenceSection(numbered: NumberedEvidence[]): Html {
  return markup`<section id="evidence" aria-labelledby="h-evidence">
<h2 id="h-evidence">Evidence</h2>
${numbered.length === 0 ? markup`<p class="empty">No evidence yet.</p>` : numbered.map(evidenceItem)}
</section>`;
}

/** A PDF's address opened at the quote's page (RFC 3778's `#page=N`, which browsers' PDF viewers follow). */
const pageLink = (url: string, page: number | undefined) =>
  page === undefined ? url : `${url.replace(/#.*$/s, '')}#page=${page}`;

function evidenceItem({ n, evidence: e }: NumberedEvidence): Html {
  const filed = dayOf(e.createdAt);
  const changed = dayOf(e.updatedAt);
  // Evidence that is not a web page has no address.
  const link =
    e.url === null
      ? ''
      : isWebLink(e.url)
        ? markup`<a href="${pageLink(e.url, e.document?.page)}" rel="noreferrer">${e.url}</a>`
        : markup`<span>${e.url}</span>`;
  const excerpt = e.snapshot?.trim() ? snapshotExcerpt(e.snapshot) : '';
  return markup`<article class="evidence" id="ev-${n}" aria-labelledby="ev-${n}-h">
<h3 id="ev-${n}-h"><span class="num">E${n}</span> <bdi>${evidenceTitle(e)}</bdi></h3>
<dl class="facts">
<div><dt>Type</dt><dd>${EVIDENCE_TYPE_LABEL[e.type]}</dd></div>
<div><dt>Date</dt><dd>${longDate(e.activityDate)}</dd></div>
<div><dt>Units</dt><dd><ul class="units">${e.units.map((u) => unitRef(u, e.criteria))}</ul></dd></div>
${e.hours !== null ? markup`<div><dt>Hours</dt><dd>${String(e.hours)}</dd></div>` : ''}
${e.tags.length ? markup`<div><dt>Tags</dt><dd dir="auto">${e.tags.join(', ')}</dd></div>` : ''}
${e.document ? markup`<div><dt>Document</dt><dd dir="auto">${documentLabel(e.document, e.pageTitle)}</dd></div>` : ''}
${link ? markup`<div><dt>${e.document ? 'Opened from' : 'Page'}</dt><dd class="url">${link}</dd></div>` : ''}
${e.attachment ? markup`<div><dt>Attached file</dt><dd dir="auto">${e.attachment.name} (kept in NOS Lens; not in this file)</dd></div>` : ''}
<div><dt>Filed</dt><dd>${longDate(filed)}${changed !== filed ? `, last changed ${longDate(changed)}` : ''}</dd></div>
</dl>
${e.note ? markup`<h4>Note</h4><p class="note" dir="auto">${e.note}</p>` : ''}
${e.quote ? markup`<h4>Quote</h4><blockquote class="quote" dir="auto">${e.quote.exact}</blockquote>` : ''}
${excerpt ? markup`<h4>From the page as saved</h4><blockquote class="excerpt" dir="auto">${excerpt}</blockquote>` : ''}
</article>
`;
}

/** A unit, with the criteria the evidence shows under it (`PC 1`, `KU1.1`). */
const unitRef = (u: EvidenceUnitRef, criteria: readonly EvidenceCriterionRef[]) => {
  const shown = criteria.filter((c) => c.unitId === u.unitId);
  return markup`<li>${unitLabel(u)}${u.suiteTitle ? markup` <span class="suite">(<bdi>${u.suiteTitle}</bdi>)</span>` : ''}${
    shown.length
      ? markup`<ul class="criteria">${shown.map((c) => markup`<li><span class="code">${criterionLabel(c)}</span> <bdi>${c.text}</bdi></li>`)}</ul>`
      : ''
  }</li>`;
};

function footer(made: string): Html {
  return markup`<footer id="about" aria-labelledby="h-about">
<h2 id="h-about">About this file</h2>
<p>Made with NOS Lens on ${made}. It opens in any web browser with no internet connection and runs no script; print it,
or save it as PDF, from the browser's Print command. Web addresses are shown as they were saved: the pages may have
changed since, and the excerpts show them as they were.</p>
<p>The file also holds the learner's complete NOS Lens backup (every piece of evidence with its full page text, saved
courses, and their own suites and codes). To restore it, or to read it in NOS Lens, import this file on NOS Lens's
portfolio page under “Import a backup or evidence pack”.</p>
</footer>`;
}

// Plain, high-contrast styles; print puts the evidence on a new page and keeps rows and short blocks whole.
const STYLE = `
:root{color-scheme:light}
body{margin:0 auto;max-width:60rem;padding:1.5rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff}
.url,.note,.quote,.excerpt,.evidence h3,.toc{overflow-wrap:anywhere}
a{color:#0a4d8c}
h1{font-size:1.7rem;margin:.5rem 0}
h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid #1b1b1b}
h3{font-size:1.1rem;margin:1.5rem 0 .25rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem .5rem;outline:2px solid #0a4d8c}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
.facts div{display:contents}
.facts dt{font-weight:600}
.facts dd{margin:0}
.units{margin:0;padding-left:1.2rem}
.code{font-weight:600}
.suite,.when,.count{color:#4a4a4a}
.toc ol{padding-left:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.2rem .4rem;vertical-align:top}
thead th{background:#eef1f4}
thead th:first-child,th[scope=row]{text-align:left}
th[scope=row]{font-weight:normal}
th.ev,td{text-align:center;width:1%;white-space:nowrap;padding:.2rem .35rem}
tr.covered th[scope=row]{background:#eef6ee}
td.tick{color:#14532d;font-weight:700}
.evidence{border-top:1px solid #6b6b6b;padding-top:.25rem}
.num{display:inline-block;min-width:2.5rem;color:#4a4a4a}
.note,.quote,.excerpt{white-space:pre-line}
blockquote{margin:.25rem 0;padding:.25rem .75rem;border-left:4px solid #6b6b6b;background:#f6f6f6}
.excerpt{font-size:.9rem;color:#333}
footer{margin-top:2rem}
@page{margin:15mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.skip{display:none}
a{color:inherit}
#evidence{break-before:page}
h2,h3,h4,caption{break-after:avoid}
tr,blockquote,.facts,.suite>p{break-inside:avoid}
thead{display:table-header-group}
thead th,tr.covered th[scope=row],blockquote{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
