// The details table of a published NOS (URN, developed by, version number, date approved…) read from a page's lines,
// whether it is printed as a table (label and value on lines of their own), as "Label: value" lines or, in text taken
// from a PDF, as "Label value" lines. Pure.
import { headingOf } from './lines';

export type DetailKey =
  | 'urn'
  | 'developedBy'
  | 'versionNumber'
  | 'dateApproved'
  | 'indicativeReviewDate'
  | 'validity'
  | 'status'
  | 'originatingOrganisation'
  | 'originalUrn'
  | 'relevantOccupations'
  | 'suite'
  | 'keywords';

/** The details as printed, each present only if the page has it; the two lists split on `;` (or `,` if none). */
export interface NosDetails {
  urn?: string;
  developedBy?: string;
  versionNumber?: string;
  dateApproved?: string;
  indicativeReviewDate?: string;
  validity?: string;
  status?: string;
  originatingOrganisation?: string;
  originalUrn?: string;
  relevantOccupations?: string[];
  suite?: string;
  keywords?: string[];
}

/** The labels the layout prints, in its order (for display). */
export const DETAIL_LABELS: Record<DetailKey, string> = {
  urn: 'URN',
  developedBy: 'Developed by',
  versionNumber: 'Version number',
  dateApproved: 'Date approved',
  indicativeReviewDate: 'Indicative review date',
  validity: 'Validity',
  status: 'Status',
  originatingOrganisation: 'Originating organisation',
  originalUrn: 'Original URN',
  relevantOccupations: 'Relevant occupations',
  suite: 'Suite',
  keywords: 'Keywords',
};

// Longer labels first, so "Original URN" is not read as "URN" and "Version number" not as "Version".
const PATTERNS: [DetailKey, string][] = [
  ['originalUrn', 'original urn'],
  ['urn', 'urn|unique reference number'],
  ['developedBy', 'developed by'],
  ['versionNumber', 'version(?: number| no\\.?)?'],
  ['dateApproved', 'date approved|approval date'],
  ['indicativeReviewDate', 'indicative review date|review date'],
  ['validity', 'validity'],
  ['status', 'status'],
  ['originatingOrganisation', 'originating organi[sz]ation'],
  ['relevantOccupations', 'relevant occupations?'],
  ['suite', 'suite name|suites?'],
  ['keywords', 'key ?words'],
];
const LABEL_RES = PATTERNS.map(
  ([key, p]) => [key, new RegExp(`^(?:${p})(?![\\p{L}\\p{N}])\\s*(:)?\\s*(.*)$`, 'iu')] as const,
);

/** A URN as the standards print them: letters then letters and digits, with a digit (`SCDHSC0021`, `XYZ123`). */
export const URN_RE = /^[A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*$/;
const URN_IN_TEXT = /(?<![\p{L}\p{N}])[A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*(?![\p{L}\p{N}])/u;

/** The first URN-like code in `text`, or null. */
export function urnIn(text: string): string | null {
  const m = URN_IN_TEXT.exec(text);
  return m && m[0].length <= 20 ? m[0] : null;
}

interface LabelLine {
  key: DetailKey;
  /** `alone`: the label only (its value is on the next line); `colon`: "Label: value"; `bare`: "Label value". */
  form: 'alone' | 'colon' | 'bare';
  value: string;
}

function labelOf(line: string): LabelLine | null {
  if (line.length > 2_000) return null;
  for (const [key, re] of LABEL_RES) {
    const m = re.exec(line);
    if (!m) continue;
    const value = m[2].trim();
    return { key, form: value ? (m[1] ? 'colon' : 'bare') : 'alone', value };
  }
  return null;
}

/** Labels only a NOS details table prints (unlike "Version", "Status" or "Developed by", which many documents have). */
const NOS_ONLY: DetailKey[] = [
  'urn',
  'originalUrn',
  'indicativeReviewDate',
  'originatingOrganisation',
  'relevantOccupations',
];

export interface DetailsRead {
  details: NosDetails;
  /** How many different details have a value. */
  count: number;
  /** Whether they read as a NOS details table: three or more, one of them a label only such a table prints. */
  isTable: boolean;
  /** Indices of the lines that are part of the details (labels and their values). */
  used: Set<number>;
}

/**
 * Reads the details from `lines[0..end)`. "Label: value" lines and a label on a line of its own (its value the next
 * line) count anywhere; "Label value" lines only in a run of at least three different labels (so prose that starts
 * "Status of…" is not a detail). The first value of each label wins.
 */
export function readDetails(lines: readonly string[], end = lines.length): DetailsRead {
  const labels = new Map<number, LabelLine>();
  for (let i = 0; i < end; i++) {
    const l = labelOf(lines[i]);
    if (l) labels.set(i, l);
  }
  const bareOk = runsOfThree(labels);
  const isValueLine = (i: number) => i < end && !labels.has(i) && !headingOf(lines[i]);
  const details: NosDetails = {};
  const used = new Set<number>();
  for (const [i, l] of labels) {
    if (l.form === 'bare' && !bareOk.has(i)) continue;
    if (used.has(i)) continue;
    let value = l.value;
    used.add(i);
    let at = i;
    if (l.form === 'alone') {
      if (!isValueLine(at + 1)) continue;
      value = lines[++at];
      used.add(at);
    }
    // A list broken over lines ends its line with a comma or semicolon.
    while (/[,;]$/.test(value) && isValueLine(at + 1)) {
      value = `${value} ${lines[++at]}`;
      used.add(at);
    }
    setDetail(details, l.key, value);
  }
  const count = Object.keys(details).length;
  return { details, count, isTable: count >= 3 && NOS_ONLY.some((k) => details[k] !== undefined), used };
}

/** Label lines in a run (at most one other line between two) holding three or more different labels. */
function runsOfThree(labels: ReadonlyMap<number, LabelLine>): Set<number> {
  const ok = new Set<number>();
  const indices = [...labels.keys()].sort((a, b) => a - b);
  let run: number[] = [];
  const close = () => {
    if (new Set(run.map((i) => labels.get(i)!.key)).size >= 3) for (const i of run) ok.add(i);
    run = [];
  };
  for (const i of indices) {
    if (run.length && i - run[run.length - 1] > 2) close();
    run.push(i);
  }
  close();
  return ok;
}

function setDetail(details: NosDetails, key: DetailKey, raw: string): void {
  if (details[key] !== undefined) return;
  const value = raw.trim();
  if (!value) return;
  if (key === 'urn' || key === 'originalUrn') {
    const urn = urnIn(value);
    if (urn) details[key] = urn;
  } else if (key === 'keywords' || key === 'relevantOccupations') {
    const list = [
      ...new Set(
        value
          .split(value.includes(';') ? ';' : ',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    if (list.length) details[key] = list;
  } else details[key] = value;
}
