// The checked shape of a captured NOS record (one just read, or one stored with a captured unit and read back) and
// its limits. A module of its own, depending on nothing of the dataset's but its limits, so that the dataset schema
// can hold a captured record (CapturedSchema) without an import cycle.
import * as v from 'valibot';
import { CODE_LIMIT, TITLE_LIMIT } from '../dataset/limits';
import { URN_RE } from './details';
import type { NosRecord } from './nos-record';

/** Longest criterion or knowledge statement kept (longer ones are cut, with a warning). */
export const STATEMENT_LIMIT = 5_000;
export const OVERVIEW_LIMIT = 20_000;
/** Longest detail value (and element heading) kept. */
export const DETAIL_LIMIT = TITLE_LIMIT;
export const MAX_STATEMENTS = 500;
export const MAX_ELEMENTS = 100;
export const MAX_LIST_ITEMS = 100;
export const MAX_WARNINGS = 50;

const bounded = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const number = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999));
const list = v.pipe(v.array(bounded(DETAIL_LIMIT)), v.minLength(1), v.maxLength(MAX_LIST_ITEMS));

export const NosDetailsSchema = v.strictObject({
  urn: v.optional(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  developedBy: v.optional(bounded(DETAIL_LIMIT)),
  versionNumber: v.optional(bounded(DETAIL_LIMIT)),
  dateApproved: v.optional(bounded(DETAIL_LIMIT)),
  indicativeReviewDate: v.optional(bounded(DETAIL_LIMIT)),
  validity: v.optional(bounded(DETAIL_LIMIT)),
  status: v.optional(bounded(DETAIL_LIMIT)),
  originatingOrganisation: v.optional(bounded(DETAIL_LIMIT)),
  originalUrn: v.optional(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  relevantOccupations: v.optional(list),
  suite: v.optional(bounded(DETAIL_LIMIT)),
  keywords: v.optional(list),
});

/** Checks a record (one just read, or one stored and read back). */
export const NosRecordSchema = v.strictObject({
  title: bounded(TITLE_LIMIT),
  urn: v.nullable(v.pipe(bounded(CODE_LIMIT), v.regex(URN_RE, 'a URN is capital letters and digits'))),
  overview: v.nullable(bounded(OVERVIEW_LIMIT)),
  elements: v.pipe(
    v.array(v.strictObject({ code: v.nullable(bounded(20)), title: bounded(DETAIL_LIMIT) })),
    v.maxLength(MAX_ELEMENTS),
  ),
  criteria: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^P\d{1,3}$/)),
        number,
        text: bounded(STATEMENT_LIMIT),
        element: v.optional(bounded(DETAIL_LIMIT)),
      }),
    ),
    v.maxLength(MAX_STATEMENTS),
  ),
  knowledge: v.pipe(
    v.array(v.strictObject({ id: v.pipe(v.string(), v.regex(/^K\d{1,3}$/)), number, text: bounded(STATEMENT_LIMIT) })),
    v.maxLength(MAX_STATEMENTS),
  ),
  details: NosDetailsSchema,
  warnings: v.pipe(v.array(bounded(1_000)), v.maxLength(MAX_WARNINGS)),
}) satisfies v.GenericSchema<NosRecord>;
