// Valibot schemas for evidence: what a message or a backup file may carry. Both come from outside the background
// (a content script next to an untrusted page, a file from disk), so every field is bounded.
import * as v from 'valibot';
import { EVIDENCE_TYPES, NOTE_LIMIT, QUOTE_LIMIT, SNAPSHOT_LIMIT } from './model';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const isoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));
const unitId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(8_000),
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
  code: v.nullable(text(100)),
  title: text(1_000),
  suiteTitle: text(1_000),
});

const tags = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(50));

/** What a page or the popup sends to file (or edit, with `id`) a piece of evidence. */
export const EvidenceInputSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  url: httpUrl,
  pageTitle: text(2_000),
  quote: v.nullable(EvidenceQuoteSchema),
  note: text(NOTE_LIMIT),
  tags,
  type: v.picklist(EVIDENCE_TYPES),
  activityDate: isoDate,
  unitIds: v.pipe(v.array(unitId), v.minLength(1, 'choose at least one unit'), v.maxLength(500)),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
});
export type EvidenceInput = v.InferOutput<typeof EvidenceInputSchema>;

/** A stored piece of evidence, as kept in the database and in backups. */
export const EvidenceSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  url: httpUrl,
  pageTitle: text(2_000),
  quote: v.nullable(EvidenceQuoteSchema),
  note: text(NOTE_LIMIT),
  tags,
  type: v.picklist(EVIDENCE_TYPES),
  activityDate: isoDate,
  units: v.pipe(v.array(EvidenceUnitRefSchema), v.minLength(1), v.maxLength(500)),
  unitIds: v.pipe(v.array(unitId), v.minLength(1), v.maxLength(500)),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

/** What the popup sends to save a course page for comparison. */
export const CourseInputSchema = v.strictObject({
  url: httpUrl,
  title: text(2_000),
  explicit: v.pipe(v.array(v.strictObject({ unitId, count })), v.maxLength(1_000)),
  matches: v.pipe(
    v.array(v.strictObject({ unitId, score: v.pipe(v.number(), v.finite(), v.minValue(0)) })),
    v.maxLength(200),
  ),
  snapshot: v.nullable(text(SNAPSHOT_LIMIT)),
});
export type CourseInput = v.InferOutput<typeof CourseInputSchema>;

/** A stored course, as kept in the database and in backups. */
export const CourseSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  ...CourseInputSchema.entries,
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
