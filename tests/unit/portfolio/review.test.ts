// Reviewing a learner's evidence pack read-only: the pack's embedded backup (and a backup with its files) reads back as
// the learner's name, scope, date and evidence; wrong files get the import's messages; coverage is counted over the
// reviewer's standards with the learner's own suites in place of same-named ones.
import { describe, expect, it } from 'vitest';
import { makeBackup } from '@/lib/portfolio/backup';
import { evidencePack } from '@/lib/portfolio/pack';
import { evidenceCsv } from '@/lib/portfolio/exports';
import { base64Bytes, readForReview, reviewCoverage } from '@/lib/portfolio/review';
import { suiteCoverage } from '@/lib/portfolio/coverage';
import { evidence } from './fixtures';

const SUITES = [
  { id: 'wp', title: 'Work with Parents' },
  { id: 'ldss', title: 'Learning Development Support Services' },
];
const UNITS = [
  { id: 'wp-301', suiteId: 'wp', code: 'WP 301', title: 'Build and maintain relationships in work with parents' },
  { id: 'wp-302', suiteId: 'wp', code: 'WP 302', title: 'Communicate effectively with parents' },
  { id: 'ldss-309', suiteId: 'ldss', code: '309', title: 'Liaise with parents, carers and families' },
];

function backupOf(over: { learnerName?: string; files?: boolean } = {}) {
  const older = evidence('e1', { activityDate: '2026-10-01' });
  const newer = evidence('e2', {
    activityDate: '2026-11-02',
    url: null,
    quote: null,
    type: 'observation',
    pageTitle: 'Observation: small-group reading',
    units: [
      {
        unitId: 'wp-302',
        code: 'WP 302',
        title: 'Communicate effectively with parents',
        suiteTitle: 'Work with Parents',
      },
    ],
    unitIds: ['wp-302'],
    attachment: { fileId: 'file-1', name: 'observation.txt', type: 'text/plain', size: 5 },
  });
  return makeBackup({
    evidence: [older, newer],
    courses: [],
    settings: { workingSuites: ['wp'], scope: { roles: ['teaching-assistant'] }, learnerName: over.learnerName },
    files: over.files ? [{ id: 'file-1', evidenceId: 'e2', type: 'text/plain', data: btoa('Hello') }] : [],
    exportedAt: new Date('2026-11-23T09:12:00Z'),
  });
}

describe('readForReview', () => {
  it('reads a pack: learner, scope roles and suites, date, evidence newest first', () => {
    const backup = backupOf({ learnerName: 'Aisha Khan' });
    const html = evidencePack({
      backup,
      learnerName: 'Aisha Khan',
      roles: ['Teaching assistant'],
      suites: [],
      scopeSuiteIds: ['wp'],
    });
    const read = readForReview(html);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const r = read.review;
    expect(r.kind).toBe('pack');
    expect(r.learnerName).toBe('Aisha Khan');
    expect(r.exportedAt).toBe('2026-11-23T09:12:00.000Z');
    expect(r.roles).toEqual(['Teaching assistant']);
    expect(r.scopeSuiteIds).toEqual(['wp']);
    expect(r.evidence.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(r.files.size).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('reads a backup with its files, which open as their bytes', () => {
    const read = readForReview(JSON.stringify(backupOf({ files: true })));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.review.kind).toBe('backup');
    expect(read.review.learnerName).toBeNull();
    const file = read.review.files.get('file-1')!;
    expect(new TextDecoder().decode(base64Bytes(file.data))).toBe('Hello');
  });

  it('refuses the wrong file with the import’s message', () => {
    const csv = readForReview(evidenceCsv([evidence('e1')]));
    expect(csv).toEqual({ ok: false, errors: [expect.stringContaining('This is a NOS Lens evidence CSV')] });
    const page = readForReview('<!doctype html><html><head><title>Jobs</title></head><body>Hi</body></html>');
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.errors[0]).toMatch(/^This is a web page, not a NOS Lens evidence pack/);
  });

  it('refuses a pack cut short', () => {
    const html = evidencePack({ backup: backupOf(), learnerName: null, roles: [], suites: [], scopeSuiteIds: [] });
    const cut = html.slice(0, html.indexOf('nos-lens-backup') + 200);
    const read = readForReview(cut);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.join(' ')).toMatch(/cut short|truncated|ends too early/i);
  });
});

describe('reviewCoverage', () => {
  it('counts the learner’s scope over the reviewer’s standards', () => {
    const read = readForReview(JSON.stringify(backupOf()));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const shown = reviewCoverage(read.review, { suites: SUITES, units: UNITS });
    expect(shown.suites.map((s) => s.id)).toEqual(['wp']);
    const [wp] = suiteCoverage(shown.suites, shown.units, read.review.evidence);
    expect([wp.covered, wp.total]).toEqual([2, 2]);
    expect(shown.unknownUnits).toBe(0);
  });

  it('shows every suite when the scope names none the reviewer has, and counts units it does not know', () => {
    const backup = backupOf();
    backup.settings.workingSuites = ['someone-elses'];
    const gone = { unitId: 'gone-1', code: 'G 1', title: 'A unit since withdrawn', suiteTitle: 'Old suite' };
    backup.evidence[0] = { ...backup.evidence[0], units: [...backup.evidence[0].units, gone] };
    backup.evidence[0].unitIds = backup.evidence[0].units.map((u) => u.unitId);
    const read = readForReview(JSON.stringify(backup));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const shown = reviewCoverage(read.review, { suites: SUITES, units: UNITS });
    expect(shown.suites.map((s) => s.id)).toEqual(['wp', 'ldss']);
    expect(shown.unknownUnits).toBe(1);
  });

  it('adds the learner’s own suites, in place of the reviewer’s with the same id', () => {
    const source = { document: 'stl.csv', section: 'Units' };
    const unit = {
      id: 'wp-302',
      suiteId: 'user-stl',
      code: 'STL 2',
      aliases: [],
      title: 'Communicate effectively with parents',
      elements: [],
      criteria: [],
      knowledge: [],
      source,
      notes: [],
    };
    const mine = {
      id: 'user-stl',
      title: 'Supporting Teaching and Learning (the learner’s copy)',
      aliases: [],
      codePrefixes: ['STL'],
      origin: 'user',
      body: null,
      year: null,
      description: null,
      source,
      notes: [],
      units: [unit],
    };
    const backup = { ...backupOf(), suites: [mine], settings: { workingSuites: ['user-stl'] } };
    const read = readForReview(JSON.stringify(backup));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const review = read.review;
    expect(read.review.problems).toEqual([]);
    // The reviewer has a suite of their own with the same id: the learner's is the one their evidence was filed under.
    const theirs = { id: 'user-stl', title: 'Supporting Teaching and Learning (the reviewer’s)' };
    const shown = reviewCoverage(review, {
      suites: [...SUITES, theirs],
      units: [...UNITS, { id: 'user-stl-9', suiteId: 'user-stl', code: 'STL 9', title: 'Other' }],
    });
    expect(shown.suites).toEqual([{ id: 'user-stl', title: 'Supporting Teaching and Learning (the learner’s copy)' }]);
    const [wp] = suiteCoverage(shown.suites, shown.units, review.evidence);
    expect([wp.covered, wp.total]).toEqual([1, 1]);
  });
});
