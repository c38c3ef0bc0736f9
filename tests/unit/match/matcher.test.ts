import { describe, expect, it } from 'vitest';
import { buildMatcher, resolveConditional } from '@/lib/match/matcher';
import type { ScanResult } from '@/lib/match/types';
import { allSynthetic, ldss, lss, suite, wp } from './synthetic-suites';

const matcher = buildMatcher(allSynthetic);

/** Checks the contract every result must keep, then returns it. */
function scan(text: string): ScanResult {
  const result = matcher.scan(text);
  for (const list of [result.references, result.conditional]) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      expect(text.slice(r.start, r.end)).toBe(r.matched);
      expect(r.unitIds.length).toBeGreaterThan(0);
      if (i > 0) expect(r.start).toBeGreaterThanOrEqual(list[i - 1].end);
    }
  }
  for (const c of result.conditional) {
    for (const r of result.references) expect(c.end <= r.start || c.start >= r.end).toBe(true);
    expect(c.suiteIds.length).toBe(c.unitIds.length);
  }
  return result;
}

/** References as [matched, kind, unitIds]. */
function refs(text: string) {
  return scan(text).references.map((r) => [r.matched, r.kind, r.unitIds]);
}

function conditional(text: string) {
  return scan(text).conditional.map((r) => [r.matched, r.unitIds, r.suiteIds]);
}

describe('codes', () => {
  it.each(['WP 301', 'WP301', 'WP-301', 'wp 301', 'wp301', 'Wp-301', 'WP - 301', 'WP – 301', 'WP\u00a0301', 'WP\n301'])(
    'finds %j',
    (code) => {
      expect(refs(`See ${code} today`)).toEqual([[code, 'code', ['wp-301']]]);
    },
  );

  it('finds a code printed without a space and spelled with one', () => {
    expect(refs('WP405 and WP 405')).toEqual([
      ['WP405', 'code', ['wp-405']],
      ['WP 405', 'code', ['wp-405']],
    ]);
  });

  it.each([
    ['GCU 1', 'ldss-gcu1'],
    ['GCU1', 'ldss-gcu1'],
    ['gcu-1', 'ldss-gcu1'],
    ['LDSS 312', 'ldss-312'],
    ['LDSS312', 'ldss-312'],
    ['ldss-312', 'ldss-312'],
    ['Standard A', 'lss-a'],
    ['STANDARD A', 'lss-a'],
  ])('finds %j', (code, unitId) => {
    expect(refs(`(${code})`)).toEqual([[code, 'code', [unitId]]]);
  });

  it('spells a bare letter code with the suite prefix when the data gives no alias', () => {
    expect(refs('Standard B applies')).toEqual([['Standard B', 'code', ['lss-b']]]);
  });

  it('finds codes at the very start and end of the text, and next to punctuation', () => {
    expect(refs('WP 301')).toEqual([['WP 301', 'code', ['wp-301']]]);
    expect(refs('WP 301,WP 307.(GCU1)').map((r) => r[0])).toEqual(['WP 301', 'WP 307', 'GCU1']);
  });

  it('reports a code as mentioning its suite', () => {
    expect(scan('WP 301').mentionedSuites).toEqual(new Set(['wp']));
    expect(scan('Standard A').mentionedSuites).toEqual(new Set(['lss']));
  });

  it('keeps the same code in several suites as one reference', () => {
    const m = buildMatcher([
      wp,
      suite('wp-copy', 'Copy', [{ id: 'copy-301', code: 'WP301', title: 'Copied unit title' }]),
    ]);
    expect(m.scan('WP 301').references.map((r) => r.unitIds)).toEqual([['wp-301', 'copy-301']]);
  });

  describe('negatives', () => {
    it.each([
      'WP 999',
      'WP3010',
      'xWP301',
      'WP 30',
      'gcu10',
      'GCU 10',
      'GCU1a',
      'A',
      'a',
      'Grade A',
      'the gold standard a school must meet',
      'Standard D',
      'WP',
      'LDSS',
      'WP 301x',
      'LDSS 3120',
    ])('nothing in %j', (text) => {
      expect(scan(text).references).toEqual([]);
    });

    it('does not take a word inside a longer word', () => {
      expect(refs('The AWP 301 form and wp3012')).toEqual([]);
    });

    it('takes "WP 301.5" as WP 301 (a criterion of it)', () => {
      expect(refs('WP 301.5')).toEqual([['WP 301', 'code', ['wp-301']]]);
    });
  });
});

describe('titles', () => {
  const transitions = 'Support children and young people during transitions in their lives';

  it('finds a unit title, case-insensitively', () => {
    expect(refs(`We ${transitions.toUpperCase()} here`)).toEqual([[transitions.toUpperCase(), 'title', ['ldss-312']]]);
  });

  it('finds a title across line breaks, double spaces, NBSP and soft hyphens', () => {
    const text = 'Support children and  young\r\npeople during\u00a0transitions in their li\u00adves.';
    expect(refs(text)).toEqual([[text.slice(0, -1), 'title', ['ldss-312']]]);
  });

  it('ignores quote style and apostrophes', () => {
    for (const text of [
      'Work with parents to meet their children’s needs',
      "Work with parents to meet their children's needs",
      'Work with parents to meet their childrens needs',
      "'Work with parents to meet their children's needs'",
    ]) {
      expect(refs(text).map((r) => r[2])).toEqual([['wp-307', 'cypw3-parents']]);
    }
    expect(refs('“Provide services that meet parents’ needs”')).toEqual([
      ['Provide services that meet parents’ needs', 'title', ['wp-313']],
    ]);
  });

  it('treats & and "and" alike, on both sides', () => {
    expect(refs('Ensure your own actions reduce risks to health & safety')).toEqual([
      ['Ensure your own actions reduce risks to health & safety', 'title', ['lm-health', 'justice-health']],
    ]);
    expect(refs('Ensure your own actions reduce risks to health and safety.')).toEqual([
      ['Ensure your own actions reduce risks to health and safety', 'title', ['lm-health', 'justice-health']],
    ]);
  });

  it('ignores a trailing full stop on either side', () => {
    expect(refs('Ensure your own actions reduce risks to health and safety').length).toBe(1);
    expect(refs('Make use of Supervision.')).toEqual([['Make use of Supervision', 'title', ['ldss-315']]]);
  });

  it('ignores punctuation inside a title but not a sentence break the title lacks', () => {
    expect(refs('Support children and young people, during transitions in their lives')).toHaveLength(1);
    expect(refs('Support children and young people. During transitions in their lives')).toEqual([
      ['Support children and young people', 'title', ['cypw3-support']],
    ]);
  });

  it('finds a title with a colon written with or without it', () => {
    expect(refs('Foster care: legal framework in England')).toEqual([
      ['Foster care: legal framework in England', 'title', ['justice-foster']],
    ]);
    expect(refs('Foster care - legal framework in England').map((r) => r[2])).toEqual([['justice-foster']]);
  });

  it('prefers the longest title', () => {
    expect(refs(`${transitions}.`)).toEqual([[transitions, 'title', ['ldss-312']]]);
    expect(refs('Support children and young people today')).toEqual([
      ['Support children and young people', 'title', ['cypw3-support']],
    ]);
  });

  it('finds a title that is followed by more words, but not one cut mid-word', () => {
    expect(refs('Make use of Supervision sessions every week')).toEqual([
      ['Make use of Supervision', 'title', ['ldss-315']],
    ]);
    // An inflected title as a whole line is a close title, not the title (see the close-title tests).
    expect(refs('Make use of Supervisions')).toEqual([['Make use of Supervisions', 'close', ['ldss-315']]]);
    expect(refs('Make use of Super vision')).toEqual([]);
    expect(refs('Remake use of Supervision')).toEqual([]);
  });

  it('includes a closing bracket that the title opened', () => {
    const m = buildMatcher([
      suite('x', 'X', [{ id: 'x-1', title: 'Support those with specific requirements (additional needs)' }]),
    ]);
    const text = '- Support those with specific requirements (additional needs).';
    expect(m.scan(text).references.map((r) => r.matched)).toEqual([text.slice(2, -1)]);
    expect(m.scan('(Support those with specific requirements additional needs)').references[0].matched).toBe(
      'Support those with specific requirements additional needs',
    );
  });

  it('attributes an element title to its unit', () => {
    expect(refs('He can Respond to a child’s disclosure of abuse well')).toEqual([
      ['Respond to a child’s disclosure of abuse', 'element', ['lm-abuse']],
    ]);
    expect(refs('Agree learning support plans with learners')).toEqual([
      ['Agree learning support plans with learners', 'element', ['lss-a']],
    ]);
  });

  it('gives a title shared by several suites one reference with every unit', () => {
    const [ref] = scan("Work with parents to meet their children's needs").references;
    expect(ref.unitIds).toEqual(['wp-307', 'cypw3-parents']);
  });

  it('finds several titles and codes in order, without overlaps', () => {
    const text = `Make use of Supervision; WP 301: Build and maintain relationships in work with parents. ${transitions}`;
    expect(refs(text)).toEqual([
      ['Make use of Supervision', 'title', ['ldss-315']],
      ['WP 301', 'code', ['wp-301']],
      ['Build and maintain relationships in work with parents', 'title', ['wp-301']],
      [transitions, 'title', ['ldss-312']],
    ]);
  });

  describe('short titles', () => {
    it.each([
      'GCU1 Communication',
      'GCU1: Communication',
      'GCU 1 - Communication',
      'GCU1 – Communication',
      'Communication (GCU1)',
      'Communication. GCU1.',
      'Communication: GCU 1',
    ])('count next to their code: %j', (text) => {
      const found = refs(text);
      expect(found.map((r) => r[1]).sort()).toEqual(['code', 'title']);
      expect(found.every((r) => (r[2] as string[]).join() === 'ldss-gcu1')).toBe(true);
    });

    it('do not count alone, or next to another unit’s code', () => {
      expect(refs('Communication is key')).toEqual([]);
      expect(refs('Communication, Equality, Personal development')).toEqual([]);
      expect(refs('GCU2 Communication')).toEqual([['GCU2', 'code', ['ldss-gcu2']]]);
      expect(refs('Communication skills matter. GCU1')).toEqual([['GCU1', 'code', ['ldss-gcu1']]]);
    });

    it('count next to a bare code of their unit', () => {
      expect(refs('318 Positive relationships')).toEqual([
        ['318', 'code', ['ldss-318']],
        ['Positive relationships', 'title', ['ldss-318']],
      ]);
      expect(refs('Positive relationships matter')).toEqual([]);
    });

    it('of a unit without a code never count', () => {
      expect(refs('Equality')).toEqual([]);
      expect(refs('WP 301 Equality')).toEqual([['WP 301', 'code', ['wp-301']]]);
    });

    it('point only at the unit whose code is next to them', () => {
      // `Communication` is also a code-less diploma unit: it must not come along.
      expect(refs('GCU1 Communication')[1]).toEqual(['Communication', 'title', ['ldss-gcu1']]);
    });
  });
});

describe('bare numbers', () => {
  const transitions = 'Support children and young people during transitions in their lives';

  it.each([
    `312: ${transitions}`,
    `312 ${transitions}`,
    `(312) ${transitions}`,
    `312. ${transitions}`,
    `312 - ${transitions}`,
    `[312] ${transitions}`,
    `312\r\n\r\n${' '.repeat(80)}${transitions}`,
  ])('count before their own title: %j', (text) => {
    const found = scan(text);
    expect(found.references.map((r) => [r.matched, r.kind, r.unitIds])).toEqual([
      ['312', 'code', ['ldss-312']],
      [transitions, 'title', ['ldss-312']],
    ]);
    expect(found.conditional).toEqual([]);
  });

  it('count after their own title, as the source lists them', () => {
    expect(refs(`- 23. ${transitions}. 312.`)).toEqual([
      [transitions, 'title', ['ldss-312']],
      ['312', 'code', ['ldss-312']],
    ]);
  });

  it('count before their own title even after a word that usually rules a number out', () => {
    expect(refs(`Unit 312: ${transitions}`).map((r) => r[0])).toEqual(['312', transitions]);
  });

  it('before another unit’s title stay conditional', () => {
    const found = scan('312 Make use of Supervision');
    expect(found.references.map((r) => r.matched)).toEqual(['Make use of Supervision']);
    expect(found.conditional.map((c) => c.matched)).toEqual(['312']);
  });

  it('alone are conditional on the suites that have that code', () => {
    const text = 'Evidence for 315 and 312 here';
    expect(scan(text).references).toEqual([]);
    expect(conditional(text)).toEqual([
      ['315', ['ldss-315'], ['ldss']],
      ['312', ['ldss-312', 'n-312'], ['ldss', 'numbered']],
    ]);
    const c = scan(text).conditional[0];
    expect([c.start, c.end, c.kind]).toEqual([13, 16, 'code']);
  });

  it('resolve only for a mentioned suite, keeping only that suite’s units', () => {
    const { conditional: found } = scan('Evidence for 315 and 312');
    expect(resolveConditional(found, new Set())).toEqual([]);
    expect(resolveConditional(found, new Set(['wp']))).toEqual([]);
    expect(resolveConditional(found, new Set(['ldss'])).map((r) => [r.matched, r.unitIds])).toEqual([
      ['315', ['ldss-315']],
      ['312', ['ldss-312']],
    ]);
    expect(resolveConditional(found, new Set(['numbered'])).map((r) => [r.matched, r.unitIds, r.kind])).toEqual([
      ['312', ['n-312'], 'code'],
    ]);
    expect('suiteIds' in resolveConditional(found, new Set(['ldss']))[0]).toBe(false);
  });

  it('resolve with the suites the same page mentions', () => {
    const page = scan('My LDSS portfolio covers 315 and 312.');
    expect(page.mentionedSuites).toEqual(new Set(['ldss']));
    expect(resolveConditional(page.conditional, page.mentionedSuites).map((r) => r.unitIds)).toEqual([
      ['ldss-315'],
      ['ldss-312'],
    ]);
  });

  it.each([
    'Unit 301 of the Level 3 Diploma in Digital Marketing',
    'Unit 312',
    'Grade 312',
    'Level 3',
    'level 4 and Key Stage 5',
    'NVQ 4/5',
    'NVQ 3',
    '4.15',
    '£21,000',
    '£301',
    '$312',
    '312%',
    '301.5',
    '2009-2010',
    'in 2009/10',
    '10:15 to 15:30',
    'page 312',
    'pp. 312-315',
    'Level: 3',
    'p. 312',
    'p.312',
    'section 4',
    'paragraph 15',
    '312 pupils',
    '15 hours',
    'WP 312',
    'WP 315',
    'GCU 312',
  ])('are not codes in %j', (text) => {
    const found = scan(text);
    expect(found.conditional).toEqual([]);
    expect(found.references.filter((r) => !r.unitIds.some((u) => u.startsWith('wp-')))).toEqual([]);
  });

  it('are kept at a sentence end and in lists', () => {
    expect(conditional('units 313, 315 and 312.').map((c) => c[0])).toEqual(['315', '312']);
  });

  it('ignore numbers that are no unit’s code', () => {
    expect(conditional('Room for 999 or 42 people')).toEqual([]);
  });
});

describe('suite mentions', () => {
  it.each([
    ['LDSS', 'ldss'],
    ['the ldss standards', 'ldss'],
    ['Learning Development and Support Services', 'ldss'],
    ['Learning Development & Support Services', 'ldss'],
    ['Learning Development Support Services', 'ldss'],
    ['LDSS 401', 'ldss'],
    ['LDSS401', 'ldss'],
    ['GCU 9', 'ldss'],
    ['WP 999', 'wp'],
    ['Work with Parents', 'wp'],
    ['NOS for learning support staff', 'lss'],
    ['Level 3 Diploma for the Children and Young People’s Workforce', 'cypw3'],
  ])('%j names %s', (text, suiteId) => {
    expect(scan(text).mentionedSuites).toEqual(new Set([suiteId]));
  });

  it('are word-bounded and need a number after a code prefix', () => {
    expect(scan('LDSSX and XLDSS').mentionedSuites.size).toBe(0);
    expect(scan('Standard 5, the WP site, GCU').mentionedSuites.size).toBe(0);
  });

  it('come with references when a title contains a suite name', () => {
    const found = scan('Work with parents to meet their children’s needs');
    expect(found.mentionedSuites).toEqual(new Set(['wp']));
    expect(found.references).toHaveLength(1);
  });
});

describe('any text', () => {
  /** A small deterministic PRNG (mulberry32). */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = [
    'Support children and young people during transitions in their lives',
    'Support children and young people',
    "Work with parents to meet their children's needs",
    'Make use of Supervision',
    'Communication',
    'Positive relationships',
    'Respond to a child’s disclosure of abuse',
    'WP 301',
    'WP301',
    'GCU1',
    'GCU 1',
    'LDSS 312',
    'Standard A',
    'Standard B',
    '312',
    '315',
    '318',
    '3',
    '2009',
    'LDSS',
    'the',
    'unit',
    'level',
    'pupils',
    'and',
    '&',
    ' ',
    '  ',
    '\n',
    '\u00a0',
    '\u200b',
    '\u00ad',
    '.',
    ',',
    ':',
    '(',
    ')',
    '-',
    '–',
    '’',
    '"',
    '£',
    '/',
    '%',
  ];

  it('always gives sorted, non-overlapping references whose offsets slice the original', () => {
    const next = random(7);
    for (let n = 0; n < 500; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)] + (next() < 0.6 ? ' ' : '');
      scan(text); // checks the contract
    }
  });

  it('finds the same units when invisible chars are sprinkled inside words', () => {
    const text = `GCU1 Communication; 312: ${'Support children and young people during transitions in their lives'}. WP 301`;
    const sprinkled = text.replace(/([a-z])([a-z])/g, '$1\u00ad$2');
    const found = (t: string) => scan(t).references.map((r) => [r.kind, r.unitIds]);
    expect(found(sprinkled)).toEqual(found(text));
    expect(found(text)).toHaveLength(5);
  });
});

describe('buildMatcher', () => {
  it('works with no suites', () => {
    expect(buildMatcher([]).scan('WP 301 Support children 312')).toEqual({
      references: [],
      conditional: [],
      mentionedSuites: new Set(),
    });
  });

  it('uses only the suites it is given', () => {
    const only = buildMatcher([lss]);
    expect(only.scan('WP 301 and Standard A').references.map((r) => r.matched)).toEqual(['Standard A']);
    expect(
      buildMatcher([ldss])
        .scan('312')
        .conditional.map((c) => c.suiteIds),
    ).toEqual([['ldss']]);
  });

  it('returns empty results for empty text', () => {
    expect(matcher.scan('')).toEqual({ references: [], conditional: [], mentionedSuites: new Set() });
  });

  it('keeps original offsets after text that normalises to a different length', () => {
    const text = 'R&D \u200b\u200b“quotes”\r\n\r\n\u00ad Make use of\u00a0\u00a0Supervision & WP\u2011301';
    const found = scan(text).references;
    expect(found.map((r) => r.matched)).toEqual(['Make use of\u00a0\u00a0Supervision', 'WP\u2011301']);
    expect(found[1].end).toBe(text.length);
  });

  it('is deterministic', () => {
    const text = 'GCU1 Communication, 312 and Make use of Supervision';
    expect(scan(text)).toEqual(scan(text));
  });
});

describe('user standards: code ranges, scoped aliases, number groups', () => {
  const stl = suite(
    'stl',
    'Supporting Teaching and Learning in Schools',
    [18, 19, 20, 21, 22, 23, 24, 32].map((n) => ({
      id: `stl-${n}`,
      code: `STL${n}`,
      aliases: [`STL ${n}`],
      title: `Made-up unit title number ${n} for tests`,
    })),
    { codePrefixes: ['STL'] },
  );
  const m = buildMatcher(
    [...allSynthetic, stl],
    [{ unitId: 'ldss-312', suiteId: 'ldss', code: 'Unit 324', context: 'City & Guilds' }],
  );
  const find = (text: string) => {
    const r = m.scan(text);
    return [...r.references, ...resolveConditional(r.conditional, r.mentionedSuites)]
      .sort((a, b) => a.start - b.start)
      .map((x) => [x.matched, x.unitIds]);
  };

  it('expands a code range to every unit numbered in it, in its spellings', () => {
    const five = ['stl-18', 'stl-19', 'stl-20', 'stl-21', 'stl-22'];
    expect(find('Units STL18-STL22 are mandatory.')).toEqual([['STL18-STL22', five]]);
    expect(find('Units STL18 – STL22 are mandatory.')).toEqual([['STL18 – STL22', five]]);
    expect(find('Units STL 18–22 are mandatory.')).toEqual([['STL 18–22', five]]);
    expect(find('Units STL18 to STL22 are mandatory.')).toEqual([['STL18 to STL22', five]]);
    // Units missing from the range are skipped; the range still holds the ones that exist.
    expect(find('STL23–STL32')).toEqual([['STL23–STL32', ['stl-23', 'stl-24', 'stl-32']]]);
  });

  it('is no range when the numbers go down, span too far, or belong to something else', () => {
    expect(find('STL22-STL18')).toEqual([
      ['STL22', ['stl-22']],
      ['STL18', ['stl-18']],
    ]);
    expect(find('STL18-STL999')).toEqual([['STL18', ['stl-18']]]);
    expect(find('STL18-2024 cohort')).toEqual([['STL18', ['stl-18']]]);
  });

  it('counts a scoped alias only where the page has its context', () => {
    expect(find('City & Guilds Level 3: Unit 324 is optional.')).toEqual([['Unit 324', ['ldss-312']]]);
    expect(find('Unit 324 of the City and Guilds diploma.')).toEqual([['Unit 324', ['ldss-312']]]);
    expect(find('Digital marketing, Unit 324: social media analytics.')).toEqual([]);
    // The word that starts the alias does not make other numbers codes.
    expect(find('City & Guilds Unit 301 covers budgets.')).toEqual([]);
  });

  it('does not read a group of a longer number as a bare code', () => {
    const text = 'Learning Development Support Services team. Call 01632 960 312 to apply.';
    expect(find(text)).toEqual([]);
    expect(find('Learning Development Support Services: unit 312 and 312 again.').map((x) => x[0])).toEqual(['312']);
  });
});
