// `npm run scan`: the extension's matcher and ranking on saved files, and its JSON contract.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { createScanner, type ScanFileResult } from '../../scripts/scan';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'tests', 'fixtures', 'scan');
const scanner = createScanner(loadBundledDataset().suites);
// Tests that start the command line (node + tsx, about a second each on a quiet machine) get an explicit budget:
// a busy CI machine may take several times longer. It guards against a hang; it is not a speed check.
const CLI_BUDGET_MS = 120_000;
const ids = (r: ScanFileResult) => [...new Set(r.references.map((x) => x.unitId))].sort();

describe('scan', () => {
  it('finds codes and titles split across inline tags in HTML, and skips scripts and form fields', () => {
    const r = scanner.scanFile(join(DIR, 'family-worker-advert.html'));
    expect(r.error).toBeUndefined();
    expect(ids(r)).toEqual(['ldss-309', 'wp-301']);
    const title = r.references.find((x) => x.unitId === 'ldss-309')!;
    expect(title).toMatchObject({ kind: 'title', code: '309', suite: 'Learning Development Support Services' });
    expect(title.matched.replace(/\s+/g, ' ')).toBe('Liaise with parents, carers and families');
    expect(r.references.find((x) => x.unitId === 'wp-301')).toMatchObject({
      kind: 'code',
      matched: 'WP 301',
      code: 'WP 301',
      title: 'Build and maintain relationships in work with parents',
      suite: 'Work with Parents',
    });
  });

  it('reports titles printed close to a unit’s title as kind close, with a score, and near misses not at all', () => {
    // Labelled before the first run: the rows of units 300, 302 and 314 are close to WP 301, WP 305 and WP 302;
    // "Contribute to the Support of Parent Groups…", "Build good working relationships with employers…" are not.
    // The same page the e2e highlighter test opens in Chromium.
    const r = scanner.scanFile(join(ROOT, 'tests', 'fixtures', 'pages', 'course-close-titles.html'));
    expect(r.error).toBeUndefined();
    expect(r.references.map((x) => [x.kind, x.unitId, x.matched])).toEqual([
      ['close', 'wp-301', 'Build and Maintain Relationships With Parents'],
      ['close', 'wp-305', 'Building and maintaining relationships with the wider community'],
      ['close', 'wp-302', 'Communicating effectively with parents'],
    ]);
    for (const x of r.references) {
      expect(x.score).toBeGreaterThanOrEqual(0.7);
      expect(x.score).toBeLessThanOrEqual(1);
    }
    expect(r.references[0].score).toBeLessThan(1); // "in work" left out
  });

  it('finds nothing in another qualification’s unit numbers, paragraph numbers and prices', () => {
    const r = scanner.scanFile(join(DIR, 'marketing-course.html'));
    expect(r.references).toEqual([]);
    expect(r.ranking).toEqual([]);
  });

  it('reads text files, with bare numbers counting once the suite is named', () => {
    const r = scanner.scanFile(join(DIR, 'course-notes.txt'));
    expect(ids(r)).toEqual(['ldss-309', 'ldss-312', 'ldss-gcu1', 'wp-302']);
  });

  it('ranks what a page reads like, best first, each with why quoting the page', () => {
    const r = scanner.scanFile(join(DIR, 'family-worker-advert.html'));
    expect(r.ranking.length).toBeGreaterThan(0);
    const scores = r.ranking.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.ranking.map((m) => m.unitId)).toContain('ldss-309');
    for (const m of r.ranking.filter((x) => x.why.length))
      for (const w of m.why) expect(w.sentence.length).toBeGreaterThan(0);
    expect(r.ranking.some((m) => m.why.length > 0)).toBe(true);
    const withWhy = r.ranking.find((m) => m.why.length > 0)!;
    expect(withWhy.why[0]).toEqual({
      sentence: expect.any(String),
      phrase: expect.any(String),
      field: expect.any(String),
    });
  });

  it('reports an unreadable file without stopping', () => {
    const r = scanner.scanFile(join(DIR, 'missing.html'));
    expect(r).toEqual({
      file: join(DIR, 'missing.html'),
      scope: null,
      references: [],
      ranking: [],
      error: expect.stringMatching(/no such file/),
    });
  });

  it(
    'prints exactly one JSON array, one object per file in order, logs on stderr, exit 1 on a bad file',
    () => {
      const files = ['family-worker-advert.html', 'missing.html', 'marketing-course.html'].map((f) => join(DIR, f));
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), '--json', ...files],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/cannot read .*missing\.html/);
      const out = JSON.parse(run.stdout) as ScanFileResult[];
      expect(out.map((r) => r.file)).toEqual(files);
      for (const r of out) {
        expect(Object.keys(r).filter((k) => k !== 'error')).toEqual(['file', 'scope', 'references', 'ranking']);
        expect(r.scope).toBeNull();
        for (const ref of r.references) {
          expect(Object.keys(ref)).toEqual(['unitId', 'suite', 'code', 'title', 'matched', 'kind']);
          expect(['code', 'title', 'element']).toContain(ref.kind);
          expect(ref.code === null || typeof ref.code === 'string').toBe(true);
        }
        for (const m of r.ranking) {
          expect(Object.keys(m)).toEqual(['unitId', 'suite', 'code', 'title', 'score', 'inScope', 'why']);
          expect(typeof m.score).toBe('number');
          expect(m.inScope).toBe(true);
        }
      }
      expect(out[0].references.length).toBeGreaterThan(0);
    },
    CLI_BUDGET_MS,
  );

  it(
    'loads extra suites with --standards, so the command line sees what the extension sees',
    () => {
      const page = join(ROOT, 'tests', 'fixtures', 'pages', 'ta-advert-stl.html');
      const csv = join(ROOT, 'tests', 'fixtures', 'standards', 'stl-units.csv');
      const scanArgs = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), '--json', ...args], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      const without = JSON.parse(scanArgs(page).stdout) as ScanFileResult[];
      expect(without[0].references.map((r) => r.matched)).not.toContain('STL18–STL22');
      const run = scanArgs('--standards', csv, page);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('loaded 2 suites (6 units) from --standards');
      const refs = (JSON.parse(run.stdout) as ScanFileResult[])[0].references;
      expect(refs.filter((r) => r.matched === 'STL18–STL22').map((r) => r.code)).toEqual([
        'STL18',
        'STL19',
        'STL20',
        'STL21',
        'STL22',
      ]);
      expect(refs.find((r) => r.code === 'SHC 31')?.suite).toBe('Level 3 Diploma unit codes');

      const bad = scanArgs('--standards', join(ROOT, 'tests', 'fixtures', 'scan', 'course-notes.txt'), page);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/course-notes\.txt: line 1: the header row has no/);
    },
    CLI_BUDGET_MS,
  );

  it('ranks the scope’s suites first and the others after, never mixed, and names every reference whatever the scope', () => {
    const file = join(ROOT, 'tests', 'fixtures', 'pages', 'job-advert.html');
    const whole = scanner.scanFile(file);
    const scope = { roles: ['teaching-assistant' as const], suites: ['cypw3', 'lss'] };
    const scoped = createScanner(loadBundledDataset().suites, { scope }).scanFile(file);
    expect(scoped.scope).toEqual(scope);
    // The page names WP 301 and LDSS units: references do not depend on the scope.
    expect(scoped.references).toEqual(whole.references);
    const flags = scoped.ranking.map((m) => m.inScope);
    const firstOther = flags.indexOf(false);
    expect(firstOther).toBeGreaterThan(0);
    expect(flags.slice(firstOther)).not.toContain(true);
    const suiteIds = loadBundledDataset().suites;
    const inScopeTitles = new Set(suiteIds.filter((s) => scope.suites.includes(s.id)).map((s) => s.title));
    for (const m of scoped.ranking) expect(inScopeTitles.has(m.suite)).toBe(m.inScope);
    // The best unit overall (LDSS 312, named three times) is listed, after the scope's.
    expect(whole.ranking[0].unitId).toBe('ldss-312');
    expect(scoped.ranking.find((m) => m.unitId === 'ldss-312')).toMatchObject({ inScope: false });
  });

  it(
    'takes --scope as roles and suite ids, reports the scope used, and refuses words it does not know',
    () => {
      const page = join(ROOT, 'tests', 'fixtures', 'pages', 'job-advert.html');
      const scan = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), ...args], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      const run = scan('--json', '--scope', 'learning-mentor,wp', page);
      expect(run.status).toBe(0);
      const [r] = JSON.parse(run.stdout) as ScanFileResult[];
      expect(r.scope).toEqual({ roles: ['learning-mentor'], suites: ['lm', 'ldss', 'cypw3', 'wp'] });
      expect(r.ranking.length).toBeGreaterThan(0);
      const titles = new Map(loadBundledDataset().suites.map((x) => [x.title, x.id]));
      for (const m of r.ranking) expect(r.scope!.suites.includes(titles.get(m.suite)!)).toBe(m.inScope);

      const bad = scan('--json', '--scope=teacher,wp', page);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/--scope does not know “teacher”: name roles \(learning-mentor, /);

      const text = scan('--scope', 'fe-learning-support', page);
      expect(text.stdout).toContain('reads like in scope (lss)');
      expect(text.stdout).toMatch(/other suites \(\d+\):/);
    },
    CLI_BUDGET_MS,
  );

  it(
    'prints usage and exits 2 with no files',
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/usage: npm run scan/);
    },
    CLI_BUDGET_MS,
  );

  it(
    'prints a readable report by default',
    () => {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), join(DIR, 'family-worker-advert.html')],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(out).toContain('WP 301 Build and maintain relationships in work with parents (Work with Parents)');
      expect(out).toContain('reads like:');
    },
    CLI_BUDGET_MS,
  );
});
