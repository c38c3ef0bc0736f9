// Importing a user's own standards from CSV and JSON: good files become suites of the bundled model (origin `user`,
// stable ids); every bad file is refused with a message naming its line and column (CSV) or path (JSON).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { SuiteSchema } from '@/lib/dataset/schema';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { parseSuitesCsv, parseSuitesFile, parseSuitesJson, reservedBy, type Reserved } from '@/lib/dataset/import';
import { buildMatcher } from '@/lib/match/matcher';

const STL = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'standards', 'stl-units.csv'), 'utf8');
const bundled = loadBundledDataset();
const reserved: Reserved = reservedBy(bundled.suites);

describe('CSV import', () => {
  it('reads suites, units, aliases, elements and descriptions into the bundled model', () => {
    const r = parseSuitesCsv('stl-units.csv', STL, reserved);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.suites.map((s) => [s.id, s.title, s.units.length, s.codePrefixes])).toEqual([
      ['user-supporting-teaching-and-learning-in-schools', 'Supporting Teaching and Learning in Schools', 5, ['STL']],
      ['user-level-3-diploma-unit-codes', 'Level 3 Diploma unit codes', 1, ['SHC']],
    ]);
    for (const s of r.suites) expect(v.safeParse(SuiteSchema, s).success).toBe(true);
    const [stl, shc] = r.suites;
    expect(stl.origin).toBe('user');
    expect(stl.units[0]).toMatchObject({
      id: 'user-supporting-teaching-and-learning-in-schools-stl18',
      code: 'STL18',
      aliases: ['STL 18'],
      title: "Support pupils' learning activities",
      source: { document: 'stl-units.csv', section: 'line 2' },
    });
    expect(stl.units[0].elements.map((e) => e.title)).toEqual([
      'Support the planning of learning activities',
      'Support the delivery of learning activities',
      'Support the evaluation of learning activities',
    ]);
    expect(stl.units[4].overview).toBe('Reflect on practice; develop knowledge and practice');
    expect(shc.units[0].title).toBe(
      "Promote communication in health, social care or children's and young people's settings",
    );
  });

  it('reads a criteria column into numbered performance criteria that evidence can point at', () => {
    const csv =
      'suite,code,title,criteria\nMy Awards,MA1,Support reading,"Plan the session; Adapt the task;Review progress"\n';
    const r = parseSuitesCsv('criteria.csv', csv, reserved);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [unit] = r.suites[0].units;
    expect(unit.criteria.map((c) => [c.id, c.number, c.text])).toEqual([
      [`${unit.id}-pc1`, '1', 'Plan the session'],
      [`${unit.id}-pc2`, '2', 'Adapt the task'],
      [`${unit.id}-pc3`, '3', 'Review progress'],
    ]);
    expect(v.safeParse(SuiteSchema, r.suites[0]).success).toBe(true);
  });

  it('gives the same ids on every import, so a new version of the file replaces the old', () => {
    const a = parseSuitesCsv('a.csv', STL, reserved);
    const b = parseSuitesCsv('b.csv', STL.replace('Promote positive behaviour', 'Promote positive behaviour (2010)'));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.suites[0].units.map((u) => u.id)).toEqual(a.suites[0].units.map((u) => u.id));
  });

  it('accepts a BOM, CRLF line ends, header case and order, blank lines and quoted line breaks', () => {
    const csv =
      '\uFEFFTitle,Code,SUITE\r\n"Support pupils\'\r\nlearning activities",STL18,My suite\r\n\r\nPromote positive behaviour,STL19,My suite\r\n';
    const r = parseSuitesFile('my.csv', csv);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.suites[0].units.map((u) => u.title)).toEqual([
        "Support pupils' learning activities",
        'Promote positive behaviour',
      ]);
  });

  it('is matched like the bundled suites: codes, spellings, ranges and titles', () => {
    const r = parseSuitesCsv('stl-units.csv', STL, reserved);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const m = buildMatcher([...bundled.suites, ...r.suites]);
    const found = (text: string) => m.scan(text).references.map((x) => [x.matched, x.unitIds.length]);
    // SHC 31 is also the bundled Level 3 Diploma unit's printed code (data/aliases): the reference names both.
    expect(found('Experience of STL 18 and SHC31.')).toEqual([
      ['STL 18', 1],
      ['SHC31', 2],
    ]);
    expect(found('Mandatory: STL18-STL22.')).toEqual([['STL18-STL22', 5]]);
    expect(found('You will promote positive behaviour in class.')).toEqual([['promote positive behaviour', 1]]);
  });

  it('warns when codes start with an ordinary word, and leaves that word out of the code prefixes', () => {
    const r = parseSuitesCsv(
      'cg.csv',
      'suite,code,title\nCity & Guilds 4428,Unit 324,Support children during transitions\n',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.suites[0].codePrefixes).toEqual([]);
      expect(r.warnings.join('\n')).toContain('"Unit" (an ordinary word)');
    }
  });

  const head = 'suite,code,title\n';
  const bad: [string, string, string][] = [
    ['empty file', '', 'x.csv is empty.'],
    ['header only', head, 'has a header row but no units'],
    ['missing required column', 'suite,title\nS,Do things well', 'line 1: the header row has no "code" column'],
    ['empty title', `${head}S,A1,\n`, 'line 2, column "title": empty'],
    ['empty suite', `${head},A1,Do things well\n`, 'line 2, column "suite": empty'],
    ['too many cells', `${head}S,A1,Do things,well\n`, 'line 2: has 4 columns; the header has 3.'],
    ['unclosed quote', `${head}S,A1,Do things well\nS,A2,"Do other things\n`, 'line 3: a quoted cell is not closed'],
    [
      'duplicate code',
      `${head}S,A1,One thing\nS,A 1,Another thing\n`,
      'line 3, column "code": "A 1" is already used on line 2',
    ],
    ['code without letters or digits', `${head}S,--,Do things well\n`, 'line 2, column "code": "--" has no letters'],
    ['bundled suite name', `${head}Work with Parents,X1,Do things well\n`, 'is the name of a bundled suite'],
    ['title too long', `${head}S,A1,${'word '.repeat(150)}\n`, 'line 2, column "title": longer than 500'],
    ['duplicate column', 'suite,code,title,code\nS,A1,T,B\n', 'column "code" appears twice'],
  ];
  it.each(bad)('refuses %s, naming the problem', (_name, csv, message) => {
    const r = parseSuitesCsv('x.csv', csv, reserved);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });
});

describe('JSON import (the bundled format)', () => {
  const suite = parseSuitesCsv('stl-units.csv', STL, reserved);
  if (!suite.ok) throw new Error('fixture');
  const one = suite.suites[0];

  it('reads {"suites": [...]}, a list of suites, or one suite, always as the user\'s', () => {
    for (const data of [{ suites: [one], frameworks: [] }, [one], { ...one, origin: 'bundled' }]) {
      const r = parseSuitesJson('s.json', JSON.stringify(data), reserved);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.suites).toEqual([{ ...one, origin: 'user' }]);
    }
    expect(parseSuitesFile('export', JSON.stringify([one])).ok).toBe(true);
  });

  const bad: [string, string, string][] = [
    ['not JSON', '{"suites": [', 'is not valid JSON'],
    ['not a suite file', '{"evidence": []}', 'is not a suite file'],
    ['no suites', '{"suites": []}', 'holds no suites'],
    [
      'a unit without a title',
      JSON.stringify({ ...one, units: [{ ...one.units[0], title: '' }] }),
      'suites[0].units[0].title',
    ],
    ['an unknown field', JSON.stringify({ ...one, colour: 'red' }), 'suites[0].colour'],
    [
      'a bundled id',
      JSON.stringify({ ...one, id: 'wp', units: one.units.map((u) => ({ ...u, suiteId: 'wp' })) }),
      "a bundled suite's id",
    ],
    [
      'a unit in another suite',
      JSON.stringify({ ...one, units: [{ ...one.units[0], suiteId: 'other' }] }),
      "is not the suite's id",
    ],
    [
      'a bundled unit id',
      JSON.stringify({ ...one, units: [{ ...one.units[0], id: 'wp-301' }] }),
      "a bundled unit's id",
    ],
  ];
  it.each(bad)('refuses %s, naming the problem', (_name, json, message) => {
    const r = parseSuitesJson('s.json', json, reserved);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });
});
