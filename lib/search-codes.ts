// Unit codes seen as a prefix and an identifier (`WP 301` → `WP` + `301`), so the lookup can tell a code the standards
// hold from one they lack, say which codes a prefix does have ("WP 201–202, 301–305") and find the nearest. Pure.
import { codeKey } from './dataset/codes';

/** A code split in two: the prefix as written and its spelling-independent key, and the identifier after it. */
export interface CodeParts {
  prefix: string;
  prefixKey: string;
  /** As written, letters upper-cased: `301`, `3.3`, `A`. */
  ident: string;
  /** A single letter (`Standard A`) rather than a number. */
  letter: boolean;
}

const SEPARATOR = '[\\s\\u00a0\\-\\u2010-\\u2015.:]';
/** One or two words of letters, then a number (`WP 301`, `GCU1`, `CYP Core 3.3`, `KU1.1`). */
const NUMBERED = new RegExp(`^(\\p{L}+(?:\\s+\\p{L}+)?)${SEPARATOR}*(\\d+(?:\\.\\d+)*)$`, 'u');
/** One or two words, then a single letter on its own (`Standard A`). */
const LETTERED = new RegExp(`^(\\p{L}+(?:\\s+\\p{L}+)?)${SEPARATOR}+(\\p{L})$`, 'u');

/** The prefix and identifier of a code-shaped text, or null (`312` and `A` have no prefix; `work with parents` no ident). */
export function parseCode(text: string): CodeParts | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = NUMBERED.exec(t) ?? LETTERED.exec(t);
  if (!m) return null;
  const letter = !/\d/.test(m[2]);
  return { prefix: m[1], prefixKey: codeKey(m[1]), ident: m[2].toUpperCase(), letter };
}

/** An identifier as numbers to compare (`3.10` → [3, 10], `B` → [2]). */
function identParts(ident: string): number[] {
  return /^\p{L}$/u.test(ident) ? [ident.toUpperCase().charCodeAt(0) - 64] : ident.split('.').map(Number);
}

function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** `b` follows `a` in a run: same leading parts, last part one more (`301`→`302`, `3.1`→`3.2`, `A`→`B`). */
function follows(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const last = a.length - 1;
  return a.slice(0, last).every((x, i) => x === b[i]) && b[last] === a[last] + 1;
}

/**
 * Identifiers as a compact list of runs, the prefix written once: `WP 201–202, 301–305, 307`. Identifiers are sorted
 * and de-duplicated first; a run of two is written as a run (`412–413`) to keep the list short.
 */
export function summariseCodes(prefix: string, spaced: boolean, idents: readonly string[]): string {
  const sorted = [...new Set(idents)]
    .map((ident) => ({ ident, parts: identParts(ident) }))
    .sort((a, b) => compareParts(a.parts, b.parts));
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && follows(sorted[j].parts, sorted[j + 1].parts)) j++;
    runs.push(j > i ? `${sorted[i].ident}–${sorted[j].ident}` : sorted[i].ident);
    i = j + 1;
  }
  return runs.length ? `${prefix}${spaced ? ' ' : ''}${runs.join(', ')}` : '';
}

interface CodeEntry {
  ident: string;
  parts: number[];
  unitIds: string[];
}

/** Every unit code that has a prefix, grouped by prefix. */
interface PrefixCodes {
  /** As the first code with this prefix prints it (`WP`, `LDSS`, `Standard`). */
  prefix: string;
  /** Whether any spelling puts a space between prefix and identifier (`GCU 1` beside `GCU1`). */
  spaced: boolean;
  entries: Map<string, CodeEntry>;
  suiteTitles: Set<string>;
}

export interface MissingCode {
  /** The code as the standards would print it: `WP 999`. */
  code: string;
  suiteTitles: string[];
  /** The codes the prefix does have, as runs: `WP 201–202, 301–305`. */
  held: string;
  /** Units of the nearest codes (numerically), nearest first. */
  nearest: string[];
}

export class CodeBook {
  private readonly prefixes = new Map<string, PrefixCodes>();

  /** Files one spelling of a unit's code under its prefix (codes without one, such as `312`, are not filed). */
  add(code: string, unitId: string, suiteTitle: string): void {
    const parsed = parseCode(code);
    if (!parsed) return;
    let group = this.prefixes.get(parsed.prefixKey);
    if (!group) {
      group = { prefix: parsed.prefix, spaced: false, entries: new Map(), suiteTitles: new Set() };
      this.prefixes.set(parsed.prefixKey, group);
    }
    if (/\s/.test(code.trim().slice(parsed.prefix.length, parsed.prefix.length + 1))) group.spaced = true;
    group.suiteTitles.add(suiteTitle);
    const entry = group.entries.get(parsed.ident) ?? {
      ident: parsed.ident,
      parts: identParts(parsed.ident),
      unitIds: [],
    };
    if (!entry.unitIds.includes(unitId)) entry.unitIds.push(unitId);
    group.entries.set(parsed.ident, entry);
  }

  /** Whether some unit's code starts with this prefix (`wp`, `cypcore`). */
  knows(prefixKey: string): boolean {
    return this.prefixes.has(prefixKey);
  }

  /**
   * Units whose code under `code`'s prefix is the identifier or continues it as typed (`WP 30` → WP 301…309), in
   * code order, the exact one first.
   */
  continuing(code: CodeParts): string[] {
    const group = this.prefixes.get(code.prefixKey);
    if (!group) return [];
    const exact = group.entries.get(code.ident)?.unitIds ?? [];
    const longer = code.letter
      ? []
      : [...group.entries.values()]
          .filter((e) => e.ident !== code.ident && e.ident.startsWith(code.ident))
          .sort((a, b) => compareParts(a.parts, b.parts))
          .flatMap((e) => e.unitIds);
    return [...new Set([...exact, ...longer])];
  }

  /** What to say about a code whose prefix exists but whose identifier does not (null when the prefix is unknown). */
  missing(code: CodeParts, nearestCount = 3): MissingCode | null {
    const group = this.prefixes.get(code.prefixKey);
    if (!group) return null;
    const entries = [...group.entries.values()];
    const target = identParts(code.ident);
    const distance = (p: number[]) => target.map((x, i) => Math.abs(x - (p[i] ?? 0)));
    const nearest = entries
      .map((e) => ({ e, d: distance(e.parts) }))
      .sort((a, b) => compareParts(a.d, b.d) || compareParts(a.e.parts, b.e.parts))
      .slice(0, nearestCount)
      .flatMap(({ e }) => e.unitIds);
    return {
      code: `${group.prefix}${group.spaced ? ' ' : ''}${code.ident}`,
      suiteTitles: [...group.suiteTitles],
      held: summariseCodes(
        group.prefix,
        group.spaced,
        entries.map((e) => e.ident),
      ),
      nearest: [...new Set(nearest)].slice(0, nearestCount),
    };
  }
}
