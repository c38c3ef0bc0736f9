// CSV (one row per evidence–unit link, safe in spreadsheets) and W3C Web Annotation JSON-LD exports.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { EVIDENCE_CSV_COLUMNS, evidenceCsv, toAnnotationCollection, unitUri } from '@/lib/portfolio/exports';
import { evidence } from './fixtures';

describe('evidence CSV', () => {
  const items = [
    evidence('3f2b9c1e-8a4d-4e6f-9b1a-2c3d4e5f6a7b'),
    evidence('e2', { units: [evidence('x').units[0]], tags: [] }),
  ];
  const csv = evidenceCsv(items);
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  it('has a header and one row per evidence–unit link', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual([...EVIDENCE_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [items[0].id, 'wp-301'],
      [items[0].id, 'ldss-309'],
      ['e2', 'wp-301'],
    ]);
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const row = rows[1];
    const col = (name: (typeof EVIDENCE_CSV_COLUMNS)[number]) => row[EVIDENCE_CSV_COLUMNS.indexOf(name)];
    expect(col('page_title')).toBe(items[0].pageTitle);
    expect(col('note')).toBe(items[0].note);
    expect(col('unit_title')).toBe('Build and maintain relationships in work with parents');
    expect(col('tags')).toBe('applications; 2026');
    expect(col('quote')).toBe('work with parents, carers');
    expect(col('created_at')).toBe(new Date(items[0].createdAt).toISOString());
    const formula = evidenceCsv([evidence('f', { note: '=HYPERLINK("http://x")' })]);
    expect(Papa.parse<string[]>(formula.slice(1)).data[1][EVIDENCE_CSV_COLUMNS.indexOf('note')]).toBe(
      `'=HYPERLINK("http://x")`,
    );
  });
});

describe('Web Annotation export', () => {
  const uuid = '3f2b9c1e-8a4d-4e6f-9b1a-2c3d4e5f6a7b';
  const collection = toAnnotationCollection(
    [evidence(uuid), evidence('e2', { quote: null, note: '' })],
    new Date('2026-11-22T10:00:00Z'),
  );

  it('is an AnnotationCollection in the W3C context with every annotation', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    expect(collection.first.type).toBe('AnnotationPage');
  });

  it('gives each annotation the model’s required fields: id (an IRI), type, body, target', () => {
    for (const a of collection.first.items) {
      expect(a.id).toMatch(/^urn:/);
      expect(a.type).toBe('Annotation');
      expect(a.motivation).toBe('tagging');
      expect(a.body.length).toBeGreaterThan(0);
      expect(a.target.source).toMatch(/^https:\/\//);
      expect(Date.parse(a.created)).not.toBeNaN();
    }
    expect(collection.first.items[0].id).toBe(`urn:uuid:${uuid}`);
  });

  it('targets the quote with TextQuoteSelector and TextPositionSelector, and tags the units by stable URI', () => {
    const [a, b] = collection.first.items;
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'work with parents, carers', prefix: 'You will ', suffix: ' and families' },
      { type: 'TextPositionSelector', start: 9, end: 34 },
    ]);
    expect(b.target.selector).toBeUndefined();
    expect(a.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'tagging',
      source: unitUri('wp-301'),
      label: 'WP 301 Build and maintain relationships in work with parents',
    });
    expect(a.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'applications' });
    expect(a.body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: evidence('x').note }));
    expect(b.body.some((x) => x.purpose === 'commenting')).toBe(false);
  });
});
