// Finds references to units (codes, titles, element titles) and mentions of suites in text, in one pass over its words.
//
// Design (see also the tests in tests/unit/match/):
// - The text is split into words in one pass over the original string (tokenise.ts), normalising each char on the way
//   with normalise.ts's rules, so offsets need no mapping back; every word gets a dictionary id by hash.
// - Titles, element titles, suite titles and suite aliases live in one trie of word ids. From each word the trie is
//   walked as far as the text follows it; the longest unit/element title reached is a candidate. Punctuation inside a
//   title is ignored, except that a sentence break (. ! ? ; :) in the text must also be in the title.
// - Codes are found on the same words: a code-prefix word (`wp`, `ldss`, `gcu`, `standard`) followed by up to three
//   spaces or hyphens and a number (or a capital letter: `Standard A`), or one word such as `wp301`; the spelling-free
//   key is looked up in a Map. A code printed bare (`312`) is a candidate too, but only becomes a reference next to
//   its own unit's title; otherwise it is a ConditionalReference. A code with a word between prefix and number
//   (`CYP Core 3.1`) goes into the trie as a phrase and is reported as a code.
// - Titles of fewer than 3 words are candidates that only count next to a code of their unit.
// - Overlaps: candidates are visited by start; of two overlapping ones the longer stays (the earlier on a tie).
//   A bare code next to its title gives two references: the code (kind 'code') and the title.
import { unitTitles } from '../dataset/unit-names';
import type { Suite } from '../dataset/schema';
import * as tokenFlags from './tokenise';
import { gapCharAt, isGapOf, isWordCharAt, newTokens, tokenise, tokenText, type Tokens } from './tokenise';
import { visibleBefore, visibleFrom, Vocabulary } from './tokenise';
import type { ConditionalReference, Matcher, Reference, ReferenceKind, ScanResult } from './types';
import { CloseTitles, FUNCTION_WORDS, type CloseHit } from './close';

// Local copies: some loaders (tsx, Vitest) read imported bindings through getters, too slow to do once per word.
const { CODE_GAP, HARD_BEFORE, HAS_ALPHA, HAS_DIGIT, LEAD_DIGIT } = tokenFlags;

/** Texts up to this length reuse the matcher's token arrays; longer ones get their own, freed after the scan. */
const SCRATCH_LIMIT = 1 << 18;

/** Titles with fewer words than this only count next to their unit's code. */
export const MIN_TITLE_WORDS = 3;
/** Most chars of punctuation and space allowed between a code and the title it labels. */
const MAX_LABEL_GAP = 6;
/** How many earlier candidates (titles inside titles, mostly) to try when pairing a code with a title before it. */
const LABEL_LOOKBEHIND = 64;
const MAX_BARE_CODE_LENGTH = 8;

/** Words right before a number that make it a quantity, a level or a page, not a unit code. */
const WORDS_BEFORE_NON_CODES = (
  'level levels nvq nvqs grade grades page pages p pp unit units room scale point points paragraph ' +
  'paragraphs para section sections chapter figure fig table appendix annex stage ks year years age aged ' +
  'ages step version v vol volume issue no number item question q line floor band tier over under about ' +
  'around approximately circa c than top tel phone ext box route bus flat house part article clause ' +
  'regulation rule schedule week day month credit credits gbp usd eur rs ref id code postcode pin iso bs en ' +
  'km mile miles sq'
).split(' ');
/** Words right after a number that make it a quantity. */
const WORDS_AFTER_NON_CODES = (
  'hours hour hrs pages credits people children pupils students learners staff members families parents ' +
  'schools days weeks months years minutes mins seconds words miles km kg per percent pounds times cases ' +
  'users visitors views results items employees mentors pm am million thousand hundred k m bn mb gb kb x'
).split(' ');

const PREFIX_WORD = 1;
const SKIP_BEFORE = 2;
const SKIP_AFTER = 4;

const BREAK = -2;

/** Units a reference points at; suiteIds[i] is the suite of unitIds[i]. */
interface UnitSet {
  unitIds: string[];
  suiteIds: string[];
}

interface TermPayload {
  kind: ReferenceKind;
  units: UnitSet;
  generic: boolean;
}

const CODE = 0;
const BARE = 1;
const TITLE = 2;
const GENERIC = 3;
/** A user's alias that counts only where the page has its context phrase. */
const SCOPED = 4;

interface Candidate {
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  type: number;
  kind: ReferenceKind;
  units: UnitSet;
  /** A bare number whose surroundings (a level, a page, a quantity) say it is no unit code. */
  weak: boolean;
  promoted: boolean;
}

function addUnit(set: UnitSet, unitId: string, suiteId: string): void {
  for (let i = 0; i < set.unitIds.length; i++) if (set.unitIds[i] === unitId && set.suiteIds[i] === suiteId) return;
  set.unitIds.push(unitId);
  set.suiteIds.push(suiteId);
}

function intersect(a: UnitSet, b: UnitSet): UnitSet {
  const out: UnitSet = { unitIds: [], suiteIds: [] };
  for (let i = 0; i < a.unitIds.length; i++) {
    if (b.unitIds.includes(a.unitIds[i])) {
      out.unitIds.push(a.unitIds[i]);
      out.suiteIds.push(a.suiteIds[i]);
    }
  }
  return out;
}

/** A phrase as the tokeniser sees it: its words and, as BREAK, the sentence breaks between them. */
function phraseWords(phrase: string): { words: (string | typeof BREAK)[]; count: number } {
  const t = tokenise(phrase, null);
  const words: (string | typeof BREAK)[] = [];
  for (let i = 0; i < t.count; i++) {
    if (i > 0 && t.flags[i] & HARD_BEFORE) words.push(BREAK);
    words.push(tokenText(phrase, t, i));
  }
  return { words, count: t.count };
}

function leadingLetters(word: string): string {
  let i = 0;
  while (i < word.length && !(word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39)) i++;
  return word.slice(0, i);
}

function isAcronym(prefix: string): boolean {
  return /[A-Z]/.test(prefix) && prefix === prefix.toUpperCase();
}

/** The characters allowed between a code and the title it labels: `312: Title`, `(312) Title`, `Title. 312`. */
const LABEL_GAP = new Uint8Array(128);
for (const c of ' :-.,()[]|"\'/') LABEL_GAP[c.charCodeAt(0)] = 1;

/**
 * A user's own code for a unit that counts only on pages that also contain `context` (`Unit 324` where the page says
 * `City & Guilds`). Context-free aliases are plain unit aliases.
 */
export interface ScopedOwnCode {
  unitId: string;
  suiteId: string;
  code: string;
  context: string;
}

/** The pseudo-suite a page "mentions" when it contains an alias's context phrase (see resolveConditional). */
export const contextKey = (context: string) =>
  `context:${phraseWords(context)
    .words.filter((w) => w !== BREAK)
    .join(' ')}`;

/** Widest code range expanded (`STL18-STL22` is 5 units; `STL1-STL999` is no range). */
const MAX_RANGE = 60;

/** Build once per dataset; scan() is then pure and allocation-light. */
export function buildMatcher(suites: readonly Suite[], scopedOwnCodes: readonly ScopedOwnCode[] = []): Matcher {
  const vocab = new Vocabulary();
  const codes = new Map<string, UnitSet>();
  /** Codes that count only where the page has their context; suiteIds hold context keys. */
  const contextCodes = new Map<string, UnitSet>();
  /** Per code prefix, the units by number, for ranges: `stl` → 18 → STL18's units. */
  const numbered = new Map<string, Map<number, UnitSet>>();
  const bareCodes = new Map<string, UnitSet>();
  const prefixes = new Set<string>(); // words that start a code: `wp`, `gcu`, `standard`
  const acronymSuites = new Map<string, string[]>(); // acronym prefix word → suites using it
  const close = new CloseTitles();
  const terms: {
    words: (string | typeof BREAK)[];
    payload?: { kind: ReferenceKind; unitId: string; suiteId: string; generic: boolean };
    mention?: string;
  }[] = [];

  const addTo = (map: Map<string, UnitSet>, key: string, unitId: string, suiteId: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = { unitIds: [], suiteIds: [] }));
    addUnit(set, unitId, suiteId);
  };

  for (const suite of suites) {
    for (const prefix of suite.codePrefixes) {
      const { words } = phraseWords(prefix);
      if (words.length !== 1 || typeof words[0] !== 'string') continue;
      const word = leadingLetters(words[0]);
      if (!word) continue;
      prefixes.add(word);
      // Only acronyms (`LDSS 401`) name the suite with any number; `Standard 5` is just English.
      if (isAcronym(prefix)) acronymSuites.set(word, [...(acronymSuites.get(word) ?? []), suite.id]);
    }
    for (const name of [suite.title, ...suite.aliases]) {
      const { words, count } = phraseWords(name);
      if (count > 0) terms.push({ words, mention: suite.id });
    }

    for (const unit of suite.units) {
      let hasPrefixed = false;
      const spellings = [unit.code, ...unit.aliases].filter((c): c is string => !!c);
      const bareSpellings: string[] = [];
      const addCode = (spelling: string) => {
        const words = phraseWords(spelling).words.filter((w): w is string => w !== BREAK);
        if (words.length === 0) return;
        const key = words.join('');
        const first = words[0];
        if (first.charCodeAt(0) >= 0x30 && first.charCodeAt(0) <= 0x39) {
          // Printed bare (`312`): one word only, short.
          if (words.length === 1 && key.length <= MAX_BARE_CODE_LENGTH) {
            addTo(bareCodes, key, unit.id, suite.id);
            bareSpellings.push(spelling);
          }
          return;
        }
        const prefix = leadingLetters(first);
        if (words.length === 1 && prefix === first) {
          bareSpellings.push(spelling); // a lone letter or word (`A`): never a code on its own
          return;
        }
        if (words.length > 2 && leadingLetters(words[1]) === words[1]) {
          // `CYP Core 3.1`: a word between prefix and number. Found word by word like a title, reported as a code.
          const payload = { kind: 'code' as const, unitId: unit.id, suiteId: suite.id, generic: false };
          terms.push({ words: phraseWords(spelling).words, payload });
          hasPrefixed = true;
          return;
        }
        addTo(codes, key, unit.id, suite.id);
        prefixes.add(prefix);
        hasPrefixed = true;
        const digits = key.slice(prefix.length);
        if (/^\d{1,4}$/.test(digits)) {
          let byNumber = numbered.get(prefix);
          if (!byNumber) numbered.set(prefix, (byNumber = new Map<number, UnitSet>()));
          let set = byNumber.get(Number(digits));
          if (!set) byNumber.set(Number(digits), (set = { unitIds: [], suiteIds: [] }));
          addUnit(set, unit.id, suite.id);
        }
      };
      spellings.forEach(addCode);
      // A user suite may give `A` and the prefix `Standard` without spelling out `Standard A`.
      if (!hasPrefixed && suite.codePrefixes.length === 1) {
        for (const bare of bareSpellings) addCode(`${suite.codePrefixes[0]} ${bare}`);
      }
      const hasCode = spellings.length > 0;

      const addTitle = (title: string, kind: ReferenceKind) => {
        const { words, count } = phraseWords(title);
        if (count === 0) return;
        const generic = count < MIN_TITLE_WORDS;
        if (generic && !hasCode) return; // too generic on its own, and no code to stand next to
        terms.push({ words, payload: { kind, unitId: unit.id, suiteId: suite.id, generic } });
      };
      // The seed's title and the full titles printed for it (data/aliases), exact and close.
      for (const title of unitTitles(unit)) {
        addTitle(title, 'title');
        close.add(
          phraseWords(title).words.filter((w): w is string => w !== BREAK),
          unit.id,
          suite.id,
        );
      }
      for (const element of unit.elements) addTitle(element.title, 'element');
    }
  }

  for (const alias of scopedOwnCodes) {
    const words = phraseWords(alias.code).words.filter((w): w is string => w !== BREAK);
    const ctx = phraseWords(alias.context);
    if (words.length === 0 || ctx.count === 0) continue;
    const prefix = leadingLetters(words[0]);
    if (!prefix) continue; // a bare number already needs its suite named on the page
    const key = contextKey(alias.context);
    addTo(contextCodes, words.join(''), alias.unitId, key);
    prefixes.add(prefix);
    terms.push({ words: ctx.words, mention: key });
  }

  // Dictionary words, then the flags the scanner checks by word id.
  for (const term of terms) for (const w of term.words) if (w !== BREAK) vocab.add(w);
  for (const p of prefixes) vocab.add(p);
  for (const w of WORDS_BEFORE_NON_CODES) vocab.add(w);
  for (const w of WORDS_AFTER_NON_CODES) vocab.add(w);
  close.addWords(vocab);
  vocab.seal();
  close.seal(vocab);
  const wordFlags = new Uint8Array(vocab.size);
  for (const p of prefixes) wordFlags[vocab.get(p)] |= PREFIX_WORD;
  for (const w of WORDS_BEFORE_NON_CODES) wordFlags[vocab.get(w)] |= SKIP_BEFORE;
  for (const w of WORDS_AFTER_NON_CODES) wordFlags[vocab.get(w)] |= SKIP_AFTER;
  const acronymSuitesById: (string[] | undefined)[] = [];
  for (const [p, ids] of acronymSuites) acronymSuitesById[vocab.get(p)] = ids;

  // The trie: node 0 is the root; its children are also kept in a flat array by word id.
  const children: (Map<number, number> | null)[] = [null];
  const breakChild: number[] = [-1];
  const payloads: (TermPayload | null)[] = [null];
  const mentions: (string[] | null)[] = [null];
  const newNode = () => {
    children.push(null);
    breakChild.push(-1);
    payloads.push(null);
    mentions.push(null);
    return children.length - 1;
  };
  const insert = (ids: number[]): number => {
    let node = 0;
    for (const id of ids) {
      if (id === BREAK) {
        if (breakChild[node] === -1) breakChild[node] = newNode();
        node = breakChild[node];
        continue;
      }
      let map = children[node];
      if (!map) children[node] = map = new Map();
      let next = map.get(id);
      if (next === undefined) map.set(id, (next = newNode()));
      node = next;
    }
    return node;
  };
  for (const term of terms) {
    // Sentence breaks at either end mean nothing; inside, the title matches with or without them.
    const words = term.words.slice();
    while (words[0] === BREAK) words.shift();
    while (words[words.length - 1] === BREAK) words.pop();
    const withBreaks = words.map((w) => (w === BREAK ? BREAK : vocab.get(w)));
    const variants = [withBreaks];
    if (withBreaks.includes(BREAK)) variants.push(withBreaks.filter((id) => id !== BREAK));
    for (const ids of variants) {
      const node = insert(ids);
      if (term.mention) {
        const list = (mentions[node] ??= []);
        if (!list.includes(term.mention)) list.push(term.mention);
      }
      if (term.payload) {
        const p = term.payload;
        let payload = payloads[node];
        if (!payload)
          payloads[node] = payload = { kind: p.kind, units: { unitIds: [], suiteIds: [] }, generic: p.generic };
        if (p.kind === 'title') payload.kind = 'title';
        addUnit(payload.units, p.unitId, p.suiteId);
      }
    }
  }
  const rootChild = new Int32Array(vocab.size).fill(-1);
  for (const [id, node] of children[0] ?? []) rootChild[id] = node;

  let scratchTokens = newTokens(1024);

  return {
    scan(text: string): ScanResult {
      const small = text.length <= SCRATCH_LIMIT;
      const t = tokenise(text, vocab, small ? scratchTokens : undefined);
      if (small && t.start.length <= SCRATCH_LIMIT) scratchTokens = t;
      const mentionedSuites = new Set<string>();
      const cands: Candidate[] = [];
      const { count, start: tStart, end: tEnd, id: tId, flags: tFlags } = t;

      for (let i = 0; i < count; i++) {
        const flags = tFlags[i];
        const id = tId[i];

        // Codes written with a prefix: `WP 301`, `wp-301`, `WP301`, `Standard A`.
        if (flags & HAS_DIGIT && flags & HAS_ALPHA && !(flags & LEAD_DIGIT)) {
          codeAt(t, i, i, tokenText(text, t, i));
        } else if (id >= 0 && wordFlags[id] & PREFIX_WORD && i + 1 < count && tFlags[i + 1] & CODE_GAP) {
          const body = i + 1;
          const bodyFlags = tFlags[body];
          const bodyLength = tEnd[body] - tStart[body];
          if (
            (bodyFlags & LEAD_DIGIT && bodyLength <= MAX_BARE_CODE_LENGTH) ||
            (!(bodyFlags & HAS_DIGIT) && bodyLength === 1 && isCapital(text.charCodeAt(tStart[body])))
          ) {
            codeAt(t, i, body, vocab.words[id] + tokenText(text, t, body));
            if (bodyFlags & LEAD_DIGIT) addAll(mentionedSuites, acronymSuitesById[id]);
          }
        } else if (flags & LEAD_DIGIT && tEnd[i] - tStart[i] <= MAX_BARE_CODE_LENGTH) {
          bareAt(t, i);
        }

        // Titles and suite names.
        if (id < 0) continue;
        let node = rootChild[id];
        if (node < 0) continue;
        let best = -1;
        let bestEnd = -1;
        for (let j = i; ;) {
          const m = mentions[node];
          if (m !== null) addAll(mentionedSuites, m);
          if (payloads[node] !== null) {
            best = node;
            bestEnd = j;
          }
          if (++j >= count) break;
          const next = tId[j];
          if (next < 0) break;
          if (tFlags[j] & HARD_BEFORE) {
            node = breakChild[node];
            if (node < 0) break;
          }
          const kids = children[node];
          if (kids === null) break;
          const child = kids.get(next);
          if (child === undefined) break;
          node = child;
        }
        if (best >= 0) {
          const p = payloads[best]!;
          cands.push({
            start: tStart[i],
            end: tEnd[bestEnd],
            type: p.generic ? GENERIC : TITLE,
            kind: p.kind,
            units: p.units,
            weak: false,
            promoted: false,
          });
        }
      }

      labelPairs(cands, text);
      return assemble(text, cands, mentionedSuites, close.find(text, t));

      function codeAt(tk: Tokens, first: number, last: number, key: string): void {
        // `HSC 2.1`-style codes continue with `.digits`.
        if (last + 1 < tk.count && text.charCodeAt(tk.end[last]) === 0x2e && tk.start[last + 1] === tk.end[last] + 1) {
          const longer = codes.get(key + tokenText(text, tk, last + 1));
          if (longer) return pushCode(tk, first, last + 1, longer);
        }
        const range = rangeAt(tk, last, key);
        if (range) return pushCode(tk, first, range.last, range.units);
        const units = codes.get(key);
        if (units) return pushCode(tk, first, last, units);
        const scoped = contextCodes.get(key);
        if (scoped) {
          cands.push({
            start: tk.start[first],
            end: tk.end[last],
            type: SCOPED,
            kind: 'code',
            units: scoped,
            weak: false,
            promoted: false,
          });
          return;
        }
        if (first === last) {
          // `LDSS401`: no such unit, but the suite is named.
          const prefix = vocab.get(leadingLetters(key));
          if (prefix >= 0) addAll(mentionedSuites, acronymSuitesById[prefix]);
        }
      }

      /** `STL18-STL22`, `STL 23 – 32`, `STL18 to STL22`: every unit numbered in the range, same prefix. */
      function rangeAt(tk: Tokens, last: number, key: string): { last: number; units: UnitSet } | null {
        const prefix = leadingLetters(key);
        const byNumber = numbered.get(prefix);
        if (!byNumber || !/^\d+$/.test(key.slice(prefix.length))) return null;
        let k = last + 1;
        if (k >= tk.count) return null;
        // Spaces and at least one dash (`STL18-STL22`, `STL 18 – 22`).
        const dashed =
          isGapOf(text, tk.end[last], tk.start[k], 3, isRangeGapChar) &&
          !isGapOf(text, tk.end[last], tk.start[k], 3, isSpace);
        if (!dashed) {
          if (tokenText(text, tk, k) !== 'to' || !isGapOf(text, tk.end[last], tk.start[k], 1, isSpace)) return null;
          k++;
          if (k >= tk.count || !isGapOf(text, tk.end[k - 1], tk.start[k], 1, isSpace)) return null;
        }
        let endKey = tokenText(text, tk, k);
        if (endKey === prefix && k + 1 < tk.count && isGapOf(text, tk.end[k], tk.start[k + 1], 3, isRangeGapChar)) {
          k++;
          endKey += tokenText(text, tk, k);
        }
        const endDigits = endKey.startsWith(prefix) ? endKey.slice(prefix.length) : endKey;
        if (!/^\d{1,4}$/.test(endDigits)) return null;
        const from = Number(key.slice(prefix.length));
        const to = Number(endDigits);
        if (!(to > from && to - from <= MAX_RANGE)) return null;
        const units: UnitSet = { unitIds: [], suiteIds: [] };
        for (let n = from; n <= to; n++) {
          const set = byNumber.get(n);
          if (set) for (let x = 0; x < set.unitIds.length; x++) addUnit(units, set.unitIds[x], set.suiteIds[x]);
        }
        return units.unitIds.length > 0 ? { last: k, units } : null;
      }

      function pushCode(tk: Tokens, first: number, last: number, units: UnitSet): void {
        for (const s of units.suiteIds) mentionedSuites.add(s);
        cands.push({
          start: tk.start[first],
          end: tk.end[last],
          type: CODE,
          kind: 'code',
          units,
          weak: false,
          promoted: false,
        });
      }

      function bareAt(tk: Tokens, i: number): void {
        const units = bareCodes.get(tokenText(text, tk, i));
        if (!units) return;
        const start = tk.start[i];
        const end = tk.end[i];
        if (numberIsPartOfSomethingElse(text, start, end)) return;
        // `01632 960 312`: a group of a longer number (a phone number, an account), not a code.
        if (i > 0 && tk.flags[i - 1] & LEAD_DIGIT && isGapOf(text, tk.end[i - 1], start, 2, isSpace)) return;
        if (i + 1 < tk.count && tk.flags[i + 1] & LEAD_DIGIT && isGapOf(text, end, tk.start[i + 1], 2, isSpace)) return;
        let weak = false;
        if (i > 0 && tk.id[i - 1] >= 0 && isGapOf(text, tk.end[i - 1], start, 3, isQualifierChar)) {
          const before = wordFlags[tk.id[i - 1]];
          if (before & PREFIX_WORD) return; // `WP 999`: some other code
          if (before & SKIP_BEFORE) weak = true;
        }
        if (i + 1 < tk.count && tk.id[i + 1] >= 0 && isGapOf(text, end, tk.start[i + 1], 1, isSpace)) {
          if (wordFlags[tk.id[i + 1]] & SKIP_AFTER) weak = true;
        }
        cands.push({ start, end, type: BARE, kind: 'code', units, weak, promoted: false });
      }
    },
  };
}

function addAll(set: Set<string>, items: readonly string[] | null | undefined): void {
  if (items) for (const item of items) set.add(item);
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** `4.15`, `21,000`, `10:30`, `2009-10`, `4/5`, `£301`, `50%`: numbers glued to other numbers or to symbols. */
function numberIsPartOfSomethingElse(text: string, start: number, end: number): boolean {
  const before = visibleBefore(text, start);
  if (before >= 0) {
    const p = gapCharAt(text, before);
    if (p === 0x2e || p === 0x2c || p === 0x3a || p === 0x2d) {
      if (isWordCharAt(text, visibleBefore(text, before))) return true;
    } else if (isSymbolNextToNumber(p)) return true;
  }
  const after = visibleFrom(text, end);
  if (after < text.length) {
    const q = gapCharAt(text, after);
    if (q === 0x2e || q === 0x2c || q === 0x3a || q === 0x2d) {
      if (isWordCharAt(text, visibleFrom(text, after + 1))) return true;
    } else if (isSymbolNextToNumber(q)) return true;
  }
  return false;
}

function isSymbolNextToNumber(c: number): boolean {
  switch (c) {
    case 0x23: // #
    case 0x24: // $
    case 0x25: // %
    case 0x2b: // +
    case 0x2f: // /
    case 0x40: // @
    case 0x5c: // \
    case 0x5e: // ^
    case 0x5f: // _
    case 0x3d: // =
    case 0xa3: // £
    case 0xa5: // ¥
    case 0xb0: // °
    case 0x20ac: // €
      return true;
    default:
      return false;
  }
}

const isSpace = (c: number) => c === 0x20;
const isRangeGapChar = (c: number) => c === 0x20 || c === 0x2d;
/** `Level 3`, `p. 312`, `Stage: 4`, `WP-999`: a word that qualifies the number right after it. */
const isQualifierChar = (c: number) => c === 0x20 || c === 0x2e || c === 0x3a || c === 0x2d;
const isLabelChar = (c: number) => c < 128 && LABEL_GAP[c] === 1;

function canLabel(code: Candidate, title: Candidate): boolean {
  return (code.type === CODE || code.type === BARE) && (title.type === TITLE || title.type === GENERIC);
}

/** Pairs a bare code with its unit's title, and a short title with its unit's code, when they stand side by side. */
function labelPairs(cands: Candidate[], text: string): void {
  const pair = (code: Candidate, title: Candidate) => {
    if (!canLabel(code, title) || (code.type !== BARE && title.type !== GENERIC)) return;
    const shared = intersect(code.units, title.units);
    if (shared.unitIds.length === 0) return;
    if (code.type === BARE) {
      code.units = shared;
      code.promoted = true;
    }
    if (title.type === GENERIC) {
      title.units = intersect(title.units, code.units);
      title.promoted = true;
    }
  };
  const labelGap = (from: number, to: number) => isGapOf(text, from, to, MAX_LABEL_GAP, isLabelChar);
  for (let i = 0; i < cands.length; i++) {
    const x = cands[i];
    if (x.type !== BARE && x.type !== GENERIC) continue;
    // Forwards: once the gap to one candidate is too wide, it is too wide to every later one.
    for (let k = i + 1; k < cands.length; k++) {
      const y = cands[k];
      if (y.start < x.end) continue;
      if (!labelGap(x.end, y.start)) break;
      pair(x, y);
      pair(y, x);
    }
    // Backwards: ends are not in order, so look at a bounded number of earlier candidates.
    for (let k = i - 1; k >= 0 && i - k <= LABEL_LOOKBEHIND; k--) {
      const y = cands[k];
      if (y.end <= x.start && labelGap(y.end, x.start)) {
        pair(x, y);
        pair(y, x);
      }
    }
  }
}

function assemble(text: string, cands: Candidate[], mentionedSuites: Set<string>, closeHits: CloseHit[]): ScanResult {
  // Candidates come in order of start. Keep the longer of two overlapping ones, the earlier on a tie.
  const kept: Candidate[] = [];
  for (const c of cands) {
    const counts = c.type === CODE || c.type === TITLE || c.promoted;
    if (!counts) continue;
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  let references: Reference[] = kept.map((c) => toReference(text, c));
  for (const r of references) if (r.kind === 'title' || r.kind === 'element') demoteInsideLongerTitle(text, r);
  if (closeHits.length) references = withClose(text, references, closeHits);

  const conditional: ConditionalReference[] = [];
  let k = 0;
  for (const c of cands) {
    if ((c.type !== BARE && c.type !== SCOPED) || c.promoted || c.weak) continue;
    while (k < kept.length && kept[k].end <= c.start) k++;
    if (k < kept.length && kept[k].start < c.end) continue; // inside a reference
    conditional.push({ ...toReference(text, c), suiteIds: c.units.suiteIds.slice() });
  }
  return { references, conditional, mentionedSuites };
}

/**
 * Adds the close titles that overlap no reference; a close title also replaces the title-inside-a-longer-title
 * references it spans (the whole line is the better reading). The result stays sorted by start.
 */
function withClose(text: string, references: Reference[], hits: readonly CloseHit[]): Reference[] {
  const out: Reference[] = [];
  let k = 0;
  for (const h of hits) {
    while (k < references.length && references[k].end <= h.start) out.push(references[k++]);
    if (out.length && out[out.length - 1].end > h.start) continue;
    let j = k;
    while (j < references.length && references[j].start < h.end) {
      const r = references[j];
      if (r.kind !== 'close' || r.start < h.start || r.end > h.end) break;
      j++;
    }
    if (j < references.length && references[j].start < h.end) continue; // overlaps a reference it cannot replace
    k = j;
    const matched = text.slice(h.start, h.end);
    out.push({ start: h.start, end: h.end, matched, kind: 'close', unitIds: h.unitIds, score: round2(h.score) });
  }
  while (k < references.length) out.push(references[k++]);
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Most words looked at on either side of a title for a longer Title Case title around it. */
const LONGER_TITLE_LOOKAROUND = 6;

/**
 * "Child and Young Person Development" inside "Contribute to the Support of Child and Young Person Development" is
 * not that unit: a title continued on either side, over spaces and function words only, by capitalised words is
 * part of a longer title. It is reported as `close` at most, its score lower the more words surround it.
 */
function demoteInsideLongerTitle(text: string, r: Reference): void {
  let content = 0;
  let capital = 0;
  for (const m of r.matched.matchAll(/[A-Za-z]+/g)) {
    if (FUNCTION_WORDS.has(m[0].toLowerCase())) continue;
    content++;
    if (m[0].charCodeAt(0) <= 0x5a) capital++;
  }
  // Only a title printed in Title Case can be part of a longer one; in prose, capitals around it are names, and next
  // to a title in capitals they are another style.
  if (capital * 4 < content * 3 || r.matched === r.matched.toUpperCase()) return;
  const extra = capitalisedAround(text, r.start, -1) + capitalisedAround(text, r.end, 1);
  if (extra === 0) return;
  r.kind = 'close';
  r.score = round2((2 * content) / (2 * content + extra));
}

/** How many capitalised words continue a title from `at` in direction `dir` (1 or -1), across function words. */
function capitalisedAround(text: string, at: number, dir: 1 | -1): number {
  let found = 0;
  let i = dir < 0 ? at - 1 : at;
  for (let words = 0; words < LONGER_TITLE_LOOKAROUND; words++) {
    // One run of plain spaces, no other punctuation or line break.
    let spaces = 0;
    while (i >= 0 && i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) {
      i += dir;
      spaces++;
    }
    if (spaces === 0 || i < 0 || i >= text.length) break;
    const from = i;
    while (i >= 0 && i < text.length && /[A-Za-z'’]/.test(text[i])) i += dir;
    const word = dir < 0 ? text.slice(i + 1, from + 1) : text.slice(from, i);
    if (!word) break;
    const lower = word.toLowerCase();
    if (FUNCTION_WORDS.has(lower)) continue;
    const c = word.charCodeAt(0);
    if (c >= 0x41 && c <= 0x5a && word !== word.toUpperCase()) found++;
    else break;
  }
  return found;
}

function toReference(text: string, c: Candidate): Reference {
  const { start } = c;
  let end = c.end;
  // `... requirements (additional needs)`: a title's bracket, opened inside it, closes inside it too.
  if (c.type === TITLE || c.type === GENERIC) {
    const close = text.charCodeAt(end);
    if ((close === 0x29 || close === 0x5d) && opensBracket(text, start, end, close === 0x29 ? 0x28 : 0x5b, close))
      end++;
  }
  return { start, end, matched: text.slice(start, end), kind: c.kind, unitIds: c.units.unitIds.slice() };
}

function opensBracket(text: string, start: number, end: number, open: number, close: number): boolean {
  let depth = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === open) depth++;
    else if (c === close && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * The conditional references that count on a page naming `mentioned` suites, as plain references: each keeps only
 * the units of suites the page names (ConditionalReference.suiteIds[i] is the suite of unitIds[i]).
 */
export function resolveConditional(
  conditional: readonly ConditionalReference[],
  mentioned: ReadonlySet<string>,
): Reference[] {
  const out: Reference[] = [];
  for (const c of conditional) {
    const unitIds = c.unitIds.filter((_, i) => mentioned.has(c.suiteIds[i]));
    if (unitIds.length > 0) out.push({ start: c.start, end: c.end, matched: c.matched, kind: c.kind, unitIds });
  }
  return out;
}
