// The Level 3 Diploma's printed codes and titles (data/aliases/): each one sourced, kept apart from the seed
// transcription, highlighted on course-listing text and found by search, and never lighting up on near misses.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { loadBundledDataset, rawBundledDataset, rawPrintedAliases } from '@/lib/dataset/bundled';
import { codeKey, normaliseTitleKey } from '@/lib/dataset/codes';
import { mergePrintedAliases, PrintedAliasFileSchema } from '@/lib/dataset/printed';
import { unsourcedFacts } from '@/lib/dataset/provenance';
import { DatasetSchema, type Unit } from '@/lib/dataset/schema';
import { printedCodes, unitTitles } from '@/lib/dataset/unit-names';
import { buildMatcher } from '@/lib/match/matcher';
import { listedUnits, UnitSearch } from '@/lib/search';

const dataset = loadBundledDataset();
const seedOnly = v.parse(DatasetSchema, rawBundledDataset);
const cypw3 = dataset.suites.find((s) => s.id === 'cypw3')!;
const unit = (id: string) => cypw3.units.find((u) => u.id === id)!;
const matcher = buildMatcher(dataset.suites);
const allUnits = dataset.suites.flatMap((s) => s.units.map((u) => ({ ...u, suiteTitle: s.title })));
const search = new UnitSearch(allUnits);

/** Each reference as `kind:matched→unit ids`. */
const refs = (text: string) =>
  matcher.scan(text).references.map((r) => `${r.kind}:${r.matched}→${r.unitIds.join(',')}`);

describe('printed codes and titles: provenance', () => {
  it('every file under data/aliases is bundled and valid', () => {
    const onDisk = readdirSync(join(import.meta.dirname, '..', '..', 'data', 'aliases'));
    expect(rawPrintedAliases.length).toBe(onDisk.length);
    for (const file of rawPrintedAliases) {
      const result = v.safeParse(PrintedAliasFileSchema, file);
      expect(result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
    }
  });

  it('every fact that is not in a seed names the page it was checked against', () => {
    expect(unsourcedFacts(dataset, seedOnly)).toEqual([]);
    const printed = cypw3.units.flatMap((u) => u.printedAs ?? []);
    expect(printed.length).toBeGreaterThanOrEqual(25);
    for (const p of printed) {
      expect(p.source.url).toMatch(/^https?:\/\/[^\s/]+\.[^\s/]+\//);
      expect(p.source.title.trim()).not.toBe('');
      expect(p.source.checked).toBe('2026-11-30');
    }
  });

  it('catches a code or a record that names no source', () => {
    const altered = structuredClone(dataset);
    const u = altered.suites.find((s) => s.id === 'cypw3')!.units[0];
    u.aliases.push('SHC 39');
    u.printedAs![0].source.url = '';
    expect(unsourcedFacts(altered, seedOnly)).toEqual([
      'unit cypw3-communication printedAs[0]: no web address',
      'unit cypw3-communication alias "SHC 39": not in the seed transcription and no source prints it',
    ]);
  });

  it('keeps the seed transcription apart: the suite file still holds the seed’s words and no codes', () => {
    const raw = seedOnly.suites.find((s) => s.id === 'cypw3')!;
    expect(raw.units.length).toBe(58);
    for (const u of raw.units) {
      expect(u.code).toBeNull();
      expect(u.aliases).toEqual([]);
      expect(u.printedAs).toBeUndefined();
    }
    expect(unit('cypw3-communication').title).toBe('Communication');
    expect(unit('cypw3-equality').title).toBe('Equality');
    expect(unit('cypw3-personal-development').title).toBe('Personal development');
    expect(unit('cypw3-communication').code).toBeNull();
  });

  it('refuses a source that is not a web page, and a record with nothing in it', () => {
    const file = structuredClone(rawPrintedAliases[0]);
    file.records[0].source.url = 'file:///home/me/notes.txt';
    file.records[1].codes = [];
    file.records[1].titles = [];
    const messages = v.safeParse(PrintedAliasFileSchema, file).issues?.map((i) => i.message) ?? [];
    expect(messages).toContain('a source address starts with http:// or https://');
    expect(messages).toContain('a record gives at least one code or title');
  });

  it('refuses a record for a unit the suite does not have', () => {
    const file = v.parse(PrintedAliasFileSchema, rawPrintedAliases[0]);
    file.records[0].unitId = 'cypw3-no-such-unit';
    expect(() => mergePrintedAliases(seedOnly.suites, [file])).toThrow(/no unit “cypw3-no-such-unit”/);
  });
});

describe('printed codes and titles: what they say', () => {
  it('gives the shared core its SHC codes and full titles, the seed’s topic words staying the title', () => {
    expect(printedCodes(unit('cypw3-communication'))).toEqual(['SHC 31']);
    expect(printedCodes(unit('cypw3-personal-development'))).toEqual(['SHC 32']);
    expect(printedCodes(unit('cypw3-equality'))).toEqual(['SHC 33']);
    expect(unitTitles(unit('cypw3-communication'))).toEqual([
      'Communication',
      "Promote communication in health, social care or children's and young people's settings",
    ]);
    expect(unit('cypw3-communication').aliases).toEqual(['SHC 31']);
  });

  it('gives the children and young people’s core its CYP Core codes, in the seed’s order', () => {
    const core = [
      'cypw3-child-and-young-person-development',
      'cypw3-promote-development',
      'cypw3-safeguard',
      'cypw3-health-and-safety',
      'cypw3-positive-relationships',
    ];
    core.forEach((id, i) => expect(printedCodes(unit(id))).toContain(`CYP Core 3.${i + 1}`));
  });

  it('holds codes that are codes: a letter prefix and a number, never a bare number', () => {
    for (const u of cypw3.units)
      for (const code of printedCodes(u)) {
        expect(code, u.id).toMatch(/^[A-Z]{2,}(?: Core)?\s?\d+(?:\.\d+)?$/);
      }
  });

  it('gives no code or printed title to two units', () => {
    const owners = new Map<string, string[]>();
    const add = (key: string, id: string) => owners.set(key, [...new Set([...(owners.get(key) ?? []), id])]);
    for (const u of dataset.suites.flatMap((s) => s.units)) {
      for (const c of [u.code, ...u.aliases]) if (c) add(`code ${codeKey(c)}`, u.id);
      for (const t of unitTitles(u).slice(1)) add(`title ${normaliseTitleKey(t)}`, u.id);
    }
    for (const u of dataset.suites.flatMap((s) => s.units)) add(`title ${normaliseTitleKey(u.title)}`, u.id);
    const printedKeys = cypw3.units.flatMap((u: Unit) => [
      ...printedCodes(u).map((c) => `code ${codeKey(c)}`),
      ...unitTitles(u)
        .slice(1)
        .map((t) => `title ${normaliseTitleKey(t)}`),
    ]);
    for (const key of printedKeys) expect(owners.get(key), key).toHaveLength(1);
  });
});

describe('printed codes and titles on pages', () => {
  it('finds every printed code and title on its own, pointing at its unit only', () => {
    for (const u of cypw3.units) {
      for (const code of printedCodes(u)) expect(refs(`see ${code}.`), code).toEqual([`code:${code}→${u.id}`]);
      for (const title of unitTitles(u).slice(1)) expect(refs(`“${title}”`), title).toEqual([`title:${title}→${u.id}`]);
    }
  });

  it('highlights codes and real titles on a course listing', () => {
    const listing = [
      "Level 3 Diploma for the Children and Young People's Workforce (QCF) – units you will study",
      "SHC31 Promote communication in health, social care or children's and young people's settings",
      "SHC 32 Engage in Personal Development in Health, Social Care or Children's and Young People's Settings",
      'CYP Core 3.3: Understand how to safeguard the well-being of children and young people',
      'Optional: CYPOP 5 Understand how to set up a home based childcare service (4 credits)',
    ].join('\n');
    expect(refs(listing)).toEqual([
      'code:SHC31→cypw3-communication',
      "title:Promote communication in health, social care or children's and young people's settings→cypw3-communication",
      'code:SHC 32→cypw3-personal-development',
      "title:Engage in Personal Development in Health, Social Care or Children's and Young People's Settings→cypw3-personal-development",
      'code:CYP Core 3.3→cypw3-safeguard',
      'title:Understand how to safeguard the well-being of children and young people→cypw3-safeguard',
      'code:CYPOP 5→cypw3-home-based-child-care',
      'title:Understand how to set up a home based childcare service→cypw3-home-based-child-care',
    ]);
  });

  it('spells codes as pages do: spaces, no spaces, hyphens, case', () => {
    expect(refs('SHC 31, SHC31, shc-31 and CYPOP5; cyp core 3.1')).toEqual([
      'code:SHC 31→cypw3-communication',
      'code:SHC31→cypw3-communication',
      'code:shc-31→cypw3-communication',
      'code:CYPOP5→cypw3-home-based-child-care',
      'code:cyp core 3.1→cypw3-child-and-young-person-development',
    ]);
  });

  it('leaves near misses dark: numbers alone, codes nobody printed, titles cut short', () => {
    for (const text of [
      'See section 3.1 and paragraph 3.3 of the handbook; Level 3.1 applies.',
      'Outcomes 3.1, 3.2 and 3.3 are assessed in the workplace.',
      'SHC 35 and SHC 3 are not units; nor are CYP Core 3.8, CYP 3.11 or CYPOP 50.',
      'Core 3.1 is a rule of combination, not a unit.',
      'CYP 3.2 is not a spelling any source printed.',
      'Promote communication skills in the classroom.',
      'Understand how to set up a home office.',
    ])
      expect(refs(text), text).toEqual([]);
  });

  it('counts the seed’s one-word topic only next to its printed code', () => {
    expect(refs('Good communication is essential.')).toEqual([]);
    expect(refs('SHC 31 Communication')).toEqual([
      'code:SHC 31→cypw3-communication',
      'title:Communication→cypw3-communication',
    ]);
  });
});

describe('printed codes and titles in search', () => {
  /** The first unit listed, from an answer that lists units as results (not "perhaps"). */
  const first = (q: string) => {
    const answer = search.search(q);
    expect(answer.kind, q).toBe('results');
    return listedUnits(answer)[0];
  };

  it('finds a unit by its printed code first', () => {
    expect(first('SHC 31')).toMatchObject({ unitId: 'cypw3-communication', where: [{ field: 'code' }] });
    expect(first('shc31')?.unitId).toBe('cypw3-communication');
    expect(first('CYP Core 3.3')?.unitId).toBe('cypw3-safeguard');
    expect(first('CYP 3.3')?.unitId).toBe('cypw3-safeguard');
    expect(first('cypop 5')?.unitId).toBe('cypw3-home-based-child-care');
  });

  it('finds a unit by a printed full title', () => {
    expect(first('promote communication in health, social care')).toMatchObject({
      unitId: 'cypw3-communication',
      title: 'Communication',
    });
    expect(first('engage in personal development')?.unitId).toBe('cypw3-personal-development');
    expect(first('understand how to set up a home based childcare service')?.unitId).toBe(
      'cypw3-home-based-child-care',
    );
  });
});
