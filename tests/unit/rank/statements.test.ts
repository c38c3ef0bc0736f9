// Units with their full text (criteria, knowledge) against title-only units: a sentence that matches a long statement
// as well as it would match a title scores on the same scale, so the threshold means the same for both; the statement's
// length does not dilute it, and a match of one or two common words still is not a match.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import type { Suite, Unit } from '../../../lib/dataset/schema';
import { buildRanker, RANK_THRESHOLD } from '../../../lib/rank/ranker';

const source = { document: '004_9767ddd9e9ec1f97.txt', section: 'test' };

function unit(id: string, title: string, criteria: string[] = [], knowledge: string[] = []): Unit {
  return {
    id,
    suiteId: 'test',
    code: null,
    aliases: [],
    title,
    elements: [],
    criteria: criteria.map((text, i) => ({ id: `${id}-c${i + 1}`, number: String(i + 1), text, knowledge: [] })),
    knowledge: knowledge.map((text, i) => ({ id: `${id}-k${i + 1}`, code: null, text })),
    source,
    notes: [],
  };
}

const suite = (units: Unit[]): Suite => ({
  id: 'test',
  title: 'Test standards',
  aliases: [],
  codePrefixes: [],
  origin: 'user',
  body: null,
  year: null,
  description: null,
  source,
  notes: [],
  units,
});

const titleOnly = unit('test-title-only', 'Run baby massage and rhyme time sessions');
const full = unit(
  'test-full',
  'Organise family learning',
  [
    'run baby massage, rhyme time and messy play sessions in community venues at times that suit working families, ' +
      'arranging a crèche, refreshments and bus passes where they help people to attend',
    'keep a register of who attends each session and follow up families who stop coming',
    'ask families what they would like to learn next and plan the programme with them',
  ],
  ['how babies and toddlers learn through songs, touch and play', 'local services that families can be referred to'],
);

/** The same unit with the statement the page matches cut down to the words it matches. */
const short = {
  ...full,
  id: 'test-short',
  criteria: full.criteria.map((c, i) => (i === 0 ? { ...c, text: 'run baby massage and rhyme time sessions' } : c)),
};

// Each in a dataset of its own, so that neither explains the other's words in a sentence that matches both.
const bundled = loadBundledDataset().suites;
const rankers = {
  [titleOnly.id]: buildRanker([...bundled, suite([titleOnly])]),
  [full.id]: buildRanker([...bundled, suite([full])]),
  [short.id]: buildRanker([...bundled, suite([short])]),
};
const score = (text: string, id: string) =>
  rankers[id].rank(text, { threshold: 0, limit: 500 }).find((r) => [r.unitId, ...r.alsoUnitIds].includes(id))?.score ??
  0;

describe('units with their full text', () => {
  const page = `Family Support Worker.
You will run baby massage and rhyme time sessions for the children and families on our caseload.`;

  it('scores a sentence matching part of a long statement as if the statement were that part', () => {
    const full = score(page, 'test-full');
    expect(full).toBeGreaterThanOrEqual(RANK_THRESHOLD);
    // Its length does not dilute it: the same unit with the statement cut down to the matched words scores the same.
    expect(full).toBe(score(page, 'test-short'));
    // Below a title printed word for word, which counts more than a criterion and earns a bonus.
    expect(full).toBeLessThan(score(page, 'test-title-only'));
  });

  it('still does not match a long statement through one common word', () => {
    const other = `Family Support Worker.
You will plan the sessions for the children and families on our caseload.`;
    expect(score(other, 'test-full')).toBeLessThan(RANK_THRESHOLD);
  });
});
