// Scores every unit against a page's text and says why: which page sentences match which of the unit's phrases.
//
// Each unit contributes phrases (title, element titles, criteria, knowledge statements, overview/values), each a set
// of stemmed words weighted by IDF over units. Words are of three kinds (lib/rank/vocabulary.ts): people words
// ("children", "parents"), weak words (generic verbs such as "support", "develop", "maintain", and the stock words of
// person specifications such as "high professional standards") and work words (everything else). Sentences that are
// boilerplate — addresses, contact details, navigation, cookie banners, equal-opportunities and safer-recruitment
// statements, pay lines, "how to apply" (lib/rank/boilerplate.ts) — are never read. A page sentence supports a phrase
// only through its work words: at least two of them, or the phrase's only one; people and weak words add a little
// to a match a work word has made, never make one. A sentence that holds a title word for word (a course listing's
// unit line) supports that title fully. Strength grows with the share of the phrase covered (to the power 1.5), so
// one phrase matched whole beats many matched in part; a long statement (element, criterion, knowledge) counts as
// covered once a sentence matches about as much of it as a median title holds, so a unit with its full text is scored
// by its best-matching statements on the same scale as a title-only unit, not diluted by its statements' length.
// Within one sentence a unit matched far less well than the sentence's best unit keeps little of its strength. A
// unit's score is its best sentence plus a little for a second and third, a bonus for its title printed word for
// word and for explicit references the matcher found. A page where almost no sentence names the people of this field
// (a site manager's advert) is scaled to nothing.
// Pure: no DOM, no Node API.
import type { Suite } from '../dataset/schema';
import { normaliseTitleKey } from '../dataset/codes';
import { boilerplateKind } from './boilerplate';
import { contentStems, splitSentences } from './text';
import { EVERYDAY, FIELD_PEOPLE, GROWN_UPS, PAGE_SYNONYMS, PEOPLE, WEAK, pageExtraStems } from './vocabulary';

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

/** Below this score a unit is not a match. Calibrated on the evaluation set (npm run eval -- --sweep), negatives included. */
export const RANK_THRESHOLD = 0.7;

const FIELD_WEIGHT: Record<RankField, number> = {
  title: 1.6,
  element: 1.2,
  criterion: 1,
  knowledge: 0.7,
  overview: 0.5,
};
/** Weights of a unit's best, second, third… supporting sentences: the best one decides. */
const SENTENCE_WEIGHTS = [1, 0.5, 0.25, 0.125];
const EXPLICIT_BONUS = 2;
/** For a unit whose title a sentence prints word for word. */
const FULL_TITLE_BONUS = 0.8;
/** Most sentences read from one page (a 20,000-word page has about 1,500). */
const MAX_SENTENCES = 5_000;
const MAX_WHY = 3;
/** How sharply a partly matched phrase loses strength (2: half the phrase matched keeps a quarter). */
const COVER_POWER = 1.5;
/** How much a people or weak word counts towards covering a phrase, next to a work word's 1. */
const MINOR_WORD_WEIGHT = 0.3;
/**
 * Weighted IDF a match needs for its full strength (or the whole phrase's, if less): more than one rare word, so one
 * word of a long phrase is never enough.
 */
const FULL_INFORMATION = 5.5;
/** What a unit supported by a single sentence that only paraphrases it keeps of its score. */
const LONE_PARAPHRASE_FACTOR = 0.6;
/** How much a standards' word a page expression stands for counts ("phonics" for "literacy"), next to 1. */
const THESAURUS_FACTOR = 0.7;
/** A work word this rare (in at most about six units) supports a phrase on its own ("mentor", "caseload"). */
const RARE_WORD_IDF = 3.4;
/** Within one sentence, a unit explained by a better one keeps its strength down to this share of the best's. */
const COMPETITION_SHARE = 0.6;
/** What a unit keeps when its words in a sentence all belong to another unit's title printed there word for word. */
const EXPLAINED_BY_TITLE = 0.3;
/** Share of a page's sentences that must name the people of this field for its scores to count in full. */
const FIELD_PEOPLE_SHARE = 0.2;
/** A title printed word for word counts when it has at least this many words, not all of them weak. */
const MIN_EXACT_TITLE_WORDS = 3;
/** A run of this many of a title's words in its order (two of them work words) closes half the gap to a whole match. */
const RUN_WORDS = 3;
/**
 * The most weighted IDF a statement (element, criterion, knowledge) needs matched to count as covered: about what the
 * median unit title carries. Without it a long statement is covered only in part by a sentence matching as many rare
 * words as a whole title, so units with their full text would score below title-only ones and the threshold would mean
 * less for them. Titles (the unit's name, matched whole) and overviews (a paragraph, not a statement) are not capped.
 */
const STATEMENT_COVER_WEIGHT = 10;

const enum Names {
  Nobody = 0,
  Children = 1,
  GrownUps = 2,
}

const enum WordKind {
  Work = 0,
  Weak = 1,
  People = 2,
}

interface Phrase {
  unit: number;
  field: RankField;
  text: string;
  /** Distinct stem ids. */
  stems: number[];
  /** The phrase's stem ids in order (for a title printed word for word). */
  sequence: number[];
  /** Number of distinct work stems. */
  workStems: number;
  /**
   * Whom it names: nobody, only children and young people, or grown-ups too ("parents", "colleagues"). A sentence
   * that supports it through one work word must name the same people (grown-ups if the phrase names them).
   */
  names: Names;
  /** Sum of the IDF of its stems, people and weak words discounted. A phrase of one word ("Equality") is too thin
   * to be matched by prose: only a reference names it. */
  weight: number;
  /** Whether a sentence printing it word for word supports it. */
  exactable: boolean;
  /** The weight a sentence must match to cover it fully (its weight, or less for a long statement). */
  coverWeight: number;
}

interface UnitInfo {
  id: string;
  suiteId: string;
  code: string | null;
  title: string;
}

/** A sentence's best match for a unit. */
interface Match {
  strength: number;
  phrase: number;
  exact: boolean;
  direct: boolean;
}

interface Support {
  strength: number;
  sentence: number;
  phrase: number;
  exact: boolean;
  /** Whether the page's own words matched the phrase's work words (two, or its only one), not only paraphrases. */
  direct: boolean;
}

export function buildRanker(suites: readonly Suite[]): Ranker {
  const stemIds = new Map<string, number>();
  const units: UnitInfo[] = [];
  const raw: { unit: number; field: RankField; text: string; sequence: number[] }[] = [];
  const df: number[] = [];

  const idOf = (stem: string): number => {
    let id = stemIds.get(stem);
    if (id === undefined) stemIds.set(stem, (id = stemIds.size));
    return id;
  };

  for (const suite of suites)
    for (const u of suite.units) {
      const unit = units.length;
      units.push({ id: u.id, suiteId: u.suiteId, code: u.code, title: u.title });
      const add = (field: RankField, text: string | null | undefined) => {
        if (!text) return;
        const sequence = contentStems(text).map(idOf);
        if (sequence.length) raw.push({ unit, field, text, sequence });
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

  const kind: WordKind[] = [];
  for (const [stem, id] of stemIds)
    kind[id] = PEOPLE.has(stem) ? WordKind.People : WEAK.has(stem) ? WordKind.Weak : WordKind.Work;
  const isFieldPeople = (stem: string) => FIELD_PEOPLE.has(stem);
  const grownUp: boolean[] = [];
  for (const [stem, id] of stemIds) grownUp[id] = GROWN_UPS.has(stem);

  // Document frequency over units.
  const seen = new Set<string>();
  for (const p of raw)
    for (const s of p.sequence) {
      const key = `${p.unit}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      df[s] = (df[s] ?? 0) + 1;
    }
  const n = units.length;
  const idf = df.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const wordWeight = (s: number) => idf[s] * (kind[s] === WordKind.Work ? 1 : MINOR_WORD_WEIGHT);
  const phrases: Phrase[] = raw.map((p) => {
    const stems = [...new Set(p.sequence)];
    const workStems = stems.filter((s) => kind[s] === WordKind.Work).length;
    const weight = stems.reduce((w, s) => w + wordWeight(s), 0);
    return {
      unit: p.unit,
      field: p.field,
      text: p.text,
      stems,
      sequence: p.sequence,
      workStems,
      names: stems.some((s) => grownUp[s])
        ? Names.GrownUps
        : stems.some((s) => kind[s] === WordKind.People)
          ? Names.Children
          : Names.Nobody,
      weight,
      coverWeight: p.field === 'title' || p.field === 'overview' ? weight : Math.min(weight, STATEMENT_COVER_WEIGHT),
      exactable:
        (p.field === 'title' || p.field === 'element') &&
        p.sequence.length >= MIN_EXACT_TITLE_WORDS &&
        stems.some((s) => kind[s] !== WordKind.Weak),
    };
  });
  const postings: number[][] = Array.from({ length: stemIds.size }, () => []);
  phrases.forEach((p, i) => {
    for (const s of p.stems) postings[s].push(i);
  });
  /** Per stem, the phrases it is in that have no work word (only a sentence printing them whole supports them). */
  const wordlessPostings: number[][] = postings.map((list) =>
    list.filter((p) => phrases[p].exactable && phrases[p].workStems === 0),
  );
  const titleOf = units.map(() => -1);
  phrases.forEach((p, i) => {
    if (p.field === 'title' && titleOf[p.unit] < 0) titleOf[p.unit] = i;
  });

  // Scratch per phrase, reused across sentences.
  const covered = new Float64Array(phrases.length);
  /** The IDF of the rarest work word matched. */
  const information = new Float64Array(phrases.length);
  const workCount = new Uint16Array(phrases.length);
  const directCount = new Uint16Array(phrases.length);
  /** Distinct phrase words among the sentence's own words (not words they stand for). */
  const ownCount = new Uint16Array(phrases.length);
  /** People words matched: bit 1 children, bit 2 grown-ups. */
  const peopleSeen = new Uint8Array(phrases.length);
  const hit = new Uint8Array(phrases.length);

  /** The longest run of `phrase`'s words that `sentence` prints in the same order, as [length, work words in it]. */
  const longestRun = (sentence: readonly number[], phrase: readonly number[]): [number, number] => {
    let best: [number, number] = [0, 0];
    for (let i = 0; i < sentence.length; i++)
      for (let j = 0; j < phrase.length; j++) {
        let k = 0;
        let work = 0;
        while (i + k < sentence.length && j + k < phrase.length && sentence[i + k] === phrase[j + k]) {
          if (kind[phrase[j + k]] === WordKind.Work) work++;
          k++;
        }
        if (k > best[0]) best = [k, work];
      }
    return best;
  };

  /**
   * Whether a sentence matching `work` of the phrase's work words (the rarest of IDF `rarest`) and the people in
   * `people` (a Names bit set) supports it: two work words do; one does if it is the phrase's only one or a rare one,
   * and the sentence names the phrase's people ("liaise with parents"; "helping children to calm down" is not about
   * engaging parents), or, for a phrase about no one, the word is rare.
   */
  const supports = (phrase: Phrase, work: number, people: number, rarest: number): boolean => {
    if (work >= 2) return true;
    if (work === 0 || (phrase.workStems > 1 && rarest < RARE_WORD_IDF)) return false;
    return phrase.names === Names.Nobody ? rarest >= RARE_WORD_IDF : (people & phrase.names) !== 0;
  };

  /** The best supporting phrase per unit for one sentence. */
  const supportsOf = (text: string, own: readonly string[]) => {
    const sequence = own.map((s) => stemIds.get(s) ?? -1);
    // Stem id → how much it counts (the page's own words in full, the standards' words they stand for a little
    // less) and whether it can make a match (an everyday word on its own cannot: "at home", "safe").
    const stems = new Map<number, { factor: number; makes: boolean }>();
    const note = (s: string, factor: number, makes: boolean) => {
      const id = stemIds.get(s);
      if (id === undefined) return;
      const had = stems.get(id);
      stems.set(id, { factor: Math.max(factor, had?.factor ?? 0), makes: makes || (had?.makes ?? false) });
    };
    for (const s of own) {
      note(s, 1, !EVERYDAY.has(s));
      for (const w of PAGE_SYNONYMS[s] ?? []) note(w, 1, true);
    }
    for (const s of pageExtraStems(text)) note(s, THESAURUS_FACTOR, true);
    const ownIds = new Set(sequence);
    // The phrases a work word of the sentence reaches, and those without work words its own words might print whole.
    const touched: number[] = [];
    for (const s of stems.keys())
      for (const p of kind[s] === WordKind.Work ? postings[s] : ownIds.has(s) ? wordlessPostings[s] : [])
        if (!hit[p]) {
          hit[p] = 1;
          touched.push(p);
        }
    for (const p of touched)
      for (const s of phrases[p].stems) {
        const word = stems.get(s);
        if (!word) continue;
        if (ownIds.has(s)) ownCount[p]++;
        covered[p] += wordWeight(s) * word.factor;
        if (kind[s] === WordKind.People) peopleSeen[p] |= grownUp[s] ? Names.GrownUps : Names.Children;
        if (kind[s] === WordKind.Work && word.makes) {
          workCount[p]++;
          if (word.factor === 1) directCount[p]++;
          information[p] = Math.max(information[p], idf[s] * word.factor);
        }
      }
    const best = new Map<number, Match>();
    for (const p of touched) {
      const phrase = phrases[p];
      let strength = 0;
      let exact = false;
      // Printed word for word needs all its words; a run worth a bonus, three of them with two work words.
      const run =
        phrase.exactable && (ownCount[p] === phrase.stems.length || (ownCount[p] >= RUN_WORDS && workCount[p] >= 2))
          ? longestRun(sequence, phrase.sequence)
          : [0, 0];
      if (run[0] === phrase.sequence.length) {
        strength = FIELD_WEIGHT[phrase.field];
        exact = true;
      } else if (phrase.stems.length > 1 && supports(phrase, workCount[p], peopleSeen[p], information[p])) {
        let cover = Math.min(1, covered[p] / phrase.coverWeight);
        // Part of a title printed word for word ("assessing risk of harm") is worth more than the same words apart.
        if (run[0] >= RUN_WORDS && run[1] >= 2) cover = (cover + 1) / 2;
        strength =
          cover ** COVER_POWER *
          FIELD_WEIGHT[phrase.field] *
          Math.min(1, covered[p] / Math.min(FULL_INFORMATION, phrase.weight));
      }
      if (strength > 0) {
        const b = best.get(phrase.unit);
        if (!b || strength > b.strength)
          best.set(phrase.unit, {
            strength,
            phrase: p,
            exact,
            direct: exact || directCount[p] >= Math.min(2, phrase.workStems),
          });
      }
      hit[p] = 0;
      covered[p] = 0;
      information[p] = 0;
      workCount[p] = 0;
      peopleSeen[p] = 0;
      directCount[p] = 0;
      ownCount[p] = 0;
    }
    return { best, stems };
  };

  /**
   * Within one sentence, a unit whose matched work words all belong to a better unit's match is explained by that
   * unit: it keeps its strength only in proportion to the best one's (a course listing's line that prints one
   * unit's title is not evidence for every unit sharing two of its words; a line naming two duties supports both).
   */
  const compete = (best: Map<number, Match>, stems: ReadonlyMap<number, unknown>) => {
    const order = [...best].sort((a, b) => b[1].strength - a[1].strength);
    const top = order[0]?.[1].strength ?? 0;
    /** Work word → whether the match that explained it printed a title word for word. */
    const explained = new Map<number, boolean>();
    return order.map(([unit, b]) => {
      const words = phrases[b.phrase].stems.filter((s) => kind[s] === WordKind.Work && stems.has(s));
      let strength = b.strength;
      if (!b.exact && words.length > 0 && words.every((s) => explained.has(s)))
        strength *= words.some((s) => explained.get(s))
          ? EXPLAINED_BY_TITLE
          : Math.min(1, b.strength / (COMPETITION_SHARE * top));
      for (const s of words) explained.set(s, explained.get(s) || b.exact);
      return { ...b, unit, strength };
    });
  };

  return {
    rank(text, opts = {}) {
      const threshold = opts.threshold ?? RANK_THRESHOLD;
      const allowed = opts.suiteIds?.length ? new Set(opts.suiteIds) : null;
      const support = new Map<number, Support[]>();
      const sentences = splitSentences(text)
        .slice(0, MAX_SENTENCES)
        .filter((s) => boilerplateKind(s.text) === null);
      let aboutPeople = 0;
      sentences.forEach((sentence, si) => {
        const own = contentStems(sentence.text);
        if (own.some((w) => isFieldPeople(w) || (PAGE_SYNONYMS[w] ?? []).some(isFieldPeople))) aboutPeople++;
        const { best, stems } = supportsOf(sentence.text, own);
        for (const b of compete(best, stems)) {
          let list = support.get(b.unit);
          if (!list) support.set(b.unit, (list = []));
          list.push({ strength: b.strength, sentence: si, phrase: b.phrase, exact: b.exact, direct: b.direct });
        }
      });

      // How much the page is about the people of this field: in full once a fifth of its sentences name them (and two
      // at least, or half of a very short text).
      const needed = Math.max(Math.min(2, sentences.length / 2), sentences.length * FIELD_PEOPLE_SHARE);
      const relevance = needed > 0 ? Math.min(1, aboutPeople / needed) : 0;
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
        if (list.some((s) => s.exact && s.phrase === titleOf[i])) score += FULL_TITLE_BONUS;
        // One sentence that only paraphrases the unit ("an EHC plan" for special educational needs) is weak evidence.
        if (list.length === 1 && !list[0].direct) score *= LONE_PARAPHRASE_FACTOR;
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
