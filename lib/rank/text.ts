// Splits page text into sentences (with their offsets) and sentences into stemmed content words, for ranking.
// Pure: runs in Node, in the popup and in the content script.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

export interface Sentence {
  text: string;
  start: number;
}

/** Words that say nothing about which unit a text is about, on top of the usual English stop words. */
const EXTRA_STOP = (
  'will able must may can also etc including include includes within across using use used work working ' +
  'role post job apply please successful candidate candidates applicant applicants team staff school schools ' +
  'college colleges service services provide providing provision help helping ensure ensuring new good well ' +
  'week weeks year years day days time hours per salary grade contract term during through throughout whilst while ' +
  'towards toward upon via own others'
).split(' ');

const STOP = new Set([...eng, ...EXTRA_STOP]);

/** Stems that mean the same here: the standards say "children and young people", pages say "pupils". */
const CANONICAL: Record<string, string> = { children: 'child', peopl: 'person', kid: 'child' };

/** Lower-case words of 3+ letters, stop words removed, stemmed (Porter). Numbers are dropped. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z][a-z'’-]*[a-z]/g)) {
    let stems = known.get(m[0]);
    if (!stems) {
      stems = stemsOfWord(m[0]);
      if (known.size >= MAX_KNOWN) known.clear();
      known.set(m[0], stems);
    }
    out.push(...stems);
  }
  return out;
}

/** Stems of words already seen: a page repeats its words, and Porter stemming is the cost of reading it. */
const known = new Map<string, string[]>();
const MAX_KNOWN = 50_000;

function stemsOfWord(word: string): string[] {
  // "well-being" is "wellbeing", "co-ordinate" is "coordinate": a hyphen after these is not a word break.
  const w = word
    .replace(/[’']s$/, '')
    .replace(/[’']/g, '')
    .replace(/^(well|co|pre|re|non)-/, '$1');
  const out: string[] = [];
  for (const part of w.split('-')) {
    if (part.length < 3 || STOP.has(part)) continue;
    const stem = stemmer(part);
    out.push(CANONICAL[stem] ?? stem);
  }
  return out;
}

const MAX_SENTENCE = 400;

/** Where a sentence ends: after . ! ? ; before a space, at a line break, at a bullet. */
const BOUNDARY = /(?<!\b(?:e\.g|i\.e|etc|eg|ie|incl|approx|Dr|Mr|Mrs|Ms|St|No))[.!?;]+(?=\s)|\n|[•·▪●]/g;

/**
 * Sentences of `text`, split where BOUNDARY says. Very long runs without punctuation are cut at MAX_SENTENCE chars on
 * a space. Offsets index `text`: `text.slice(s.start, s.start + s.text.length) === s.text`.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number) => {
    while (from < to) {
      let end = to;
      if (end - from > MAX_SENTENCE) {
        const cut = text.lastIndexOf(' ', from + MAX_SENTENCE);
        end = cut > from + 50 ? cut : from + MAX_SENTENCE;
      }
      const raw = text.slice(from, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (/[a-z]{3}/i.test(trimmed)) out.push({ text: trimmed, start: from + lead });
      from = end;
    }
  };
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    push(from, m[0] === '\n' || /[•·▪●]/.test(m[0]) ? end - 1 : end);
    from = end;
  }
  push(from, text.length);
  return out;
}
