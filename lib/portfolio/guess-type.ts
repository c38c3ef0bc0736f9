// Guesses what kind of evidence a page is from its title and opening text (the user can change it). Pure.
import type { EvidenceType } from './model';

const JOB = [
  /\bvacanc(y|ies)\b/g,
  /\bsalary\b/g,
  /\bclosing date\b/g,
  /\bapply (now|online|by)\b/g,
  /\bjob (description|title|reference|ref)\b/g,
  /\bperson specification\b/g,
  /\b(looking|we are looking) for an? /g,
  /\bpro rata\b/g,
  /\bper (annum|hour)\b/g,
  /\bhours (per|a) week\b|\b\d+(\.\d+)? hours\b/g,
  /\b(permanent|fixed[- ]term|temporary) (contract|post|role)\b/g,
  /\bterm time\b/g,
  /\bgrade \d/g,
  /£\s?\d/g,
  /\bjoin (our|the) team\b/g,
];
const COURSE = [
  /\bcourses?\b/g,
  /\bdiploma\b/g,
  /\benrol(l|ment|ling)?\b/g,
  /\bmodules?\b/g,
  /\bentry requirements\b/g,
  /\b(course|tuition) fees?\b/g,
  /\blearners will\b/g,
  /\byou will (study|learn)\b/g,
  /\bguided learning hours\b/g,
  /\bawarding (body|organisation)\b/g,
  /\bstart dates?\b/g,
];
const count = (text: string, patterns: RegExp[]) => patterns.reduce((n, p) => n + (text.match(p)?.length ?? 0), 0);

/** `job-advert`, `course` or `reading`, by which kind of wording the page's first 3,000 characters have more of. */
export function guessEvidenceType(title: string, text: string): EvidenceType {
  const sample = `${title} ${text.slice(0, 3000)}`.toLowerCase();
  const job = count(sample, JOB);
  const course = count(sample, COURSE);
  if (job === 0 && course === 0) return 'reading';
  return job >= course ? 'job-advert' : 'course';
}
