// Smoke test over whatever data/suites/*.json holds: every printed code and title is found, plus a few real passages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Suite } from '@/lib/dataset/schema';
import { buildMatcher, MIN_TITLE_WORDS, resolveConditional } from '@/lib/match/matcher';
import { normaliseTerm } from '@/lib/match/normalise';

const dir = join(__dirname, '../../../data/suites');
const suites: Suite[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Suite);
const matcher = buildMatcher(suites);
const units = suites.flatMap((s) => s.units);
const suiteIds = new Set(suites.map((s) => s.id));

function unitWithCode(code: string): string | undefined {
  return units.find((u) => u.code === code)?.id;
}

function unitsTitled(title: string): string[] {
  return units.filter((u) => normaliseTerm(u.title) === normaliseTerm(title)).map((u) => u.id);
}

describe('real suites', () => {
  it('are there', () => {
    expect(suites.length).toBeGreaterThan(0);
  });

  it('every unit code spelled with its prefix is found', () => {
    const missed: string[] = [];
    for (const u of units) {
      for (const code of [u.code, ...u.aliases]) {
        if (!code || !/^[A-Za-z]+[\s-]?[A-Z0-9]/.test(code)) continue;
        const found = matcher.scan(`see ${code}.`).references;
        if (!(found.length === 1 && found[0].matched === code && found[0].unitIds.includes(u.id))) missed.push(code);
      }
    }
    expect(missed).toEqual([]);
  });

  it('every unit and element title long enough to stand alone is found, pointing at its unit', () => {
    const missed: string[] = [];
    for (const u of units) {
      for (const title of [u.title, ...u.elements.map((e) => e.title)]) {
        if (normaliseTerm(title).split(/[\s-]+/).length < MIN_TITLE_WORDS) continue;
        const found = matcher.scan(`“${title}”`).references;
        if (!(found.length === 1 && found[0].unitIds.includes(u.id))) missed.push(title);
      }
    }
    expect(missed).toEqual([]);
  });

  it.runIf(suiteIds.has('wp'))('finds WP codes in the appendix layout', () => {
    const text = '90.\tTake responsibility for the safety and security of parents, staff and environments. WP405';
    const found = matcher.scan(text).references;
    expect(found.map((r) => r.kind)).toEqual(['title', 'code']);
    expect(found.every((r) => r.unitIds.includes(unitWithCode('WP405')!))).toBe(true);
    expect(matcher.scan('WP 301, wp-301 and WP301').references.map((r) => r.unitIds)).toEqual([
      [unitWithCode('WP 301')],
      [unitWithCode('WP 301')],
      [unitWithCode('WP 301')],
    ]);
  });

  it.runIf(suiteIds.has('ldss'))('pairs a bare LDSS number with its own title, before or after it', () => {
    const after = '- 23. Support children and young people during transitions in their lives. 312.';
    const before = '312: Support children and young people during transitions in their lives';
    for (const text of [after, before]) {
      const result = matcher.scan(text);
      expect(result.references.map((r) => [r.matched, r.unitIds])).toEqual(
        expect.arrayContaining([['312', [unitWithCode('312')]]]),
      );
      expect(result.conditional).toEqual([]);
    }
  });

  it.runIf(suiteIds.has('ldss'))('keeps a lone LDSS number conditional until the page names LDSS', () => {
    const alone = matcher.scan('She completed 312 last term.');
    expect(alone.references).toEqual([]);
    expect(alone.conditional.map((c) => c.suiteIds)).toEqual([['ldss']]);
    expect(resolveConditional(alone.conditional, alone.mentionedSuites)).toEqual([]);
    const page = matcher.scan('Her LDSS NVQ 3: she completed 312 last term.');
    expect(resolveConditional(page.conditional, page.mentionedSuites).map((r) => r.unitIds)).toEqual([
      [unitWithCode('312')],
    ]);
  });

  it.runIf(suiteIds.has('ldss') && suiteIds.has('lss'))('finds GCU and Standard codes', () => {
    expect(matcher.scan('GCU 1 and GCU1').references.map((r) => r.unitIds[0])).toEqual([
      unitWithCode('GCU1'),
      unitWithCode('GCU1'),
    ]);
    expect(matcher.scan('Standard A').references.map((r) => r.unitIds)).toEqual([[unitWithCode('A')]]);
    expect(matcher.scan('A standard a day').references).toEqual([]);
  });

  it('gives a title printed in several suites one reference', () => {
    const title = 'Ensure your own actions reduce risks to health and safety';
    const ids = unitsTitled(title);
    if (ids.length < 2) return;
    expect(matcher.scan(`${title}.`).references.map((r) => r.unitIds.slice().sort())).toEqual([ids.sort()]);
  });

  it('finds nothing in another qualification’s unit list', () => {
    const text =
      'Unit 301: Understand digital marketing. Unit 302 (Level 3, 15 credits) costs £312. ' +
      'Grade 4.15 in 2009/10; NVQ 4/5; see page 412, section 320.';
    const result = matcher.scan(text);
    expect(result.references).toEqual([]);
    expect(result.conditional).toEqual([]);
  });
});
