import { describe, expect, it } from 'vitest';
import { normaliseTerm, normaliseText, originalRange } from '@/lib/match/normalise';

/** Offsets only move forwards and stay inside the original. */
function expectMapConsistent(original: string) {
  const { text, map } = normaliseText(original);
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(original.length);
  const bad: number[] = [];
  for (let i = 0; i < text.length; i++) if (map[i] >= original.length || (i > 0 && map[i] < map[i - 1])) bad.push(i);
  expect(bad).toEqual([]);
}

describe('normaliseText', () => {
  it('lower-cases ASCII and other scripts', () => {
    expect(normaliseText('Support CHILDREN').text).toBe('support children');
    expect(normaliseText('ÉCOLE Ärger').text).toBe('école ärger');
  });

  it('turns curly and other quotes into straight ones', () => {
    expect(normaliseText('children’s ‘needs’ “quoted” „low‟ ′').text).toBe('children\'s \'needs\' "quoted" "low" \'');
  });

  it('turns every kind of dash into a hyphen', () => {
    expect(normaliseText('a‐b‑c‒d–e—f―g−h').text).toBe('a-b-c-d-e-f-g-h');
  });

  it('collapses whitespace runs, line breaks, tabs and NBSP into one space', () => {
    expect(normaliseText('a  b\tc\nd\r\ne\u00a0f \u00a0\n g\u2003h\u202fi').text).toBe('a b c d e f g h i');
  });

  it('drops zero-width chars and soft hyphens entirely', () => {
    expect(normaliseText('super\u00advision').text).toBe('supervision');
    expect(normaliseText('zero\u200bwidth\u200c\u200djoin\u2060er\ufeff').text).toBe('zerowidthjoiner');
  });

  it('keeps a whitespace run collapsed across a zero-width char', () => {
    expect(normaliseText('a \u200b b').text).toBe('a b');
  });

  it('spells & as and, adding spaces only where it touches a word', () => {
    expect(normaliseText('Care & Development').text).toBe('care and development');
    expect(normaliseText('Care&Development').text).toBe('care and development');
    expect(normaliseText('R&D').text).toBe('r and d');
    expect(normaliseText('&').text).toBe('and');
    expect(normaliseText('(&)').text).toBe('(and)');
    expect(normaliseText("Parents'&Carers").text).toBe("parents' and carers");
    expect(normaliseText('&\u200bD').text).toBe('and d');
  });

  it('maps every normalised char back to its original char', () => {
    const original = 'Care & Development';
    const { text, map } = normaliseText(original);
    expect(text).toBe('care and development');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('maps a glued & and its added spaces to the & itself', () => {
    const { text, map } = normaliseText('a&b');
    expect(text).toBe('a and b');
    expect(Array.from(map)).toEqual([0, 1, 1, 1, 1, 1, 2, 3]);
  });

  it('maps across removed chars, CRLF and NBSP', () => {
    const original = 'x\u00ady\r\n\u00a0z';
    const { text, map } = normaliseText(original);
    expect(text).toBe('xy z');
    expect(Array.from(map)).toEqual([0, 2, 3, 6, 7]);
  });

  it('gives ranges that slice the original back exactly', () => {
    const original = 'Read “Care & Development”\r\nnow';
    const { text, map } = normaliseText(original);
    const from = text.indexOf('care and development');
    const [start, end] = originalRange(map, from, from + 'care and development'.length);
    expect(original.slice(start, end)).toBe('Care & Development');
    const now = text.indexOf('now');
    expect(originalRange(map, now, now + 3)).toEqual([original.length - 3, original.length]);
  });

  it('keeps the end sentinel at the original length when trailing chars are dropped', () => {
    const { text, map } = normaliseText('ab\u200b\u200b');
    expect(text).toBe('ab');
    expect(map[2]).toBe(4);
  });

  it('handles empty text', () => {
    expect(normaliseText('')).toEqual({ text: '', map: new Uint32Array([0]) });
  });

  it('keeps surrogate pairs one-to-one', () => {
    const { text, map } = normaliseText('A😀B');
    expect(text).toBe('a😀b');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the map consistent on mixed input', () => {
    expectMapConsistent('  “Hello” — world &\u00a0R&D \u200b\r\n\u00adend. ');
    expectMapConsistent('x'.repeat(70000) + ' & ' + '\u00a0'.repeat(10));
  });

  it('is the same on long text as on short (buffer decoding path)', () => {
    const chunk = 'Support “CHILDREN” & young\u00a0people — ';
    const long = chunk.repeat(500);
    expect(normaliseText(long).text).toBe(normaliseText(chunk).text.repeat(500));
  });
});

describe('normaliseTerm', () => {
  it('gives a dictionary term the same form as page text', () => {
    expect(normaliseTerm('  Ensure your own actions reduce risks to health & safety. ')).toBe(
      'ensure your own actions reduce risks to health and safety',
    );
    expect(normaliseTerm('Work with parents to meet their children’s needs')).toBe(
      normaliseText("Work with parents to meet their children's needs").text,
    );
  });

  it('drops only trailing full stops and whitespace', () => {
    expect(normaliseTerm('Make use of Supervision...')).toBe('make use of supervision');
    expect(normaliseTerm('e.g. this')).toBe('e.g. this');
  });
});
