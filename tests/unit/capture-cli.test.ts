// `npm run scan -- --capture FILE...`: the NOS record each saved page holds, and its JSON contract.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFile, type CaptureFileResult } from '../../scripts/scan-capture';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'tests', 'fixtures', 'capture');
// Starting the command line (node + tsx) takes about a second on a quiet machine; a busy one may take several times
// longer. The budget guards against a hang; it is not a speed check.
const CLI_BUDGET_MS = 120_000;
const scan = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('scan --capture', () => {
  it(
    'prints one JSON array, one {file, record} per file in order (null when not a NOS record); exit 1 on a bad file',
    () => {
      const files = [
        join(DIR, 'finder-reading-at-home.html'),
        join(DIR, 'not-course-page.html'),
        join(DIR, 'missing.html'),
        join(DIR, 'pdf-transition-visits.txt'),
      ];
      const run = scan('--capture', ...files);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/cannot read .*missing\.html: no such file/);
      expect(run.stderr).toContain('not-course-page.html: not a NOS record');
      const out = JSON.parse(run.stdout) as CaptureFileResult[];
      expect(out.map((r) => r.file)).toEqual(files);
      expect(out.map((r) => Object.keys(r))).toEqual([
        ['file', 'record'],
        ['file', 'record'],
        ['file', 'record', 'error'],
        ['file', 'record'],
      ]);
      expect(out[0].record).toEqual(captureFile(files[0]).record);
      expect(out[0].record).toMatchObject({ title: "Support pupils' reading at home", urn: 'XYZ123' });
      expect(out[1].record).toBeNull();
      expect(out[2]).toEqual({ file: files[2], record: null, error: `cannot read ${files[2]}: no such file` });
      expect(out[3].record?.urn).toBe('ABC0412');
    },
    CLI_BUDGET_MS,
  );

  it(
    'exits 0 when every file is read, and prints usage (exit 2) without files',
    () => {
      const ok = scan('--capture', join(DIR, 'partial-no-knowledge.txt'));
      expect(ok.status).toBe(0);
      expect((JSON.parse(ok.stdout) as CaptureFileResult[])[0].record?.title).toBe('Run a lunchtime reading club');
      const none = scan('--capture');
      expect(none.status).toBe(2);
      expect(none.stdout).toBe('');
      expect(none.stderr).toContain('npm run scan -- --capture FILE...');
    },
    CLI_BUDGET_MS,
  );
});
