// The portfolio's coverage per suite and its evidence filters.
import { describe, expect, it } from 'vitest';
import { allTags, filterEvidence, suiteCoverage } from '@/lib/portfolio/coverage';
import { evidence } from './fixtures';

const units = [
  { id: 'wp-301', suiteId: 'wp', code: 'WP 301', title: 'Build and maintain relationships in work with parents' },
  { id: 'wp-302', suiteId: 'wp', code: 'WP 302', title: 'Communicate effectively with parents' },
  { id: 'ldss-309', suiteId: 'ldss', code: '309', title: 'Liaise with parents, carers and families' },
];
const unitSuite = new Map(units.map((u) => [u.id, u.suiteId]));
const items = [
  evidence('a'),
  evidence('b', {
    units: [evidence('x').units[0]],
    type: 'course',
    tags: ['course'],
    activityDate: '2026-01-05',
    note: 'Évaluation',
  }),
];

describe('coverage', () => {
  it('counts evidence per unit and units covered per suite', () => {
    const cov = suiteCoverage(
      [
        { id: 'wp', title: 'Work with Parents' },
        { id: 'ldss', title: 'LDSS' },
      ],
      units,
      items,
    );
    expect(cov.map((s) => [s.suiteId, s.covered, s.total])).toEqual([
      ['wp', 1, 2],
      ['ldss', 1, 1],
    ]);
    expect(cov[0].units.map((u) => [u.id, u.evidence])).toEqual([
      ['wp-301', 2],
      ['wp-302', 0],
    ]);
  });

  it('filters by suite, tag, type, dates and words (any case and accents)', () => {
    const ids = (f: Parameters<typeof filterEvidence>[1]) => filterEvidence(items, f, unitSuite).map((e) => e.id);
    expect(ids({})).toEqual(['a', 'b']);
    expect(ids({ suiteIds: ['ldss'] })).toEqual(['a']);
    expect(ids({ tag: 'course' })).toEqual(['b']);
    expect(ids({ type: 'job-advert' })).toEqual(['a']);
    expect(ids({ from: '2026-06-01' })).toEqual(['a']);
    expect(ids({ to: '2026-06-01' })).toEqual(['b']);
    expect(ids({ search: 'evaluation' })).toEqual(['b']);
    expect(ids({ search: 'LIAISE carers' })).toEqual(['a']);
    expect(ids({ search: 'nothing like this' })).toEqual([]);
  });

  it('lists tags, most used first', () => {
    expect(allTags(items)).toEqual(['2026', 'applications', 'course']);
  });
});
