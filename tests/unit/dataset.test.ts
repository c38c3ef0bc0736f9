import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DatasetSchema } from '@/lib/dataset/schema';
import { loadBundledDataset, rawBundledDataset } from '@/lib/dataset/bundled';
import { normaliseForProvenance, tracedTexts, untracedTexts } from '@/lib/dataset/provenance';

// The seed documents are copied into data/sources so the provenance test runs on any clone.
const sourceDir = join(import.meta.dirname, '..', '..', 'data', 'sources');
const sharedSeeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const seeds: Record<string, string> = {};
for (const f of readdirSync(sourceDir)) if (f.endsWith('.txt')) seeds[f] = readFileSync(join(sourceDir, f), 'utf8');

const dataset = loadBundledDataset();
const units = dataset.suites.flatMap((s) => s.units);
const suite = (id: string) => dataset.suites.find((s) => s.id === id)!;

describe('bundled dataset', () => {
  it('matches the schema', () => {
    const result = v.safeParse(DatasetSchema, rawBundledDataset);
    expect(result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  });

  it('bundles every data file', () => {
    const onDisk = (dir: string) => readdirSync(join(import.meta.dirname, '..', '..', 'data', dir)).length;
    expect(dataset.suites.length).toBe(onDisk('suites'));
    expect(dataset.frameworks.length).toBe(onDisk('frameworks'));
  });

  it('traces every title and statement to its seed document, or a note explains the difference', () => {
    const untraced = untracedTexts(dataset, seeds).map((u) => `${u.where}: ${u.text}`);
    expect(untraced).toEqual([]);
    expect(tracedTexts(dataset).length).toBeGreaterThan(450);
  });

  it.skipIf(!existsSync(sharedSeeds))('data/sources holds the seed documents unchanged', () => {
    for (const f of readdirSync(sharedSeeds).filter((f) => f.endsWith('.txt')))
      expect(seeds[f], f).toBe(readFileSync(join(sharedSeeds, f), 'utf8'));
  });

  it('provenance catches an invented statement', () => {
    const altered = structuredClone(dataset);
    altered.suites[0].units[0].criteria[0].text = 'Invent a criterion no document prints.';
    expect(untracedTexts(altered, seeds).map((u) => u.text)).toEqual(['Invent a criterion no document prints.']);
  });

  it('normalises whitespace, quotes and dashes for provenance only', () => {
    expect(normaliseForProvenance('children\u2019s  care \u2013\n learning')).toBe("children's care - learning");
  });

  it('gives every unit, element, criterion and statement a unique id', () => {
    const ids = [
      ...dataset.suites.map((s) => s.id),
      ...units.flatMap((u) => [
        u.id,
        ...u.elements.map((e) => e.id),
        ...u.criteria.flatMap((c) => [c.id, ...c.knowledge.map((k) => k.id)]),
      ]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of units) expect(u.id.startsWith(`${u.suiteId}-`) || u.suiteId === u.id.split('-')[0]).toBe(true);
  });

  it('holds about 190 units, with the counts the seeds print', () => {
    expect(units.length).toBeGreaterThanOrEqual(185);
    const lss = suite('lss').units;
    expect(lss.map((u) => u.code)).toEqual(['A', 'B', 'C']);
    expect(lss.flatMap((u) => u.criteria).length).toBe(31);
    expect(
      lss.flatMap((u) => u.criteria.flatMap((c) => c.knowledge)).length + lss.flatMap((u) => u.knowledge).length,
    ).toBe(69);
    expect(suite('lm').units.length).toBe(7);
    expect(suite('lm').units.flatMap((u) => u.elements).length).toBe(19);
    const appendixSix = ['sw', 'ldss', 'ag', 'justice-caseworkers', 'justice-common', 'legal-advice', 'wp', 'ccld'];
    expect(appendixSix.reduce((n, id) => n + suite(id).units.length, 0)).toBe(124);
    const listNumbers = appendixSix.flatMap((id) => suite(id).units.map((u) => Number(u.listNumber)));
    expect(listNumbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 124 }, (_, i) => i + 1));
    expect(suite('wp').units.length).toBe(20);
    expect(suite('ldss').units.length).toBe(15);
  });

  it('attaches each knowledge statement to the criterion its number names', () => {
    for (const u of suite('lss').units)
      for (const c of u.criteria)
        for (const k of c.knowledge) expect(k.code?.match(/^KU(\d+)\./)?.[1], `${u.code} ${k.code}`).toBe(c.number);
  });

  it('records the corrections it made, including the duplicate KU4.1 in Standard B', () => {
    const b = suite('lss').units.find((u) => u.code === 'B')!;
    const codes = b.criteria.flatMap((c) => c.knowledge.map((k) => k.code));
    expect(codes.filter((c) => c === 'KU4.1').length).toBe(1);
    expect(codes).toContain('KU4.2');
    expect(b.notes.join(' ')).toMatch(/KU4\.1/);
  });

  it('gives codes their search aliases', () => {
    const byCode = (id: string, code: string) => suite(id).units.find((u) => u.code === code)!;
    expect(byCode('wp', 'WP 301').aliases).toContain('WP301');
    expect(byCode('wp', 'WP405').aliases).toContain('WP 405');
    expect(byCode('ldss', '312').aliases).toContain('LDSS 312');
    expect(byCode('ldss', 'GCU1').aliases).toContain('GCU 1');
    expect(byCode('lss', 'A').aliases).toContain('Standard A');
  });

  it('marks every bundled suite as bundled, with a source', () => {
    for (const s of dataset.suites) {
      expect(s.origin).toBe('bundled');
      expect(seeds[s.source.document]).toBeTruthy();
    }
  });
});
