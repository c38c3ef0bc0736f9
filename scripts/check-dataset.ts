// Validates data files against the schema and the seeds: `tsx scripts/check-dataset.ts [data/suites/x.json ...]`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { DatasetSchema, FrameworkSchema, SuiteSchema } from '../lib/dataset/schema';
import { untracedTexts } from '../lib/dataset/provenance';

const seedDir = process.env.NOS_SEEDS ?? join(import.meta.dirname, '..', 'data', 'sources');
const seeds: Record<string, string> = {};
for (const f of readdirSync(seedDir)) if (f.endsWith('.txt')) seeds[f] = readFileSync(join(seedDir, f), 'utf8');

const files = process.argv.slice(2);
let failed = false;
for (const file of files) {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
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
