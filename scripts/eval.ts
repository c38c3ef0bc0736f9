// `npm run eval`: ranks every page of the labelled evaluation set (tests/fixtures/eval) and prints precision@5,
// recall@10 and nDCG@10 per page, overall and per kind of page, and, on the negative pages (no units), how many units
// score above the threshold; and, for course comparison, how many of the units course listings and tracking forms
// match (not name) at the comparison's stronger threshold are ones they are labelled with. `--bm25`: the same figures for
// plain BM25 (each unit's text a document, the page the query, no threshold), the baseline to beat. `--json`: one object. `--sweep`: the same figures for a range of thresholds. `--why`: the
// sentence and phrase behind each of a page's top five. Words after the options keep only the files whose names
// contain one of them (`npm run eval -- --why 29 41`).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledDataset } from '../lib/dataset/bundled';
import { normaliseTitleKey } from '../lib/dataset/codes';
import { COURSE_MATCH_THRESHOLD } from '../lib/portfolio/compare';
import { buildMatcher, resolveConditional } from '../lib/match/matcher';
import { buildRanker, RANK_THRESHOLD, type RankedUnit, type Ranker } from '../lib/rank/ranker';
import { contentStems } from '../lib/rank/text';
import { CAPTURE_EVAL_DIR, suitesWithCaptures } from './eval-capture';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'eval');
const args = process.argv.slice(2);
const json = args.includes('--json');
const sweep = args.includes('--sweep');
const showWhy = args.includes('--why');
const bm25 = args.includes('--bm25');
const only = args.filter((a) => !a.startsWith('--'));

const KINDS = ['job-advert', 'job-description', 'course-listing', 'tracking-form', 'careers-profile', 'negative'];

const dataset = loadBundledDataset();
const titleOf = new Map(dataset.suites.flatMap((s) => s.units.map((u) => [u.id, u.title] as const)));
const matcher = buildMatcher(dataset.suites);
const ranker = buildRanker(dataset.suites);

/**
 * Plain BM25 (k1 1.2, b 0.75): every unit's text (title, elements, criteria, knowledge, overview) one document, the
 * page's stemmed words the query. Entries shaped like the ranker's, one per title, so they are judged the same way.
 */
function buildBm25() {
  const docs = dataset.suites.flatMap((s) =>
    s.units.map((u) => {
      const text = [
        u.title,
        ...u.elements.map((e) => e.title),
        ...u.criteria.flatMap((c) => [c.text, ...c.knowledge.map((k) => k.text)]),
        ...u.knowledge.map((k) => k.text),
        u.overview ?? '',
      ].join(' ');
      const tf = new Map<string, number>();
      const stems = contentStems(text);
      for (const w of stems) tf.set(w, (tf.get(w) ?? 0) + 1);
      return { unit: u, tf, length: stems.length };
    }),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  const idf = (w: string) => Math.log(1 + (docs.length - (df.get(w) ?? 0) + 0.5) / ((df.get(w) ?? 0) + 0.5));
  return (text: string): RankedUnit[] => {
    const query = new Set(contentStems(text));
    const scored = docs
      .map((d) => {
        let score = 0;
        for (const w of query) {
          const f = d.tf.get(w) ?? 0;
          if (f) score += (idf(w) * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / avg));
        }
        return { d, score };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    const byTitle = new Map<string, RankedUnit>();
    for (const { d, score } of scored) {
      const key = normaliseTitleKey(d.unit.title);
      const first = byTitle.get(key);
      if (first) first.alsoUnitIds.push(d.unit.id);
      else
        byTitle.set(key, {
          unitId: d.unit.id,
          suiteId: d.unit.suiteId,
          code: d.unit.code,
          title: d.unit.title,
          score,
          explicit: 0,
          alsoUnitIds: [],
          why: [],
        });
    }
    return [...byTitle.values()].slice(0, 10);
  };
}
const bm25Rank = bm25 ? buildBm25() : null;

interface Label {
  kind: string;
  units: string[];
}

/** labels.json: `{ "page.txt": { "kind": "job-advert", "units": [...] } }` (a bare list of units is read too). */
function readLabels(): Record<string, Label> {
  const raw = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Record<string, unknown>;
  const out: Record<string, Label> = {};
  for (const [file, value] of Object.entries(raw)) {
    const label: Label = Array.isArray(value)
      ? { kind: value.length ? 'unspecified' : 'negative', units: value as string[] }
      : (value as Label);
    if (!Array.isArray(label.units) || typeof label.kind !== 'string')
      throw new Error(`labels.json: ${file} needs a "kind" and a list of "units"`);
    if (label.kind === 'negative' && label.units.length)
      throw new Error(`labels.json: ${file} is a negative page but lists units`);
    for (const id of label.units)
      if (!titleOf.has(id)) throw new Error(`labels.json: ${file} names an unknown unit id ${id}`);
    out[file] = label;
  }
  return out;
}
const labels = readLabels();

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
  kind: string;
  labelled: number;
  shown: number;
  p5: number | null;
  r10: number | null;
  ndcg10: number | null;
  top: string[];
}

/**
 * The ranker shows units of the same title once (the others folded into `alsoUnitIds`), so a page is judged by
 * titles: a shown entry is relevant when any unit it stands for is labelled, and recall and the ideal ranking count
 * the labelled titles, so that two suites' copies of one unit are neither two hits nor two misses.
 */
function judge(ranked: RankedUnit[], want: readonly string[]) {
  const wantTitles = new Set(want.map((id) => normaliseTitleKey(titleOf.get(id)!)));
  const relevant = ranked.map((r) => [r.unitId, ...r.alsoUnitIds].some((id) => want.includes(id)));
  const found = new Set(ranked.slice(0, 10).flatMap((r, i) => (relevant[i] ? [normaliseTitleKey(r.title)] : [])));
  let dcg = 0;
  relevant.slice(0, 10).forEach((rel, i) => (dcg += rel ? 1 / Math.log2(i + 2) : 0));
  let ideal = 0;
  for (let i = 0; i < Math.min(10, wantTitles.size); i++) ideal += 1 / Math.log2(i + 2);
  return {
    relevant,
    p5: relevant.slice(0, 5).filter(Boolean).length / 5,
    r10: found.size / wantTitles.size,
    ndcg10: dcg / ideal,
  };
}

/** The pages read like courses: what the course comparison shows. */
const COURSE_KINDS = ['course-listing', 'tracking-form'];

/**
 * Course comparison's "matched" (◐): units a course page's text matches at `threshold` that it does not name, and how
 * many of them it is labelled with (precision), and of its labelled units how many are matched or named (recall).
 */
function courseMatching(threshold: number) {
  let shown = 0;
  let right = 0;
  let covered = 0;
  let wanted = 0;
  for (const [file, label] of Object.entries(labels)) {
    if (!COURSE_KINDS.includes(label.kind) || (only.length && !only.some((o) => file.includes(o)))) continue;
    const text = readFileSync(join(DIR, file), 'utf8');
    const explicit = explicitRefs(text);
    const ids = new Set(explicit.keys());
    for (const r of ranker.rank(text, { explicit, threshold, limit: 200 })) {
      const all = [r.unitId, ...r.alsoUnitIds];
      if (r.explicit === 0) {
        shown++;
        if (all.some((id) => label.units.includes(id))) right++;
      }
      for (const id of all) ids.add(id);
    }
    wanted += label.units.length;
    covered += label.units.filter((id) => ids.has(id)).length;
  }
  return {
    threshold,
    matched: shown,
    precision: Number((right / (shown || 1)).toFixed(3)),
    recall: Number((covered / (wanted || 1)).toFixed(3)),
  };
}

function evaluate(threshold?: number, using: Ranker = ranker): Row[] {
  const rows: Row[] = [];
  const files = readdirSync(DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const label = labels[file];
    if (!label) throw new Error(`${file} has no labels in labels.json`);
    const raw = readFileSync(join(DIR, file), 'utf8');
    const text = file.endsWith('.html') ? htmlToText(raw) : raw;
    const ranked = bm25Rank ? bm25Rank(text) : using.rank(text, { explicit: explicitRefs(text), limit: 10, threshold });
    const scores = label.units.length ? judge(ranked, label.units) : null;
    rows.push({
      file,
      kind: label.kind,
      labelled: label.units.length,
      shown: ranked.length,
      p5: scores?.p5 ?? null,
      r10: scores?.r10 ?? null,
      ndcg10: scores?.ndcg10 ?? null,
      top: ranked.slice(0, 5).flatMap((r, i) => {
        const line = `${scores?.relevant[i] ? '✓' : '✗'} ${r.score.toFixed(2)} ${r.title.slice(0, 60)}`;
        if (!showWhy) return [line];
        return [
          line,
          ...r.why
            .slice(0, 2)
            .map((w) => `        “${w.sentence.slice(0, 90)}” ~ ${w.field}: ${w.phrase.slice(0, 60)}`),
        ];
      }),
    });
  }
  return rows;
}

const mean = (xs: number[]) => Number((xs.reduce((a, b) => a + b, 0) / (xs.length || 1)).toFixed(3));

function figures(rows: Row[]) {
  const positives = rows.filter((r) => r.labelled > 0);
  return {
    pages: positives.length,
    precisionAt5: mean(positives.map((r) => r.p5!)),
    recallAt10: mean(positives.map((r) => r.r10!)),
    ndcgAt10: mean(positives.map((r) => r.ndcg10!)),
  };
}

function summarise(rows: Row[]) {
  const negatives = rows.filter((r) => r.labelled === 0);
  const kinds = [...new Set([...KINDS, ...rows.map((r) => r.kind)])].filter(
    (k) => k !== 'negative' && rows.some((r) => r.kind === k),
  );
  const { precisionAt5, recallAt10, ndcgAt10 } = figures(rows);
  return {
    pages: rows.length,
    positives: rows.length - negatives.length,
    negatives: negatives.length,
    precisionAt5,
    recallAt10,
    ndcgAt10,
    negativeUnitsAboveThreshold: negatives.reduce((n, r) => n + r.shown, 0),
    negativePagesWithAnyMatch: negatives.filter((r) => r.shown > 0).length,
    perKind: Object.fromEntries(kinds.map((k) => [k, figures(rows.filter((r) => r.kind === k))])),
  };
}

if (sweep) {
  // Calibration: how the figures move with the threshold (the shipped one is RANK_THRESHOLD).
  console.log(`shipped threshold: ${RANK_THRESHOLD}`);
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 2.0]) {
    const s = summarise(evaluate(t));
    console.log(
      `threshold ${t.toFixed(1)}: P@5 ${s.precisionAt5} R@10 ${s.recallAt10} nDCG@10 ${s.ndcgAt10} ` +
        `negatives ${s.negativeUnitsAboveThreshold} units on ${s.negativePagesWithAnyMatch} pages`,
    );
  }
  process.exit(0);
}

/**
 * With and without captured text: the adverts of tests/fixtures/eval-capture ranked over the bundled dataset as it
 * is, then over the dataset with the standard pages captured and linked (the popup's ranker with linked captures),
 * with the same threshold; and the main set ranked with those captures too, to show they cost other pages nothing.
 */
function captureComparison() {
  const { suites, linked } = suitesWithCaptures(dataset.suites, matcher);
  const withCaptures = buildRanker(suites);
  const wanted = JSON.parse(readFileSync(join(CAPTURE_EVAL_DIR, 'labels.json'), 'utf8')) as Record<string, string[]>;
  const adverts = readdirSync(join(CAPTURE_EVAL_DIR, 'adverts'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const score = (using: Ranker, threshold?: number) =>
    adverts.map((file) => {
      const want = wanted[file];
      if (!want?.length) throw new Error(`eval-capture/labels.json: ${file} has no labels`);
      for (const id of want)
        if (!linked.includes(id)) throw new Error(`eval-capture/labels.json: ${file} names ${id}, which has no page`);
      const text = readFileSync(join(CAPTURE_EVAL_DIR, 'adverts', file), 'utf8');
      const ranked = using.rank(text, { explicit: explicitRefs(text), limit: 10, threshold });
      return { file, ...judge(ranked, want), top: ranked.slice(0, 5).map((r) => r.unitId) };
    });
  const summary = (rows: ReturnType<typeof score>) => ({
    precisionAt5: mean(rows.map((r) => r.p5)),
    recallAt10: mean(rows.map((r) => r.r10)),
    ndcgAt10: mean(rows.map((r) => r.ndcg10)),
  });
  const without = score(ranker);
  const withText = score(withCaptures);
  const a = summary(without);
  const b = summary(withText);
  const mainWith = figures(evaluate(undefined, withCaptures));
  // Without the threshold: how well each ranker orders the units, whether or not the popup would show them.
  const unthresholded = { without: summary(score(ranker, 0)), with: summary(score(withCaptures, 0)) };
  return {
    adverts: adverts.length,
    captured: linked.length,
    without: a,
    with: b,
    difference: {
      precisionAt5: Number((b.precisionAt5 - a.precisionAt5).toFixed(3)),
      recallAt10: Number((b.recallAt10 - a.recallAt10).toFixed(3)),
      ndcgAt10: Number((b.ndcgAt10 - a.ndcgAt10).toFixed(3)),
    },
    perAdvert: adverts.map((file, i) => ({
      file,
      without: { p5: without[i].p5, r10: without[i].r10, ndcg10: without[i].ndcg10, top: without[i].top },
      with: { p5: withText[i].p5, r10: withText[i].r10, ndcg10: withText[i].ndcg10, top: withText[i].top },
    })),
    mainSetWithCaptures: mainWith,
    noThreshold: unthresholded,
  };
}

const rows = evaluate();
const summary = summarise(rows);
const courses = { atComparison: courseMatching(COURSE_MATCH_THRESHOLD), atPopup: courseMatching(RANK_THRESHOLD) };
// The comparison ranks its own adverts; it is left out when only some pages, or plain BM25, are asked for.
const captured = only.length || bm25Rank ? null : captureComparison();

if (json) {
  console.log(
    JSON.stringify({
      threshold: RANK_THRESHOLD,
      ...summary,
      courseComparison: courses,
      capturedText: captured,
      rows,
    }),
  );
} else {
  for (const r of rows) {
    const figs = r.labelled
      ? `P@5 ${r.p5!.toFixed(2)}  R@10 ${r.r10!.toFixed(2)}  nDCG@10 ${r.ndcg10!.toFixed(2)}`
      : `negative: ${r.shown} above threshold`;
    console.log(`${r.file.padEnd(42)} ${r.kind.padEnd(16)} ${figs}`);
    for (const t of r.top) console.log(`    ${t}`);
  }
  const table = [
    ['kind', 'pages', 'P@5', 'R@10', 'nDCG@10'],
    ...Object.entries(summary.perKind).map(([k, f]) => [k, f.pages, f.precisionAt5, f.recallAt10, f.ndcgAt10]),
    ['all labelled', summary.positives, summary.precisionAt5, summary.recallAt10, summary.ndcgAt10],
  ].map((cells) => cells.map(String));
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  console.log('');
  for (const row of table)
    console.log(row.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
  console.log(
    `\n${summary.pages} pages (${summary.positives} labelled, ${summary.negatives} negatives), ` +
      (bm25Rank ? 'plain BM25, no threshold: ' : `threshold ${RANK_THRESHOLD}: `) +
      `${summary.negativeUnitsAboveThreshold} units shown on negatives ` +
      `(${summary.negativePagesWithAnyMatch} of ${summary.negatives} pages).`,
  );
  if (bm25Rank) process.exit(0);
  const line = (c: ReturnType<typeof courseMatching>) =>
    `${c.matched} units matched, ${Math.round(c.precision * 100)}% of them labelled, ` +
    `${Math.round(c.recall * 100)}% of labelled units named or matched`;
  console.log(
    `Course comparison (course listings and tracking forms): at ${COURSE_MATCH_THRESHOLD}, ${line(courses.atComparison)}; ` +
      `at the popup's ${RANK_THRESHOLD}, ${line(courses.atPopup)}.`,
  );
  if (captured) {
    const f = (x: { precisionAt5: number; recallAt10: number; ndcgAt10: number }) =>
      `P@5 ${x.precisionAt5.toFixed(3)}  R@10 ${x.recallAt10.toFixed(3)}  nDCG@10 ${x.ndcgAt10.toFixed(3)}`;
    const d = captured.difference;
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(3)}`;
    console.log(
      `\nWith and without captured text (${captured.adverts} adverts, ${captured.captured} standards captured and linked):`,
    );
    for (const r of captured.perAdvert)
      console.log(
        `  ${r.file.padEnd(40)} nDCG@10 ${r.without.ndcg10.toFixed(2)} → ${r.with.ndcg10.toFixed(2)}  ` +
          `R@10 ${r.without.r10.toFixed(2)} → ${r.with.r10.toFixed(2)}`,
      );
    console.log(`  without: ${f(captured.without)}`);
    console.log(`  with:    ${f(captured.with)}`);
    console.log(
      `  difference: P@5 ${signed(d.precisionAt5)}  R@10 ${signed(d.recallAt10)}  nDCG@10 ${signed(d.ndcgAt10)}`,
    );
    console.log(`  with no threshold, without: ${f(captured.noThreshold.without)}`);
    console.log(`  with no threshold, with:    ${f(captured.noThreshold.with)}`);
    console.log(`  the main set with these captures linked: ${f(captured.mainSetWithCaptures)}`);
  }
}
