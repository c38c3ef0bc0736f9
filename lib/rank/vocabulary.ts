// The ranker's hand-written knowledge of words: who the standards are about (people words), which words say nothing
// on their own about the work (weak words: "support", "develop", "maintain high professional standards"), and how
// pages of this field say what the standards say in other words ("phonics", "home visits", "EHC plan"). Page words
// are mapped onto the standards' words on the page side only, so that a unit's own text is never inflated. Pure.
import { contentStems } from './text';

const stems = (words: string): Set<string> => new Set(contentStems(words));

/** Who the work is with. A sentence never supports a unit through these alone ("children and young people"). */
export const PEOPLE = stems(
  'child children young people person pupil learner student baby babies parent family families carer teenager ' +
    'youth client adult individual colleague practitioner practitioners',
);

/** The grown-ups among them: a phrase about parents is not supported by a sentence about children alone. */
export const GROWN_UPS = stems(
  'parent parents family families carer carers client clients adult adults colleague colleagues individual ' +
    'individuals practitioner practitioners',
);

/**
 * The people of this field and the settings that exist only for them (a nursery, a pre-school). A page where almost
 * no sentence names them (a school business manager's advert that mentions "420 pupils" once) is not about this
 * work, whatever else it shares with the standards.
 */
export const FIELD_PEOPLE = stems(
  'child children young pupil learner student baby babies parent family families carer teenager youth toddler ' +
    'infant nursery preschool playgroup creche childcare childminder eyfs',
);

/**
 * Words that say nothing about which work a sentence is about when they stand alone: generic verbs (support,
 * develop, promote, contribute, maintain…) and the stock words of person specifications (high professional
 * standards, quality, ability, experience). They still add to a match a work word has made.
 */
export const WEAK = stems(
  'support develop development promote contribute maintain enable facilitate assist encourage undertake manage ' +
    'build deliver establish sustain improve implement effective keep professional standards high quality positive ' +
    'practice ability experience skills knowledge identify responsibility appropriate relevant agree organisation ' +
    'accountable accountability ' +
    'involve activity activities opportunity approach lives life wide range key area everyday issue ' +
    'individuals engage coordinate coordinating coordinator',
);

/**
 * Everyday words that match a unit's work word by accident more often than not ("difficulties at home", "keep the
 * grounds safe", "a small group"): on a page they complete a match another work word has made, but never make one
 * alone. The expressions below that mean the work ("home visits", "keep children safe", "positive changes") still
 * count in full.
 */
export const EVERYDAY = stems('home safe group change session based');

/** Words pages use for the people the standards name (each page word also counts as these). */
export const PAGE_SYNONYMS: Record<string, string[]> = {
  pupil: ['child', 'young', 'person', 'learner'],
  student: ['young', 'person', 'learner'],
  learner: ['child', 'young', 'person'],
  teenag: ['young', 'person'],
  youth: ['young', 'person'],
  carer: ['parent'],
  mum: ['parent'],
  mother: ['parent'],
  dad: ['parent', 'father'],
  guardian: ['parent'],
  famili: ['parent'],
  toddler: ['babi', 'child'],
  infant: ['babi', 'child'],
  sen: ['special', 'educ', 'need'],
  camh: ['mental', 'health'],
  attend: ['absenc'],
  absenc: ['attend'],
};

/**
 * How pages of this field say what the standards say: an expression on the page (lower case) → the standards'
 * words it stands for. Written from the way UK job adverts, job descriptions, course listings and careers pages
 * describe the work, not from any one page.
 */
const PAGE_PHRASES: [RegExp, string][] = [
  // Learning and progress
  [/\b(?:phonics|reading|read|spellings?|handwriting|writing|literacy|comprehension)\b/, 'literacy learning'],
  [/\b(?:maths|mathematics|numeracy|number work|times tables|arithmetic)\b/, 'numeracy learning'],
  [/\b(?:catch[- ]up|booster|interventions?|small[- ]group work|one[- ]to[- ]one support|1:1 support)\b/, 'learning'],
  [
    /\b(?:progress|attainment|achievement|do(?:ing)? well|fall(?:ing|en)? behind|close the gap|closing (?:that|the) gap|reach (?:their|his|her) potential)\b/,
    'achieve potential',
  ],
  [/\b(?:lessons?|curriculum|classroom|homework|revision|study skills|coursework)\b/, 'learning'],
  [
    /\b(?:eal|english as an additional language|english as a second language|new arrivals?|little or no english|little english|first language|home language|bilingual|multilingual)\b/,
    'language more than one language preferred language not english',
  ],
  [/\binterpreters?\b/, 'interpreter language'],
  // Special educational needs and disability
  [
    /\b(?:send|special educational needs|ehcp?s?|education,? health and care plans?|autism|autistic|asd|adhd|dyslexi\w*|dyspraxi\w*|learning difficult\w*|sensory (?:needs|impairment)|visual impairment|hearing impairment|physical disabilit\w*|down'?s syndrome|cerebral palsy|sencos?)\b/,
    'special educational needs disabilities additional requirements',
  ],
  [
    /\b(?:speech and language|speech therap\w*|salt|slcn|makaton|signing|language development|early language|vocabulary|communication needs)\b/,
    'speech language communication',
  ],
  [/\b(?:occupational therap\w*|physiotherap\w*|educational psycholog\w*|outside specialists?)\b/, 'specialist'],
  [
    /\b(?:small[- ]groups?|groups? of (?:pupils|children|students|learners|young people|parents|carers)|group work|group sessions?|groupwork)\b/,
    'group',
  ],
  [
    /\b(?:positive changes?|make changes|changes? (?:in|to) (?:their|his|her) (?:lives|life|behaviour)|turn (?:their|his|her) li(?:fe|ves) around)\b/,
    'positive changes lives',
  ],
  // Behaviour and wellbeing
  [
    /\b(?:behaviour|behave|misbehav\w*|tantrums?|disruptive|de-?escalat\w*|calm down|conflict|fallings?[- ]out|anger|restorative|challenging)\b/,
    'behaviour',
  ],
  [
    /\b(?:exclusions?|excluded|at risk of exclusion|reintegrat\w*|alternative provision|pupil referral unit|pru)\b/,
    'excluded',
  ],
  [
    /\b(?:anxiety|anxious|low mood|depression|self[- ]harm|eating disorders?|camhs|mental health|emotional wellbeing|emotional well-being|social, emotional and mental health|semh)\b/,
    'mental health',
  ],
  [/\b(?:trauma|traumatic|traumatised|adverse childhood)\b/, 'traumatised'],
  [
    /\b(?:friendships?|get(?:ting)? on with others|getting along|share and take turns|take turns|kind to (?:one another|each other)|social skills)\b/,
    'relationships',
  ],
  [/\b(?:independen\w*|do things for themselves|life skills|less reliant|self-care)\b/, 'independence'],
  [/\b(?:targets?|aspirations?|ambitions?|goals?)\b/, 'goals'],
  [
    /\b(?:action plans?|support plans?|plans? (?:with|for) (?:them|each|the student|the pupil|the young person))\b/,
    'plan action',
  ],
  // Health and safety
  [
    /\b(?:first aid|first-aid|accidents?|accident book|injur\w*|bumps?|unwell|poorly|medical needs|medicines?|medication|allerg\w*|hygiene|risk assessments?|supervis\w* the playground|playground duty)\b/,
    'health safety',
  ],
  [
    /\b(?:healthy eating|nutrition\w*|weaning|feeding|mealtimes?|snack[- ]?time|bottle[- ]?feed\w*)\b/,
    'nutritional healthy',
  ],
  [
    /\b(?:nappy|nappies|nappy changing|toileting|change of clothes|sleep routines?|rest and sleep|personal care)\b/,
    'physical care',
  ],
  [
    /\b(?:gross motor|fine motor|movement|climbing|balance|outdoor play|physical play|physical development)\b/,
    'physical development movement',
  ],
  // Safeguarding
  [/\b(?:safeguarding|child protection)\b/, 'safeguard protect'],
  [
    /\b(?:keep(?:s|ing)? (?:children|pupils|students|young people|them|babies|everyone|learners) safe|stay(?:ing)? safe|safe from harm|online safety|e-safety|internet safety|personal safety)\b/,
    'safe',
  ],
  [/\bwelfare\b/, 'wellbeing'],
  [
    /\b(?:abuse|neglect|exploitation|grooming|radicalisation|domestic violence|disclosures?|discloses?)\b/,
    'abuse harm protect',
  ],
  [
    /\b(?:designated safeguarding leads?|dsl|cpoms|myconcern|concerns? about (?:a |the )?(?:child|pupil|student|young person)'?s? (?:safety|welfare))\b/,
    'safeguard',
  ],
  [/\b(?:at risk|risk of harm|suffering harm|significant harm)\b/, 'risk harm'],
  [/\b(?:vulnerable)\b/, 'vulnerable'],
  // Attendance
  [
    /\b(?:attendance|absence|absent|truancy|truanting|persistent(?:ly)? absen\w*|missing (?:school|education)|punctuality|lateness|registers)\b/,
    'attendance',
  ],
  // Parents and families
  [
    /\b(?:home visits?|visit(?:ing|s)? (?:families|parents|pupils|children|them) (?:at|in (?:their|the)) homes?|go(?:ing)? into (?:their |families' )?homes?|in their (?:own )?homes?|family home)\b/,
    'home visiting',
  ],
  [
    /\b(?:keep(?:ing)? in touch with (?:parents|families|carers|home)|phone home|talk(?:ing)? (?:to|with) parents|chat(?:ting)? with parents|parents'? evenings?|meet(?:ing)? (?:with )?(?:their )?parents|pass(?:ing)? on (?:information|messages) to parents|relationships with parents|contact with (?:parents|families|home)|liais\w*)\b/,
    'liaise communicate parents',
  ],
  [
    /\b(?:parenting (?:courses?|programmes?|groups?|classes|sessions)|triple p|incredible years|coffee mornings?|stay[- ]and[- ]play|parent (?:workshops?|groups?|forums?|cafés?|cafes?)|family learning|drop-in groups?)\b/,
    'groups of parents',
  ],
  [
    /\b(?:family learning|parents? (?:to help|helping) in class|involv\w* parents in (?:their )?child\w* (?:learning|education)|learning at home|maths at home|reading at home)\b/,
    "parents children's learning",
  ],
  [/\b(?:dads?|fathers?|male carers?)\b/, 'fathers'],
  [/\b(?:teenage (?:parents?|mums?|dads?)|young (?:parents|mums|dads|mothers|fathers))\b/, 'young parents'],
  [/\b(?:routines?|bedtimes?|boundaries|screen time|behaviour at home|sibling)\b/, 'handling behaviour everyday life'],
  [
    /\b(?:hard to reach|do not usually (?:come|engage)|don't engage|reluctant to engage|isolated families|seldom heard)\b/,
    'hard reach complex needs',
  ],
  [
    /\b(?:money worries|debt|benefits advice|housing|food banks?|their own (?:english|maths|learning|needs|wellbeing)|adult learning|job prospects)\b/,
    'parents own needs',
  ],
  [/\b(?:culture|faith|religion|cultural|beliefs)\b/, 'culture religion'],
  [
    /\b(?:early help|early intervention|family support|supporting families|troubled families)\b/,
    'early intervention families',
  ],
  // Transitions
  [
    /\b(?:transitions?|moving (?:up )?(?:from primary )?to secondary|move (?:up )?(?:from primary )?to secondary|starting secondary|year 6 to (?:year )?7|feeder primar\w*|settle in|settling in)\b/,
    'transition',
  ],
  [/\b(?:bereavement|bereaved|separation|divorce|family breakdown)\b/, 'transitions lives'],
  // Other services and agencies
  [
    /\b(?:signpost\w*|refer(?:ral|rals|ring)?|put (?:them|families|pupils|students|parents|young people) in touch|outside agencies|other agencies|external agencies|partner agencies|other services|local services|other professionals)\b/,
    'agencies services referral',
  ],
  [
    /\b(?:multi-?agency|team around the (?:family|child)|taf|tac|core group|child in need|health visitors?|school nurse|social workers?|social care)\b/,
    'agencies multi disciplinary',
  ],
  [
    /\b(?:youth clubs?|leisure|sports clubs?|libraries|library|local facilities|community activities)\b/,
    'facilities services',
  ],
  [/\b(?:caseload|case load|cases)\b/, 'caseload'],
  // Young people
  [/\b(?:neet|not in education, employment or training)\b/, 'socially excluded'],
  [/\b(?:offending|youth offending|anti-?social|gangs?|county lines|criminal exploitation)\b/, 'anti social criminal'],
  [
    /\b(?:children in care|child in care|care leavers?|leaving care|virtual school|corporate parent\w*)\b/,
    'looked after leaving care',
  ],
  [
    /\b(?:sexual health|contraception|teenage pregnanc\w*|relationships and sex education)\b/,
    'sexual health pregnancy',
  ],
  [/\b(?:careers? (?:advice|guidance)|information, advice and guidance|iag)\b/, 'information advice guidance'],
  [/\b(?:mentor\w*)\b/, 'mentoring'],
  // Early years
  [
    /\b(?:baby room|babies|under[- ](?:twos?|threes?|ones?)|toddlers?|newborns?|birth to (?:two|three|2|3))\b/,
    'babies young children',
  ],
  [
    /\b(?:eyfs|early years foundation stage|key person|learning journals?|next steps)\b/,
    'early years development learning',
  ],
  [
    /\b(?:messy play|arts? and crafts?|junk modelling|imaginative play|role play|creative|creativity|creatively)\b/,
    'creativity creative',
  ],
  [/\b(?:childmind\w*|home-based childcare|home based childcare)\b/, 'home based child care'],
  [/\b(?:committee[- ]run|trustees?|management committee|charity committee)\b/, 'management committee'],
  // Teams, supervision and management
  [
    /\b(?:line[- ]manag\w*|deploy\w* (?:staff|teaching assistants)|set(?:ting)? (?:their )?(?:weekly )?timetables|rotas?)\b/,
    'allocate monitor work team leadership',
  ],
  [
    /\b(?:coach\w*|model(?:ling)? good practice|train(?:ing)? (?:new )?(?:staff|colleagues|teaching assistants)|induct(?:ing)? new staff|feedback to (?:staff|colleagues))\b/,
    'coaching others developing practice',
  ],
  [/\b(?:supervision|reflective (?:practice|log|account))\b/, 'supervision reflect practice'],
  [/\b(?:budgets?|finance|funding|grant applications?|fundrais\w*)\b/, 'finance'],
];

const PHRASE_STEMS: [RegExp, string[]][] = PAGE_PHRASES.map(([re, words]) => [re, contentStems(words)]);

/** The standards' words a page sentence stands for beyond its own words (page side only). */
export function pageExtraStems(sentence: string): string[] {
  const lower = sentence.toLowerCase();
  const out: string[] = [];
  for (const [re, add] of PHRASE_STEMS) if (re.test(lower)) out.push(...add);
  return out;
}
