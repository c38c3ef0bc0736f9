import { describe, expect, it } from 'vitest';
import { offeredUnits } from '../../entrypoints/popup/offered-units';
import type { TagUnit } from '../../components/TagForm';

const unit = (unitId: string, suiteTitle = 'Work with parents'): TagUnit => ({
  unitId,
  code: unitId.toUpperCase(),
  title: `Title of ${unitId}`,
  suiteTitle,
});
const match = (unitId: string, suiteId = 'wp') => ({ unitId, suiteId, code: null, title: `Match ${unitId}` });
const titles = new Map([['wp', 'Work with parents']]);
const none = () => null;

describe('offeredUnits', () => {
  it('offers the units found on the page, then the top ten matches not already found', () => {
    const matches = ['wp-301', ...Array.from({ length: 12 }, (_, i) => `m-${i}`)].map((id) => match(id));
    const list = offeredUnits({
      found: [unit('wp-301'), unit('wp-302')],
      matches,
      chosen: [],
      suiteTitles: titles,
      scopeSuites: [],
      lookup: none,
    });
    expect(list.map((u) => u.unitId)).toEqual(['wp-301', 'wp-302', ...Array.from({ length: 9 }, (_, i) => `m-${i}`)]);
    expect(list[2]).toEqual({
      unitId: 'm-0',
      code: null,
      title: 'Match m-0',
      suiteTitle: 'Work with parents',
      suggested: true,
    });
    // Units named on the page are not suggestions.
    expect(list.filter((u) => u.suggested).length).toBe(9);
  });

  it("names a match's suite by its id when its title is unknown", () => {
    const list = offeredUnits({
      found: null,
      matches: [match('x-1', 'x')],
      chosen: [],
      suiteTitles: titles,
      scopeSuites: [],
      lookup: none,
    });
    expect(list[0].suiteTitle).toBe('x');
  });

  it('puts chosen units neither found nor matched first, looked up by id; unknown ids are dropped', () => {
    const list = offeredUnits({
      found: [unit('wp-301')],
      matches: [match('wp-305')],
      chosen: ['wp-301', 'wp-305', 'gcu-2', 'gone', 'gcu-1'],
      suiteTitles: titles,
      scopeSuites: [],
      lookup: (id) => (id.startsWith('gcu') ? unit(id, 'General') : null),
    });
    expect(list.map((u) => u.unitId)).toEqual(['gcu-1', 'gcu-2', 'wp-301', 'wp-305']);
    // wp-305 is matched, but asked for: a choice, not a suggestion.
    expect(list.some((u) => u.suggested)).toBe(false);
  });

  it('suggests the scope’s matches before better-scoring ones of other suites, and keeps every unit named on the page', () => {
    const matches = [
      ...Array.from({ length: 8 }, (_, i) => match(`sw-${i}`, 'sw')),
      ...Array.from({ length: 6 }, (_, i) => match(`wp-${i}`, 'wp')),
    ];
    const list = offeredUnits({
      found: [unit('ag-1', 'Advice & Guidance')],
      matches,
      chosen: [],
      suiteTitles: titles,
      scopeSuites: ['wp', 'ldss'],
      lookup: none,
    });
    expect(list.map((u) => u.unitId)).toEqual([
      'ag-1',
      ...Array.from({ length: 6 }, (_, i) => `wp-${i}`),
      ...Array.from({ length: 4 }, (_, i) => `sw-${i}`),
    ]);
  });

  it('copies the found units rather than sharing them', () => {
    const found = [unit('wp-301')];
    const list = offeredUnits({ found, matches: null, chosen: [], suiteTitles: titles, scopeSuites: [], lookup: none });
    expect(list[0]).toEqual(found[0]);
    expect(list[0]).not.toBe(found[0]);
  });
});
