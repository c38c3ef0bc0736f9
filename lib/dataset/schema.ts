// The standards dataset's shape: one valibot schema that the data files, the importer and the tests all share.
import * as v from 'valibot';

import { NosRecordSchema } from '../capture/record-schema';
import { CODE_LIMIT, ID_LIMIT, TITLE_LIMIT } from './limits';

export { CODE_LIMIT, ID_LIMIT, TITLE_LIMIT };

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const bounded = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** Stable ids: lower-case letters, digits and dashes. Written into data files by hand, never derived from positions. */
const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes'),
  v.maxLength(ID_LIMIT),
);

export const SourceSchema = v.strictObject({
  /** File name of the seed document, e.g. `002_8ca6a769cd3dda90.txt` (for a user's suite: the file it came from). */
  document: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  /** Section as printed, e.g. `Standard A: The standard` or `Appendix Six: SUITE: Work with Parents`. */
  section: text,
});

export const KnowledgeSchema = v.strictObject({
  id,
  /** As printed, e.g. `KU1.1`. */
  code: v.nullable(text),
  text,
});

export const CriterionSchema = v.strictObject({
  id,
  /** As printed, e.g. `1`. */
  number: v.nullable(text),
  text,
  /** Knowledge statements that belong to this criterion (KU n.x belongs to criterion n). */
  knowledge: v.array(KnowledgeSchema),
});

export const ElementSchema = v.strictObject({
  id,
  code: v.nullable(text),
  title: text,
});

/** Where an alias was seen: a public page, named so that a reader can find it again. */
export const PrintedSourceSchema = v.strictObject({
  /** The page's address (http or https). */
  url: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(2_000),
    v.url('a source needs a full web address'),
    v.regex(/^https?:\/\//i, 'a source address starts with http:// or https://'),
  ),
  /** The page's or document's own title, as it names itself. */
  title: bounded(500),
  /** Who published the page, and what kind of page it is (`CACHE (copy on Scribd)`, `a learner's essay`). */
  publisher: bounded(300),
  /** The day the alias was checked against the page, `YYYY-MM-DD`. */
  checked: v.pipe(v.string(), v.isoDate('checked is a date written YYYY-MM-DD')),
});

/** One source's evidence for a unit: the codes and full titles it prints for the unit the seed lists. */
export const PrintedAsSchema = v.strictObject({
  /** Codes exactly as the source prints them (`SHC 31`, `CYP Core 3.1`, `CYPOP5`). */
  codes: v.array(bounded(CODE_LIMIT)),
  /** Full unit titles exactly as the source prints them. */
  titles: v.array(bounded(TITLE_LIMIT)),
  /** The awarding body whose document the source is (or copies), when it is one; otherwise null. */
  awardingBody: v.nullable(bounded(200)),
  source: PrintedSourceSchema,
  /** Why this source's unit is the seed's unit, where that needs saying (a title that changed, an order that matches). */
  note: v.nullable(bounded(2_000)),
});

export const UnitSchema = v.strictObject({
  id,
  suiteId: id,
  /** The code exactly as printed (`WP 301`, `312`, `GCU1`), or null when the source prints none. */
  code: v.nullable(bounded(CODE_LIMIT)),
  /**
   * Other spellings a page or a search may use for the code (`WP301`, `LDSS 312`, `GCU 1`), and, for bundled units,
   * the codes awarding bodies print for the unit (`SHC 31`), merged in from `printedAs` at load.
   */
  aliases: v.array(text),
  /** The number the source lists the unit under (Appendix Six numbers 1-124), when printed. */
  listNumber: v.optional(v.nullable(text)),
  title: bounded(TITLE_LIMIT),
  /** A grouping printed by the source, e.g. `Core mandatory units`. */
  group: v.optional(v.nullable(text)),
  overview: v.optional(v.nullable(text)),
  whoFor: v.optional(v.nullable(text)),
  values: v.optional(v.array(text)),
  elements: v.array(ElementSchema),
  criteria: v.array(CriterionSchema),
  /** Knowledge statements not attached to a criterion. */
  knowledge: v.array(KnowledgeSchema),
  source: SourceSchema,
  /** Every correction made to the source text, and why. */
  notes: v.array(text),
  /**
   * Codes and full titles that others print for this unit (awarding bodies, course providers), each with the public
   * source it was checked against. Not from the seed: the seed's words stay in `code` and `title`.
   */
  printedAs: v.optional(v.array(PrintedAsSchema)),
  /** A standard the user captured from its official page (a unit of their own suites only): see CapturedSchema. */
  captured: v.optional(v.lazy(() => CapturedSchema)),
});

/**
 * What a captured unit keeps besides the unit's own fields: the record as read (version, date approved and the other
 * details, which a unit cannot hold; and what the next capture of the same URN is compared with), where and when it
 * was captured, and the bundled unit the user said is the same standard (`sameAs`), if any.
 */
export const CapturedSchema = v.strictObject({
  record: NosRecordSchema,
  url: v.pipe(v.string(), v.maxLength(2_000)),
  /** When it was captured (ms). */
  capturedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sameAs: v.optional(id),
});

export const SuiteSchema = v.strictObject({
  id,
  title: bounded(TITLE_LIMIT),
  /** Other names pages use for the suite (`LDSS`); they give bare unit numbers their context. */
  aliases: v.array(text),
  /** Code prefixes of the suite's units (`WP`, `LDSS`, `GCU`). */
  codePrefixes: v.array(text),
  origin: v.picklist(['bundled', 'user']),
  /** Originating body as printed (`Skills for Care & Development`), or null. */
  body: v.nullable(text),
  year: v.nullable(text),
  description: v.nullable(text),
  source: SourceSchema,
  notes: v.array(text),
  units: v.array(UnitSchema),
  /** A user's suite: when it was last imported or renamed (ms), so that an older backup does not revert it. */
  updatedAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export interface FrameworkItem {
  id: string;
  code: string | null;
  title: string;
  text: string | null;
  items: FrameworkItem[];
}

export const FrameworkItemSchema: v.GenericSchema<FrameworkItem> = v.strictObject({
  id,
  code: v.nullable(text),
  title: text,
  text: v.nullable(text),
  items: v.array(v.lazy(() => FrameworkItemSchema)),
});

export const FrameworkSchema = v.strictObject({
  id,
  title: text,
  description: v.nullable(text),
  source: SourceSchema,
  notes: v.array(text),
  items: v.array(FrameworkItemSchema),
});

export const DatasetSchema = v.strictObject({
  suites: v.array(SuiteSchema),
  frameworks: v.array(FrameworkSchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Knowledge = v.InferOutput<typeof KnowledgeSchema>;
export type Criterion = v.InferOutput<typeof CriterionSchema>;
export type UnitElement = v.InferOutput<typeof ElementSchema>;
export type PrintedAs = v.InferOutput<typeof PrintedAsSchema>;
export type Unit = v.InferOutput<typeof UnitSchema>;
export type Suite = v.InferOutput<typeof SuiteSchema>;
export type Framework = v.InferOutput<typeof FrameworkSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
