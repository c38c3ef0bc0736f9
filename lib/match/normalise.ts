// Puts page text and dictionary terms into one comparable form, keeping a map back to the original offsets.
// The per-char rules (foldChar) are shared with tokenise.ts, which applies them on the fly while scanning.

/** Normalised text plus, for each of its chars, the index of the original char it came from. */
export interface NormalisedText {
  text: string;
  /** `map[i]` = index in the original of normalised char `i`; `map[text.length]` = original length. */
  map: Uint32Array;
}

interface NormalisedBuffer {
  buf: Uint16Array;
  length: number;
  map: Uint32Array;
}

const SPACE = 0x20;
/** foldChar results that are no char: dropped, part of a whitespace run, `&`. */
export const FOLD_REMOVE = -1;
export const FOLD_COLLAPSE = -2;
export const FOLD_AMPERSAND = -3;
const REMOVE = FOLD_REMOVE;
const COLLAPSE = FOLD_COLLAPSE;
const AMPERSAND = FOLD_AMPERSAND;

/** What each BMP char becomes: a char code, or one of REMOVE / COLLAPSE / AMPERSAND. Filled lazily above ASCII. */
const fold = new Int32Array(0x10000);
const folded = new Uint8Array(0x10000);

function setFold(code: number, to: number): void {
  fold[code] = to;
  folded[code] = 1;
}

for (let c = 0; c < 0x80; c++) setFold(c, c >= 0x41 && c <= 0x5a ? c + 32 : c);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
  setFold(c, COLLAPSE);
for (let c = 0x2000; c <= 0x200a; c++) setFold(c, COLLAPSE);
// Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible, so they must not split or join words.
for (const c of [0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) setFold(c, REMOVE);
for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x0060, 0x00b4, 0x02bc, 0xff07]) setFold(c, 0x27);
for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x00ab, 0x00bb, 0xff02]) setFold(c, 0x22);
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]) setFold(c, 0x2d);
setFold(0x26, AMPERSAND);
setFold(0xff06, AMPERSAND);

/** What one UTF-16 unit becomes: its lower-case / straight-quote / hyphen form, or a FOLD_* constant. */
export function foldChar(c: number): number {
  return c < 0x80 ? fold[c] : foldOf(c);
}

function foldOf(c: number): number {
  if (folded[c] === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    // A few chars lower-case to two (İ → i̇); keeping them as they are keeps the map one-to-one.
    setFold(c, lower.length === 1 ? lower.charCodeAt(0) : c);
  }
  return fold[c];
}

/** Whether a folded char would run into an adjacent `and`: a letter, digit or apostrophe. */
function joins(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

/**
 * Normalises into a char buffer: lower case, one style of quote and dash, whitespace runs (line breaks, NBSP) as one
 * space, zero-width chars and soft hyphens dropped, `&` spelled `and` (with a space added where it touches a word).
 */
function normaliseToBuffer(s: string): NormalisedBuffer {
  const n = s.length;
  let amps = 0;
  for (let i = s.indexOf('&'); i !== -1; i = s.indexOf('&', i + 1)) amps++;
  if (amps === 0 && s.indexOf('\uff06') !== -1) amps = n; // rare: full-width ampersands, size generously
  const cap = n + amps * 4;
  const buf = new Uint16Array(cap);
  const map = new Uint32Array(cap + 1);
  let o = 0;
  let inSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < 0x80 ? fold[c] : foldOf(c);
    if (f >= 0) {
      buf[o] = f;
      map[o++] = i;
      inSpace = false;
    } else if (f === COLLAPSE) {
      if (!inSpace) {
        buf[o] = SPACE;
        map[o++] = i;
        inSpace = true;
      }
    } else if (f === AMPERSAND) {
      // Spaced off a word or apostrophe it touches, so it always reads as the word `and` (`R&D` → `r and d`).
      if (o > 0 && joins(buf[o - 1])) {
        buf[o] = SPACE;
        map[o++] = i;
      }
      buf[o] = 0x61;
      map[o++] = i;
      buf[o] = 0x6e;
      map[o++] = i;
      buf[o] = 0x64;
      map[o++] = i;
      inSpace = false;
      let next = i + 1;
      while (next < n && foldChar(s.charCodeAt(next)) === REMOVE) next++;
      if (next < n && joins(foldChar(s.charCodeAt(next)))) {
        buf[o] = SPACE;
        map[o++] = i;
      }
    }
    // REMOVE: nothing is emitted, and a whitespace run continues across it.
  }
  map[o] = n;
  return { buf, length: o, map };
}

const decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

/** The buffer's chars as a string (TextDecoder is far faster than fromCharCode for long text). */
function bufferToString(buf: Uint16Array, length: number): string {
  if (length === 0) return '';
  if (decoder && length > 64) return decoder.decode(buf.subarray(0, length));
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** Normalised text and the map from its offsets to the original's (see NormalisedText). */
export function normaliseText(s: string): NormalisedText {
  const { buf, length, map } = normaliseToBuffer(s);
  return { text: bufferToString(buf, length), map: map.subarray(0, length + 1) };
}

/** Original [start, end) of the normalised range [nStart, nEnd): end is just after the last char that produced it. */
export function originalRange(map: ArrayLike<number>, nStart: number, nEnd: number): [number, number] {
  if (nEnd <= nStart) return [map[nStart], map[nStart]];
  return [map[nStart], map[nEnd - 1] + 1];
}

/** A dictionary term in the form page text takes after normaliseText, trimmed and without a trailing full stop. */
export function normaliseTerm(s: string): string {
  return normaliseText(s).text.replace(/^\s+|[\s.]+$/g, '');
}
