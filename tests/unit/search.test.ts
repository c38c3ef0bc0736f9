// Quick lookup over the real bundled dataset: codes in any spelling, titles, deeper text, typos, prefixes.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { UnitSearch } from '../../lib/search';

const dataset = loadBundledDataset();
const search = new UnitSearch(dataset.suites.flatMap((s) => s.units.map((u) => ({ ...u, suiteTitle: s.title }))));
const codes = (q: string, n = 3) => search.search(q, n).map((h) => h.code);

describe('UnitSearch', () => {
  it('indexes every unit', () => {
    expect(search.size).toBe(dataset.suites.reduce((n, s) => n + s.units.length, 0));
  });

  it.each(['wp301', 'WP 301', 'wp-301', 'Wp301'])('puts the exact code first for %s, once', (q) => {
    const hits = search.search(q);
    expect(hits[0].code).toBe('WP 301');
    expect(hits.filter((h) => h.unitId === hits[0].unitId)).toHaveLength(1);
    expect(hits[0].where[0].field).toBe('code');
  });

  it('finds codes printed without a space and bare LDSS numbers by their aliases', () => {
    expect(codes('gcu 1', 1)).toEqual(['GCU1']);
    expect(codes('GCU1', 1)).toEqual(['GCU1']);
    expect(codes('ldss 312', 1)).toEqual(['312']);
  });

  it('finds titles by a word prefix and tolerates a typo', () => {
    expect(search.search('transitio').some((h) => /transitions/i.test(h.title))).toBe(true);
    const typo = search.search('parnets');
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.every((h) => /parent/i.test(h.title) || h.where.some((w) => w.field !== 'title'))).toBe(true);
  });

  it('says where deeper text matched, with an excerpt of it', () => {
    const [hit] = search.search('KU1.1');
    expect(hit.suiteTitle).toMatch(/Learning Support Staff/);
    const where = hit.where.find((w) => w.field === 'knowledge');
    expect(where?.excerpt).toBeTruthy();
  });

  it('gives nothing for nonsense and for an empty query', () => {
    expect(search.search('xyzzy')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
  });

  it('limits the number of results', () => {
    expect(search.search('children', 5)).toHaveLength(5);
  });
});
