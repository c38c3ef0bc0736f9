// `npm run scan` on PDF and Word files: the labelled units, the page each is printed on, and unreadable files
// reported with a code and a message, the run exiting 1 as for an unreadable HTML file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { createScanner, isDocumentFile, type ScanFileResult } from '../../scripts/scan';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'tests', 'fixtures', 'docs');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, { units?: string[]; error?: string; firstReferencePage?: number }>;
};
const scanner = createScanner(loadBundledDataset().suites);
const ids = (r: ScanFileResult) => [...new Set(r.references.map((x) => x.unitId))].sort();
// Starting the command line (node + tsx + pdf.js) takes seconds on a busy machine: a guard against a hang only.
const CLI_BUDGET_MS = 180_000;

describe('scan on documents', () => {
  it.each(['job-description.pdf', 'job-description.docx'])('%s gives its labelled units', async (name) => {
    const r = await scanner.scanPath(join(DIR, name));
    expect(r.error).toBeUndefined();
    expect(ids(r)).toEqual(expected.files[name].units);
    // The title broken across lines and the one hyphenated across a line end are found as titles.
    expect(r.references.find((x) => x.unitId === 'ldss-309')).toMatchObject({ kind: 'title' });
    expect(r.references.find((x) => x.unitId === 'ldss-312')?.matched).toBe(
      'support children and young people during transitions in their lives',
    );
    expect(r.ranking.slice(0, 3).map((m) => m.unitId)).toEqual(expect.arrayContaining(['ldss-309', 'ldss-312']));
  });

  it('reads a PDF restricted only by permissions (empty user password) like any other', async () => {
    const r = await scanner.scanPath(join(DIR, 'permissions-only.pdf'));
    expect(r.error).toBeUndefined();
    expect(ids(r)).toEqual(expected.files['permissions-only.pdf'].units);
  });

  it('says which page of a PDF each reference is on, and what the document is', async () => {
    const r = await scanner.scanPath(join(DIR, 'job-description.pdf'));
    expect(r.document).toEqual({
      kind: 'pdf',
      pages: 3,
      title: 'Family Support Worker (Learning Mentor): job description and person specification',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(r.references.every((x) => x.page === 1)).toBe(true);
    // Safer-recruitment and how-to-apply text is never a reason for a match.
    for (const m of r.ranking)
      for (const w of m.why) expect(w.sentence).not.toMatch(/Disclosure and Barring|application form/);
  });

  it('reads the 100-page handbook: its units, each on the page it is printed on', async () => {
    const name = 'course-handbook-100-pages.pdf';
    const r = await scanner.scanPath(join(DIR, name));
    expect(ids(r)).toEqual(expected.files[name].units);
    const first = Math.min(...r.references.map((x) => x.page ?? Infinity));
    expect(first).toBe(expected.files[name].firstReferencePage);
    expect(r.references.find((x) => x.unitId === 'wp-302')?.page).toBe(90);
  });

  it.each(['password-protected.pdf', 'truncated.pdf', 'scanned-no-text.pdf'])(
    '%s is reported with its error code and a message, not thrown',
    async (name) => {
      const r = await scanner.scanPath(join(DIR, name));
      expect(r).toMatchObject({ references: [], ranking: [], errorCode: expected.files[name].error });
      expect(r.error).toMatch(/^This (PDF|file) /);
    },
  );

  it('tells documents from web pages by name or by first bytes', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(isDocumentFile('advert.html', bytes('<!doctype html>'))).toBe(false);
    expect(isDocumentFile('notes.txt', bytes('WP 301'))).toBe(false);
    expect(isDocumentFile('download', bytes('%PDF-1.7'))).toBe(true);
    expect(isDocumentFile('download', bytes('PK\x03\x04'))).toBe(true);
    expect(isDocumentFile('old.doc', bytes('anything'))).toBe(true);
  });

  it(
    'the readable report says on which pages of a PDF each unit is named',
    () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), join(DIR, 'course-handbook-100-pages.pdf')],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('PDF, 100 pages: “Eastwick College course handbook');
      expect(run.stdout).toMatch(
        /WP 302 Communicate effectively with parents \(Work with Parents\) ×1 on page 90: “WP 302”/,
      );
    },
    CLI_BUDGET_MS,
  );

  it(
    'the command line: one JSON object per file in order, errors with errorCode, exit 1',
    () => {
      const files = ['job-description.pdf', 'truncated.pdf', 'job-description.docx', 'password-protected.pdf'].map(
        (f) => join(DIR, f),
      );
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), '--json', ...files],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/truncated\.pdf: This file is not a readable PDF/);
      const out = JSON.parse(run.stdout) as ScanFileResult[];
      expect(out.map((r) => r.file)).toEqual(files);
      expect(out.map((r) => r.errorCode ?? null)).toEqual([null, 'corrupt', null, 'encrypted']);
      expect(ids(out[0])).toEqual(expected.files['job-description.pdf'].units);
      expect(ids(out[2])).toEqual(expected.files['job-description.docx'].units);
      expect(Object.keys(out[1])).toEqual(['file', 'scope', 'references', 'ranking', 'error', 'errorCode']);
    },
    CLI_BUDGET_MS,
  );

  it(
    'the command line exits 0 when every document is read',
    () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), join(DIR, 'job-description.docx')],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Word document: “Job description”');
      expect(run.stdout).toContain('4 units referred to:');
      expect(run.stdout).not.toMatch(/on pages? \d/); // a .docx has no pages
    },
    CLI_BUDGET_MS,
  );
});
