// Splits text into words in one pass over the ORIGINAL string, normalising each char on the way (same rules as
// normaliseText), and gives each word its dictionary id (or -1) without allocating strings.
import { KEEP_HYPHEN, KEEP_HYPHEN_MAX } from './line-hyphen';
import { FOLD_AMPERSAND, FOLD_COLLAPSE, FOLD_REMOVE, foldChar } from './normalise';

/** Char classes, as bits. ALPHA and DIGIT double as the HAS_ALPHA and HAS_DIGIT token flags. */
const REMOVED = 1; // zero-width chars, soft hyphen: as if absent
const ALPHA = 2;
const DIGIT = 4;
const SPACE = 8; // any whitespace
const HYPHEN = 16; // any dash
const HARD = 32; // . ! ? ; :
const APOSTROPHE = 64; // any single quote
const OTHER = 128;
const AMPERSAND = 256; // a word of its own, spelled `and`
const WORD = ALPHA | DIGIT;

/** Class of each UTF-16 unit (0: not worked out yet) and, for letters and digits, its folded form. */
const charClass = new Uint16Array(0x10000);
const folded = new Uint16Array(0x10000);

function classify(c: number): number {
  const f = foldChar(c);
  let k: number;
  if (f === FOLD_REMOVE) k = REMOVED;
  else if (f === FOLD_COLLAPSE) k = SPACE;
  else if (f === FOLD_AMPERSAND) k = AMPERSAND;
  else {
    if ((f >= 0x61 && f <= 0x7a) || (f >= 0x41 && f <= 0x5a)) k = ALPHA;
    else if (f >= 0x30 && f <= 0x39) k = DIGIT;
    else if (f === 0x20) k = SPACE;
    else if (f === 0x2d) k = HYPHEN;
    else if (f === 0x2e || f === 0x21 || f === 0x3f || f === 0x3b || f === 0x3a) k = HARD;
    else if (f === 0x27) k = APOSTROPHE;
    else if (f < 0xc0 || f === 0xd7 || f === 0xf7) k = OTHER;
    // Punctuation and symbol blocks, surrogates (emoji), CJK punctuation, half/full-width forms: not letters.
    else if (f >= 0x2000 && f <= 0x2bff) k = OTHER;
    else if ((f >= 0x3000 && f <= 0x303f) || (f >= 0xd800 && f <= 0xdfff) || (f >= 0xfe30 && f <= 0xfe6f)) k = OTHER;
    else if (f >= 0xff00 && f <= 0xff0f) k = OTHER;
    else k = ALPHA;
    folded[c] = f;
  }
  charClass[c] = k;
  return k;
}

for (let c = 0; c < 0x100; c++) classify(c);

/** Token flags. */
export const HARD_BEFORE = 1; // a sentence-like break (. ! ? ; :) sits between this word and the previous one
export const HAS_ALPHA = ALPHA;
export const HAS_DIGIT = DIGIT;
export const LEAD_DIGIT = 8;
export const CODE_GAP = 16; // only 1-3 spaces/hyphens separate this word from the previous one (`WP 301`, `WP-301`)
/** A line break, tab or list bullet (`•`, `|`, `·`) sits between this word and the previous one. */
export const LINE_BEFORE = 32;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Words a dictionary knows, found by hash without slicing the text. Apostrophes are not part of a word's spelling. */
export class Vocabulary {
  readonly words: string[] = [];
  private ids = new Map<string, number>();
  table = new Int32Array(0);
  hashes = new Int32Array(0);
  /** Every word's chars, back to back: word `id` is chars[offsets[id], offsets[id + 1]). */
  chars = new Uint16Array(0);
  offsets = new Int32Array(1);
  mask = 0;
  andId = -1;

  /** The word's id, adding it if new. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      this.table = new Int32Array(0); // rebuilt by seal()
    }
    return id;
  }

  get(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  get size(): number {
    return this.words.length;
  }

  /** Builds the open-addressing table tokenise() probes. */
  seal(): void {
    let size = 16;
    while (size < this.words.length * 4) size <<= 1;
    this.table = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.offsets = new Int32Array(this.words.length + 1);
    this.words.forEach((word, id) => (this.offsets[id + 1] = this.offsets[id] + word.length));
    this.chars = new Uint16Array(this.offsets[this.words.length]);
    this.words.forEach((word, id) => {
      let h = FNV_OFFSET;
      for (let i = 0; i < word.length; i++) {
        this.chars[this.offsets[id] + i] = word.charCodeAt(i);
        h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
      }
      let slot = h & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
      this.hashes[slot] = h;
    });
    this.andId = this.get('and');
  }
}

/** Words of a text: ORIGINAL offsets [start, end), dictionary id or -1, flags. `count` entries are valid. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  id: Int32Array;
  flags: Uint8Array;
}

/** Empty token arrays with room for `size` words. */
export function newTokens(size: number): Tokens {
  return {
    count: 0,
    start: new Int32Array(size),
    end: new Int32Array(size),
    id: new Int32Array(size),
    flags: new Uint8Array(size),
  };
}

function grow(t: Tokens): void {
  const bigger = newTokens(t.start.length * 2);
  bigger.start.set(t.start);
  bigger.end.set(t.end);
  bigger.id.set(t.id);
  bigger.flags.set(t.flags);
  t.start = bigger.start;
  t.end = bigger.end;
  t.id = bigger.id;
  t.flags = bigger.flags;
}

/**
 * One pass over `text`. A word is a run of letters and digits (zero-width chars and soft hyphens inside it ignored),
 * with apostrophes inside it (`children's`) kept in its range but not in its spelling; `&` is the word `and`.
 * Spaces, dashes and other punctuation separate words. Fills `into` (grown as needed) when given.
 */
export function tokenise(text: string, vocab: Vocabulary | null, into?: Tokens): Tokens {
  const n = text.length;
  const t = into ?? newTokens(Math.max(16, (n >> 2) + 16));
  const cls = charClass;
  const fold = folded;
  const table = vocab === null ? new Int32Array(0) : vocab.table;
  const hashes = vocab === null ? table : vocab.hashes;
  const chars = vocab === null ? new Uint16Array(0) : vocab.chars;
  const offsets = vocab === null ? table : vocab.offsets;
  const mask = vocab === null ? 0 : vocab.mask;
  const andId = vocab === null ? -1 : vocab.andId;
  const searchable = table.length > 0;
  let { start: tStart, end: tEnd, id: tId, flags: tFlags } = t;
  let count = 0;
  let gap = OTHER; // the classes seen since the last word (the start of the text is no code gap)
  let gapLen = 0; // visible chars since the last word, a whitespace run counting once
  let lastClass = 0;
  let line = false; // a line break, tab or bullet since the last word
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let k = cls[c];
    if (k === 0) k = classify(c);
    if ((k & (WORD | AMPERSAND)) === 0) {
      if (k !== REMOVED) {
        if (k !== SPACE || lastClass !== SPACE) gapLen++;
        lastClass = k;
        if (k === SPACE ? c === 10 || c === 13 || c === 9 || c === 0x2028 || c === 0x2029 : isBullet(c)) line = true;
      }
      gap |= k;
      i++;
      continue;
    }
    const start = i;
    let end: number;
    let flags: number;
    let h = FNV_OFFSET;
    let letters = 0;
    if (k === AMPERSAND) {
      flags = ALPHA;
      end = ++i;
    } else {
      flags = k === DIGIT ? DIGIT | LEAD_DIGIT : ALPHA;
      word: for (;;) {
        h = Math.imul(h ^ fold[c], FNV_PRIME);
        letters++;
        flags |= k;
        end = ++i;
        while (i < n) {
          c = text.charCodeAt(i);
          k = cls[c];
          if (k === 0) k = classify(c);
          if (k & WORD) continue word;
          if (k === REMOVED) {
            i++;
            continue;
          }
          if (k === APOSTROPHE) {
            // Inside a word only when a letter or digit follows (invisible chars aside).
            let j = i + 1;
            while (j < n) {
              const d = text.charCodeAt(j);
              const kd = cls[d] || classify(d);
              if (kd !== REMOVED) break;
              j++;
            }
            if (j < n) {
              const d = text.charCodeAt(j);
              const kd = cls[d] || classify(d);
              if (kd & WORD) {
                i = j;
                c = d;
                k = kd;
                continue word;
              }
            }
          } else if (k === HYPHEN && (c === 0x2d || c === 0x2010)) {
            // `transi-` / `tions`: a word broken at a line end reads on after the break.
            const j = brokenWordGoesOn(text, i, end);
            if (j > 0) {
              i = j;
              c = text.charCodeAt(j);
              k = cls[c];
              continue word;
            }
          }
          break;
        }
        break;
      }
      i = end;
    }
    if (count === tStart.length) {
      t.count = count;
      grow(t);
      ({ start: tStart, end: tEnd, id: tId, flags: tFlags } = t);
    }
    if (gap & HARD) flags |= HARD_BEFORE;
    if (line) flags |= LINE_BEFORE;
    if ((gap & ~(SPACE | HYPHEN | REMOVED)) === 0 && gapLen <= 3) flags |= CODE_GAP;
    tStart[count] = start;
    tEnd[count] = end;
    tFlags[count] = flags;
    let id = -1;
    if (letters === 0) id = andId;
    else if (searchable) {
      // Open addressing by FNV hash, then a char-by-char check of the folded letters.
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const candidate = table[slot];
        if (candidate === -1) break;
        if (hashes[slot] !== h) continue;
        let o = offsets[candidate];
        if (offsets[candidate + 1] - o !== letters) continue;
        let same = true;
        for (let j = start; j < end; j++) {
          const d = text.charCodeAt(j);
          if ((cls[d] & WORD) !== 0 && fold[d] !== chars[o++]) {
            same = false;
            break;
          }
        }
        if (same) {
          id = candidate;
          break;
        }
      }
    }
    tId[count] = id;
    count++;
    gap = 0;
    gapLen = 0;
    lastClass = 0;
    line = false;
  }
  t.count = count;
  return t;
}

/** Whether the original char is a lower-case letter. */
function isLower(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0 || ((charClass[c] || classify(c)) & ALPHA) === 0) return false;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase() && s === s.toLowerCase();
}

/**
 * At a hyphen (`text[at]`) right after a word's char (`text[wordEnd - 1]`): where the word goes on when the hyphen
 * ends a line inside a word, else -1. That is: a lower-case letter before it; after it, blanks with one line break
 * among them (\n, \r\n, \u2028, \u2029: a block's <br> reads as \n); then a lower-case letter. A compound's first
 * part (`well-` / `being`, see KEEP_HYPHEN) keeps its hyphen, and so stays two words as it does mid-line.
 */
function brokenWordGoesOn(text: string, at: number, wordEnd: number): number {
  const n = text.length;
  let j = at + 1;
  let breaks = 0;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    const k = charClass[c] || classify(c);
    if (k === REMOVED) continue;
    if (k !== SPACE) break;
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(j + 1) !== 10)) breaks++;
  }
  if (breaks !== 1 || j >= n || !isLower(text.charCodeAt(j)) || !isLower(text.charCodeAt(wordEnd - 1))) return -1;
  // The part before the hyphen: its letters back to the word's start or a non-letter (an apostrophe, an earlier break).
  let from = wordEnd - 1;
  while (from > 0 && wordEnd - from <= KEEP_HYPHEN_MAX) {
    const c = text.charCodeAt(from - 1);
    if (((charClass[c] || classify(c)) & ALPHA) === 0) break;
    from--;
  }
  if (wordEnd - from <= KEEP_HYPHEN_MAX && KEEP_HYPHEN.has(text.slice(from, wordEnd).toLowerCase())) return -1;
  return j;
}

/** `•`, `·`, `|`, `▪`, `●`, `◦`, `‣`, `⁃`: chars that separate list items printed on one line. */
function isBullet(c: number): boolean {
  return (
    c === 0x2022 ||
    c === 0xb7 ||
    c === 0x7c ||
    c === 0x25aa ||
    c === 0x25cf ||
    c === 0x25e6 ||
    c === 0x2023 ||
    c === 0x2043
  );
}

/** The spelling of token `i`: folded letters and digits only (`Children’s` → `childrens`, `&` → `and`). */
export function tokenText(text: string, t: Tokens, i: number): string {
  let s = '';
  for (let k = t.start[i]; k < t.end[i]; k++) {
    const c = text.charCodeAt(k);
    const kc = charClass[c] || classify(c);
    if (kc & WORD) s += String.fromCharCode(folded[c]);
    else if (kc === AMPERSAND) s += 'and';
  }
  return s;
}

/** The folded char at `i` for gap checks: whitespace as a space, invisible chars as -1, other chars folded. */
export function gapCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const k = charClass[c] || classify(c);
  if (k === REMOVED) return -1;
  if (k === SPACE) return 0x20;
  if (k === AMPERSAND) return 0x26;
  const f = foldChar(c);
  return f;
}

/** Whether the visible chars of text[from, to) all satisfy `allowed`, at most `max` of them (a whitespace run = 1). */
export function isGapOf(text: string, from: number, to: number, max: number, allowed: (c: number) => boolean): boolean {
  if (to < from) return false;
  let visible = 0;
  let lastSpace = false;
  for (let k = from; k < to; k++) {
    const c = gapCharAt(text, k);
    if (c === -1) continue;
    if (!allowed(c)) return false;
    if (c === 0x20 && lastSpace) continue;
    lastSpace = c === 0x20;
    if (++visible > max) return false;
  }
  return true;
}

/** Index of the nearest visible char before `i` (skipping zero-width chars), or -1. */
export function visibleBefore(text: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (gapCharAt(text, k) !== -1) return k;
  return -1;
}

/** Index of the nearest visible char at or after `i`, or text.length. */
export function visibleFrom(text: string, i: number): number {
  for (let k = i; k < text.length; k++) if (gapCharAt(text, k) !== -1) return k;
  return text.length;
}

/** Whether the (original) char at `i` is a letter or digit once folded. */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return ((charClass[c] || classify(c)) & WORD) !== 0;
}
