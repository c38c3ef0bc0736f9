// Valibot schemas for evidence: what a message or a backup file may carry. Both come from outside the background
// (a content script next to an untrusted page, a file from disk), so every field is bounded.
import * as v from 'valibot';
import { CODE_LIMIT, ID_LIMIT, TITLE_LIMIT } from '../dataset/schema';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_PAGES_LIMIT,
  EVIDENCE_TYPES,
  FINGERPRINT_LENGTH,
  FILE_NAME_LIMIT,
  HOURS_LIMIT,
  NOTE_LIMIT,
  PAGE_TITLE_LIMIT,
  QUOTE_LIMIT,
  SNAPSHOT_LIMIT,
  URL_LIMIT,
} from './model';
import { CRITERION_KINDS } from './criteria';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const isoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));
const unitId = v.pipe(v.string(), v.minLength(1), v.maxLength(ID_LIMIT));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(URL_LIMIT),
  v.check((u) => {
    try {
      return ['http:', 'https:', 'file:'].includes(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'must be a web address (http, https or file)'),
);

export const EvidenceQuoteSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(QUOTE_LIMIT)),
  prefix: text(200),
  suffix: text(200),
  start: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  end: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const EvidenceUnitRefSchema = v.strictObject({
  unitId,
  code: v.nullable(text(CODE_LIMIT)),
  title: text(TITLE_LIMIT),
  suiteTitle: text(TITLE_LIMIT),
});

/** A criterion as evidence remembers it. */
export const EvidenceCriterionRefSchema = v.strictObject({
  unitId,
  id: unitId,
  kind: v.picklist(CRITERION_KINDS),
  ref: v.nullable(text(CODE_LIMIT)),
  text: text(TITLE_LIMIT),
});

export const EvidenceAttachmentSchema = v.strictObject({
  fileId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(FILE_NAME_LIMIT)),
  type: v.picklist(Object.keys(ATTACHMENT_TYPES)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ATTACHMENT_MAX_BYTES)),
});

const pageNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(DOCUMENT_PAGES_LIMIT));
/** A fingerprint as kept: lower-case hex (pdf.js and SHA-256 both give it so; an upper-case copy is folded). */
export const FingerprintSchema = v.pipe(
  v.string(),
  v.maxLength(Math.max(...Object.values(FINGERPRINT_LENGTH))),
  v.toLowerCase(),
  v.regex(/^[0-9a-f]+$/, 'must be hexadecimal digits'),
);

/** The document a quote comes from; a title up to `titleLimit` characters. Each kind's fingerprint has its length. */
const documentSchema = (titleLimit: number) =>
  v.pipe(
    v.strictObject({
      kind: v.picklist(DOCUMENT_KINDS),
      fingerprint: FingerprintSchema,
      page: v.optional(pageNumber),
      pageCount: v.optional(pageNumber),
      title: v.optional(text(titleLimit)),
    }),
    v.forward(
      v.check(
        (d) => d.fingerprint.length === FINGERPRINT_LENGTH[d.kind],
        (issue) =>
          `must be ${FINGERPRINT_LENGTH[(issue.input as { kind: 'pdf' | 'docx' }).kind]} hexadecimal digits for this kind of document`,
      ),
      ['fingerprint'],
    ),
    v.forward(
      v.check((d) => d.kind === 'pdf' || d.page === undefined, 'a Word document has no pages: leave page out'),
      ['page'],
    ),
    v.forward(
      v.check(
        (d) => d.kind === 'pdf' || d.pageCount === undefined,
        'a Word document has no pages: leave pageCount out',
      ),
      ['pageCount'],
    ),
    v.forward(
      v.check(
        (d) => d.page === undefined || d.pageCount === undefined || d.page <= d.pageCount,
        'is beyond the document’s last page (pageCount)',
      ),
      ['page'],
    ),
  );
/** A stored document reference: its title within PAGE_TITLE_LIMIT. */
export const EvidenceDocumentSchema = documentSchema(PAGE_TITLE_LIMIT);

const hours = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(HOURS_LIMIT)));
/** Most criteria one piece of evidence may show (every criterion of many units). */
const CRITERIA_LIMIT = 5_000;

const tags = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(50));

/** What a page or the popup sends to file (or edit, with `id`) a piece of evidence. */
export const EvidenceInputSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  /** null: evidence that is not a web page (then `pageTitle` is its title). */
  url: v.nullable(httpUrl),
  /** The page's title as the page has it: any length a page can give, cut to PAGE_TITLE_LIMIT when stored. */
  pageTitle: text(SNAPSHOT_LIMIT),
  quote: v.nullable(EvidenceQuoteSchema),
  note: text(NOTE_LIMIT),
  tags,
  type: v.picklist(EVIDENCE_TYPES),
  activityDate: isoDate,
  unitIds: v.pipe(v.array(unitId), v.minLength(1, 'choose at least one unit'), v.maxLength(500)),
  /** Criteria the evidence shows, by unit and the dataset's criterion id (each must be on its unit). */
  criteria: v.optional(v.pipe(v.array(v.strictObject({ unitId, id: unitId })), v.maxLength(CRITERIA_LIMIT)), []),
  /** Hours the activity took; absent or null: none given. */
  hours: v.optional(hours, null),
  /**
   * The PDF or Word document the quote comes from (the viewer), its title any length a file can give (cut when
   * stored). Absent: a new record has none, an edit keeps what the record has; null removes it.
   */
  document: v.optional(v.nullable(documentSchema(SNAPSHOT_LIMIT))),
  /** For an edit: the `updatedAt` of the record the edit started from. A stored record changed since is not overwritten. */
  baseUpdatedAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
});
export type EvidenceInput = v.InferOutput<typeof EvidenceInputSchema>;

/** A stored piece of evidence, as kept in the database and in backups. */
export const EvidenceSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  url: v.nullable(httpUrl),
  pageTitle: text(PAGE_TITLE_LIMIT),
  quote: v.nullable(EvidenceQuoteSchema),
  note: text(NOTE_LIMIT),
  tags,
  type: v.picklist(EVIDENCE_TYPES),
  activityDate: isoDate,
  units: v.pipe(v.array(EvidenceUnitRefSchema), v.minLength(1), v.maxLength(500)),
  unitIds: v.pipe(v.array(unitId), v.minLength(1), v.maxLength(500)),
  // Absent from records and backups written before criteria, hours and attachments existed: read as none.
  criteria: v.optional(v.pipe(v.array(EvidenceCriterionRefSchema), v.maxLength(CRITERIA_LIMIT)), []),
  hours: v.optional(hours, null),
  attachment: v.optional(v.nullable(EvidenceAttachmentSchema), null),
  // Absent from records and backups written before documents (version 6): read as none.
  document: v.optional(v.nullable(EvidenceDocumentSchema), null),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

/** What the popup sends to save a course page for comparison. */
const courseFields = {
  url: httpUrl,
  title: text(PAGE_TITLE_LIMIT),
  explicit: v.pipe(v.array(v.strictObject({ unitId, count })), v.maxLength(1_000)),
  matches: v.pipe(
    v.array(v.strictObject({ unitId, score: v.pipe(v.number(), v.finite(), v.minValue(0)) })),
    v.maxLength(200),
  ),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
};

/** What the popup sends to save a course page for comparison (its title any length, cut when stored). */
export const CourseInputSchema = v.strictObject({ ...courseFields, title: text(SNAPSHOT_LIMIT) });
export type CourseInput = v.InferOutput<typeof CourseInputSchema>;

/** A stored course, as kept in the database and in backups. */
export const CourseSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  ...courseFields,
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
