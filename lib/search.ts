// Quick lookup: one MiniSearch index over every unit's codes, title, elements, criteria, knowledge and overview, and
// the honest answer to a query: the units, or that no unit has this code, or that the code is not in the user's
// standards, or that nothing is a close match (with the best three as "perhaps"). Built once per page (a few ms for
// ~200 units), queried on every keystroke. Pure: runs in Node and in pages.
import MiniSearch, { type MatchInfo, type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { codeKey } from './dataset/codes';
import type { Unit } from './dataset/schema';
import { CodeBook, parseCode } from './search-codes';
import { unitTitles } from './dataset/unit-names';
import { unitCriteria, type CriterionItem } from './portfolio/criteria';

export interface SearchableUnit extends Unit {
  suiteTitle: string;
}

export type MatchField = 'code' | 'title' | 'elements' | 'criteria' | 'knowledge' | 'overview';

export interface UnitResult {
  unitId: string;
  suiteId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
  score: number;
  /** Where the query matched, best first, with a short excerpt of the matching text (null for code and title). */
  where: { field: MatchField; excerpt: string | null }[];
}

/** What a lookup found, by case, so a page renders it plainly. */
export type SearchAnswer =
  /** Units that match: a real code (or the start of one, as typed) or close text. Empty only for an empty query. */
  | { kind: 'results'; query: string; units: UnitResult[] }
  /** A code whose prefix the standards use, with an identifier no unit has (`WP 999`). */
  | {
      kind: 'no-such-code';
      query: string;
      /** As the standards would print it: `WP 999`. */
      code: string;
      suiteTitles: string[];
      /** The codes the prefix has, as runs: `WP 201–202, 301–305, 307`. */
      held: string;
      /** The units with the nearest codes, nearest first. */
      nearest: UnitResult[];
    }
  /** A code-shaped query whose prefix no unit's code has (`SHC 31` before those codes are imported). */
  | { kind: 'unknown-code'; query: string; code: string }
  /** Words that no unit matches closely; `perhaps` holds the best weak matches (up to three, maybe none). */
  | { kind: 'no-close-match'; query: string; perhaps: UnitResult[] };

export interface SearchRequest {
  /** At most this many units (default 20). */
  limit?: number;
  /** Suite ids whose units come first among ties and near-ties (scores within NEAR_TIE of each other). */
  preferSuites?: readonly string[];
}

interface Doc {
  id: string;
  code: string;
  title: string;
  elements: string;
  criteria: string;
  knowledge: string;
  overview: string;
}

const FIELDS: MatchField[] = ['code', 'title', 'elements', 'criteria', 'knowledge', 'overview'];
const TEXT_FIELDS = FIELDS.filter((f) => f !== 'code');
const BOOST = { code: 6, title: 4, elements: 2, criteria: 1.2, knowledge: 1, overview: 0.8 };
const LABEL: Record<MatchField, string> = {
  code: 'code',
  title: 'title',
  elements: 'element',
  criteria: 'performance criterion',
  knowledge: 'knowledge',
  overview: 'overview',
};
export const fieldLabel = (f: MatchField) => LABEL[f];

/**
 * The relevance floor. A unit is a close match when it holds at least `termsNeeded(n)` of the query's n words (every
 * word of a one- or two-word query, two of three, three of four…) and its strength is at least MIN_STRENGTH. Strength
 * is the unit's score (BM25 over the boosted fields, summed over the query's words) divided by the best possible: the
 * sum, over the words, of the best score any unit gets for that word alone. So 1 means the unit is the best unit for
 * every word, and a unit that matches a word or two in passing across a long text stays below.
 */
const MIN_STRENGTH = 0.4;
const termsNeeded = (n: number) => (n <= 2 ? n : Math.ceil((2 * n) / 3));
/** Preferred suites win when their score is within this fraction of another's (a near-tie). */
const NEAR_TIE = 0.1;
const PERHAPS = 3;
const MAX_TERMS = 12;

const STOP = new Set(eng);

// Keep short tokens such as `wp`, `a` (Standard A) and numbers: codes are made of them.
const tokenize = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Typos tolerated (Levenshtein edits): two in words of 8+ letters, one in 4–7, none in shorter words. */
export const typoBudget = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/** Code spellings as separate words (`wp 301`, `wp301`, `wp-301`) so any of them finds the unit. */
function codeText(u: Unit): string {
  const out = new Set<string>();
  for (const c of [u.code, ...u.aliases]) {
    if (!c) continue;
    out.add(c.toLowerCase());
    out.add(codeKey(c));
  }
  return [...out].join(' ');
}

/** One unit's fit to a text query. */
interface Scored {
  id: string;
  /** Summed word scores times the number of words matched (MiniSearch's own ranking). */
  rank: number;
  /** See MIN_STRENGTH. */
  strength: number;
  matched: number;
  close: boolean;
  match: MatchInfo;
}

export class UnitSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly units = new Map<string, SearchableUnit>();
  private readonly byCode = new Map<string, string[]>();
  private readonly codes = new CodeBook();
  /** Every word in the index, to try a short word's swapped letters against (`parnets` → `parents`). */
  private readonly vocabulary = new Set<string>();
  /** The index's words by their Porter stem, for a word's inflections (`transitions` → `transition`). */
  private readonly byStem = new Map<string, Set<string>>();

  constructor(units: readonly SearchableUnit[]) {
    this.index = new MiniSearch<Doc>({ fields: FIELDS, storeFields: [], tokenize, searchOptions: { boost: BOOST } });
    this.index.addAll(units.map((u) => this.document(u)));
  }

  private document(u: SearchableUnit): Doc {
    this.units.set(u.id, u);
    for (const c of [u.code, ...u.aliases]) {
      if (!c) continue;
      const ids = this.byCode.get(codeKey(c)) ?? [];
      if (!ids.includes(u.id)) this.byCode.set(codeKey(c), [...ids, u.id]);
      this.codes.add(c, u.id, u.suiteTitle);
    }
    const doc: Doc = {
      id: u.id,
      code: codeText(u),
      title: unitTitles(u).join('\n'), // the seed's title and those printed for it
      elements: linesOf(u, 'elements').join('\n'),
      criteria: linesOf(u, 'criteria').join('\n'),
      knowledge: [...u.knowledge, ...u.criteria.flatMap((c) => c.knowledge)]
        .map((k) => (k.code ? `${k.code} ${k.text}` : k.text))
        .join('\n'),
      overview: linesOf(u, 'overview').join('\n'),
    };
    for (const f of TEXT_FIELDS)
      for (const word of tokenize(doc[f])) {
        if (this.vocabulary.has(word)) continue;
        this.vocabulary.add(word);
        const stem = stemmer(word);
        this.byStem.set(stem, (this.byStem.get(stem) ?? new Set()).add(word));
      }
    return doc;
  }

  get size(): number {
    return this.units.size;
  }

  /** A unit's criteria, knowledge statements and elements, as evidence can point at them ([] if unknown). */
  criteria(id: string): CriterionItem[] {
    const unit = this.units.get(id);
    return unit ? unitCriteria(unit) : [];
  }

  /** One unit by id, as a result without a score (null if unknown). */
  unit(id: string): UnitResult | null {
    return this.units.has(id) ? this.result(id, 0, []) : null;
  }

  /**
   * What a query finds. A code (`wp301`, `WP 301`, `gcu 1`, or the start of one as typed: `WP 30`) gives its units, in
   * code order; a code whose prefix exists but whose number does not (`WP 999`) says so with the codes that exist and
   * the nearest; any other code-shaped query that no text matches closely (`SHC 31`) is not in the standards. Words
   * give the units above the relevance floor (see MIN_STRENGTH), or no close match with the best three below it.
   */
  search(query: string, request: SearchRequest = {}): SearchAnswer {
    const q = query.trim().replace(/\s+/g, ' ').slice(0, 200);
    const limit = request.limit ?? 20;
    const prefer = new Set(request.preferSuites ?? []);
    if (!q) return { kind: 'results', query: q, units: [] };
    const exact = this.byCode.get(codeKey(q)) ?? [];
    const code = parseCode(q);

    if (code && this.codes.knows(code.prefixKey)) {
      const ids = [...new Set([...exact, ...this.codes.continuing(code)])];
      if (ids.length) return { kind: 'results', query: q, units: ids.slice(0, limit).map((id) => this.codeResult(id)) };
      const missing = this.codes.missing(code)!;
      return {
        kind: 'no-such-code',
        query: q,
        code: missing.code,
        suiteTitles: missing.suiteTitles,
        held: missing.held,
        nearest: missing.nearest.map((id) => this.result(id, 0, [])),
      };
    }

    // A code-shaped query with a prefix no code has (`KU1.1`, `SHC 31`) is looked for as it is written, in the text:
    // no typos, no word starts, and not in the codes, whose numbers alone would make `SHC 31` match `LDSS 312`.
    const numbered = code !== null && !code.letter;
    const scored = this.score(
      q,
      numbered ? { fields: TEXT_FIELDS, tolerant: false } : { fields: FIELDS, tolerant: true },
    );
    const order = (a: Scored, b: Scored) => weighted(b, prefer, this.units) - weighted(a, prefer, this.units);
    const close = scored.filter((s) => s.close && !exact.includes(s.id)).sort(order);
    if (exact.length || close.length) {
      const units = [
        ...exact.map((id) => this.codeResult(id)),
        ...close.slice(0, limit).map((s) => this.result(s.id, s.rank, this.where(s))),
      ];
      return { kind: 'results', query: q, units: units.slice(0, limit) };
    }
    if (numbered) return { kind: 'unknown-code', query: q, code: q };
    const perhaps = scored
      .sort(order)
      .slice(0, PERHAPS)
      .map((s) => this.result(s.id, s.rank, this.where(s)));
    return { kind: 'no-close-match', query: q, perhaps };
  }

  /**
   * The units a picker (the tag form, "your codes") offers for a query: the ones the lookup lists, since the user
   * chooses among them (see listedUnits).
   */
  suggest(query: string, request: SearchRequest = {}): UnitResult[] {
    return listedUnits(this.search(query, request));
  }

  /** Every unit that matches at least one of the query's words, with its rank, strength and whether it is close. */
  private score(q: string, how: { fields: MatchField[]; tolerant: boolean }): Scored[] {
    const words = [...new Set(tokenize(q))];
    const content = words.filter((w) => !STOP.has(w));
    const terms = (content.length ? content : words).slice(0, MAX_TERMS);
    const perTerm = terms.map((t) => this.termMatches(t, how));
    const best = perTerm.reduce((sum, m) => sum + Math.max(0, ...[...m.values()].map((r) => r.score)), 0);
    const ids = new Set(perTerm.flatMap((m) => [...m.keys()]));
    return [...ids].map((id) => {
      let sum = 0;
      let matched = 0;
      const match: MatchInfo = {};
      for (const m of perTerm) {
        const r = m.get(id);
        if (!r) continue;
        sum += r.score;
        matched += 1;
        for (const [term, fields] of Object.entries(r.match))
          match[term] = [...new Set([...(match[term] ?? []), ...fields])];
      }
      const strength = best > 0 ? sum / best : 0;
      return {
        id,
        rank: sum * matched,
        strength,
        matched,
        close: matched >= termsNeeded(terms.length) && strength >= MIN_STRENGTH,
        match,
      };
    });
  }

  /**
   * Each unit's best score for one word: as written and as the start of longer words (`transitio`, scored lower, as
   * MiniSearch scores word starts), and its inflections in full (`transitions` finds `transition`, `supporting`
   * finds `support`); only when none of these is in the index, with typos (see typoBudget), counting a swap of two
   * letters in a short word as one edit (`parnets`).
   */
  private termMatches(term: string, how: { fields: MatchField[]; tolerant: boolean }) {
    const best = new Map<string, { score: number; match: MatchInfo }>();
    const run = (text: string, options: SearchOptions) => {
      for (const r of this.index.search(text, { fields: how.fields, boost: BOOST, ...options })) {
        const id = r.id as string;
        const had = best.get(id);
        const match = { ...(had?.match ?? {}), ...r.match };
        best.set(id, { score: Math.max(had?.score ?? 0, r.score), match });
      }
    };
    if (!how.tolerant) {
      run(term, {});
      return best;
    }
    const number = /^\d+$/.test(term);
    run(term, { prefix: term.length >= 2 });
    if (number) return best;
    for (const word of this.inflections(term)) run(word, {});
    const budget = typoBudget(term);
    if (best.size === 0 && budget > 0) {
      run(term, { fuzzy: budget });
      // A stem of 5+ letters also gets typos (`safegaurding` → `safegaurd` → `safeguard`); a shorter one would reach
      // unrelated short words (`nothing` → `noth` → `not`).
      const stem = stemmer(term);
      if (stem !== term && stem.length >= 5) run(stem, { fuzzy: typoBudget(stem), prefix: true });
      if (budget === 1) for (const swapped of swaps(term)) if (this.vocabulary.has(swapped)) run(swapped, {});
    }
    return best;
  }

  /**
   * The index's other forms of a word: the same Porter stem, and endings of at most five letters after what they
   * share (`learners`/`learning`, `observe`/`observation`), so that over-eager stems do not count (`communication`
   * and `community` share the stem `commun`, but not an inflection).
   */
  private inflections(word: string): string[] {
    const out: string[] = [];
    for (const other of this.byStem.get(stemmer(word)) ?? []) {
      if (other === word) continue;
      let shared = 0;
      while (shared < word.length && word[shared] === other[shared]) shared++;
      if (word.length - shared <= 5 && other.length - shared <= 5) out.push(other);
    }
    return out;
  }

  private codeResult(id: string): UnitResult {
    return this.result(id, Number.MAX_SAFE_INTEGER, [{ field: 'code', excerpt: null }]);
  }

  private result(id: string, score: number, where: UnitResult['where']): UnitResult {
    const u = this.units.get(id)!;
    return { unitId: id, suiteId: u.suiteId, code: u.code, title: u.title, suiteTitle: u.suiteTitle, score, where };
  }

  /** The fields that matched, best (most boosted) first, each with the line of text that matched. */
  private where(s: Scored): UnitResult['where'] {
    const fields = new Set<MatchField>();
    for (const f of Object.values(s.match)) for (const field of f) fields.add(field as MatchField);
    const u = this.units.get(s.id)!;
    const terms = Object.keys(s.match);
    return [...fields]
      .sort((a, b) => BOOST[b] - BOOST[a])
      .map((field) => ({
        field,
        excerpt: field === 'code' || field === 'title' ? null : excerpt(linesOf(u, field), terms),
      }));
  }
}

/** The units an answer lists, whichever its case: the results, the nearest codes or the "perhaps" ones (or none). */
export function listedUnits(answer: SearchAnswer): UnitResult[] {
  switch (answer.kind) {
    case 'results':
      return answer.units;
    case 'no-such-code':
      return answer.nearest;
    case 'no-close-match':
      return answer.perhaps;
    case 'unknown-code':
      return [];
  }
}

/** A unit's rank, raised by NEAR_TIE when its suite is preferred, so it passes others only when they nearly tie. */
function weighted(s: Scored, prefer: ReadonlySet<string>, units: ReadonlyMap<string, SearchableUnit>): number {
  return prefer.has(units.get(s.id)!.suiteId) ? s.rank * (1 + NEAR_TIE) : s.rank;
}

/** The word with two neighbouring letters swapped, each way it can be. */
function swaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

function linesOf(u: Unit, field: MatchField): string[] {
  switch (field) {
    case 'elements':
      return u.elements.map((e) => e.title);
    case 'criteria':
      return u.criteria.map((c) => c.text);
    case 'knowledge':
      return [...u.knowledge, ...u.criteria.flatMap((c) => c.knowledge)].map((k) => k.text);
    case 'overview':
      return [u.overview, u.whoFor, ...(u.values ?? [])].filter((x): x is string => !!x);
    default:
      return [];
  }
}

/** The line with the most matched terms, shortened around the first one. */
function excerpt(lines: string[], terms: string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const line of lines) {
    const lower = line.toLowerCase();
    const count = terms.filter((t) => lower.includes(t)).length;
    if (count > bestCount) [best, bestCount] = [line, count];
  }
  if (best === null) return lines[0] ?? null;
  if (best.length <= 140) return best;
  const at = Math.max(0, best.toLowerCase().indexOf(terms.find((t) => best.toLowerCase().includes(t)) ?? '') - 40);
  return `${at > 0 ? '…' : ''}${best.slice(at, at + 140)}…`;
}
