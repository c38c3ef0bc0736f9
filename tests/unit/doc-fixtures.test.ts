// The document fixtures (scripts/make-doc-fixtures.ts) are what their labels say: pages, titles, text where it should
// be, and the failures they exist for. Also reads them through lib/doc exactly as the CLI does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { makeDocFixtures, FIXTURE_DIR } from '../../scripts/make-doc-fixtures';
import { loadNodePdfjs, NODE_PDF_PARAMS, readDocumentBytes } from '../../lib/doc/node';
import { openPdf } from '../../lib/doc/pdf';
import { MAX_DOCUMENT_BYTES } from '../../lib/doc/limits';
import { DocumentError } from '../../lib/doc/errors';
import { documentBlocks, documentMainText } from '../../lib/doc/text';

interface Label {
  kind: 'pdf' | 'docx';
  pages?: number;
  title?: string;
  units?: string[];
  error?: string;
}
const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, Label>;
};
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));

async function failure(name: string): Promise<DocumentError> {
  try {
    await readDocumentBytes(bytesOf(name), { name });
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw e;
  }
  throw new Error(`${name} was read without an error`);
}

describe('document fixtures', () => {
  it('are the committed files the script makes, byte for byte', async () => {
    const made = await makeDocFixtures();
    expect(made.map((f) => f.name).sort()).toEqual(Object.keys(expected.files).sort());
    for (const f of made) expect(Buffer.from(bytesOf(f.name)).equals(Buffer.from(f.bytes)), f.name).toBe(true);
  });

  it('the job description PDF reads as three pages, with the title broken and hyphenated across lines joined', async () => {
    const label = expected.files['job-description.pdf'];
    const doc = await readDocumentBytes(bytesOf('job-description.pdf'));
    expect(doc).toMatchObject({ kind: 'pdf', pageCount: label.pages, title: label.title });
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const blocks = documentBlocks(doc.pages);
    expect(blocks).toContain('Main duties');
    expect(blocks.some((b) => b.startsWith('• Liaise with parents, carers\nand families about attendance'))).toBe(true);
    expect(blocks.some((b) => b.includes('support children and young people during transitions in their lives'))).toBe(
      true,
    );
    // The foot "… Page n of 3" is on every page: left out of the text the ranking reads.
    expect(documentMainText(doc.pages)).not.toMatch(/Page \d of 3/);
  });

  it('the .docx reads as the same words, its dangerous link dropped from the HTML', async () => {
    const doc = await readDocumentBytes(bytesOf('job-description.docx'));
    expect(doc.kind).toBe('docx');
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.html).toContain('<h1>Job description</h1>');
    expect(doc.html).toContain('href="https://www.example.gov.uk/schools-jobs/hollins-brook"');
    expect(doc.html).not.toMatch(/javascript:/i);
    expect(doc.html).toContain('<a>download the form</a>');
    const blocks = documentBlocks(doc.pages);
    expect(blocks.some((b) => b.startsWith('Liaise with parents, carers\nand families'))).toBe(true);
    expect(blocks.some((b) => b.includes('WP 301'))).toBe(true);
  });

  it('the handbook has 100 pages and names its units from page 5', async () => {
    const doc = await readDocumentBytes(bytesOf('course-handbook-100-pages.pdf'));
    expect(doc.pageCount).toBe(100);
    const first = doc.pages.find((p) => p.paragraphs.some((t) => /\bSHC 31\b/.test(t)));
    expect(first?.pageNumber).toBe(5);
    expect(doc.pages.every((p) => p.paragraphs.length > 3)).toBe(true);
  });

  it('reports progress page by page, and stops between pages when asked', async () => {
    const seen: number[] = [];
    let total = 0;
    await readDocumentBytes(bytesOf('job-description.pdf'), {
      onInfo: (info) => (total = info.pageCount),
      onPage: (p) => seen.push(p.pageNumber),
    });
    expect([total, seen]).toEqual([3, [1, 2, 3]]);
    const stop = new AbortController();
    const read: number[] = [];
    const reading = readDocumentBytes(bytesOf('course-handbook-100-pages.pdf'), {
      signal: stop.signal,
      onPage: (p) => {
        read.push(p.pageNumber);
        if (p.pageNumber === 3) stop.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(read).toEqual([1, 2, 3]);
  });

  it.each(['password-protected.pdf', 'truncated.pdf', 'scanned-no-text.pdf'])(
    '%s fails with its labelled error and a message a person can act on',
    async (name) => {
      const e = await failure(name);
      expect(e.code).toBe(expected.files[name].error);
      expect(e.message).toMatch(/^This (PDF|file) /);
    },
  );

  it('a PDF encrypted with an empty user password (permissions only) is decrypted and read', async () => {
    const doc = await readDocumentBytes(bytesOf('permissions-only.pdf'));
    expect(doc.pageCount).toBe(expected.files['permissions-only.pdf'].pages);
    expect(documentBlocks(doc.pages)).toEqual(['Confidential: supervision notes for WP 301 candidates']);
  });

  it('says a zip that holds no Word document is not one, rather than that it is damaged', async () => {
    const zip = new JSZip();
    zip.file('minutes.txt', 'Governors’ minutes');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocumentBytes(bytes, { name: 'download' })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/^This file is a zip archive but not a Word document/),
    });
  });

  it('refuses a file over the size limit before pdf.js reads it, and a PDF over the page limit', async () => {
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expect(readDocumentBytes(huge)).rejects.toMatchObject({
      code: 'too-large',
      message: 'This file is just over 50 MB; NOS Lens reads documents up to 50 MB.',
    });
    const { getDocument } = await loadNodePdfjs();
    await expect(
      openPdf(getDocument, bytesOf('job-description.pdf'), { maxPages: 2, params: NODE_PDF_PARAMS }),
    ).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/^This PDF has 3 pages; .* 1,000 pages/),
    });
  });

  it('the scanned PDF really is pages of pictures with no text', async () => {
    const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: bytesOf('scanned-no-text.pdf'), isEvalSupported: false, verbosity: 0 })
      .promise;
    expect(pdf.numPages).toBe(expected.files['scanned-no-text.pdf'].pages);
    const page = await pdf.getPage(1);
    expect((await page.getTextContent()).items).toEqual([]);
    const ops = await page.getOperatorList();
    expect(ops.fnArray).toContain(OPS.paintImageXObject);
    await pdf.destroy();
  });
});
