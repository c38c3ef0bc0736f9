// Recognises the sentences of a page that say nothing about the work itself — addresses, contact details, navigation,
// cookie banners, equal-opportunities and safer-recruitment statements, pay lines, "how to apply" — so that the
// ranker never gives them as a reason for a unit. Every UK job advert says it is "committed to safeguarding and
// promoting the welfare of children"; that is not a duty of the post. Pure: no DOM, no Node API.

export type BoilerplateKind =
  | 'address'
  | 'contact'
  | 'navigation'
  | 'cookie'
  | 'equal-opportunities'
  | 'safer-recruitment'
  | 'pay'
  | 'how-to-apply'
  | 'job-details'
  | 'career-path'
  | 'form-field';

/** A UK postcode (SW1A 1AA, BN14 9ZZ, M1 1AE), as printed: upper case. */
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/;
/** A labelled field of a job or course listing whose value is an address. */
const ADDRESS_LABEL =
  /^(?:location|address|venue|base|based at|find us|where)\s*:|\b(?:is|are|will be) based (?:at|in)\b/i;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /\bhttps?:\/\/|\bwww\.[\w-]+\./i;
/** UK telephone numbers: 01632 960 000, 0117 496 0321, 0800 100 900, +44 20 7946 0000, 07700 900123. */
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;
const CONTACT_LABEL =
  /^(?:tel|telephone|phone|mobile|fax|e-?mail|switchboard)\b\s*[:.]?|^contact(?: us| the [\w ]+ team)?\s*(?::|$)/i;

/** Menus and breadcrumbs: several short items between separators ("Home > Jobs > Schools", "Help | Terms | Privacy"). */
const SEPARATED = /(?:^|\s)(?:>|›|»|\|)(?=\s|$)/g;
const NAVIGATION =
  /\bskip to (?:main )?content\b|^menu\b|^(?:home|search(?: jobs)?|sign in|log in|back(?: to top)?|share|print|next|previous|apply now|save job|report (?:this|a problem)[\w ]*|similar jobs|related (?:jobs|careers|courses)|useful links|follow us|was this page (?:helpful|useful)\??.*)$|\bdownload\b.*\((?:pdf|docx?|xlsx?)\b|\b\d+(?:\.\d+)? ?[km]b\)|©|\bcopyright\b|\ball rights reserved\b|\bregistered (?:company|charity|in england)\b|\bcompany (?:number|no\.?)\b|\bcharity (?:number|no\.?)\b|\bprivacy (?:notice|policy)\b|\bterms (?:and|&) conditions\b|\baccessibility statement\b|\bposted \d+ (?:hours?|days?|weeks?) ago\b/i;

const COOKIE = /\bcookies?\b/i;

const EQUAL_OPPORTUNITIES =
  /\bequal(?:ity of)? opportunit|\bwelcome applications\b|\bapplications (?:are )?welcome(?:d)? from\b|\bdisability confident\b|\bregardless of (?:age|race|sex|gender|disability|religion)\b|\bunder-?represented\b|\bguaranteed? (?:an )?interview\b|\bmindful employer\b|\binclusive employer\b|\bdiverse workforce\b|\ball (?:sections|parts) of the community\b|\bcandidates of all faiths\b|\bcommitted to (?:equality|diversity|equal opportunities|inclusion) and (?:diversity|inclusion|equality)\b|\bwelcomes? (?:applications|applicants|learners|students|people|candidates) from (?:all|every|any)\b/i;

/** Equal-opportunities words that are boilerplate only about applicants ("reasonable adjustments at interview"). */
const EQUAL_OPPORTUNITIES_WEAK = /\breasonable adjustments\b/i;

/** Statements every school or council advert carries about checks on the person appointed. */
const SAFER_RECRUITMENT =
  /\bcommitted to (?:safeguarding|the safeguarding)\b|\bsafeguarding and promoting the welfare\b|\bshare (?:this|that|the) commitment\b|\bDBS\b|\bdisclosure and barring\b|\bbarred list\b|\bcriminal record\b|\brehabilitation of offenders\b|\bprohibition (?:check|order)\b|\bself-declaration\b|\bsatisfactory references\b|\breferences will be (?:taken|sought|requested)\b|\bonline (?:searches|checks)\b|\bpre-employment checks\b|\bright to work in the uk\b/i;
/** Recruitment words that make a sentence about checks boilerplate ("enhanced check", "safer recruitment"). */
const SAFER_RECRUITMENT_WEAK =
  /\b(?:enhanced (?:check|disclosure|background checks?)|safer recruitment|keeping children safe in education|background checks?)\b/i;
const RECRUITING =
  /\b(?:this (?:post|role|position|appointment|job)|the successful (?:candidate|applicant)|all (?:posts|appointments|staff|employees)|applicants?|candidates?|shortlisted|subject to|you(?:'ll| will) need(?: to pass)?)\b/i;

const PAY =
  /\bsalary\b|\bper annum\b|\bpro[- ]rata\b|\bpay (?:scale|band|grade|award)\b|\bnjc (?:scale|points?|spine)\b|\bspine points?\b|\bpension\b|\bholiday entitlement\b|\bannual leave\b|\bsleep-in payments?\b|£\s?[\d,.]+k?\s*(?:-|–|to)\s*£?\s?[\d,.]+|£\s?[\d,.]+k?\s*(?:per|an?|p\.?a\.?|ph|pro rata)\b|^(?:pay|hours|contract(?: type)?|grade|scale|band|working pattern|job type|benefits|fees?|course fee|cost)\s*:/i;

const HOW_TO_APPLY =
  /\bhow to (?:apply|book|enrol)\b|\bto apply\b|\bapply (?:now|online|today|by|via|through|using|here)\b|\bapplication (?:form|pack)s?\b|\bclosing date\b|\binterviews? (?:will be|are|to be) held\b|\binterview dates?\b|^interviews?\s*:|\bcvs?\b|\bshortlist|\binformal (?:chat|discussion|conversation|visit)\b|\bvisits to the (?:school|setting|nursery|centre) are\b|\bplease (?:contact|call|ring|email|quote|download|complete|return|send)\b|\bquote (?:the )?reference\b|\bearly applications\b|\benquire now\b|\bbook (?:a place|now|online|through)\b|\badd to favourites\b|^(?:reference|ref|job ref|vacancy ref|start date|posted)\s*:|\b\d+ applicants\b|\bwe may close (?:the|this) (?:advert|vacancy)\b/i;

/** Who a post reports to: says where it sits, not what it does ("Line manager: Assistant Headteacher"). */
const JOB_DETAILS =
  /^(?:line manager|responsible to|accountable to|reports? to|reporting to|managed by|directorate|department)\s*:/i;

/** Where a careers profile says the job can lead, which is not what the job is ("you could also specialise in…"). */
const CAREER_PATH =
  /\bwith experience,? you could\b|\byou could (?:also )?(?:become|move (?:into|on)|progress|specialise|train (?:as|to)|go on to)\b|^career (?:path|progression)\b/i;

/** Blanks of a printed form ("Signature: ________"). */
const FORM_FIELD = /_{4,}/;

/**
 * What kind of boilerplate `sentence` is, or null when it may be about the work. Checked in this order, so a sentence
 * that names both an address and a phone number is an address.
 */
export function boilerplateKind(sentence: string): BoilerplateKind | null {
  const s = sentence.trim();
  if (COOKIE.test(s)) return 'cookie';
  if (ADDRESS_LABEL.test(s) || POSTCODE.test(s)) return 'address';
  if (EMAIL.test(s) || URL.test(s) || PHONE.test(s) || CONTACT_LABEL.test(s)) return 'contact';
  if (SAFER_RECRUITMENT.test(s) || (SAFER_RECRUITMENT_WEAK.test(s) && RECRUITING.test(s))) return 'safer-recruitment';
  if (EQUAL_OPPORTUNITIES.test(s) || (EQUAL_OPPORTUNITIES_WEAK.test(s) && RECRUITING.test(s)))
    return 'equal-opportunities';
  if (PAY.test(s)) return 'pay';
  if (HOW_TO_APPLY.test(s)) return 'how-to-apply';
  if (NAVIGATION.test(s) || isMenu(s)) return 'navigation';
  if (JOB_DETAILS.test(s)) return 'job-details';
  if (CAREER_PATH.test(s)) return 'career-path';
  if (FORM_FIELD.test(s)) return 'form-field';
  return null;
}

/**
 * A breadcrumb (one `>` is enough) or a menu bar: two or more `|` separators between short items, none of them a
 * number, a dash or a letter (those make it a table row, as on a tracking form, which may well be about the work).
 */
function isMenu(s: string): boolean {
  const separators = s.match(SEPARATED) ?? [];
  if (separators.some((x) => /[>›»]/.test(x))) return true;
  if (separators.length < 2) return false;
  const items = s.split(/\s\|\s/).map((item) => item.trim());
  return items.every((item) => item.split(/\s+/).length <= 5 && !/^(?:[\d.,/–-]*|\p{L})$/u.test(item));
}
