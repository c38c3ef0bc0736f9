// The captured-text comparison's setup (scripts/eval-capture.ts): every invented standard page is recognised and
// linked, by its title alone, to the bundled unit it is for; the ranker's suites then carry the captured criteria in
// the bundled units and leave the captured copies out.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { buildMatcher } from '@/lib/match/matcher';
import { buildRanker } from '@/lib/rank/ranker';
import { suitesWithCaptures } from '../../scripts/eval-capture';

const dataset = loadBundledDataset();

describe('the captured-text comparison', () => {
  it('links each invented standard page to its bundled unit and ranks it as that unit', () => {
    const { suites, linked } = suitesWithCaptures(dataset.suites, buildMatcher(dataset.suites));
    expect(linked).toHaveLength(12);
    const units = new Map(suites.flatMap((s) => s.units.map((u) => [u.id, u] as const)));
    for (const id of linked) {
      const before = dataset.suites.flatMap((s) => s.units).find((u) => u.id === id)!;
      expect(before.criteria).toHaveLength(0);
      expect(units.get(id)!.criteria).toHaveLength(6);
      expect(units.get(id)!.knowledge).toHaveLength(4);
    }
    expect([...units.keys()].some((id) => id.startsWith('nos-'))).toBe(false);
    // A sentence in an advert's own words now reaches a captured criterion.
    const ranked = buildRanker(suites).rank(
      'Set up Saturday dads clubs at times working fathers can manage, and make letters speak to both parents.',
      { limit: 5, threshold: 0 },
    );
    expect(ranked[0]).toMatchObject({ unitId: 'cypw3-engage-fathers' });
    expect(ranked[0].why.some((w) => w.field === 'criterion' || w.field === 'knowledge')).toBe(true);
  });
});
