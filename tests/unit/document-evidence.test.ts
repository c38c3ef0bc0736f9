import 'fake-indexeddb/auto';
// Evidence on a PDF or Word document (the viewer): its document reference is validated, saved through the one save
// path, kept on edits, and found again by fingerprint from any address, or by the address it was filed from.
import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handleMessage, type ReplyOf, type Request, type SenderKind } from '@/lib/messages';
import { EvidenceInputSchema, EvidenceSchema } from '@/lib/portfolio/schema';
import { PAGE_TITLE_LIMIT, type EvidenceDocument } from '@/lib/portfolio/model';
import { evidenceOfDocument, evidenceOnPage } from '@/lib/store';
import { from, handlerContext } from './handler-context';

const dataset = loadBundledDataset();
const PDF = '0123456789abcdef0123456789abcdef';
const DOCX = 'ab'.repeat(32);

async function seeded() {
  const db = new NosDatabase(`doc-evidence-${Math.random()}`);
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const ctx = handlerContext(db, ready);
  const ask = async <R extends Request>(request: R, kind: SenderKind = 'page'): Promise<ReplyOf<R['type']>> => {
    const reply = await handleMessage(request, from(ctx, { kind }));
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ReplyOf<R['type']>;
  };
  return { db, ctx, ask };
}

const input = (over: Record<string, unknown> = {}) => ({
  url: 'https://school.example/jobs/ta-jd.pdf',
  pageTitle: 'Teaching assistant: job description',
  quote: {
    exact: 'support pupils with their reading',
    prefix: 'You will ',
    suffix: ' every day',
    start: null,
    end: null,
  },
  note: '',
  tags: [],
  type: 'job-advert' as const,
  activityDate: '2026-11-30',
  unitIds: ['wp-301'],
  snapshot: null,
  ...over,
});

const documentIssue = (document: unknown) => {
  const parsed = v.safeParse(EvidenceInputSchema, input({ document }));
  return parsed.success ? null : `${v.getDotPath(parsed.issues[0])}: ${parsed.issues[0].message}`;
};

describe('the document reference', () => {
  it('accepts a PDF with its page and a Word document without one, folding an upper-case fingerprint', () => {
    expect(documentIssue({ kind: 'pdf', fingerprint: PDF, page: 3, pageCount: 4, title: 'JD' })).toBeNull();
    expect(documentIssue({ kind: 'docx', fingerprint: DOCX })).toBeNull();
    const parsed = v.parse(EvidenceInputSchema, input({ document: { kind: 'pdf', fingerprint: PDF.toUpperCase() } }));
    expect(parsed.document?.fingerprint).toBe(PDF);
  });

  it('refuses a fingerprint of the wrong length or alphabet, pages a Word file cannot have, and pages out of range', () => {
    expect(documentIssue({ kind: 'pdf', fingerprint: DOCX })).toMatch(/^document\.fingerprint: .*32 hexadecimal/);
    expect(documentIssue({ kind: 'docx', fingerprint: PDF })).toMatch(/^document\.fingerprint: .*64 hexadecimal/);
    expect(documentIssue({ kind: 'pdf', fingerprint: 'z'.repeat(32) })).toMatch(
      /^document\.fingerprint: .*hexadecimal/,
    );
    expect(documentIssue({ kind: 'pdf', fingerprint: 'a'.repeat(65) })).toMatch(/^document\.fingerprint/);
    expect(documentIssue({ kind: 'docx', fingerprint: DOCX, page: 1 })).toMatch(/^document\.page: a Word document/);
    expect(documentIssue({ kind: 'pdf', fingerprint: PDF, page: 0 })).toMatch(/^document\.page/);
    expect(documentIssue({ kind: 'pdf', fingerprint: PDF, page: 1.5 })).toMatch(/^document\.page/);
    expect(documentIssue({ kind: 'pdf', fingerprint: PDF, page: 5, pageCount: 4 })).toMatch(/^document\.page: .*last/);
    expect(documentIssue({ kind: 'epub', fingerprint: PDF })).toMatch(/^document\.kind/);
    expect(documentIssue({ kind: 'pdf', fingerprint: PDF, extra: 1 })).toMatch(/^document\.extra/);
  });

  it('reads a stored record without the field (older records and backups) as having no document', () => {
    const stored = {
      ...input(),
      id: 'e1',
      units: [{ unitId: 'wp-301', code: 'WP 301', title: 'T', suiteTitle: 'S' }],
      createdAt: 1,
      updatedAt: 1,
    };
    expect(v.parse(EvidenceSchema, stored).document).toBeNull();
  });
});

describe('saving evidence on a document', () => {
  it('stores the reference, cutting a long title; an edit that does not mention it keeps it; null removes it', async () => {
    const { db, ask } = await seeded();
    const document = { kind: 'pdf', fingerprint: PDF, page: 2, pageCount: 3, title: `  ${'J'.repeat(3000)} ` } as const;
    const saved = await ask({ type: 'saveEvidence', evidence: input({ document }) });
    expect(saved.document).toEqual({ ...document, title: `${'J'.repeat(PAGE_TITLE_LIMIT - 1)}…` });
    expect((await db.evidence.get(saved.id))?.document).toEqual(saved.document);

    // The portfolio's edit form knows nothing of documents: the reference stays.
    const edited = await ask({ type: 'saveEvidence', evidence: input({ id: saved.id, note: 'edited' }) });
    expect(edited.document).toEqual(saved.document);
    const removed = await ask({ type: 'saveEvidence', evidence: input({ id: saved.id, document: null }) });
    expect(removed.document).toBeNull();
  });

  it('keeps no empty fields, and titles a file from disk (no address) by the document’s title', async () => {
    const { ask } = await seeded();
    const saved = await ask({
      type: 'saveEvidence',
      evidence: input({ url: null, pageTitle: '', document: { kind: 'docx', fingerprint: DOCX, title: 'Handbook' } }),
    });
    expect(saved.document).toEqual({ kind: 'docx', fingerprint: DOCX, title: 'Handbook' });
    expect(saved.pageTitle).toBe('Handbook');
    expect(saved.url).toBeNull();
    const plain = await ask({ type: 'saveEvidence', evidence: input() });
    expect(plain.document).toBeNull();
  });
});

describe('getDocumentEvidence', () => {
  it('finds the quotes of the same PDF opened from another address, and those filed from this address', async () => {
    const { ask } = await seeded();
    const first = await ask({
      type: 'saveEvidence',
      evidence: input({
        url: 'https://school.example/jobs/ta-jd.pdf',
        document: { kind: 'pdf', fingerprint: PDF, page: 1 },
      }),
    });
    // Filed from the address (the popup's tag form on the PDF's tab), before it was ever opened as a document.
    const byAddress = await ask({
      type: 'saveEvidence',
      evidence: input({ url: 'https://mirror.example/files/jd.pdf?utm_source=mail' }),
    });
    const fromDisk = await ask({
      type: 'saveEvidence',
      evidence: input({ url: null, document: { kind: 'pdf', fingerprint: PDF, page: 2 } }),
    });
    // Another document on the same site, and a web page: not this one.
    await ask({
      type: 'saveEvidence',
      evidence: input({
        url: 'https://mirror.example/files/other.pdf',
        document: { kind: 'pdf', fingerprint: 'f'.repeat(32) },
      }),
    });
    await ask({ type: 'saveEvidence', evidence: input({ url: 'https://mirror.example/files/' }) });

    const found = await ask({
      type: 'getDocumentEvidence',
      fingerprint: PDF.toUpperCase(),
      url: 'https://MIRROR.example:443/files/jd.pdf#page=2',
    });
    expect(found.map((e) => e.id)).toEqual([first.id, byAddress.id, fromDisk.id]);
    // A file from disk has no address: by fingerprint only.
    const disk = await ask({ type: 'getDocumentEvidence', fingerprint: PDF, url: null });
    expect(disk.map((e) => e.id)).toEqual([first.id, fromDisk.id]);
    expect(await ask({ type: 'getDocumentEvidence', fingerprint: 'e'.repeat(32), url: null })).toEqual([]);
  });

  it('is refused from a content script and checks its fields', async () => {
    const { ctx } = await seeded();
    const request = { type: 'getDocumentEvidence', fingerprint: PDF, url: null };
    const content = await handleMessage(request, from(ctx, { kind: 'content', tabId: 3 }));
    expect(content).toEqual({ ok: false, error: 'Refused: getDocumentEvidence is not accepted from a web page' });
    const bad = await handleMessage({ ...request, fingerprint: '../../x' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/fingerprint.*hexadecimal/) });
    expect(await handleMessage({ ...request, fingerprint: '' }, ctx)).toMatchObject({ ok: false });
  });

  it('reads the two indexes, not the whole evidence table', async () => {
    const { db, ask } = await seeded();
    for (let i = 0; i < 30; i++)
      await ask({ type: 'saveEvidence', evidence: input({ url: `https://site${i}.example/page` }) });
    const doc: EvidenceDocument = { kind: 'pdf', fingerprint: PDF };
    await ask({ type: 'saveEvidence', evidence: input({ url: 'https://school.example/a.pdf', document: doc }) });
    const whole = vi.spyOn(db.evidence, 'toArray');
    const found = await evidenceOfDocument(db, PDF, 'https://site3.example/page');
    expect(found.map((e) => e.url)).toEqual(['https://site3.example/page', 'https://school.example/a.pdf']);
    expect(whole).not.toHaveBeenCalled();
  });
});

describe('evidence of a page, read by the address index', () => {
  it('finds an address stored in another case or with the default port, and nothing from another site', async () => {
    const { db, ask } = await seeded();
    const upper = await ask({
      type: 'saveEvidence',
      evidence: input({ url: 'HTTPS://Jobs.Example.ORG:443/advert/42/' }),
    });
    const plain = await ask({
      type: 'saveEvidence',
      evidence: input({ url: 'https://jobs.example.org/advert/42#apply' }),
    });
    await ask({ type: 'saveEvidence', evidence: input({ url: 'https://jobs.example.org.evil.example/advert/42' }) });
    await ask({ type: 'saveEvidence', evidence: input({ url: 'http://jobs.example.org/advert/42' }) });
    await ask({ type: 'saveEvidence', evidence: input({ url: 'file:///home/me/advert/42' }) });
    const found = await evidenceOnPage(db, 'https://jobs.example.org/advert/42?utm_source=mail');
    expect(found.map((e) => e.id)).toEqual([upper.id, plain.id]);
    expect((await evidenceOnPage(db, 'file:///home/me/advert/42')).map((e) => e.url)).toEqual([
      'file:///home/me/advert/42',
    ]);
  });
});
