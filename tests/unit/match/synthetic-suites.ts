// Small hand-made suites for the matcher tests: just enough units to exercise each matching rule.
import type { Suite, Unit } from '@/lib/dataset/schema';

const source = { document: '004_9767ddd9e9ec1f97.txt', section: 'test' };

interface UnitSpec {
  id: string;
  code?: string | null;
  aliases?: string[];
  title: string;
  elements?: string[];
}

export function suite(
  id: string,
  title: string,
  units: UnitSpec[],
  options: { aliases?: string[]; codePrefixes?: string[] } = {},
): Suite {
  return {
    id,
    title,
    aliases: options.aliases ?? [],
    codePrefixes: options.codePrefixes ?? [],
    origin: 'user',
    body: null,
    year: null,
    description: null,
    source,
    notes: [],
    units: units.map((u): Unit => ({
      id: u.id,
      suiteId: id,
      code: u.code ?? null,
      aliases: u.aliases ?? [],
      title: u.title,
      elements: (u.elements ?? []).map((t, i) => ({ id: `${u.id}-e${i + 1}`, code: null, title: t })),
      criteria: [],
      knowledge: [],
      source,
      notes: [],
    })),
  };
}

export const wp = suite(
  'wp',
  'Work with Parents',
  [
    {
      id: 'wp-301',
      code: 'WP 301',
      aliases: ['WP301'],
      title: 'Build and maintain relationships in work with parents',
    },
    { id: 'wp-307', code: 'WP 307', aliases: ['WP307'], title: "Work with parents to meet their children's needs" },
    { id: 'wp-313', code: 'WP 313', aliases: ['WP313'], title: "Provide services that meet parents' needs" },
    {
      id: 'wp-405',
      code: 'WP405',
      aliases: ['WP 405'],
      title: 'Take responsibility for the safety and security of parents',
    },
    { id: 'wp-312', code: 'WP 312', aliases: ['WP312'], title: 'Deliver services that value and respect parents' },
  ],
  { codePrefixes: ['WP'] },
);

export const ldss = suite(
  'ldss',
  'Learning Development Support Services',
  [
    {
      id: 'ldss-312',
      code: '312',
      aliases: ['LDSS 312', 'LDSS312'],
      title: 'Support children and young people during transitions in their lives',
    },
    { id: 'ldss-315', code: '315', aliases: ['LDSS 315', 'LDSS315'], title: 'Make use of Supervision' },
    { id: 'ldss-301', code: '301', aliases: ['LDSS 301'], title: 'Assess risk of harm and the need for intervention' },
    { id: 'ldss-gcu1', code: 'GCU1', aliases: ['GCU 1'], title: 'Communication' },
    { id: 'ldss-gcu2', code: 'GCU2', aliases: ['GCU 2'], title: 'Safeguarding children' },
    { id: 'ldss-318', code: '318', aliases: ['LDSS 318'], title: 'Positive relationships' },
  ],
  {
    aliases: ['LDSS', 'Learning Development and Support Services'],
    codePrefixes: ['LDSS', 'GCU'],
  },
);

export const diploma = suite('cypw3', "Level 3 Diploma for the Children and Young People's Workforce", [
  { id: 'cypw3-communication', title: 'Communication' },
  { id: 'cypw3-equality', title: 'Equality' },
  { id: 'cypw3-parents', title: "Work with parents to meet their children's needs" },
  { id: 'cypw3-support', title: 'Support children and young people' },
]);

export const lss = suite(
  'lss',
  'National Occupational Standards for Learning Support Staff',
  [
    {
      id: 'lss-a',
      code: 'A',
      aliases: ['Standard A'],
      title: 'Providing learning support to individuals or groups of learners',
      elements: ['Agree learning support plans with learners'],
    },
    // No alias: the suite's single prefix gives `Standard B`.
    { id: 'lss-b', code: 'B', title: 'Planning and assessing for learning support' },
  ],
  { aliases: ['NOS for learning support staff'], codePrefixes: ['Standard'] },
);

export const lm = suite('lm', 'Minimum standards of competence for learning mentors', [
  {
    id: 'lm-abuse',
    title: 'Contribute to the protection of children and young people from abuse',
    elements: [
      'Respond to a child’s disclosure of abuse',
      'Identify signs and symptoms of possible abuse',
      'Report abuse',
    ],
  },
  { id: 'lm-health', title: 'Ensure your own actions reduce risks to health and safety.' },
  { id: 'lm-networks', title: 'Operate within networks' },
]);

export const justice = suite('justice-common', 'Common Standards Across The Justice Sector', [
  { id: 'justice-health', title: 'Ensure your own actions reduce risks to health & safety' },
  { id: 'justice-foster', title: 'Foster care: legal framework in England' },
]);

/** Bare numbers that collide with everyday numbers, to prove those are not taken for codes. */
export const numbered = suite(
  'numbered',
  'Numbered Standards',
  [
    { id: 'n-3', code: '3', title: 'Plan the third thing carefully' },
    { id: 'n-4', code: '4', title: 'Plan the fourth thing carefully' },
    { id: 'n-5', code: '5', title: 'Plan the fifth thing carefully' },
    { id: 'n-15', code: '15', title: 'Plan the fifteenth thing carefully' },
    { id: 'n-21', code: '21', title: 'Plan the twenty-first thing carefully' },
    { id: 'n-2009', code: '2009', title: 'Plan the year thing carefully' },
    { id: 'n-312', code: '312', title: 'Plan the numbered thing carefully' },
  ],
  { aliases: ['Numbered Standards'] },
);

export const allSynthetic = [wp, ldss, diploma, lss, lm, justice, numbered];
