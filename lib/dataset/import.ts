// Reads a user's own standards: a CSV (one row per unit) or JSON in the bundled dataset's format, into suites of the
// same model as the bundled ones (origin `user`). The whole file is checked first; any problem names its line and
// column (CSV) or its path (JSON), and then nothing is returned to save. Pure: runs in the extension and in Node.
import Papa from 'papaparse';
import * as v from 'valibot';
import { SuiteSchema, type Suite, type Unit } from './schema';
import { codeKey } from './codes';
import { issuePath } from '../issue-path';
import { errorMessage } from '../errors';

/** Largest standards file read. */
export const SUITES_MAX_BYTES = 5 * 1024 * 1024;
export const SUITES_MAX_UNITS = 5_000;
export const CSV_COLUMNS = ['suite', 'code', 'title', 'aliases', 'elements', 'criteria', 'description'] as const;
const REQUIRED = ['suite', 'code', 'title'] as const;

const LIMITS = {
  suite: 200,
  code: 40,
  title: 500,
  alias: 40,
  aliases: 20,
  element: 500,
  elements: 50,
  criteria: 100,
  description: 5_000,
};

export type SuitesImport = { ok: true; suites: Suite[]; warnings: string[] } | { ok: false; errors: string[] };

/** Ids a user's suite may not take: the bundled suites' and units' ids. */
export interface Reserved {
  suiteIds: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
  /** Bundled suites' titles, lower case: a user's suite may not pass itself off as one. */
  suiteTitles?: ReadonlySet<string>;
}
const NOTHING_RESERVED: Reserved = { suiteIds: new Set(), unitIds: new Set() };

/** What a user's suite may not reuse, given the bundled suites. */
export function reservedBy(suites: readonly Pick<Suite, 'id' | 'title' | 'units'>[]): Reserved {
  return {
    suiteIds: new Set(suites.map((s) => s.id)),
    unitIds: new Set(suites.flatMap((s) => s.units.map((u) => u.id))),
    suiteTitles: new Set(suites.map((s) => s.title.toLowerCase())),
  };
}

/** `Supporting Teaching & Learning` → `supporting-teaching-and-learning`. */
export function slug(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** The stable id of a user's suite: the same name gives the same id, so importing a new version replaces the old. */
export const userSuiteId = (title: string) => `user-${slug(title) || 'suite'}`;

/** Words a code starts with that are ordinary English, so the code matches on unrelated pages. */
const COMMON_PREFIXES = new Set([
  'unit',
  'units',
  'module',
  'modules',
  'standard',
  'part',
  'section',
  'level',
  'stage',
]);
export const codePrefix = (code: string) => /^\s*([A-Za-z][A-Za-z]*)/.exec(code)?.[1] ?? null;
export const isCommonPrefix = (prefix: string) => COMMON_PREFIXES.has(prefix.toLowerCase());

/** Reads a standards file by its name: `.csv` as CSV, anything else by its first character. */
export function parseSuitesFile(fileName: string, text: string, reserved: Reserved = NOTHING_RESERVED): SuitesImport {
  const body = text.replace(/^\uFEFF/, '');
  const json = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && /^\s*[[{]/.test(body));
  return json ? parseSuitesJson(fileName, body, reserved) : parseSuitesCsv(fileName, body, reserved);
}

interface Row {
  line: number;
  cells: Record<string, string>;
}

/**
 * Reads CSV: a header row naming at least `suite`, `code` and `title`; `aliases`, `elements` and `criteria` (performance
 * criteria, numbered 1, 2… in the order given) are `;`-separated.
 */
export function parseSuitesCsv(fileName: string, text: string, reserved: Reserved = NOTHING_RESERVED): SuitesImport {
  const body = text.replace(/^\uFEFF/, '');
  if (body.length > SUITES_MAX_BYTES)
    return fail(`${fileName} is too large (${(body.length / 1e6).toFixed(1)} MB; at most 5 MB).`);
  if (body.trim() === '') return fail(`${fileName} is empty.`);

  const errors: string[] = [];
  const records: { line: number; data: string[] }[] = [];
  // One kind of line break, so the parser's cursor gives every row's first line.
  const csv = body.replace(/\r\n?/g, '\n');
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(csv, {
    header: false,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const at = line;
      // A one-column file has no delimiter to detect: the missing columns are reported below instead.
      for (const e of result.errors)
        if (e.type !== 'Delimiter') errors.push(`line ${at}: ${csvProblem(e.code, e.message)}`);
      for (; start < result.meta.cursor; start++) if (csv.charCodeAt(start) === 10) line++;
      records.push({ line: at, data: result.data });
    },
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 20) };

  const nonEmpty = records.filter((r) => r.data.some((c) => c.trim() !== ''));
  const header = nonEmpty.shift();
  if (!header) return fail(`${fileName} has no header row.`);
  const names = header.data.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length)
    return fail(
      `line ${header.line}: the header row has no ${missing.map((m) => `"${m}"`).join(', ')} column (it needs suite, code and title; aliases, elements, criteria and description are optional).`,
    );
  const warnings: string[] = [];
  names.forEach((n, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(n))
      warnings.push(`Column ${i + 1} ("${header.data[i].trim()}") is not one NOS Lens reads; it is ignored.`);
    else if (names.indexOf(n) !== i) errors.push(`line ${header.line}: column "${n}" appears twice.`);
  });
  if (nonEmpty.length === 0) return fail(`${fileName} has a header row but no units.`);
  if (nonEmpty.length > SUITES_MAX_UNITS) return fail(`${fileName} has ${nonEmpty.length} units; at most 5,000.`);

  const rows: Row[] = nonEmpty.map((r) => {
    if (r.data.length !== names.length)
      errors.push(`line ${r.line}: has ${r.data.length} columns; the header has ${names.length}.`);
    const cells: Record<string, string> = {};
    names.forEach((n, i) => {
      if (!(n in cells)) cells[n] = (r.data[i] ?? '').replace(/\s+/g, ' ').trim();
    });
    return { line: r.line, cells };
  });

  const bySuite = new Map<string, { title: string; rows: Row[] }>();
  for (const row of rows) {
    const at = (column: string) => `line ${row.line}, column "${column}"`;
    const { suite, code, title } = row.cells;
    if (!suite) errors.push(`${at('suite')}: empty; every unit needs the name of its suite.`);
    else if (suite.length > LIMITS.suite) errors.push(`${at('suite')}: longer than ${LIMITS.suite} characters.`);
    if (!title) errors.push(`${at('title')}: empty; every unit needs a title.`);
    else if (title.length > LIMITS.title) errors.push(`${at('title')}: longer than ${LIMITS.title} characters.`);
    if (code.length > LIMITS.code) errors.push(`${at('code')}: longer than ${LIMITS.code} characters.`);
    if (code && !/[\p{L}\p{N}]/u.test(code)) errors.push(`${at('code')}: "${code}" has no letters or digits.`);
    const aliases = list(row.cells.aliases);
    if (aliases.length > LIMITS.aliases) errors.push(`${at('aliases')}: more than ${LIMITS.aliases} aliases.`);
    for (const a of aliases)
      if (a.length > LIMITS.alias) errors.push(`${at('aliases')}: "${a.slice(0, 50)}…" is longer than 40 characters.`);
    const elements = list(row.cells.elements);
    if (elements.length > LIMITS.elements) errors.push(`${at('elements')}: more than ${LIMITS.elements} elements.`);
    for (const e of elements)
      if (e.length > LIMITS.element) errors.push(`${at('elements')}: an element is longer than 500 characters.`);
    const criteria = list(row.cells.criteria);
    if (criteria.length > LIMITS.criteria) errors.push(`${at('criteria')}: more than ${LIMITS.criteria} criteria.`);
    for (const c of criteria)
      if (c.length > LIMITS.element) errors.push(`${at('criteria')}: a criterion is longer than 500 characters.`);
    if ((row.cells.description ?? '').length > LIMITS.description)
      errors.push(`${at('description')}: longer than ${LIMITS.description} characters.`);
    if (!suite) continue;
    const id = userSuiteId(suite);
    const group = bySuite.get(id) ?? { title: suite, rows: [] };
    group.rows.push(row);
    bySuite.set(id, group);
  }

  const suites: Suite[] = [];
  for (const [suiteId, group] of bySuite) {
    if (reserved.suiteIds.has(suiteId) || reserved.suiteTitles?.has(group.title.toLowerCase()))
      errors.push(`line ${group.rows[0].line}, column "suite": "${group.title}" is the name of a bundled suite.`);
    const seen = new Map<string, number>();
    const units: Unit[] = [];
    for (const row of group.rows) {
      const { code, title } = row.cells;
      if (!title) continue;
      const unitId = `${suiteId}-${slug(codeKey(code)) || slug(title, 40) || 'unit'}`;
      const first = seen.get(unitId);
      if (first !== undefined) {
        errors.push(
          code
            ? `line ${row.line}, column "code": "${code}" is already used on line ${first} for the same suite.`
            : `line ${row.line}, column "title": a unit of this suite without a code has the same title on line ${first}.`,
        );
        continue;
      }
      seen.set(unitId, row.line);
      const source = { document: fileName, section: `line ${row.line}` };
      units.push({
        id: unitId,
        suiteId,
        code: code || null,
        aliases: list(row.cells.aliases).filter((a) => a.toLowerCase() !== code.toLowerCase()),
        title,
        overview: row.cells.description || null,
        elements: list(row.cells.elements).map((t, i) => ({ id: `${unitId}-e${i + 1}`, code: null, title: t })),
        // Performance criteria numbered as listed (1, 2, …): evidence points at them by these ids.
        criteria: list(row.cells.criteria).map((text, i) => ({
          id: `${unitId}-pc${i + 1}`,
          number: String(i + 1),
          text,
          knowledge: [],
        })),
        knowledge: [],
        source,
        notes: [],
      });
    }
    const prefixes = [...new Set(units.map((u) => (u.code ? codePrefix(u.code) : null)).filter(isString))];
    for (const p of prefixes.filter(isCommonPrefix))
      warnings.push(
        `${group.title}: codes starting with "${p}" (an ordinary word) will be highlighted on any page that writes "${p}" and a number; ` +
          'if that is too much, give the units codes of their own, or add them as your own codes with a context instead.',
      );
    suites.push({
      id: suiteId,
      title: group.title,
      aliases: [],
      codePrefixes: prefixes.filter((p) => !isCommonPrefix(p)),
      origin: 'user',
      body: null,
      year: null,
      description: null,
      source: { document: fileName, section: 'imported CSV' },
      notes: [],
      units,
    });
  }
  if (errors.length) return { ok: false, errors: cap(errors) };
  return checked(suites, warnings, reserved);
}

const ImportJsonSchema = v.union([
  v.object({ suites: v.array(v.unknown()) }),
  v.array(v.unknown()),
  v.object({ id: v.string(), units: v.array(v.unknown()) }),
]);

/** Reads JSON in the bundled dataset's format: `{ "suites": [...] }` (frameworks ignored), a list of suites, or one. */
export function parseSuitesJson(fileName: string, text: string, reserved: Reserved = NOTHING_RESERVED): SuitesImport {
  const body = text.replace(/^\uFEFF/, '');
  if (body.length > SUITES_MAX_BYTES)
    return fail(`${fileName} is too large (${(body.length / 1e6).toFixed(1)} MB; at most 5 MB).`);
  if (body.trim() === '') return fail(`${fileName} is empty.`);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return fail(`${fileName} is not valid JSON: ${errorMessage(e)}`);
  }
  const shape = v.safeParse(ImportJsonSchema, data);
  if (!shape.success)
    return fail(`${fileName} is not a suite file: it needs {"suites": [...]}, a list of suites, or one suite.`);
  const list: unknown[] = Array.isArray(data)
    ? data
    : 'suites' in (data as object)
      ? (data as { suites: unknown[] }).suites
      : [data];
  if (list.length === 0) return fail(`${fileName} holds no suites.`);
  const errors: string[] = [];
  const suites: Suite[] = [];
  list.forEach((raw, i) => {
    // A user's suite is a user's suite, whatever the file says; its source is the file it came from.
    const candidate = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw, origin: 'user' } : raw;
    const parsed = v.safeParse(SuiteSchema, candidate);
    if (!parsed.success) {
      for (const issue of parsed.issues.slice(0, 10)) {
        const path = issuePath(issue);
        errors.push(`suites[${i}]${path && !path.startsWith('[') ? `.${path}` : path}: ${issue.message}`);
      }
      return;
    }
    const suite = parsed.output;
    suite.units.forEach((u, k) => {
      if (u.suiteId !== suite.id)
        errors.push(`suites[${i}].units[${k}].suiteId: "${u.suiteId}" is not the suite's id "${suite.id}".`);
    });
    suites.push(suite);
  });
  if (errors.length) return { ok: false, errors: cap(errors) };
  return checked(suites, [], reserved);
}

/** Checks that hold for both formats: ids unique and not bundled, sizes within bounds. */
function checked(suites: Suite[], warnings: string[], reserved: Reserved): SuitesImport {
  const errors: string[] = [];
  const suiteIds = new Set<string>();
  const unitIds = new Map<string, string>();
  let count = 0;
  for (const s of suites) {
    if (reserved.suiteTitles?.has(s.title.toLowerCase()))
      errors.push(`suite "${s.title}": a bundled suite has this name; give yours another.`);
    if (reserved.suiteIds.has(s.id))
      errors.push(`suite "${s.title}": its id "${s.id}" is a bundled suite's id; give it an id of its own.`);
    if (suiteIds.has(s.id)) errors.push(`suite "${s.title}": the id "${s.id}" is used by two suites in the file.`);
    suiteIds.add(s.id);
    if (s.units.length === 0) errors.push(`suite "${s.title}" has no units.`);
    for (const u of s.units) {
      count++;
      if (reserved.unitIds.has(u.id)) errors.push(`unit "${u.title}": its id "${u.id}" is a bundled unit's id.`);
      const other = unitIds.get(u.id);
      if (other !== undefined) errors.push(`unit "${u.title}": the id "${u.id}" is also used in suite "${other}".`);
      unitIds.set(u.id, s.title);
    }
  }
  if (count > SUITES_MAX_UNITS) errors.push(`The file has ${count} units; at most ${SUITES_MAX_UNITS}.`);
  return errors.length ? { ok: false, errors: cap(errors) } : { ok: true, suites, warnings };
}

function list(cell: string | undefined): string[] {
  return [
    ...new Set(
      (cell ?? '')
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

function csvProblem(code: string, message: string): string {
  if (code === 'MissingQuotes' || code === 'InvalidQuotes')
    return `a quoted cell is not closed (${message}); check the quotes on this line.`;
  return message;
}

const fail = (...errors: string[]): SuitesImport => ({ ok: false, errors });
const cap = (errors: string[]) =>
  errors.length > 20 ? [...errors.slice(0, 20), `…and ${errors.length - 20} more problems.`] : errors;
const isString = (x: unknown): x is string => typeof x === 'string';
