// Close titles: a line that is a unit's title with small differences (issue 11): a function word added, dropped or
// changed ("with parents" / "in work with parents"), inflection ("Building and maintaining"), case, punctuation,
// `&`/`and`, a code or a credit count around it.
//
// The mechanism is content-word alignment, not a list of variants:
// - A title is reduced to the stems of its content words (function words such as `in`, `with`, `their` dropped;
//   Porter stems, so `building`/`build` and `relationships`/`relationship` are one). Titles of fewer than three
//   content words never match closely.
// - The text is cut into title-like segments: a whole line (a block, or text between line breaks and list bullets),
//   or a Title Case sentence. A leading label (`Unit 300`, `CYP Core 3.1:`, `4.`) and trailing credits or levels
//   (`(Level 3, 4 credits)`) are set aside.
// - A segment is compared with the titles that start with the same content word (a different first word, such as a
//   verb put in front of a title, makes another unit: "Contribute to the support of child and young person
//   development" is not "Child and young person development"). The longest common subsequence of stems gives the
//   score, Dice's coefficient 2·common / (title words + segment words); at most one title word may be missing (none
//   from a title of three or four content words) and at most two words added (one to a title of three).
// - The scan stems a segment's words only when its first content word is a title's first word and it is not longer
//   than the longest title allows, so ordinary prose costs a pass over token ids.
import { stemmer } from 'stemmer';
import type { Tokens, Vocabulary } from './tokenise';
import { HARD_BEFORE, HAS_ALPHA, HAS_DIGIT, LINE_BEFORE, tokenText } from './tokenise';

/** Words a title may add, drop or change without becoming another title. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or nor of to in into on onto upon with within without for from by at as about their its his her ' +
    'your our my own that which who whom whose this these those be being been is are was were it them they we you ' +
    'he she s'
  ).split(' '),
);
/** Words that print next to a number after a title in listings: `(Level 3, 4 credits)`, `6 GLH`, `Unit 12`. */
const LABEL_WORDS = new Set('level levels credit credits glh tqt hours hrs unit units module modules'.split(' '));

/** Lowest score reported as close. */
export const CLOSE_MIN_SCORE = 0.7;
/** Titles with fewer content words than this never match closely. */
const MIN_CONTENT = 3;
/** Longest segment (in words) compared with titles; titles are far shorter. */
const MAX_SEGMENT_WORDS = 32;
/** A leading label is looked for in this many first words of a segment. */
const LABEL_WORDS_MAX = 5;

const FUNCTION = -2;
const OTHER = -1;
/** A vocabulary word not stemmed yet (stemmed on first use, so building the matcher stems nothing but titles). */
const UNSEEN = -3;

interface CloseTitle {
  stems: Int32Array;
  unitIds: string[];
  suiteIds: string[];
}

/** A close title found in a text: offsets in the original text, end exclusive. */
export interface CloseHit {
  start: number;
  end: number;
  score: number;
  unitIds: string[];
  suiteIds: string[];
}

/** Inflected forms of a title's first word that stem like it (`build` → `building`, `builds`, `built` aside). */
function headForms(word: string): string[] {
  const out = [word, `${word}s`, `${word}es`, `${word}ing`, `${word}ed`, `${word}d`];
  if (word.endsWith('e')) out.push(`${word.slice(0, -1)}ing`);
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`, `${word.slice(0, -3)}s`);
  if (word.endsWith('y')) out.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  if (/[bdgmnpt]$/.test(word)) out.push(`${word}${word.slice(-1)}ing`, `${word}${word.slice(-1)}ed`);
  const stem = stemmer(word);
  return out.filter((w) => w.length > 2 && stemmer(w) === stem);
}

/**
 * The dataset's titles as content-word stems. Use: `add` every title, `addWords` to the vocabulary before it is
 * sealed, `seal` with the sealed vocabulary, then `find` per scanned text.
 */
export class CloseTitles {
  private readonly groups = new Map<string, { stems: string[]; unitIds: string[]; suiteIds: string[] }>();
  /** Titles' first content words as printed: their inflected forms are added to the vocabulary. */
  private readonly heads = new Set<string>();
  private readonly stemIds = new Map<string, number>();
  private readonly byHead = new Map<number, CloseTitle[]>();
  /** Vocabulary id → stem id of a title word, FUNCTION, OTHER, or UNSEEN. */
  private wordStem = new Int32Array(0);
  private words: readonly string[] = [];
  /** Vocabulary id → 1 for LABEL_WORDS. */
  private labelWord = new Uint8Array(0);
  /** Most content words in a title. */
  private longest = 0;
  /** Sentence starts of the line being read (reused). */
  private readonly cuts: number[] = [];

  /** Records a title (its words as the tokeniser spells them). */
  add(words: readonly string[], unitId: string, suiteId: string): void {
    const content = words.filter((w) => !FUNCTION_WORDS.has(w) && !/^\d/.test(w));
    if (content.length < MIN_CONTENT) return;
    const stems = content.map((w) => stemmer(w));
    this.heads.add(content[0]);
    const key = stems.join(' ');
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { stems, unitIds: [], suiteIds: [] }));
    for (let i = 0; i < group.unitIds.length; i++)
      if (group.unitIds[i] === unitId && group.suiteIds[i] === suiteId) return;
    group.unitIds.push(unitId);
    group.suiteIds.push(suiteId);
  }

  /**
   * Adds to the vocabulary (before it is sealed) the words the scanner must know by id: function and label words, and
   * the inflected forms of titles' first words (a segment whose first word the vocabulary lacks is no close title,
   * so most lines are dismissed without stemming anything).
   */
  addWords(vocab: Vocabulary): void {
    for (const w of FUNCTION_WORDS) vocab.add(w);
    for (const w of LABEL_WORDS) vocab.add(w);
    for (const w of this.heads) for (const form of headForms(w)) vocab.add(form);
  }

  seal(vocab: Vocabulary): void {
    for (const group of this.groups.values())
      for (const s of group.stems) if (!this.stemIds.has(s)) this.stemIds.set(s, this.stemIds.size);
    this.words = vocab.words;
    this.wordStem = new Int32Array(vocab.size).fill(UNSEEN);
    this.labelWord = new Uint8Array(vocab.size);
    for (const w of FUNCTION_WORDS) if (vocab.get(w) >= 0) this.wordStem[vocab.get(w)] = FUNCTION;
    for (const w of LABEL_WORDS) if (vocab.get(w) >= 0) this.labelWord[vocab.get(w)] = 1;
    for (const group of this.groups.values()) {
      this.longest = Math.max(this.longest, group.stems.length);
      const stems = Int32Array.from(group.stems, (s) => this.stemIds.get(s)!);
      const title: CloseTitle = { stems, unitIds: group.unitIds, suiteIds: group.suiteIds };
      const list = this.byHead.get(stems[0]);
      if (list) list.push(title);
      else this.byHead.set(stems[0], [title]);
    }
  }

  /** Close titles in the title-like segments of a tokenised text. Sorted by start, non-overlapping. */
  find(text: string, t: Tokens): CloseHit[] {
    const out: CloseHit[] = [];
    if (this.byHead.size === 0) return out;
    const { count, flags } = t;
    let lineStart = 0;
    for (let i = 1; i <= count; i++) {
      if (i < count && !(flags[i] & LINE_BEFORE)) continue;
      this.findInLine(text, t, lineStart, i, out);
      lineStart = i;
    }
    return out;
  }

  /** Tokens [from, to) are one line: its sentences are segments when the line is one (labelled) sentence or Title Case. */
  private findInLine(text: string, t: Tokens, from: number, to: number, out: CloseHit[]): void {
    const { flags, start, end } = t;
    const cuts = this.cuts;
    cuts.length = 0;
    cuts.push(from);
    for (let i = from + 1; i < to; i++) {
      if (!(flags[i] & HARD_BEFORE)) continue;
      // `3.1`: a point between two numbers is no sentence break.
      if (flags[i] & HAS_DIGIT && flags[i - 1] & HAS_DIGIT && start[i] === end[i - 1] + 1) continue;
      cuts.push(i);
    }
    cuts.push(to);
    const sentences = cuts.length - 1;
    for (let s = 0; s < sentences; s++) {
      const a = cuts[s];
      const b = cuts[s + 1];
      if (b - a > MAX_SEGMENT_WORDS || b - a < MIN_CONTENT) continue;
      const wholeLine =
        sentences === 1 ||
        (sentences === 2 && s === 1 && this.isLabel(t, cuts[0], cuts[1])) ||
        this.titleCase(text, t, a, b);
      if (wholeLine) this.findInSegment(text, t, a, b, out);
    }
  }

  /** A short run with a number in it: `Unit 12`, `CYP Core 3.1`, `4`. */
  private isLabel(t: Tokens, a: number, b: number): boolean {
    if (b - a > LABEL_WORDS_MAX) return false;
    for (let i = a; i < b; i++) if (t.flags[i] & HAS_DIGIT) return true;
    return false;
  }

  /** Most of the segment's content words start with a capital letter, as in a heading or a course listing. */
  private titleCase(text: string, t: Tokens, a: number, b: number): boolean {
    let content = 0;
    let capital = 0;
    for (let i = a; i < b; i++) {
      if (!(t.flags[i] & HAS_ALPHA) || t.flags[i] & HAS_DIGIT) continue;
      const id = t.id[i];
      if (id >= 0 && this.wordStem[id] === FUNCTION) continue;
      content++;
      const c = text.charCodeAt(t.start[i]);
      if (c >= 0x41 && c <= 0x5a) capital++;
    }
    return content >= MIN_CONTENT && capital * 4 >= content * 3;
  }

  private stemOfWord(id: number): number {
    let s = this.wordStem[id];
    if (s === UNSEEN) s = this.wordStem[id] = this.stemIds.get(stemmer(this.words[id])) ?? OTHER;
    return s;
  }

  /** Token i's stem id (FUNCTION, OTHER for a word in no title); words the vocabulary lacks are stemmed here. */
  private stemAt(text: string, t: Tokens, i: number): number {
    const id = t.id[i];
    if (id >= 0) return this.stemOfWord(id);
    if (t.flags[i] & HAS_DIGIT) return OTHER;
    return this.stemIds.get(stemmer(tokenText(text, t, i))) ?? OTHER;
  }

  private findInSegment(text: string, t: Tokens, a: number, b: number, out: CloseHit[]): void {
    const { flags, id } = t;
    // A leading label: everything up to the last number among the first words (`Unit 300`, `CYP Core 3.1`).
    for (let i = Math.min(b, a + LABEL_WORDS_MAX) - 1; i >= a; i--) {
      if (flags[i] & HAS_DIGIT) {
        a = i + 1;
        break;
      }
    }
    // Trailing credits, levels and numbers: `(Level 3, 4 credits)`.
    while (b > a && (flags[b - 1] & HAS_DIGIT || (id[b - 1] >= 0 && this.labelWord[id[b - 1]] === 1))) b--;
    // Leading and trailing function words are not part of the title's span.
    while (a < b && id[a] >= 0 && this.wordStem[id[a]] === FUNCTION) a++;
    while (b > a && id[b - 1] >= 0 && this.wordStem[id[b - 1]] === FUNCTION) b--;
    if (b - a < MIN_CONTENT || b - a > MAX_SEGMENT_WORDS) return;
    if (b - a < MIN_CONTENT) return;

    // Cheap checks first: not too many content words, one of them a title word, the first one a title's first word.
    let content = 0;
    let known = 0;
    let first = -1;
    for (let i = a; i < b; i++) {
      const s = id[i] >= 0 ? this.stemOfWord(id[i]) : OTHER;
      if (s === FUNCTION) continue;
      if (first < 0) first = i;
      if (++content > this.longest + 2) return;
      if (s >= 0) known++;
    }
    if (known === 0 || content < MIN_CONTENT) return;
    if (id[first] < 0) return; // not a title's first word in any form the vocabulary holds
    const candidates = this.byHead.get(this.stemOfWord(id[first]));
    if (!candidates) return;

    const stems: number[] = [];
    for (let i = a; i < b; i++) {
      const s = this.stemAt(text, t, i);
      if (s !== FUNCTION) stems.push(s);
    }

    let best: CloseHit | null = null;
    for (const title of candidates) {
      const score = closeScore(title.stems, stems);
      if (score < CLOSE_MIN_SCORE) continue;
      if (!best || score > best.score) {
        best = {
          start: t.start[a],
          end: t.end[b - 1],
          score,
          unitIds: [...title.unitIds],
          suiteIds: [...title.suiteIds],
        };
      } else if (score === best.score) {
        for (let k = 0; k < title.unitIds.length; k++) {
          best.unitIds.push(title.unitIds[k]);
          best.suiteIds.push(title.suiteIds[k]);
        }
      }
    }
    if (best) out.push(best);
  }
}

/**
 * How close a segment's content stems are to a title's: Dice's coefficient over their longest common subsequence,
 * or 0 when more words are missing or added than a close title allows.
 */
export function closeScore(title: ArrayLike<number>, segment: ArrayLike<number>): number {
  const n = title.length;
  const m = segment.length;
  const maxMissing = n >= 5 ? 1 : 0;
  const maxAdded = n >= 4 ? 2 : 1;
  // The counts alone can rule it out: m - n words at least are added, n - m at least missing.
  if (n < MIN_CONTENT || m - n > maxAdded || n - m > maxMissing) return 0;
  if (rowA.length <= m) {
    rowA = new Uint8Array(m + 1);
    rowB = new Uint8Array(m + 1);
  }
  // Longest common subsequence, one row at a time (both are short).
  let prev = rowA;
  let row = rowB;
  prev.fill(0, 0, m + 1);
  row[0] = 0;
  for (let i = 1; i <= n; i++) {
    const ti = title[i - 1];
    for (let j = 1; j <= m; j++) {
      row[j] = ti === segment[j - 1] && ti >= 0 ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  const common = prev[m];
  if (n - common > maxMissing || m - common > maxAdded || common < MIN_CONTENT) return 0;
  return (2 * common) / (n + m);
}

/** closeScore's rows, reused. */
let rowA = new Uint8Array(64);
let rowB = new Uint8Array(64);
