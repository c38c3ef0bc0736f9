// Telling what a file chosen for the portfolio's import is: NOS Lens's own exports and other files a user may pick by
// mistake, each refused with what it is and what to pick; a backup and an evidence pack go on to the backup reader.
import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '@/lib/portfolio/backup';
import { comparisonCsv, compareCourses } from '@/lib/portfolio/compare';
import { evidenceCsv, toAnnotationCollection } from '@/lib/portfolio/exports';
import { backupTextOf, detectFileKind, wrongFileMessage, type FileKind } from '@/lib/portfolio/file-kind';
import { evidencePack } from '@/lib/portfolio/pack';
import { CSV_COLUMNS } from '@/lib/dataset/import';
import { course, evidence } from './fixtures';

/** Bytes as `File.text()` reads them: UTF-8, undecodable bytes as U+FFFD. */
const asText = (bytes: number[] | Uint8Array) => new TextDecoder().decode(new Uint8Array(bytes));
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const backup = makeBackup({
  evidence: [evidence('e1'), evidence('e2')],
  courses: [course('c1')],
  settings: { workingSuites: ['wp'] },
  exportedAt: new Date('2026-11-30T09:00:00Z'),
});
const backupJson = JSON.stringify(backup, null, 1);
const pack = evidencePack({
  backup,
  learnerName: 'Sam Taylor',
  roles: [],
  suites: [],
  scopeSuiteIds: [],
  generatedAt: new Date('2026-11-30T09:00:00Z'),
});
const { format, ...rest } = backup;
const formatLast = `\uFEFF${JSON.stringify({ ...rest, format })}`;
const suite = {
  id: 'user-stl',
  title: 'Supporting Teaching and Learning',
  origin: 'user',
  units: [{ id: 'user-stl-stl18', suiteId: 'user-stl', code: 'STL18', title: 'Support pupils' }],
};

const files: [string, string, FileKind][] = [
  ['a backup', backupJson, 'backup'],
  ['a backup with a BOM, its format last', formatLast, 'backup'],
  ['a backup cut short', backupJson.slice(0, 500), 'backup'],
  ['broken JSON', '{"suites": [', 'broken-json'],
  ['an evidence pack', pack, 'pack'],
  ['a pack with its data taken out', pack.replace(/<script[\s\S]*?<\/script>/, ''), 'pack-without-data'],
  [
    'a web page',
    '<!DOCTYPE html>\n<html lang="en"><head><title>Learning Mentor</title></head><body>Job</body></html>',
    'web-page',
  ],
  ['the evidence CSV', evidenceCsv([evidence('e1')]), 'evidence-csv'],
  [
    'the course comparison CSV',
    comparisonCsv(
      compareCourses([course('c1')], [{ unitId: 'wp-301', code: 'WP 301', title: 'Build', suiteTitle: 'WP' }]),
    ),
    'courses-csv',
  ],
  ['a standards CSV', `${CSV_COLUMNS.join(',')}\r\nMy units,AB 1,Support pupils,,,\r\n`, 'standards-csv'],
  [
    'a standards CSV, columns reordered, semicolons',
    'Title;Suite;Code\nSupport pupils;My units;AB 1\n',
    'standards-csv',
  ],
  ['another CSV', 'name,email\nSam,sam@example.org\n', 'csv'],
  ['Web Annotations', JSON.stringify(toAnnotationCollection([evidence('e1')]), null, 1), 'annotations'],
  [
    'one Web Annotation',
    JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' }),
    'annotations',
  ],
  ['a suite export', JSON.stringify({ suites: [suite] }, null, 1), 'standards-json'],
  ['a list of suites', JSON.stringify([suite]), 'standards-json'],
  ['one suite', JSON.stringify(suite), 'standards-json'],
  ['a random JSON object', '{"name": "Sam", "items": [1, 2]}', 'json'],
  ['a JSON list of numbers', '[1, 2, 3]', 'json'],
  ["another app's backup", '{"format": "other-backup", "version": 2}', 'json'],
  ['plain text', 'Notes for my assessor\nSee the attached pack.', 'text'],
  ['an empty file', '', 'empty'],
  ['a file of blank lines', '\uFEFF \r\n\r\n', 'empty'],
  ['a PDF', asText([...ascii('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 10]), 'pdf'],
  ['a Word document', asText([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...ascii('[Content_Types].xml')]), 'zip'],
  ['a PNG', asText([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...ascii('IHDR')]), 'image'],
  ['a JPEG', asText([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'), 0]), 'image'],
  ['random bytes', asText(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)), 'binary'],
];

describe('detectFileKind', () => {
  it.each(files)('%s', (_name, text, kind) => {
    expect(detectFileKind(text)).toBe(kind);
  });

  it('reads a Windows-encoded CSV with a few undecodable bytes as text, not binary', () => {
    const latin1 = asText([...ascii('suite,code,title\nMy units,AB 1,Fees '), 0xa3, ...ascii('50 a year\n')]);
    expect(detectFileKind(latin1)).toBe('standards-csv');
  });
});

describe('wrong-file messages', () => {
  it('names the evidence CSV and what import takes', () => {
    expect(wrongFileMessage('evidence-csv')).toMatch(
      /^This is a NOS Lens evidence CSV; import takes a backup \(\.json\) or an evidence pack \(\.html\)\./,
    );
  });

  it('sends standards files to the Standards page', () => {
    for (const kind of ['standards-csv', 'standards-json'] as const)
      expect(wrongFileMessage(kind)).toContain('import it on the Standards page');
  });

  it('has a message for every kind that is not a backup or a pack, each saying what to pick', () => {
    const kinds = new Set(files.map(([, , kind]) => kind));
    for (const kind of kinds) {
      const message = wrongFileMessage(kind);
      if (kind === 'backup' || kind === 'pack' || kind === 'broken-json') expect(message).toBeNull();
      else expect(message).toMatch(/backup \(\.json\)/);
    }
    expect(wrongFileMessage('pdf')).toContain('A pack printed or saved as PDF cannot be imported');
  });
});

describe('wrong-file messages on the Standards page', () => {
  it('lets through what may be a standards file, for the standards reader to check', () => {
    for (const kind of ['standards-csv', 'standards-json', 'csv', 'json', 'broken-json', 'text'] as const)
      expect(wrongFileMessage(kind, 'standards')).toBeNull();
  });

  it('sends a backup or a pack to the portfolio page, and names every other kind', () => {
    expect(wrongFileMessage('backup', 'standards')).toMatch(
      /^This is a NOS Lens backup: import it on the portfolio page/,
    );
    expect(wrongFileMessage(detectFileKind(pack), 'standards')).toMatch(
      /^This is a NOS Lens evidence pack: import it on the portfolio page/,
    );
    for (const kind of [
      'evidence-csv',
      'courses-csv',
      'annotations',
      'web-page',
      'empty',
      'pdf',
      'zip',
      'image',
      'binary',
    ] as const)
      expect(wrongFileMessage(kind, 'standards')).toMatch(
        /the Standards page takes a standards file: a CSV with suite, code and title columns/,
      );
  });
});

describe('backupTextOf', () => {
  it('passes a backup on whole, and takes the backup out of a pack: both read back the same records', () => {
    const fromJson = backupTextOf(backupJson);
    const fromPack = backupTextOf(pack);
    expect(fromJson).toEqual({ ok: true, kind: 'backup', json: backupJson });
    expect(fromPack).toMatchObject({ ok: true, kind: 'pack' });
    for (const read of [fromJson, fromPack])
      expect(parseBackup((read as { json: string }).json)).toEqual({ ok: true, backup, problems: [], refused: 0 });
  });

  it('lets the backup reader say where broken JSON breaks', () => {
    const read = backupTextOf(backupJson.slice(0, 500));
    expect(read.ok).toBe(true);
    const parsed = parseBackup((read as { json: string }).json);
    expect(parsed).toEqual({ ok: false, errors: [expect.stringContaining('cut short')] });
  });

  it('refuses other files with what they are, and a pack cut off inside its data', () => {
    expect(backupTextOf(evidenceCsv([evidence('e1')]))).toEqual({
      ok: false,
      kind: 'evidence-csv',
      errors: [wrongFileMessage('evidence-csv')],
    });
    const cut = backupTextOf(pack.slice(0, pack.indexOf('</script>') - 20));
    expect(cut).toEqual({ ok: false, kind: 'pack', errors: [expect.stringContaining('cut short')] });
  });
});
