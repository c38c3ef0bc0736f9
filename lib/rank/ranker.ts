// Scores every unit against a page's text and says why: which page sentences match which of the unit's phrases.
//
// Each unit contributes phrases (title, element titles, criteria, knowledge statements, overview/values), each a set
// of stemmed content words. Words are weighted by IDF over units (a word in every unit, like "children", says little).
// For every page sentence, an inverted index accumulates, per phrase, the IDF of the phrase words the sentence holds.
// A sentence supports a phrase when it holds at least two of its words (or the whole phrase), one of them about the
// work rather than the people ("children", "parents" alone say nothing); the pair's strength is the share of the
// phrase's IDF it covers times the field's weight. A page that never names the people of this field (an accountant's
// job) has its scores scaled to nothing. A unit's score adds its best distinct sentences with diminishing weights,
// plus bonuses for explicit references found by the matcher and for its title appearing in full. Pure: no DOM, no
// Node API.
import type { Suite } from '../dataset/schema';
import { normaliseTitleKey } from '../dataset/codes';
import { contentStems, PAGE_SYNONYMS, splitSentences } from './text';

export type RankField = 'title' | 'element' | 'criterion' | 'knowledge' | 'overview';

export interface RankWhy {
  /** A sentence of the page, verbatim. */
  sentence: string;
  /** Offset of the sentence in the ranked text. */
  start: number;
  /** The unit's text it matched. */
  phrase: string;
  field: RankField;
}

export interface RankedUnit {
  unitId: string;
  suiteId: string;
  code: string | null;
  title: string;
  score: number;
  /** References to the unit the matcher found on the page (0 if none). */
  explicit: number;
  /** Units of other suites with the same title, folded into this entry (they score the same). */
  alsoUnitIds: string[];
  why: RankWhy[];
}

export interface RankOptions {
  /** unit id → number of explicit references found by the matcher. */
  explicit?: ReadonlyMap<string, number>;
  /** Only units of these suites (all when absent or empty). */
  suiteIds?: readonly string[];
  /** Most units returned (default 20). */
  limit?: number;
  /** Minimum score shown (default RANK_THRESHOLD). */
  threshold?: number;
}

export interface Ranker {
  rank(text: string, opts?: RankOptions): RankedUnit[];
}

/** Below this score a unit is not a match. Calibrated on the evaluation set (npm run eval), negatives included. */
export const RANK_THRESHOLD = 1.0;

const FIELD_WEIGHT: Record<RankField, number> = {
  title: 1.6,
  element: 1.2,
  criterion: 1,
  knowledge: 0.7,
  overview: 0.5,
};
/** Weights of a unit's best, second, third… supporting sentences. */
const SENTENCE_WEIGHTS = [1, 0.6, 0.4, 0.25, 0.15];
const EXPLICIT_BONUS = 2;
const FULL_TITLE_BONUS = 0.8;
/** Most sentences read from one page (a 20,000-word page has about 1,500). */
const MAX_SENTENCES = 5_000;
const MAX_WHY = 3;
/** How sharply a partly matched phrase loses strength (1: in proportion to the share of its weight matched). */
const COVER_POWER = 1;
/**
 * The people these standards are about. A page that never mentions any of them (an accountant's or a chef's job)
 * is not about these standards, whatever verbs it shares with them: its scores are scaled down to nothing.
 */
const PEOPLE = new Set([
  'child',
  'young',
  'person',
  'parent',
  'famili',
  'pupil',
  'learner',
  'student',
  'babi',
  'carer',
  'teenag',
  'youth',
  'client',
]);

interface Phrase {
  unit: number;
  field: RankField;
  text: string;
  /** Distinct stem ids. */
  stems: number[];
  /** Sum of the IDF of its stems. */
  weight: number;
}

interface UnitInfo {
  id: string;
  suiteId: string;
  code: string | null;
  title: string;
}

export function buildRanker(suites: readonly Suite[]): Ranker {
  const stemIds = new Map<string, number>();
  const units: UnitInfo[] = [];
  const raw: { unit: number; field: RankField; text: string; stems: number[] }[] = [];
  const df: number[] = [];

  const idsOf = (text: string): number[] => {
    const out = new Set<number>();
    for (const s of contentStems(text)) {
      let id = stemIds.get(s);
      if (id === undefined) stemIds.set(s, (id = stemIds.size));
      out.add(id);
    }
    return [...out];
  };

  for (const suite of suites)
    for (const u of suite.units) {
      const unit = units.length;
      units.push({ id: u.id, suiteId: u.suiteId, code: u.code, title: u.title });
      const add = (field: RankField, text: string | null | undefined) => {
        if (!text) return;
        const stems = idsOf(text);
        if (stems.length) raw.push({ unit, field, text, stems });
      };
      add('title', u.title);
      for (const e of u.elements) add('element', e.title);
      for (const c of u.criteria) {
        add('criterion', c.text);
        for (const k of c.knowledge) add('knowledge', k.text);
      }
      for (const k of u.knowledge) add('knowledge', k.text);
      add('overview', u.overview);
      for (const v of u.values ?? []) add('overview', v);
    }

  // Document frequency over units.
  const seen = new Set<string>();
  for (const p of raw)
    for (const s of p.stems) {
      const key = `${p.unit}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      df[s] = (df[s] ?? 0) + 1;
    }
  const n = units.length;
  const idf = df.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const phrases: Phrase[] = raw.map((p) => ({ ...p, weight: p.stems.reduce((w, s) => w + idf[s], 0) }));
  const postings: number[][] = Array.from({ length: stemIds.size }, () => []);
  phrases.forEach((p, i) => {
    for (const s of p.stems) postings[s].push(i);
  });
  const titleOf = units.map(() => -1);
  phrases.forEach((p, i) => {
    if (p.field === 'title' && titleOf[p.unit] < 0) titleOf[p.unit] = i;
  });

  // Scratch per phrase, reused across sentences.
  const sum = new Float64Array(phrases.length);
  const count = new Uint16Array(phrases.length);
  const doing = new Uint8Array(phrases.length);
  const isPeople = new Uint8Array(stemIds.size);
  for (const [stem, id] of stemIds) if (PEOPLE.has(stem)) isPeople[id] = 1;

  return {
    rank(text, opts = {}) {
      const threshold = opts.threshold ?? RANK_THRESHOLD;
      const allowed = opts.suiteIds?.length ? new Set(opts.suiteIds) : null;
      // unit → its supporting pairs (strength, sentence index, phrase index).
      const support = new Map<number, { strength: number; sentence: number; phrase: number }[]>();
      const sentences = splitSentences(text).slice(0, MAX_SENTENCES);
      const touched: number[] = [];
      let aboutPeople = 0;
      sentences.forEach((sentence, si) => {
        const stems = new Set<number>();
        let people = false;
        for (const s of contentStems(sentence.text))
          for (const w of [s, ...(PAGE_SYNONYMS[s] ?? [])]) {
            if (PEOPLE.has(w)) people = true;
            const id = stemIds.get(w);
            if (id !== undefined) stems.add(id);
          }
        if (people) aboutPeople++;
        for (const s of stems)
          for (const p of postings[s]) {
            if (count[p] === 0) touched.push(p);
            count[p]++;
            sum[p] += idf[s];
            if (!isPeople[s]) doing[p] = 1;
          }
        // Best phrase per unit in this sentence.
        const best = new Map<number, { strength: number; phrase: number }>();
        for (const p of touched) {
          const phrase = phrases[p];
          const whole = count[p] === phrase.stems.length;
          // A phrase matched only by who-words ("children and young people") says nothing about the work.
          if (doing[p] && (count[p] >= 2 || (whole && phrase.weight >= 3))) {
            const cover = sum[p] / phrase.weight;
            const strength = cover ** COVER_POWER * FIELD_WEIGHT[phrase.field] * Math.min(1, sum[p] / 6);
            const b = best.get(phrase.unit);
            if (!b || strength > b.strength) best.set(phrase.unit, { strength, phrase: p });
          }
          count[p] = 0;
          sum[p] = 0;
          doing[p] = 0;
        }
        touched.length = 0;
        for (const [unit, b] of best) {
          let list = support.get(unit);
          if (!list) support.set(unit, (list = []));
          list.push({ strength: b.strength, sentence: si, phrase: b.phrase });
        }
      });

      // How much the page is about the people of this field: full weight from a tenth of its sentences (1 to 3).
      const needed = Math.min(3, Math.max(1, sentences.length * 0.1));
      const relevance = Math.min(1, aboutPeople / needed);
      const explicit = opts.explicit ?? new Map<string, number>();
      const candidates = new Set<number>(support.keys());
      units.forEach((u, i) => {
        if (explicit.has(u.id)) candidates.add(i);
      });
      const ranked: RankedUnit[] = [];
      for (const i of candidates) {
        const u = units[i];
        if (allowed && !allowed.has(u.suiteId)) continue;
        const list = (support.get(i) ?? []).sort((a, b) => b.strength - a.strength);
        let score = 0;
        list.slice(0, SENTENCE_WEIGHTS.length).forEach((s, k) => (score += s.strength * SENTENCE_WEIGHTS[k]));
        if (list.some((s) => s.phrase === titleOf[i] && s.strength >= FIELD_WEIGHT.title * 0.99))
          score += FULL_TITLE_BONUS;
        score *= relevance;
        const refs = explicit.get(u.id) ?? 0;
        if (refs > 0) score += EXPLICIT_BONUS + Math.log2(refs);
        if (score < threshold) continue;
        ranked.push({
          unitId: u.id,
          suiteId: u.suiteId,
          code: u.code,
          title: u.title,
          score: Math.round(score * 1000) / 1000,
          explicit: refs,
          alsoUnitIds: [],
          why: list.slice(0, MAX_WHY).map((s) => ({
            sentence: sentences[s.sentence].text,
            start: sentences[s.sentence].start,
            phrase: phrases[s.phrase].text,
            field: phrases[s.phrase].field,
          })),
        });
      }
      ranked.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
      // One entry per title: the same unit printed in several suites would otherwise fill the list with copies.
      const byTitle = new Map<string, RankedUnit>();
      const out: RankedUnit[] = [];
      for (const r of ranked) {
        const key = normaliseTitleKey(r.title);
        const first = byTitle.get(key);
        if (first) first.alsoUnitIds.push(r.unitId);
        else {
          byTitle.set(key, r);
          out.push(r);
        }
      }
      return out.slice(0, opts.limit ?? 20);
    },
  };
}
