// Close titles (issue 11): lines that are a unit's title with small differences, found as their own kind with a
// score; near misses and titles inside longer titles stay dark (or close at most). The lines below were written and
// labelled (unit or none) before the matcher was run on them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { closeScore, CLOSE_MIN_SCORE } from '@/lib/match/close';
import { buildMatcher } from '@/lib/match/matcher';

const matcher = buildMatcher(loadBundledDataset().suites);
const closeOf = (text: string) => matcher.scan(text).references.filter((r) => r.kind === 'close');

describe('close titles', () => {
  const positives: [string, string, string][] = [
    // [line as a listing prints it, the unit, the words expected to be painted]
    [
      'Unit 300 Build and maintain relationships with parents',
      'wp-301',
      'Build and maintain relationships with parents',
    ],
    [
      'Building and Maintaining Relationships with the Wider Community (Level 3, 4 credits)',
      'wp-305',
      'Building and Maintaining Relationships with the Wider Community',
    ],
    [
      'Module 7: Supporting Children and Young People’s Speech, Language and Communication',
      'cypw3-slc-skills',
      'Supporting Children and Young People’s Speech, Language and Communication',
    ],
    ['• Engage fathers in children’s learning', 'cypw3-engage-fathers', 'Engage fathers in children’s learning'],
    ['4. Make Use of Supervision Sessions', 'ldss-315', 'Make Use of Supervision Sessions'],
  ];
  it.each(positives)('%s → %s', (line, unitId, painted) => {
    const close = closeOf(line);
    expect(close.map((r) => [r.matched, r.unitIds])).toEqual([[painted, [unitId]]]);
    expect(close[0].score).toBeGreaterThanOrEqual(CLOSE_MIN_SCORE);
    expect(close[0].score).toBeLessThanOrEqual(1);
  });

  it('finds a close title on its own line inside a longer block, not in the prose around it', () => {
    const text =
      'Our Level 3 course covers the following units:\nCommunicate Effectively With Parents and Carers\n' +
      'Most learners finish within a year and go on to work in schools.';
    expect(closeOf(text).map((r) => [r.matched, r.unitIds])).toEqual([
      ['Communicate Effectively With Parents and Carers', ['wp-302']],
    ]);
  });

  const negatives = [
    // Near misses: another head verb, another object, too many words changed.
    'Build and maintain relationships with employers',
    'Contribute to building relationships with local businesses',
    'Communicate effectively with customers and suppliers',
    'Develop training sessions for sales staff in retail and hospitality settings across the region',
    'Support the maintenance of school buildings',
    'Maintain professional standards',
    'An ability to maintain high professional standards',
    'This appointment is based at Clapham and Patching C of E Primary School',
    'Pupil support generic job descriptions',
    'Make use of Super vision',
    'Remake use of Supervision',
    // A title's words in running prose are the ranker's business, not a close title.
    'In this role you will build and maintain good relationships with the parents of the pupils in your class, and you will report to the SENCo every week.',
  ];
  it.each(negatives)('stays dark: %s', (line) => {
    expect(closeOf(line)).toEqual([]);
  });

  it('reports a Title Case title inside a longer title as close at most', () => {
    const line = 'Contribute to the Support of Child and Young Person Development';
    const refs = matcher.scan(line).references;
    expect(refs.map((r) => [r.kind, r.matched])).toEqual([['close', 'Child and Young Person Development']]);
    expect(refs[0].score).toBeLessThan(1);
    // The same title on its own, or in prose next to a name, stays a title.
    expect(matcher.scan('Child and Young Person Development').references[0].kind).toBe('title');
    // (`CYP Core 3.1` is the unit's printed code, data/aliases.)
    expect(matcher.scan('CYP Core 3.1: Child and Young Person Development').references.map((r) => r.kind)).toEqual([
      'code',
      'title',
    ]);
    expect(
      matcher.scan("You will support children and young people's health and safety in School").references[0].kind,
    ).toBe('title');
  });

  it('keeps exact titles and codes as they were', () => {
    const refs = matcher.scan('WP 301 Build and maintain relationships in work with parents').references;
    expect(refs.map((r) => r.kind)).toEqual(['code', 'title']);
    // A code and a close title on one line: both.
    const mixed = matcher.scan('WP 301 Build and maintain relationships with parents').references;
    expect(mixed.map((r) => [r.kind, r.unitIds])).toEqual([
      ['code', ['wp-301']],
      ['close', ['wp-301']],
    ]);
  });

  it('finds no close title on the negative pages', () => {
    const dirs = [
      [join(import.meta.dirname, '../../fixtures/eval'), (f: string) => f.includes('-neg-')],
      [join(import.meta.dirname, '../../fixtures/pages'), (f: string) => f.startsWith('marketing')],
      [join(import.meta.dirname, '../../fixtures/scan'), (f: string) => f.startsWith('marketing')],
    ] as const;
    let pages = 0;
    for (const [dir, keep] of dirs) {
      for (const f of readdirSync(dir).filter(keep)) {
        const raw = readFileSync(join(dir, f), 'utf8');
        const text = raw.replace(/<[^>]+>/g, '\n');
        expect(closeOf(text), f).toEqual([]);
        pages++;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(10);
  });
});

describe('closeScore', () => {
  it('allows one missing word from a long title and two added words', () => {
    expect(closeScore([1, 2, 3, 4, 5], [1, 2, 3, 5])).toBeCloseTo(8 / 9);
    expect(closeScore([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7])).toBeCloseTo(10 / 12);
    expect(closeScore([1, 2, 3, 4, 5], [1, 2, 3])).toBe(0);
    expect(closeScore([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7, 8])).toBe(0);
  });
  it('allows no missing word from a short title', () => {
    expect(closeScore([1, 2, 3], [1, 2, 3, 9])).toBeCloseTo(6 / 7);
    expect(closeScore([1, 2, 3, 4], [1, 2, 4])).toBe(0);
    expect(closeScore([1, 2], [1, 2])).toBe(0);
  });
  it('never aligns unknown words (negative ids)', () => {
    expect(closeScore([1, 2, 3], [1, -1, 2, 3])).toBeCloseTo(6 / 7);
    expect(closeScore([-1, -1, -1], [-1, -1, -1])).toBe(0);
  });
});
