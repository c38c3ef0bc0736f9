// Codes and titles that awarding bodies and course providers print for a unit, kept apart from the seed transcription
// (data/aliases/*.json), each with the public source it was checked against, and merged into the units at load.
import * as v from 'valibot';
import { PrintedAsSchema, type PrintedAs, type Suite } from './schema';

const bounded = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const PrintedAliasRecordSchema = v.pipe(
  v.strictObject({
    unitId: bounded(200),
    ...PrintedAsSchema.entries,
  }),
  v.check((r) => r.codes.length + r.titles.length > 0, 'a record gives at least one code or title'),
);

/** A file under data/aliases/: the printed codes and titles for one bundled suite's units. */
export const PrintedAliasFileSchema = v.strictObject({
  suiteId: bounded(200),
  /** What the file holds and how it was checked (shown nowhere; read by maintainers). */
  description: bounded(4_000),
  records: v.array(PrintedAliasRecordSchema),
});

export type { PrintedAs };
export type PrintedAliasFile = v.InferOutput<typeof PrintedAliasFileSchema>;

/**
 * The suites with each record attached to its unit as `printedAs`, and its codes added to the unit's `aliases` (so
 * everything that reads code spellings, from the matcher to search, knows them). Throws on a record for a suite or
 * unit that does not exist: a data file that points nowhere is a broken build.
 */
export function mergePrintedAliases(suites: readonly Suite[], files: readonly PrintedAliasFile[]): Suite[] {
  const out = suites.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u })) }));
  for (const file of files) {
    const suite = out.find((s) => s.id === file.suiteId);
    if (!suite) throw new Error(`data/aliases: no bundled suite “${file.suiteId}”`);
    for (const { unitId, ...printed } of file.records) {
      const unit = suite.units.find((u) => u.id === unitId);
      if (!unit) throw new Error(`data/aliases/${file.suiteId}: no unit “${unitId}” in that suite`);
      unit.printedAs = [...(unit.printedAs ?? []), printed];
      const aliases = [...unit.aliases];
      for (const code of printed.codes) if (code !== unit.code && !aliases.includes(code)) aliases.push(code);
      unit.aliases = aliases;
    }
  }
  return out;
}
