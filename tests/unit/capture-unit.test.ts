// A recognised NOS record as a unit of the user's own suite (lib/capture/to-unit.ts), and what changed between two
// captures of the same standard (lib/capture/diff.ts).
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { diffCaptures } from '../../lib/capture/diff';
import type { NosRecord } from '../../lib/capture/nos-record';
import {
  CAPTURED_SUITE_TITLE,
  captureSuite,
  capturedUnitId,
  formatCaptureDate,
  nosRecordToUnit,
  withCapturedUnit,
} from '../../lib/capture/to-unit';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { parseSuitesJson, reservedBy } from '../../lib/dataset/import';
import { SuiteSchema, UnitSchema } from '../../lib/dataset/schema';
import { captureFile } from '../../scripts/scan-capture';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'capture');
const record = (file: string): NosRecord => {
  const r = captureFile(join(DIR, file)).record;
  expect(r, file).not.toBeNull();
  return r!;
};
const URL = 'https://standards.example.org/en/nos-finder/XYZ123/support-pupils-reading-at-home';
// Local noon, so the local calendar date is the same in every time zone the tests run in.
const CAPTURED = { url: URL, capturedAt: new Date(2026, 10, 30, 12) };

describe('nosRecordToUnit', () => {
  it('makes a unit with a stable id from the URN, P/K numbers as printed, the page and capture date as source', () => {
    const unit = nosRecordToUnit(record('finder-reading-at-home.html'), 'user-family-learning', CAPTURED);
    expect(v.safeParse(UnitSchema, unit).success).toBe(true);
    expect(unit).toMatchObject({
      id: 'nos-xyz123',
      suiteId: 'user-family-learning',
      code: 'XYZ123',
      aliases: [],
      title: "Support pupils' reading at home",
      source: { document: URL, section: 'Captured 30 Nov 2026 · URN XYZ123 · version 3' },
      notes: [],
    });
    expect(unit.overview).toMatch(/^This standard is about working with pupils/);
    expect(unit.criteria[0]).toEqual({
      id: 'nos-xyz123-p1',
      number: 'P1',
      text: 'agree reading goals with the pupil, their family and the class teacher',
      knowledge: [],
    });
    expect(unit.criteria).toHaveLength(8);
    expect(unit.knowledge.map((k) => [k.id, k.code])).toContainEqual(['nos-xyz123-k10', 'K10']);
    expect(unit.knowledge).toHaveLength(10);
  });

  it('gives the same id whichever page the standard was captured from', () => {
    const fromHtml = nosRecordToUnit(record('finder-reading-at-home.html'), 's', CAPTURED);
    const fromText = nosRecordToUnit(record('finder-reading-at-home.txt'), 's', CAPTURED);
    expect(fromText).toEqual(fromHtml);
    expect(capturedUnitId(record('pdf-transition-visits.txt'))).toBe('nos-abc0412');
  });

  it('keeps elements, gives numbers printed twice ids of their own, and keeps the warnings as notes', () => {
    const elements = nosRecordToUnit(record('elements-mealtimes.html'), 's', CAPTURED);
    expect(elements.elements).toEqual([
      { id: 'nos-def501-e1', code: '1', title: 'Prepare for the meal' },
      { id: 'nos-def501-e2', code: '2', title: 'Support pupils while they eat' },
      { id: 'nos-def501-e3', code: '3', title: 'Manage behaviour in the dining hall' },
    ]);
    const numbered = nosRecordToUnit(record('numbered-details-only.html'), 's', CAPTURED);
    // No URN on the page: the id comes from the title.
    expect(numbered.id).toBe('nos-support-pupils-with-english-as-an-additional-language');
    expect(numbered.code).toBeNull();
    expect(numbered.knowledge.map((k) => k.id.slice(numbered.id.length))).toEqual(['-k1', '-k2', '-k2-2', '-k3']);
    expect(numbered.notes).toEqual([
      'As captured: Performance criteria: P4 is missing (the numbering goes from P3 to P5).',
      'As captured: Knowledge and understanding: K2 appears more than once.',
    ]);
    expect(numbered.source.section).toBe('Captured 30 Nov 2026 · version 2');
  });

  it('cuts a very long address to the source field’s limit', () => {
    const url = `https://example.org/${'a'.repeat(400)}`;
    const unit = nosRecordToUnit(record('partial-no-details.html'), 's', { url, capturedAt: CAPTURED.capturedAt });
    expect(unit.source.document).toHaveLength(300);
    expect(unit.source.document.endsWith('…')).toBe(true);
  });
});

describe('captureSuite and withCapturedUnit', () => {
  it('makes a user suite named after the suite the page prints, which imports like any other user suite', () => {
    const suite = captureSuite(record('finder-reading-at-home.html'), CAPTURED);
    expect(v.safeParse(SuiteSchema, suite).success).toBe(true);
    expect(suite).toMatchObject({
      id: 'user-family-learning-support-invented',
      title: 'Family Learning Support (invented)',
      origin: 'user',
      codePrefixes: ['XYZ'],
      body: 'Invented Learning Partnership',
      updatedAt: CAPTURED.capturedAt.getTime(),
    });
    expect(suite.units.map((u) => [u.id, u.suiteId])).toEqual([['nos-xyz123', suite.id]]);
    const bundled = loadBundledDataset().suites;
    const imported = parseSuitesJson('backup.json', JSON.stringify({ suites: [suite] }), reservedBy(bundled));
    expect(imported).toEqual({ ok: true, suites: [suite], warnings: [] });
  });

  it('goes into "Captured standards" when the page names no suite, or into the suite the user picks', () => {
    expect(captureSuite(record('partial-no-knowledge.txt'), CAPTURED).title).toBe(CAPTURED_SUITE_TITLE);
    const picked = captureSuite(record('partial-no-knowledge.txt'), CAPTURED, 'My reading standards');
    expect(picked).toMatchObject({ id: 'user-my-reading-standards', title: 'My reading standards' });
  });

  it('adds a captured unit to a suite, and replaces it in place when the same URN is captured again', () => {
    const suite = captureSuite(record('finder-reading-at-home.html'), CAPTURED);
    const later = new Date(2027, 0, 5, 12);
    const other = nosRecordToUnit(record('pdf-transition-visits.txt'), 'elsewhere', CAPTURED);
    const two = withCapturedUnit(suite, other, later);
    expect(two.units.map((u) => [u.id, u.suiteId])).toEqual([
      ['nos-xyz123', suite.id],
      ['nos-abc0412', suite.id],
    ]);
    expect(two.codePrefixes).toEqual(['XYZ', 'ABC']);
    const v4 = nosRecordToUnit(record('finder-reading-at-home-v4.txt'), suite.id, { url: URL, capturedAt: later });
    const updated = withCapturedUnit(two, v4, later);
    expect(updated.units.map((u) => u.id)).toEqual(['nos-xyz123', 'nos-abc0412']);
    expect(updated.units[0].source.section).toBe('Captured 5 Jan 2027 · URN XYZ123 · version 4');
    expect(updated.units[0].knowledge).toHaveLength(11);
    expect(updated.updatedAt).toBe(later.getTime());
  });

  it('writes capture dates the UK way', () => {
    expect(formatCaptureDate(new Date(2026, 10, 30, 12))).toBe('30 Nov 2026');
    expect(formatCaptureDate(new Date(2027, 0, 5, 12))).toBe('5 Jan 2027');
  });
});

describe('diffCaptures', () => {
  it('says what changed between two versions: version, dates, statements added, removed, reworded, renumbered', () => {
    const diff = diffCaptures(record('finder-reading-at-home.txt'), record('finder-reading-at-home-v4.txt'));
    expect(diff).toMatchObject({
      urn: 'XYZ123',
      changed: true,
      title: null,
      overview: null,
      versionNumber: { from: '3', to: '4' },
      dateApproved: { from: '14 Mar 2023', to: '2 Sep 2026' },
      elements: { added: [], removed: [] },
    });
    expect(diff.details.map((d) => [d.label, d.from, d.to])).toEqual([
      ['Indicative review date', '14 Mar 2028', '2 Sep 2031'],
      ['Status', 'Original', 'Revised'],
      [
        'Keywords',
        'reading; families; home learning; literacy',
        'reading; families; home learning; literacy; libraries',
      ],
    ]);
    expect(diff.criteria).toEqual({
      added: [{ id: 'P3', text: 'check that the family can get books, including from libraries and online' }],
      removed: [{ id: 'P7', text: 'keep a simple record of reading at home that the family can add to' }],
      changed: [
        {
          id: 'P5',
          previousId: 'P4',
          from: 'show family members simple ways to share a book, including talking about the pictures',
          to: 'show family members simple ways to share a book, including talking about the pictures and asking questions',
        },
      ],
      renumbered: [
        { from: 'P3', to: 'P4', text: "choose books that match the pupil's reading level and interests" },
        { from: 'P5', to: 'P6', text: 'build trust with families who are unsure about reading with their child' },
        { from: 'P6', to: 'P7', text: 'actively encourage the pupil to talk about what they have read' },
      ],
    });
    expect(diff.knowledge).toEqual({
      added: [{ id: 'K11', text: 'where families can borrow books free of charge' }],
      removed: [],
      changed: [],
      renumbered: [],
    });
  });

  it('finds nothing changed between two captures of the same version from different pages', () => {
    const diff = diffCaptures(record('finder-reading-at-home.html'), record('finder-reading-at-home.txt'));
    expect(diff.changed).toBe(false);
    expect(diff.criteria).toEqual({ added: [], removed: [], changed: [], renumbered: [] });
    expect(diff.details).toEqual([]);
  });

  it('ignores spacing, quote marks and a final full stop, but not other rewording of the same number', () => {
    const before = record('partial-no-details.html');
    const after: NosRecord = {
      ...before,
      criteria: before.criteria.map((c) =>
        c.id === 'P1' ? { ...c, text: `${c.text}.` } : c.id === 'P4' ? { ...c, text: 'keep the register' } : c,
      ),
    };
    const diff = diffCaptures(before, after);
    expect(diff.criteria.changed).toEqual([
      {
        id: 'P4',
        previousId: 'P4',
        from: 'pass on messages from families to the class teacher',
        to: 'keep the register',
      },
    ]);
    expect(diff.criteria.added).toEqual([]);
  });

  it('refuses to compare two different standards', () => {
    expect(() => diffCaptures(record('finder-reading-at-home.html'), record('pdf-transition-visits.txt'))).toThrow(
      'These are two different standards (XYZ123 and ABC0412); only one can be updated.',
    );
  });
});
