// Ranking units against page text: paraphrases rank their unit, unrelated pages rank nothing, the why is real text.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import { buildRanker, RANK_THRESHOLD } from '../../../lib/rank/ranker';
import { contentStems, splitSentences } from '../../../lib/rank/text';

const ranker = buildRanker(loadBundledDataset().suites);

const advert = `Learning Mentor – Hillside Primary School.
We are looking for a caring learning mentor to join our inclusion team.
You will:
• work with parents to meet their children's needs, including home visits;
• support pupils through the transition to secondary school;
• help protect children from abuse by following our child protection procedures;
• keep records and share information with other agencies.
Salary: Grade 5. Closing date: 4 December.`;

const unrelated = `Delivery Driver. We are looking for a delivery driver to deliver parcels to homes and businesses across the
region. You will load your van each morning, plan your route, obtain signatures and keep your vehicle clean and safe.
A full UK driving licence is required. Salary £26,000 plus overtime.`;

const ids = (text: string, opts = {}) => ranker.rank(text, opts).map((r) => r.unitId);

describe('text', () => {
  it('splits sentences at punctuation, line breaks and bullets, keeping offsets', () => {
    const text = 'One sentence here. Another one, e.g. this!\n• A bullet point\nLast line';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'One sentence here.',
      'Another one, e.g. this!',
      'A bullet point',
      'Last line',
    ]);
    for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
  });

  it('stems content words and drops stop words and numbers', () => {
    expect(contentStems('Supporting the children in 2026 and their families')).toEqual(['support', 'child', 'famili']);
  });
});

describe('ranker', () => {
  it('ranks the units an advert paraphrases in its top five', () => {
    const mentor = `Pupil Mentor. Working with the SENCo, you will find out what each pupil needs in order to learn and
develop, agree a mentoring plan with them, and mentor pupils so that they reach the outcomes identified.
You will review how effective the mentoring has been with each child.
Safeguarding:
• recognise the signs and symptoms of possible abuse;
• respond appropriately when a child discloses abuse, and inform the right professionals.
`;
    expect(ids(mentor).slice(0, 5)).toContain('lm-facilitate-learning-through-mentoring');
    expect(ids(mentor).slice(0, 5)).toContain('lm-protection-from-abuse');
    const parents = ranker.rank(advert).slice(0, 5);
    expect(parents.some((r) => [r.unitId, ...r.alsoUnitIds].includes('wp-307'))).toBe(true);
  });

  it('folds the same title printed in several suites into one entry', () => {
    const entry = ranker.rank(advert).find((r) => r.title === "Work with parents to meet their children's needs")!;
    expect([entry.unitId, ...entry.alsoUnitIds].sort()).toEqual(['cypw3-work-with-parents-childrens-needs', 'wp-307']);
  });

  it('ranks nothing above the threshold for an unrelated advert', () => {
    expect(ranker.rank(unrelated)).toEqual([]);
    expect(ranker.rank(unrelated, { threshold: RANK_THRESHOLD })).toEqual([]);
  });

  it('explains each unit with real sentences of the page and the unit text they matched', () => {
    const ranked = ranker.rank(advert);
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      expect(r.why.length).toBeGreaterThan(0);
      for (const w of r.why) {
        expect(advert.slice(w.start, w.start + w.sentence.length)).toBe(w.sentence);
        expect(w.phrase.length).toBeGreaterThan(0);
      }
      expect(r.score).toBeGreaterThanOrEqual(RANK_THRESHOLD);
    }
    // Best first.
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('lifts units the page refers to explicitly, even on a page about nothing else', () => {
    const plain = ranker.rank(unrelated + ' Experience of WP 301 is useful.', { explicit: new Map([['wp-301', 1]]) });
    expect(plain.map((r) => r.unitId)).toEqual(['wp-301']);
    const before = ranker.rank(advert).findIndex((r) => r.unitId === 'wp-301');
    const after = ranker.rank(advert, { explicit: new Map([['wp-301', 2]]) });
    expect(after[0].unitId).toBe('wp-301');
    expect(after[0].explicit).toBe(2);
    expect(before).not.toBe(0);
  });

  it('keeps to the chosen suites', () => {
    const wpOnly = ranker.rank(advert, { suiteIds: ['wp'] });
    expect(wpOnly.length).toBeGreaterThan(0);
    expect(wpOnly.every((r) => r.suiteId === 'wp')).toBe(true);
  });

  it('ranks a 20,000-word page', () => {
    const page = Array.from({ length: 400 }, (_, i) => `${advert} Paragraph ${i} ends here.`).join('\n');
    expect(page.split(/\s+/).length).toBeGreaterThan(20_000);
    const ranked = ranker.rank(page, { limit: 5 });
    expect(ranked).toHaveLength(5);
  });
});
