// The user's scope: the roles they work as or towards, each mapped to the bundled suites the source documents tie it
// to (with the document, section and words that say so), or to suites we chose ourselves where the sources are silent
// (marked `decided`, with the reason; the README's scope table lists both). Pure: no storage, no DOM.
import type { Source } from './schema';

export const ROLE_IDS = [
  'learning-mentor',
  'teaching-assistant',
  'fe-learning-support',
  'parent-support',
  'education-welfare',
  'early-years',
  'childrens-social-care',
  'assessor-trainer',
  'everything',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** Why a role includes a suite: the source's own words, or our decision and its reason. */
export type SuiteBasis =
  | { kind: 'source'; source: Source; says: string }
  | { kind: 'decided'; reason: string; source?: Source; says?: string };

export interface RoleSuite {
  suiteId: string;
  basis: SuiteBasis;
}

export interface Role {
  id: RoleId;
  /** As the question offers it ("Teaching assistant / HLTA"). */
  label: string;
  /** As the popup's header shows it ("Teaching assistant"). */
  short: string;
  /** Where a source document describes the role itself (seed 003's career routes), when one does. */
  route?: { source: Source; says: string };
  /** The bundled suites of this role, most relevant first; 'all' for every suite, the user's own included. */
  suites: readonly RoleSuite[] | 'all';
}

const LDSS_LETTER: Source = {
  document: '000_474b784882dfc890.txt',
  section: 'DfES letter, November 2004: National Occupational Standards for LDSS',
};
const MENTOR_GUIDE_3_3: Source = {
  document: '001_522d2fb80d455b6e.txt',
  section: '3.3 Training, development and national occupational standards',
};
const MENTOR_TABLE_3: Source = {
  document: '001_522d2fb80d455b6e.txt',
  section: 'Table 3: Minimum standards of competence for learning mentors',
};
const LSS_INTRO: Source = { document: '002_8ca6a769cd3dda90.txt', section: 'Introduction' };
const CAREER_ROUTES: Source = {
  document: '003_0b7dd70bc8d4b6f1.txt',
  section: 'Three Career Progression Routes',
};
const PPS_CORE: Source = {
  document: '004_9767ddd9e9ec1f97.txt',
  section: '7 National Occupational Standards Relating to Parent Partnership Services, 7.15 Core Suites',
};
const DIPLOMA: Source = {
  document: '004_9767ddd9e9ec1f97.txt',
  section: "Appendix Five: Introducing the Level 3 Diploma for the Children and Young People's Workforce",
};
const SOCIAL_WORK: Source = {
  document: '004_9767ddd9e9ec1f97.txt',
  section: 'Appendix Six: SUITE: Social Work',
};

/** Seed 004's core suites for Parent Partnership Services, in its order of priority (data/frameworks/pps-nos-suites.json). */
const PPS_CORE_SUITES = [
  'ag',
  'wp',
  'sw',
  'legal-advice',
  'ldss',
  'ccld',
  'justice-caseworkers',
  'justice-common',
] as const;

const source = (suiteId: string, src: Source, says: string): RoleSuite => ({
  suiteId,
  basis: { kind: 'source', source: src, says },
});
const decided = (suiteId: string, reason: string, src?: Source, says?: string): RoleSuite => ({
  suiteId,
  basis: src && says ? { kind: 'decided', reason, source: src, says } : { kind: 'decided', reason },
});

export const ROLES: readonly Role[] = [
  {
    id: 'learning-mentor',
    label: 'Learning mentor',
    short: 'Learning mentor',
    route: {
      source: CAREER_ROUTES,
      says: 'The behaviour and guidance route includes learning mentors and those in pastoral roles',
    },
    suites: [
      source('lm', MENTOR_TABLE_3, 'The minimum standards of competence are set out in Table 3.'),
      source(
        'ldss',
        MENTOR_GUIDE_3_3,
        'The standards for learning development and support services cover the work of learning mentors, education welfare staff and those working in Connexions and related services.',
      ),
      source(
        'cypw3',
        DIPLOMA,
        'Learning Mentors - Facilitate the learning and development of children and young people through mentoring.',
      ),
    ],
  },
  {
    id: 'teaching-assistant',
    label: 'Teaching assistant / HLTA',
    short: 'Teaching assistant',
    route: {
      source: CAREER_ROUTES,
      says: 'The first route, for example, relates not only to teaching assistants but to other staff who may support subject teaching',
    },
    // Seed 003 puts teaching assistants on the route "Roles Supporting Teaching and Learning" but names no suite we
    // bundle (the teaching assistants' own standards, Supporting Teaching and Learning, can be imported as your own).
    suites: [
      decided(
        'cypw3',
        "The diploma is the Level 3 qualification for the children and young people's workforce, and seed 004 expects credit to move between it and school support roles.",
        DIPLOMA,
        'For example from an early years practitioner to a support assistant in schools position.',
      ),
      decided(
        'lss',
        'Written for learning support in the lifelong learning sector, but its Standards A and B (supporting learners, planning and assessing for learning support) describe classroom support under a teacher.',
        LSS_INTRO,
        'Learning support staff work under the direction of a person leading the learning.',
      ),
    ],
  },
  {
    id: 'fe-learning-support',
    label: 'FE learning support',
    short: 'FE learning support',
    suites: [
      source(
        'lss',
        LSS_INTRO,
        'The National Occupational Standards (NOS) for learning support staff in the lifelong learning sector describe the skills, knowledge and understanding required of all those who perform a learning support role.',
      ),
    ],
  },
  {
    id: 'parent-support',
    label: 'Parent support / parent partnership',
    short: 'Parent support',
    suites: PPS_CORE_SUITES.map((id) =>
      source(
        id,
        PPS_CORE,
        'The following suites, organised into a suggested order of priority/usefulness, have been identified as directly relevant.',
      ),
    ),
  },
  {
    id: 'education-welfare',
    label: 'Education welfare',
    short: 'Education welfare',
    suites: [
      source(
        'ldss',
        LDSS_LETTER,
        'CEOs will already have received a letter outlining our expectations that those delivering Education Welfare Services will adopt the standards as a minimum in relation to practice.',
      ),
      source(
        'cypw3',
        DIPLOMA,
        'Educational Welfare - Improving the attendance of children and young people in statutory education.',
      ),
    ],
  },
  {
    id: 'early-years',
    label: 'Early years',
    short: 'Early years',
    suites: [
      source(
        'cypw3',
        DIPLOMA,
        'All practitioners working in settings required to deliver the Early Years Foundation Stage (EYFS).',
      ),
      decided(
        'ccld',
        'Children’s Care, Learning and Development is the early years suite; seed 004 lists it among the Parent Partnership suites without naming its workforce, and names its BTEC diploma beside the early years qualification.',
        DIPLOMA,
        "EdExcel BTEC National Diploma in Children's Care, Learning and Development",
      ),
    ],
  },
  {
    id: 'childrens-social-care',
    label: 'Children’s social care',
    short: 'Children’s social care',
    suites: [
      source('cypw3', DIPLOMA, "Children's social care workers."),
      decided(
        'sw',
        'Children’s social care teams work beside social workers, and the Social Work units on assessing need and working with families describe much of their practice; the seeds do not tie the two.',
        SOCIAL_WORK,
        'SUITE: Social Work',
      ),
    ],
  },
  {
    id: 'assessor-trainer',
    label: 'Assessor or trainer',
    short: 'Assessor or trainer',
    // The qualifications learners in these roles are assessed against are built on these suites; the Justice, Legal
    // Advice, Advice & Guidance and Social Work suites are bundled for Parent Partnership work, not for assessment.
    suites: [
      decided(
        'ldss',
        'The LDSS standards underpin NVQs at levels 3 and 4.',
        LDSS_LETTER,
        'Awarding Bodies are using the standards to develop a range of nationally recognised qualifications, including NVQs at levels 3 and 4 and Foundation Degrees.',
      ),
      decided('cypw3', "The Level 3 Diploma is the qualification for the children and young people's workforce."),
      decided('lm', 'The learning mentor minimum standards, assessed with the LDSS units.'),
      decided(
        'lss',
        'Seed 002 names assessing achievement as a use of the learning support standards.',
        LSS_INTRO,
        'Assessing achievement',
      ),
      decided('wp', 'Work with Parents, for family and parent support qualifications.'),
      decided('ccld', 'Children’s Care, Learning and Development, for early years qualifications.'),
    ],
  },
  { id: 'everything', label: 'Show everything', short: 'Everything', suites: 'all' },
];

const BY_ID = new Map(ROLES.map((r) => [r.id, r]));

export const isRoleId = (id: string): id is RoleId => BY_ID.has(id as RoleId);

export function roleById(id: RoleId): Role {
  return BY_ID.get(id)!;
}

/** Known roles once each, in the question's order; "Show everything" alone when chosen with others. */
export function normaliseRoles(ids: readonly string[]): RoleId[] {
  const known = ROLE_IDS.filter((id) => ids.includes(id));
  return known.includes('everything') ? ['everything'] : known;
}

/**
 * The suites the roles give, once each, in role order, limited to the suites installed (`known`); [] means every
 * suite (the roles include "Show everything", or none was chosen).
 */
export function suitesForRoles(roles: readonly RoleId[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of normaliseRoles(roles)) {
    const role = roleById(id);
    if (role.suites === 'all') return [];
    for (const s of role.suites) if (known.has(s.suiteId) && !out.includes(s.suiteId)) out.push(s.suiteId);
  }
  return out;
}

/** What the user chose, as stored: their roles, the suites in scope ([] = all) and whether they were asked yet. */
export interface Scope {
  asked: boolean;
  roles: RoleId[];
  suites: string[];
  /** The suites differ from the ones the roles give (the user ticked or unticked some on the portfolio page). */
  adjusted: boolean;
}

/** How the popup's header names a scope ("Teaching assistant", "Learning mentor, Education welfare"). */
export function describeScope(scope: Scope, suiteTitles: ReadonlyMap<string, string>): string {
  const roles = scope.roles.map((id) => roleById(id).short).join(', ');
  const suites =
    scope.suites.length === 1
      ? (suiteTitles.get(scope.suites[0]) ?? scope.suites[0])
      : `${scope.suites.length} suites you chose`;
  if (!scope.asked || (!roles && scope.suites.length === 0)) return 'All suites';
  if (!roles) return suites;
  if (!scope.adjusted) return roles;
  if (scope.suites.length === 0) return `${roles}, widened to all suites`;
  return `${roles}, adjusted to ${scope.suites.length === 1 ? suites : `${scope.suites.length} suites`}`;
}

/** Whether a unit's suite is in scope ([] = every suite is). */
export function inScope(scopeSuites: readonly string[], suiteId: string): boolean {
  return scopeSuites.length === 0 || scopeSuites.includes(suiteId);
}

/**
 * Reads `--scope` words (the command line): each a role id or a suite id. Returns the roles and the suites they give
 * together with the suites named, or the words it does not know.
 */
export function parseScopeWords(
  words: readonly string[],
  known: ReadonlySet<string>,
): { ok: true; roles: RoleId[]; suites: string[] } | { ok: false; unknown: string[] } {
  const roles: RoleId[] = [];
  const named: string[] = [];
  const unknown: string[] = [];
  for (const w of words.map((x) => x.trim()).filter(Boolean)) {
    if (isRoleId(w)) roles.push(w);
    else if (known.has(w)) named.push(w);
    else unknown.push(w);
  }
  if (unknown.length) return { ok: false, unknown };
  const normal = normaliseRoles(roles);
  if (normal.includes('everything')) return { ok: true, roles: normal, suites: [] };
  const suites = suitesForRoles(normal, known);
  for (const s of named) if (!suites.includes(s)) suites.push(s);
  return { ok: true, roles: normal, suites };
}
