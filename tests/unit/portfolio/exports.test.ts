// CSV (one row per evidence–unit link, safe in spreadsheets) and W3C Web Annotation JSON-LD exports.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  documentUri,
  EVIDENCE_CSV_COLUMNS,
  evidenceCsv,
  toAnnotationCollection,
  toWebAnnotation,
  unitUri,
  type AnnotationTarget,
  type WebAnnotation,
} from '@/lib/portfolio/exports';
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

/** The one target of an annotation on a web page. */
const single = (a: WebAnnotation): AnnotationTarget => {
  if (Array.isArray(a.target)) throw new Error('expected one target');
  return a.target;
};

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
      expect(single(a).source).toMatch(/^https:\/\//);
      expect(Date.parse(a.created)).not.toBeNaN();
    }
    expect(collection.first.items[0].id).toBe(`urn:uuid:${uuid}`);
  });

  it('targets the quote with TextQuoteSelector and TextPositionSelector, and tags the units by stable URI', () => {
    const [a, b] = collection.first.items;
    expect(single(a).selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'work with parents, carers', prefix: 'You will ', suffix: ' and families' },
      { type: 'TextPositionSelector', start: 9, end: 34 },
    ]);
    expect(single(b).selector).toBeUndefined();
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

describe('evidence on documents in the exports', () => {
  const fingerprint = '0f'.repeat(16);
  const pdf = evidence('d1', {
    url: 'https://school.example/jobs/ta-jd.pdf',
    document: { kind: 'pdf', fingerprint, page: 3, pageCount: 4, title: 'Job description' },
  });
  const docx = evidence('d2', {
    url: null,
    quote: null,
    document: { kind: 'docx', fingerprint: 'ff'.repeat(32) },
  });

  it('gives the CSV the fingerprint and the page (blank for web pages and Word files)', () => {
    const rows = Papa.parse<string[]>(evidenceCsv([pdf, docx, evidence('w')]).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    const cols = (r: string[]) =>
      [EVIDENCE_CSV_COLUMNS.indexOf('document_fingerprint'), EVIDENCE_CSV_COLUMNS.indexOf('document_page')].map(
        (i) => r[i],
      );
    expect(rows.slice(1).map(cols)).toEqual([
      [fingerprint, '3'],
      [fingerprint, '3'],
      ['ff'.repeat(32), ''],
      ['ff'.repeat(32), ''],
      ['', ''],
      ['', ''],
    ]);
  });

  it('targets the address and the PDF’s fingerprint, each with the quote and its page (RFC 3778)', () => {
    const selector = [
      { type: 'TextQuoteSelector', exact: 'work with parents, carers', prefix: 'You will ', suffix: ' and families' },
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' },
    ];
    expect(toWebAnnotation(pdf).target).toEqual([
      { source: 'https://school.example/jobs/ta-jd.pdf', selector },
      { source: `urn:x-pdf:${fingerprint}`, selector },
    ]);
  });

  it('targets a Word file opened from disk by its SHA-256 as a named-information URI (RFC 6920)', () => {
    expect(toWebAnnotation(docx).target).toEqual({ source: documentUri(docx.document!) });
    // 32 bytes of 0xff in base64url, without padding.
    expect(documentUri(docx.document!)).toBe(`ni:///sha-256;${'_'.repeat(42)}8`);
  });
});
