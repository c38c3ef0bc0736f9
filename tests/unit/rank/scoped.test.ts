// Ranking within a scope: the scope's units and the other suites' never share a list, each list ranks as the whole
// ranking would, a title listed in scope is not repeated among the others, and a scope of every suite has no others.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import { buildRanker } from '../../../lib/rank/ranker';
import { rankScoped } from '../../../lib/rank/scoped';

const suites = loadBundledDataset().suites;
const ranker = buildRanker(suites);
const all = suites.map((s) => s.id);

const advert = `Learning Mentor – Hillside Primary School.
We are looking for a caring learning mentor to join our inclusion team.
You will:
• work with parents to meet their children's needs, including home visits;
• support pupils through the transition to secondary school;
• help protect children from abuse by following our child protection procedures;
• keep records and share information with other agencies.
Salary: Grade 5. Closing date: 4 December.`;

describe('rankScoped', () => {
  it('lists the scope’s units apart from the others’, each list best first with the scores of the whole ranking', () => {
    const scope = ['cypw3', 'lss'];
    const { inScope, others } = rankScoped(ranker, advert, scope, all, { limit: 40 });
    expect(inScope.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const m of inScope) expect(scope).toContain(m.suiteId);
    for (const m of others) expect(scope).not.toContain(m.suiteId);
    // The whole ranking folds units of the same title into one entry; each still has its score.
    const whole = new Map(
      ranker.rank(advert, { limit: 200 }).flatMap((m) => [m.unitId, ...m.alsoUnitIds].map((id) => [id, m.score])),
    );
    for (const m of [...inScope, ...others]) expect(m.score, m.unitId).toBe(whole.get(m.unitId));
    for (const list of [inScope, others]) {
      const scores = list.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('does not repeat among the others a title the scope lists', () => {
    const { inScope, others } = rankScoped(ranker, advert, ['ldss'], all, { limit: 40 });
    const titles = new Set(inScope.map((m) => m.title.toLowerCase()));
    for (const m of others) expect(titles.has(m.title.toLowerCase())).toBe(false);
  });

  it('has no others when the scope is every suite ([]) or names them all', () => {
    expect(rankScoped(ranker, advert, [], all).others).toEqual([]);
    expect(rankScoped(ranker, advert, all, all).others).toEqual([]);
    expect(rankScoped(ranker, advert, [], all).inScope.map((m) => m.unitId)).toEqual(
      ranker.rank(advert).map((m) => m.unitId),
    );
  });

  it('keeps a unit the page names in the other suites’ list when it is outside the scope', () => {
    const explicit = new Map([['wp-301', 1]]);
    const { inScope, others } = rankScoped(ranker, 'Unit WP 301 is part of this course.', ['lss'], all, { explicit });
    expect(inScope).toEqual([]);
    expect(others.map((m) => m.unitId)).toContain('wp-301');
  });
});
