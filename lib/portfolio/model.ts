// The evidence model: a page (or a quote from it), or something that is not a web page (an observation, a witness
// statement, a certificate…), that a user files against one or more units and, optionally, their criteria.
import type { CriterionKind } from './criteria';

export const EVIDENCE_TYPES = [
  'course',
  'job-advert',
  'reading',
  'practice',
  'observation',
  'witness-testimony',
  'reflective-account',
  'professional-discussion',
  'product-of-work',
  'certificate',
  'cpd-activity',
  'other',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Each type's name as the pages and the evidence pack show it. */
export const EVIDENCE_TYPE_LABEL: Record<EvidenceType, string> = {
  course: 'Course',
  'job-advert': 'Job advert',
  reading: 'Reading',
  practice: 'Practice',
  observation: 'Observation',
  'witness-testimony': 'Witness testimony',
  'reflective-account': 'Reflective account',
  'professional-discussion': 'Professional discussion',
  'product-of-work': 'Product of work',
  certificate: 'Certificate',
  'cpd-activity': 'CPD activity',
  other: 'Other',
};

/** The types offered for evidence that is not a web page (added from the portfolio page), in the order shown. */
export const RECORD_TYPES = [
  'observation',
  'witness-testimony',
  'reflective-account',
  'professional-discussion',
  'product-of-work',
  'certificate',
  'cpd-activity',
  'other',
] as const satisfies readonly EvidenceType[];

/** What the evidence remembers of a unit, so it stays readable even if the unit leaves the dataset. */
export interface EvidenceUnitRef {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

/**
 * A criterion, knowledge statement or element the evidence shows, remembered like its unit (kind, number or code as
 * printed, text), so exports and the portfolio stay readable if the unit changes.
 */
export interface EvidenceCriterionRef {
  unitId: string;
  /** The dataset's id of the criterion (`lss-a-pc-1`). */
  id: string;
  kind: CriterionKind;
  ref: string | null;
  text: string;
}

/** A file attached to evidence; its bytes are a Blob in the `files` table under `fileId`. */
export interface EvidenceAttachment {
  fileId: string;
  name: string;
  /** The file's MIME type (one of ATTACHMENT_TYPES). */
  type: string;
  /** Bytes. */
  size: number;
}

/** A quote from the page, located as a W3C TextQuoteSelector (exact + context) and by position in the snapshot. */
export interface EvidenceQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets of `exact` in the evidence's snapshot (end exclusive), or null where the snapshot does not hold it. */
  start: number | null;
  end: number | null;
}

/** The kinds of document the viewer opens; evidence on one of them says which, and how to find it again. */
export const DOCUMENT_KINDS = ['pdf', 'docx'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Each kind as the pages and the evidence pack name it: "page 3 of Job description (PDF)". */
export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = { pdf: 'PDF', docx: 'Word document' };

/**
 * The length of a document's fingerprint, in lower-case hex digits: pdf.js's `fingerprints[0]` (16 bytes: the PDF's
 * own ID, or an MD5 of its first kilobyte when it has none) for a PDF, the SHA-256 of the file's bytes for a .docx.
 */
export const FINGERPRINT_LENGTH: Readonly<Record<DocumentKind, number>> = { pdf: 32, docx: 64 };
/** Most pages a document may say it has (the viewer refuses far smaller documents; this only bounds what is kept). */
export const DOCUMENT_PAGES_LIMIT = 100_000;

/**
 * The document a quote was taken from, beside the address it was opened from: the same file opened from another
 * address (or from disk) is recognised by its fingerprint. `page` (1-based) and `pageCount` for PDFs only, since a
 * Word document has no fixed pages; `title` is the document's own title, if it has one.
 */
export interface EvidenceDocument {
  kind: DocumentKind;
  fingerprint: string;
  page?: number;
  pageCount?: number;
  title?: string;
}

/** A document's label as the portfolio and the pack show it: `page 3 of Job description (PDF)`. */
export function documentLabel(d: EvidenceDocument, fallbackTitle = ''): string {
  const title = d.title?.trim() || fallbackTitle.trim() || 'an untitled document';
  const of = `${title} (${DOCUMENT_KIND_LABEL[d.kind]})`;
  return d.page === undefined ? of : `page ${d.page} of ${of}`;
}

/**
 * The NOS Lens viewer opening the document at `url` at a page (a path relative to the extension's pages, as the
 * portfolio links unit pages): the way back to a quote from a PDF or Word file.
 */
export function viewerLink(url: string, page?: number): string {
  return `viewer.html?src=${encodeURIComponent(url)}${page === undefined ? '' : `#page=${page}`}`;
}

/** Most characters of page text kept with one piece of evidence. */
export const SNAPSHOT_LIMIT = 200_000;
export const QUOTE_LIMIT = 5_000;
export const NOTE_LIMIT = 20_000;
/** Longest page title stored (longer ones are cut with an ellipsis when saved), and longest address. */
export const PAGE_TITLE_LIMIT = 2_000;
export const URL_LIMIT = 8_000;
/** Longest learner's name kept (printed on the evidence pack). */
export const LEARNER_NAME_LIMIT = 200;
// eslint-disable-next-line no-control-regex -- control characters have no place in a name
const NAME_SPACES = /[\s\u0000-\u001F\u007F]+/g;

/** A learner's name as kept: spaces and control characters folded to one space, trimmed, at most the limit. */
export function cleanLearnerName(name: string): string {
  return name.replace(NAME_SPACES, ' ').trim().slice(0, LEARNER_NAME_LIMIT).trim();
}

/** Cuts text to `limit` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export interface Evidence {
  id: string;
  /**
   * The page's address; null for evidence that is not a web page (then `pageTitle` is its title) or for a document
   * opened from disk (then `document` says which).
   */
  url: string | null;
  pageTitle: string;
  quote: EvidenceQuote | null;
  note: string;
  tags: string[];
  type: EvidenceType;
  /** ISO date (YYYY-MM-DD) of the activity the evidence records. */
  activityDate: string;
  units: EvidenceUnitRef[];
  /** Indexed copy of units[].unitId. */
  unitIds: string[];
  /** Criteria the evidence shows, each under one of `units` (none: it counts for the units as a whole). */
  criteria: EvidenceCriterionRef[];
  /** Hours the activity took (CPD, observed practice), or null. */
  hours: number | null;
  attachment: EvidenceAttachment | null;
  /** The document (PDF or Word) the evidence was filed from in the viewer, or null for a web page or a record. */
  document: EvidenceDocument | null;
  /** The page's visible text when it was filed (capped), so the evidence outlives the page. */
  snapshot: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A course page saved for comparison: the units it names and the units it reads like, kept with its text. */
export interface Course {
  id: string;
  url: string;
  title: string;
  /** Units the page names (codes or titles), with how many times. */
  explicit: { unitId: string; count: number }[];
  /** Units the page's text matches (ranking above the threshold), best first. */
  matches: { unitId: string; score: number }[];
  snapshot: string | null;
  savedAt: number;
}

/**
 * Files that can be attached: PDF, images, Word (.docx) and plain text, the forms certificates, witness statements
 * and reflective accounts come in. Nothing that runs (HTML, SVG, scripts) is accepted, since a backup or pack may be
 * opened elsewhere.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (.docx)',
  'text/plain': 'text file',
};
/** The types by file extension, for files the browser gives no type (often .docx on some systems). */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};
/**
 * 5 MB per file: a scanned certificate or a photographed witness statement fits, a video does not. 50 MB in all: the
 * files go into the backup as base64 (a third larger), which must stay well under the 200 MB a backup may be, and
 * browsers may evict a large origin's data under storage pressure.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_TOTAL_BYTES = 50 * 1024 * 1024;
export const FILE_NAME_LIMIT = 255;
/** Most hours one piece of evidence records (a year's CPD in one certificate). */
export const HOURS_LIMIT = 10_000;

/** A stored attachment's bytes. */
export interface StoredFile {
  id: string;
  evidenceId: string;
  blob: Blob;
}

/** The MIME type an attachment is stored under, from its type or else its extension; null when not allowed. */
export function attachmentType(name: string, type: string): string | null {
  if (type && ATTACHMENT_TYPES[type]) return type;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return ATTACHMENT_EXTENSIONS[ext] ?? null;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why a file cannot be attached (wrong type, too large, or over the total with the files stored already), or null.
 * `stored` is the bytes of every attachment already kept, not counting the one this file replaces.
 */
export function attachmentProblem(file: { name: string; type: string; size: number }, stored: number): string | null {
  if (!attachmentType(file.name, file.type))
    return `“${file.name}” cannot be attached: NOS Lens keeps PDF, image (PNG, JPEG, GIF, WebP), Word (.docx) and text files.`;
  if (file.size > ATTACHMENT_MAX_BYTES)
    return `“${file.name}” is ${mb(file.size)}; a file can be at most ${mb(ATTACHMENT_MAX_BYTES)}. Scan it at a lower resolution or attach a smaller copy.`;
  if (stored + file.size > ATTACHMENTS_TOTAL_BYTES)
    return `“${file.name}” (${mb(file.size)}) would take your attachments over ${mb(ATTACHMENTS_TOTAL_BYTES)} in all (${mb(stored)} used). Remove an attachment you no longer need first.`;
  return null;
}
