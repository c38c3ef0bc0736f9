// `npm run eval`: ranks every page of the labelled evaluation set (tests/fixtures/eval) and prints precision@5,
// recall@10 and, on the negative pages (no units), how many units score above the threshold. `--json`: one object.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledDataset } from '../lib/dataset/bundled';
import { buildMatcher, resolveConditional } from '../lib/match/matcher';
import { buildRanker } from '../lib/rank/ranker';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'eval');
const json = process.argv.includes('--json');
const sweep = process.argv.includes('--sweep');

const dataset = loadBundledDataset();
const known = new Set(dataset.suites.flatMap((s) => s.units.map((u) => u.id)));
const matcher = buildMatcher(dataset.suites);
const ranker = buildRanker(dataset.suites);
const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Record<string, string[]>;

/** Explicit references the matcher finds, as the extension passes them to the ranker. */
function explicitRefs(text: string): Map<string, number> {
  const scan = matcher.scan(text);
  const out = new Map<string, number>();
  for (const r of [...scan.references, ...resolveConditional(scan.conditional, scan.mentionedSuites)])
    for (const id of r.unitIds) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

const htmlToText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(br|\/p|\/li|\/h\d|\/div|\/tr)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ');

interface Row {
  file: string;
  labelled: number;
  shown: number;
  p5: number | null;
  r10: number | null;
  top: string[];
}

function evaluate(threshold?: number): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()) {
    const want = labels[file];
    if (!want) throw new Error(`${file} has no labels in labels.json`);
    for (const id of want) if (!known.has(id)) throw new Error(`${file}: unknown unit id ${id} in labels.json`);
    const raw = readFileSync(join(DIR, file), 'utf8');
    const text = file.endsWith('.html') ? htmlToText(raw) : raw;
    const ranked = ranker.rank(text, { explicit: explicitRefs(text), limit: 10, threshold });
    const ids = ranked.map((r) => r.unitId);
    const hits = (n: number) => ids.slice(0, n).filter((id) => want.includes(id)).length;
    rows.push({
      file,
      labelled: want.length,
      shown: ranked.length,
      p5: want.length ? hits(5) / 5 : null,
      r10: want.length ? hits(10) / want.length : null,
      top: ranked
        .slice(0, 5)
        .map(
          (r) =>
            `${[r.unitId, ...r.alsoUnitIds].some((id) => want.includes(id)) ? '✓' : '✗'} ${r.score.toFixed(2)} ${r.title.slice(0, 48)}`,
        ),
    });
  }
  return rows;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
function summarise(rows: Row[]) {
  const positives = rows.filter((r) => r.labelled > 0);
  const negatives = rows.filter((r) => r.labelled === 0);
  return {
    pages: rows.length,
    positives: positives.length,
    negatives: negatives.length,
    precisionAt5: Number(mean(positives.map((r) => r.p5!)).toFixed(3)),
    recallAt10: Number(mean(positives.map((r) => r.r10!)).toFixed(3)),
    negativeUnitsAboveThreshold: negatives.reduce((n, r) => n + r.shown, 0),
    negativePagesWithAnyMatch: negatives.filter((r) => r.shown > 0).length,
  };
}

if (sweep) {
  // Calibration: how the figures move with the threshold (the shipped one is RANK_THRESHOLD).
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2]) {
    const s = summarise(evaluate(t));
    console.log(
      `threshold ${t.toFixed(1)}: P@5 ${s.precisionAt5} R@10 ${s.recallAt10} negatives ${s.negativeUnitsAboveThreshold}`,
    );
  }
  process.exit(0);
}
const rows = evaluate();

const summary = summarise(rows);

if (json) {
  console.log(JSON.stringify({ ...summary, rows }));
} else {
  for (const r of rows) {
    const figs = r.labelled
      ? `P@5 ${r.p5!.toFixed(2)}  R@10 ${r.r10!.toFixed(2)}`
      : `negative: ${r.shown} above threshold`;
    console.log(`${r.file.padEnd(38)} ${figs}`);
    for (const t of r.top) console.log(`    ${t}`);
  }
  console.log(
    `\n${summary.pages} pages (${summary.positives} labelled, ${summary.negatives} negatives): ` +
      `precision@5 ${summary.precisionAt5}, recall@10 ${summary.recallAt10}, ` +
      `${summary.negativeUnitsAboveThreshold} units above the threshold on negatives ` +
      `(${summary.negativePagesWithAnyMatch} of ${summary.negatives} pages).`,
  );
}
