// A word broken by a hyphen at a line end ("transi-" / "tions", as a PDF's text layer or pasted PDF text gives it)
// is one word for matching, its range spanning both parts; compounds (`well-` / `being`) and hyphens mid-line are not.
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/lib/match/matcher';
import { LINE_BEFORE, tokenise, tokenText } from '@/lib/match/tokenise';
import { suite } from './synthetic-suites';

function words(text: string) {
  const t = tokenise(text, null);
  return Array.from({ length: t.count }, (_, i) => ({
    word: tokenText(text, t, i),
    range: text.slice(t.start[i], t.end[i]),
    line: (t.flags[i] & LINE_BEFORE) !== 0,
  }));
}

const spellings = (text: string) => words(text).map((w) => w.word);

const TITLE = 'Support children and young people during transitions in their lives';
const matcher = buildMatcher([
  suite('ldss', 'Learning, Development and Support Services', [
    { id: 'ldss-312', code: '312', title: TITLE },
    { id: 'ldss-313', code: '313', title: 'Promote the well-being of children and young people' },
  ]),
  suite('wp', 'Work with Parents', [{ id: 'wp-301', code: 'WP301', title: 'Deliver services that value parents' }], {
    codePrefixes: ['WP'],
  }),
]);

describe('a word hyphenated at a line end', () => {
  it('is one word, its range both parts with the hyphen and the break', () => {
    for (const brk of ['\n', '\r\n', '\r', '\u2028', '\u2029', ' \n', '\n  ', '\u200b\n']) {
      const text = `during transi-${brk}tions in`;
      expect(words(text), JSON.stringify(brk)).toEqual([
        { word: 'during', range: 'during', line: false },
        { word: 'transitions', range: `transi-${brk}tions`, line: false },
        { word: 'in', range: 'in', line: false },
      ]);
    }
    // U+2010 HYPHEN too, and a word broken twice.
    expect(spellings('transi\u2010\ntions')).toEqual(['transitions']);
    expect(spellings('tran-\nsi-\ntions')).toEqual(['transitions']);
    // An apostrophe before the break: the word goes on.
    expect(spellings("children's transi-\ntions")).toEqual(['childrens', 'transitions']);
  });

  it('keeps a compound’s parts apart (well- / being), as mid-line', () => {
    expect(words('their well-\nbeing')).toEqual([
      { word: 'their', range: 'their', line: false },
      { word: 'well', range: 'well', line: false },
      { word: 'being', range: 'being', line: true },
    ]);
    expect(spellings('a multi-\nagency team')).toEqual(['a', 'multi', 'agency', 'team']);
    expect(spellings('Self-\nassessment')).toEqual(['self', 'assessment']);
    expect(spellings('their well-being')).toEqual(spellings('their well-\nbeing'));
  });

  it('leaves hyphens mid-line and other breaks alone', () => {
    expect(spellings('join us mid-year')).toEqual(['join', 'us', 'mid', 'year']);
    expect(spellings('transi-tions')).toEqual(['transi', 'tions']);
    expect(spellings('transi- tions')).toEqual(['transi', 'tions']);
    expect(spellings('transi-\ttions')).toEqual(['transi', 'tions']);
    // A blank line between is a new paragraph; a dash is no hyphen; an upper-case letter on either side is no break.
    expect(spellings('transi-\n\ntions')).toEqual(['transi', 'tions']);
    expect(spellings('transi–\ntions')).toEqual(['transi', 'tions']);
    expect(spellings('transi-\nTions')).toEqual(['transi', 'tions']);
    expect(spellings('TRANSI-\ntions')).toEqual(['transi', 'tions']);
    expect(spellings('transi-\n')).toEqual(['transi']);
    expect(spellings('-\ntions')).toEqual(['tions']);
  });

  it('never joins digits: codes broken at a line end read as before', () => {
    expect(spellings('WP-\n301')).toEqual(['wp', '301']);
    expect(spellings('unit-\n301')).toEqual(['unit', '301']);
    expect(spellings('301-\nunit')).toEqual(['301', 'unit']);
    const [ref] = matcher.scan('as in WP-\n301 and more').references;
    expect(ref).toMatchObject({ matched: 'WP-\n301', unitIds: ['wp-301'] });
  });

  it('matches a title broken there, the reference spanning both parts', () => {
    for (const brk of ['\n', '\r\n', ' \n']) {
      const text = `and support children and young people during transi-${brk}tions in their lives such as a move`;
      const { references } = matcher.scan(text);
      const start = text.indexOf('support');
      const end = text.indexOf('lives') + 'lives'.length;
      expect(references, JSON.stringify(brk)).toEqual([
        { start, end, matched: text.slice(start, end), kind: 'title', unitIds: ['ldss-312'] },
      ]);
    }
  });

  it('still matches a title with a compound broken at a line end', () => {
    const text = 'Promote the well-\nbeing of children and young people';
    expect(matcher.scan(text).references).toMatchObject([{ matched: text, unitIds: ['ldss-313'] }]);
  });

  it('finds no title in the parts of a word broken mid-line', () => {
    expect(matcher.scan('support children and young people during transi- tions in their lives').references).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ kind: 'title' })]),
    );
  });
});
