// Quick lookup: one MiniSearch index over every unit's codes, title, elements, criteria, knowledge and overview.
// Built once per popup (a few ms for ~200 units), queried on every keystroke. Pure: runs in Node and in pages.
import MiniSearch, { type SearchResult } from 'minisearch';
import { codeKey } from './dataset/codes';
import type { Unit } from './dataset/schema';
import { unitTitles } from './dataset/unit-names';

export interface SearchableUnit extends Unit {
  suiteTitle: string;
}

export type MatchField = 'code' | 'title' | 'elements' | 'criteria' | 'knowledge' | 'overview';

export interface UnitResult {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
  score: number;
  /** Where the query matched, best first, with a short excerpt of the matching text (null for code and title). */
  where: { field: MatchField; excerpt: string | null }[];
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

export class UnitSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly units = new Map<string, SearchableUnit>();
  private readonly byCode = new Map<string, string[]>();

  constructor(units: readonly SearchableUnit[]) {
    this.index = new MiniSearch<Doc>({
      fields: FIELDS,
      storeFields: [],
      // Keep short tokens such as `wp`, `a` (Standard A) and numbers: codes are made of them.
      tokenize: (text) =>
        text
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      searchOptions: { boost: BOOST, prefix: true, fuzzy: (term) => (term.length >= 5 ? 0.3 : 0), combineWith: 'AND' },
    });
    this.index.addAll(
      units.map((u) => {
        this.units.set(u.id, u);
        for (const c of [u.code, ...u.aliases]) {
          if (!c) continue;
          const ids = this.byCode.get(codeKey(c)) ?? [];
          if (!ids.includes(u.id)) this.byCode.set(codeKey(c), [...ids, u.id]);
        }
        return {
          id: u.id,
          code: codeText(u),
          title: unitTitles(u).join('\n'), // the seed's title and those printed for it
          elements: u.elements.map((e) => e.title).join('\n'),
          criteria: u.criteria.map((c) => c.text).join('\n'),
          knowledge: [...u.knowledge, ...u.criteria.flatMap((c) => c.knowledge)]
            .map((k) => (k.code ? `${k.code} ${k.text}` : k.text))
            .join('\n'),
          overview: [u.overview, u.whoFor, ...(u.values ?? [])].filter(Boolean).join('\n'),
        };
      }),
    );
  }

  get size(): number {
    return this.units.size;
  }

  /** One unit by id, as a result without a score (null if unknown). */
  unit(id: string): UnitResult | null {
    return this.units.has(id) ? this.result(id, 0, []) : null;
  }

  /** Units for a query, best first. An exact code (`wp301`, `WP 301`, `gcu 1`) comes first. */
  search(query: string, limit = 20): UnitResult[] {
    const q = query.trim().slice(0, 200);
    if (!q) return [];
    const exact = this.byCode.get(codeKey(q)) ?? [];
    let found = this.index.search(q);
    // Nothing has every word: fall back to any word, so a long paraphrase still finds something.
    if (found.length === 0 && /\s/.test(q)) found = this.index.search(q, { combineWith: 'OR' });
    const results: UnitResult[] = [];
    const seen = new Set<string>();
    for (const id of exact) {
      seen.add(id);
      results.push(this.result(id, Number.MAX_SAFE_INTEGER, [{ field: 'code', excerpt: null }]));
    }
    for (const r of found) {
      if (seen.has(r.id as string)) continue;
      seen.add(r.id as string);
      results.push(this.result(r.id as string, r.score, this.where(r)));
      if (results.length >= limit) break;
    }
    return results.slice(0, limit);
  }

  private result(id: string, score: number, where: UnitResult['where']): UnitResult {
    const u = this.units.get(id)!;
    return { unitId: id, code: u.code, title: u.title, suiteTitle: u.suiteTitle, score, where };
  }

  /** The fields that matched, best (most boosted) first, each with the line of text that matched. */
  private where(r: SearchResult): UnitResult['where'] {
    const fields = new Set<MatchField>();
    for (const f of Object.values(r.match)) for (const field of f) fields.add(field as MatchField);
    const u = this.units.get(r.id as string)!;
    const terms = Object.keys(r.match);
    return [...fields]
      .sort((a, b) => BOOST[b] - BOOST[a])
      .map((field) => ({
        field,
        excerpt: field === 'code' || field === 'title' ? null : excerpt(linesOf(u, field), terms),
      }));
  }
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
