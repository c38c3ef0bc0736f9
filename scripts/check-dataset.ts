// Validates data files against the schema and the seeds: `tsx scripts/check-dataset.ts [data/suites/x.json ...]`;
// a file under data/aliases/ is checked against its own schema, its suite and the provenance rule (a source per fact).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { DatasetSchema, FrameworkSchema, SuiteSchema } from '../lib/dataset/schema';
import { unsourcedFacts, untracedTexts } from '../lib/dataset/provenance';
import { mergePrintedAliases, PrintedAliasFileSchema } from '../lib/dataset/printed';
import { rawBundledDataset } from '../lib/dataset/bundled';

const seedDir = process.env.NOS_SEEDS ?? join(import.meta.dirname, '..', 'data', 'sources');
const seeds: Record<string, string> = {};
for (const f of readdirSync(seedDir)) if (f.endsWith('.txt')) seeds[f] = readFileSync(join(seedDir, f), 'utf8');

const files = process.argv.slice(2);
let failed = false;
for (const file of files) {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (file.includes('aliases')) {
    const problems = checkPrintedAliases(json);
    for (const p of problems) console.log(`${file}: ${p}`);
    if (problems.length) failed = true;
    else console.log(`${file}: ok`);
    continue;
  }
  const isFramework = file.includes('framework');
  const result = v.safeParse(isFramework ? FrameworkSchema : SuiteSchema, json);
  if (!result.success) {
    failed = true;
    for (const issue of result.issues) console.log(`${file}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    continue;
  }
  const dataset = v.parse(
    DatasetSchema,
    isFramework ? { suites: [], frameworks: [json] } : { suites: [json], frameworks: [] },
  );
  const untraced = untracedTexts(dataset, seeds);
  for (const u of untraced) {
    failed = true;
    console.log(
      `${file}: ${u.where}: not found in ${u.source.document} and no note quotes it: ${JSON.stringify(u.text)}`,
    );
  }
  if (!untraced.length) console.log(`${file}: ok`);
}
process.exit(failed ? 1 : 0);

/** An aliases file: valid, about units the bundled suites have, every code and title with its source. */
function checkPrintedAliases(json: unknown): string[] {
  const result = v.safeParse(PrintedAliasFileSchema, json);
  if (!result.success) return result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  const seedOnly = v.parse(DatasetSchema, rawBundledDataset);
  try {
    return unsourcedFacts({ ...seedOnly, suites: mergePrintedAliases(seedOnly.suites, [result.output]) }, seedOnly);
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}
