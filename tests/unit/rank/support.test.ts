// Which sentences support a unit: only through words about the work, never through the people or generic verbs alone;
// a whole phrase beats many partial ones; a page that is not about this field's people ranks nothing.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import { buildRanker, RANK_THRESHOLD } from '../../../lib/rank/ranker';
import { EVERYDAY, PEOPLE, WEAK } from '../../../lib/rank/vocabulary';
import { contentStems } from '../../../lib/rank/text';

const ranker = buildRanker(loadBundledDataset().suites);
const rank = (text: string, threshold = 0) => ranker.rank(text, { threshold, limit: 50 });
const ids = (text: string, threshold = 0) => rank(text, threshold).flatMap((r) => [r.unitId, ...r.alsoUnitIds]);

describe('word kinds', () => {
  it('knows people, weak and everyday words by their stems', () => {
    for (const w of ['children', 'pupils', 'parents', 'colleagues']) expect(PEOPLE.has(contentStems(w)[0])).toBe(true);
    for (const w of ['support', 'develop', 'promote', 'contribute', 'maintain', 'professional', 'standards'])
      expect(WEAK.has(contentStems(w)[0])).toBe(true);
    for (const w of ['home', 'safe', 'group']) expect(EVERYDAY.has(contentStems(w)[0])).toBe(true);
    for (const w of ['liaise', 'caseload', 'transition', 'behaviour']) {
      const [s] = contentStems(w);
      expect(PEOPLE.has(s) || WEAK.has(s) || EVERYDAY.has(s)).toBe(false);
    }
  });
});

describe('the weak-word rule', () => {
  it('does not rank a unit on generic words: “maintain high professional standards”', () => {
    const advert = `Learning Support Assistant.
Working with individuals and small groups of pupils on tasks set by the class teacher.
Helping pupils with autism to join in with lessons, using visual timetables.
An ability to maintain high professional standards and to keep information confidential.`;
    expect(ids(advert)).not.toContain('justice-caseworkers-professional-standards');
    expect(
      ids(`We expect staff to maintain professional standards, support colleagues and develop their practice.
Our pupils and their families are at the heart of everything we do.`),
    ).not.toContain('justice-caseworkers-professional-standards');
  });

  it('does not match a unit through its people words and a generic verb: “Pupil support generic job descriptions”', () => {
    const ranked = rank(
      'Pupil support generic job descriptions\nChildren and young people are supported by our staff.',
    );
    expect(ranked.map((r) => r.unitId)).not.toContain('cypw3-in-own-home');
    expect(ranked).toEqual([]);
  });

  it('does not let an everyday word make a match alone, but lets the expression that means the work', () => {
    expect(ids('Some pupils have difficulties at home that affect their learning.')).not.toContain('cypw3-in-own-home');
    expect(ids('We keep the grounds safe and tidy for the children.')).not.toContain('ccld-help-to-keep-children-safe');
    expect(ids('You will make home visits to families with young children.')).toContain('ccld-home-visiting');
    expect(ids('You will help to keep children safe online.')).toContain('ccld-help-to-keep-children-safe');
  });

  it('asks a one-word match to name the people of the unit: children alone do not engage parents', () => {
    expect(ids('Helping children to calm down and get back to learning.')).not.toContain('cypw3-engage-parents');
    expect(ids('You will keep in touch with parents and carers every week.')).toContain('ldss-309');
  });

  it('lets one phrase matched whole beat many matched in part', () => {
    const page = `Family support worker.
You will liaise with parents, carers and families.
You will support families and parents.
Families and parents will value your support.
You will work with families and parents every day.`;
    const ranked = rank(page);
    expect(ranked[0].unitId).toBe('ldss-309');
    expect(ranked[0].why[0].sentence).toBe('You will liaise with parents, carers and families.');
  });

  it('keeps a sentence naming one unit’s title from counting for every unit sharing its words', () => {
    const listing = `Level 3 Diploma course units
Unit 034 Support Children And Young People's Health And Safety
Unit 035 Develop Positive Relationships With Children, Young People And Others Involved In Their Care`;
    const ranked = rank(listing, RANK_THRESHOLD);
    expect(
      ranked
        .slice(0, 2)
        .map((r) => r.unitId)
        .sort(),
    ).toEqual(['cypw3-health-and-safety', 'cypw3-positive-relationships']);
    const others = ranked.slice(2);
    for (const r of others) expect(r.score).toBeLessThan(ranked[1].score / 2);
  });

  it('scales a page that hardly names this field’s people down to nothing', () => {
    const siteManager = `Site Manager.
Carry out weekly fire alarm tests and keep the logbooks up to date.
A good understanding of health and safety at work, COSHH and working at height.
Arrange and supervise contractors, making sure they work safely.
Keep the car parks and paths clear of leaves, snow and ice.
The school has 1,300 students.`;
    expect(rank(siteManager, RANK_THRESHOLD)).toEqual([]);
  });
});
