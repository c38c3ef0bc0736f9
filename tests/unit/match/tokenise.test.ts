import { describe, expect, it } from 'vitest';
import { normaliseText, originalRange } from '@/lib/match/normalise';
import { CODE_GAP, HARD_BEFORE, LEAD_DIGIT, LINE_BEFORE, tokenise, tokenText, Vocabulary } from '@/lib/match/tokenise';

function words(text: string) {
  const t = tokenise(text, null);
  return Array.from({ length: t.count }, (_, i) => ({
    word: tokenText(text, t, i),
    start: t.start[i],
    end: t.end[i],
    // A line break is no word char: normalising folds it into a space, so the line flag is compared apart.
    flags: t.flags[i] & ~LINE_BEFORE,
  }));
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('tokenise', () => {
  it('splits on spaces, dashes and punctuation, folding case', () => {
    expect(words('Multi-disciplinary WORK, (teams).').map((w) => w.word)).toEqual([
      'multi',
      'disciplinary',
      'work',
      'teams',
    ]);
  });

  it('keeps apostrophes inside a word out of its spelling, in every quote style', () => {
    for (const text of ["children's", 'children’s', 'childrens', 'children`s']) {
      expect(words(text)).toEqual([{ word: 'childrens', start: 0, end: text.length, flags: 2 }]);
    }
    expect(words("'parents' needs'").map((w) => [w.word, w.start, w.end])).toEqual([
      ['parents', 1, 8],
      ['needs', 10, 15],
    ]);
  });

  it('reads through zero-width chars and soft hyphens inside a word', () => {
    expect(words('super\u00advi\u200bsion').map((w) => w.word)).toEqual(['supervision']);
    expect(words('ab\u200b cd\u00ad').map((w) => [w.word, w.start, w.end])).toEqual([
      ['ab', 0, 2],
      ['cd', 4, 6],
    ]);
  });

  it('reads & as the word and', () => {
    expect(words('R&D & more').map((w) => [w.word, w.start, w.end])).toEqual([
      ['r', 0, 1],
      ['and', 1, 2],
      ['d', 2, 3],
      ['and', 4, 5],
      ['more', 6, 10],
    ]);
  });

  it('flags sentence breaks, code gaps and leading digits', () => {
    const [wp, n301, level, n3] = words('WP - 301. Level: 3');
    expect(wp.flags & CODE_GAP).toBe(0);
    expect(n301.flags & (CODE_GAP | LEAD_DIGIT)).toBe(CODE_GAP | LEAD_DIGIT);
    expect(level.flags & HARD_BEFORE).toBe(HARD_BEFORE);
    expect(n3.flags & (HARD_BEFORE | CODE_GAP)).toBe(HARD_BEFORE);
    expect(words('WP    \r\n 301')[1].flags & CODE_GAP).toBe(CODE_GAP);
    expect(words('WP - - 301')[1].flags & CODE_GAP).toBe(0);
  });

  it('flags words after a line break, a tab or a list bullet', () => {
    const t = tokenise('one two\nthree\tfour • five | six', null);
    const lines = Array.from({ length: t.count }, (_, i) => (t.flags[i] & LINE_BEFORE) !== 0);
    expect(lines).toEqual([false, false, true, true, true, true]);
  });

  it('finds dictionary ids by spelling', () => {
    const vocab = new Vocabulary();
    const childrens = vocab.add('childrens');
    const and = vocab.add('and');
    vocab.seal();
    const t = tokenise('Children’s & CHILDRENS and child', vocab);
    expect(Array.from(t.id.subarray(0, t.count))).toEqual([childrens, and, childrens, and, -1]);
  });

  it('reads the original text exactly as normaliseText reads it', () => {
    const alphabet = [
      'a',
      'B',
      'z',
      'É',
      '3',
      '0',
      ' ',
      ' ',
      '\u00a0',
      '\r\n',
      '\t',
      '\u200b',
      '\u00ad',
      '&',
      "'",
      '’',
      '-',
      '—',
      '.',
      ',',
      ':',
      '(',
      '"',
      '“',
      '£',
      '/',
      'İ',
      '😀',
      'wp',
      'and',
    ];
    const next = random(42);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 25);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      // A hyphen before a line break may join a word's two parts (line-hyphen.test.ts); normalising folds the break.
      if (/-[\s\u200b\u00ad]*\r\n/.test(text)) continue;
      const { text: normal, map } = normaliseText(text);
      const fromOriginal = words(text);
      const fromNormal = words(normal).map((w) => {
        const [start, end] = originalRange(map, w.start, w.end);
        return { ...w, start, end };
      });
      expect(fromOriginal, JSON.stringify(text)).toEqual(fromNormal);
    }
  });
});
