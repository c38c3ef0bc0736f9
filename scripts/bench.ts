// `npm run bench [-- --json] [--quick] [--runs N]`: times the highlighter in real Chromium on a generated page of over
// 1 MB of visible text, side by side with mark.js (the peer) and a bare TreeWalker (the floor), alternating in one
// browser session, medians of several runs; then an incremental update after appending 1% more content, and the
// ranking of a 20,000-word page against tokenising it once (in Node), and a 100-page PDF read with lib/doc against pdf.js
// extracting its text alone (in Node, bench-doc.ts; `--doc` runs only that). Prints a table; --json adds a last line
// with the ratios. No network: the page, the bundle and mark.js are served from 127.0.0.1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, serveFolder } from './browser';
import { loadBundledDataset } from '../lib/dataset/bundled';
import { buildRanker } from '../lib/rank/ranker';
import { contentStems } from '../lib/rank/text';
import { benchDocument, type DocumentFigures } from './bench-doc';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
/** Only the live-page rows (a quick check of the watcher). */
const liveOnly = args.includes('--live');
/** Only the document rows (Node, no browser). */
const docOnly = args.includes('--doc');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 3 : 7;
const TARGET_BYTES = quick ? 200_000 : 1_100_000;
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Deterministic pseudo-random numbers, so every run benchmarks the same page. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SENTENCES = [
  'The successful candidate will work closely with class teachers to plan and deliver small group interventions.',
  'You will keep accurate records of attendance, progress and concerns, and share them with the pastoral team.',
  'Our school is a friendly and inclusive community where every pupil is encouraged to reach their potential.',
  'Applicants should have experience of working with children or young people in a school or youth setting.',
  'The post is term time only, 32.5 hours per week, on Grade 5 of the local authority pay scale (points 7 to 11).',
  'Training is delivered over three terms with one day a week in college and the rest in your workplace.',
  'Please read the job description and person specification before completing the application form.',
  'We are committed to safeguarding and promoting the welfare of children and expect all staff to share this commitment.',
  'Section 4.15 of the handbook explains how assessment evidence is gathered, recorded and verified.',
  'Learners complete a portfolio and are observed in practice by a qualified assessor at least three times.',
  'Unit 301 of the Level 3 Award in Digital Marketing covers social media campaigns and analytics.',
  'The course fee is £850; bursaries are available for learners in receipt of means-tested benefits.',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

/** Wraps a few words of a title in inline tags, as real pages do. */
function splitTitle(r: () => number, title: string): string {
  const words = title.split(' ');
  if (words.length < 3 || r() < 0.5) return title;
  const a = 1 + Math.floor(r() * (words.length - 2));
  return `${words.slice(0, a).join(' ')} <b>${words.slice(a, a + 1).join(' ')}</b> <a href="#u">${words.slice(a + 1).join(' ')}</a>`;
}

/** A page of job adverts and course listings: headings, paragraphs, nested lists, tables, inline tags, references. */
function generatePage(target: number, seed = 1): string {
  const r = rng(seed);
  const units = loadBundledDataset().suites.flatMap((s) => s.units);
  const reference = () => {
    const u = pick(r, units);
    const code = u.aliases[0] ?? u.code;
    return r() < 0.5 && code ? `<strong>${code}</strong> ${splitTitle(r, u.title)}` : splitTitle(r, u.title);
  };
  const para = (n: number) =>
    Array.from({ length: n }, () => {
      const s = pick(r, SENTENCES);
      return r() < 0.15 ? `${s} See <em>${reference()}</em>.` : s;
    }).join(' ');
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < target) {
    i++;
    const block = [
      `<article class="listing"><h2>Listing ${i}: ${pick(r, ['Learning Mentor', 'Teaching Assistant', 'Family Support Worker', 'Level 3 Certificate', 'Short course'])}</h2>`,
      `<p>${para(4)}</p>`,
      `<ul><li>${para(1)}<ul><li>${reference()}</li><li>${para(1)}</li></ul></li><li><span>${para(1)}</span></li></ul>`,
      `<table><tr><th>Unit</th><th>Title</th><th>Credits</th></tr>`,
      ...Array.from({ length: 3 }, () => {
        const u = pick(r, units);
        return `<tr><td>${u.code ?? ''}</td><td>${splitTitle(r, u.title)}</td><td>${1 + Math.floor(r() * 6)}</td></tr>`;
      }),
      `</table><p>${para(3)}</p></article>`,
    ].join('');
    parts.push(block);
    size += block.replace(/<[^>]+>/g, '').length;
  }
  return parts.join('\n');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'scripts', 'bench-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

interface BrowserFigures {
  textBytes: number;
  terms: number;
  matcherMs: number;
  ours: number[];
  markjs: number[];
  floor: number[];
  incremental: number[];
  incrementalWork: number[];
  incrementalFull: number[];
  live: Record<LiveMode, LiveRun[]>;
  highlights: number;
  marks: number;
}

type LiveMode = 'none' | 'legacy' | 'ours';
interface LiveRun {
  stalls: number;
  appended: number;
  highlights: number;
}
const LIVE_RUNS = quick ? 1 : 3;
const LIVE_SECONDS = quick ? 3 : 6;

async function inBrowser(): Promise<BrowserFigures> {
  const body = generatePage(TARGET_BYTES);
  const extra = generatePage(Math.round(TARGET_BYTES / 100), 2);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body>${body}</body></html>`;
  const server = await serveFolder(join(ROOT, 'scripts'), {
    '/bench.html': html,
    '/bench.js': await bundle(),
    '/mark.js': readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url('/bench.html'));
    await page.addScriptTag({ url: server.url('/mark.js') });
    await page.addScriptTag({ url: server.url('/bench.js') });
    type Api = {
      setup(): { matcherMs: number; textBytes: number };
      terms(): string[];
      ours(): { ms: number; highlights: number };
      floor(): { ms: number };
      markjs(t: string[]): Promise<{ ms: number; marks: number }>;
      incremental(h: string): Promise<{ fullMs: number; latencyMs: number; workMs: number; added: number }>;
      live(o: { lens: LiveMode; seconds: number; perSecond: number }): Promise<LiveRun>;
    };
    const call = <K extends keyof Api>(name: K, arg?: unknown) =>
      page.evaluate(
        ([n, a]) =>
          (window as unknown as { NosBench: Record<string, (x: unknown) => unknown> }).NosBench[n as string](a),
        [name, arg] as const,
      ) as Promise<Awaited<ReturnType<Api[K]>>>;
    const { matcherMs, textBytes } = await call('setup');
    const terms = await call('terms');
    log(
      `page: ${(textBytes / 1e6).toFixed(2)} MB of visible text; ${terms.length} terms; matcher built in ${fmt(matcherMs)} ms`,
    );
    const f: BrowserFigures = {
      textBytes,
      terms: terms.length,
      matcherMs,
      ours: [],
      markjs: [],
      floor: [],
      incremental: [],
      incrementalWork: [],
      incrementalFull: [],
      live: { none: [], legacy: [], ours: [] },
      highlights: 0,
      marks: 0,
    };
    // One warm-up of each, then alternate.
    if (!liveOnly) await call('ours');
    if (!liveOnly) await call('floor');
    for (let i = 0; i < (liveOnly ? 0 : RUNS); i++) {
      const o = await call('ours');
      f.ours.push(o.ms);
      f.highlights = o.highlights;
      f.floor.push((await call('floor')).ms);
      const m = await call('markjs', terms);
      f.markjs.push(m.ms);
      f.marks = m.marks;
      const inc = await call('incremental', extra);
      f.incremental.push(inc.latencyMs);
      f.incrementalWork.push(inc.workMs);
      f.incrementalFull.push(inc.fullMs);
      log(
        `run ${i + 1}/${RUNS}: ours ${fmt(o.ms)} ms, floor ${fmt(f.floor.at(-1)!)} ms, mark.js ${fmt(m.ms)} ms, ` +
          `incremental update ${fmt(inc.workMs)} ms (+${inc.added} highlights; painted ${fmt(inc.latencyMs)} ms after the append)`,
      );
    }
    // A live page (infinite scroll, a chat): the same page plus 1,000 blocks a second, with and without us.
    for (let i = 0; i < LIVE_RUNS; i++)
      for (const lens of ['none', 'legacy', 'ours'] as const) {
        const run = await call('live', { lens, seconds: LIVE_SECONDS, perSecond: 1_000 });
        f.live[lens].push(run);
        log(`live page run ${i + 1}/${LIVE_RUNS} (${lens}): ${run.stalls} stalls over 100 ms, ${run.appended} blocks`);
      }
    return f;
  } finally {
    await browser.close();
    await server.close();
  }
}

function ranking(): { rankMs: number; tokeniseMs: number; buildMs: number; words: number } {
  const suites = loadBundledDataset().suites;
  let t = performance.now();
  const ranker = buildRanker(suites);
  const buildMs = performance.now() - t;
  const r = rng(3);
  const sentences: string[] = [];
  let words = 0;
  while (words < 20_000) {
    const s = pick(r, [
      ...SENTENCES,
      'You will support children and young people through transition to secondary school.',
      'Work with parents and carers to remove barriers to learning and improve attendance.',
    ]);
    sentences.push(s);
    words += s.split(/\s+/).length;
  }
  const text = sentences.join(' ');
  const rank: number[] = [];
  const tok: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    contentStems(text);
    tok.push(performance.now() - t);
    t = performance.now();
    ranker.rank(text);
    rank.push(performance.now() - t);
  }
  return { rankMs: median(rank), tokeniseMs: median(tok), buildMs, words };
}

function documentRows(d: DocumentFigures): { rows: [string, string, string][]; ratios: string[] } {
  const size = `${d.pages} pages, ${Math.round(d.bytes / 1024)} KB`;
  return {
    rows: [
      ['PDF floor (pdf.js: open, text of every page)', `${fmt(d.floorMs)} ms`, `${size}, Node, pdf.js legacy build`],
      ['PDF text (lib/doc: lines and paragraphs)', `${fmt(d.textMs)} ms`, 'every page'],
      ['  of which lines and paragraphs from the items', `${fmt(d.layoutMs)} ms`, 'lib/doc’s own work'],
      [
        'PDF to first references',
        `${fmt(d.firstReferenceMs)} ms`,
        `pages read in order; first on page ${d.firstReferencePage}`,
      ],
      ['PDF text + references + ranking', `${fmt(d.fullMs)} ms`, `${d.references} references`],
    ],
    ratios: [
      `PDF text / floor:    ${(d.textMs / d.floorMs).toFixed(2)}×`,
      `PDF layout / floor:  ${((d.layoutMs / d.floorMs) * 100).toFixed(1)}%`,
      `PDF full / floor:    ${(d.fullMs / d.floorMs).toFixed(2)}×`,
    ],
  };
}

function table(rows: [string, string, string][]): string[] {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, c, d]) => `${a.padEnd(w0)}  ${c.padStart(w1)}  ${d}`);
}

async function main(): Promise<void> {
  if (docOnly) {
    const d = await benchDocument(RUNS);
    const { rows, ratios } = documentRows(d);
    process.stdout.write(`${[`Medians of ${RUNS} runs.`, '', ...table(rows), '', ...ratios].join('\n')}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ document: d, runs: RUNS })}\n`);
    return;
  }
  const b = await inBrowser();
  if (liveOnly) {
    for (const mode of ['none', 'legacy', 'ours'] as const)
      process.stdout.write(
        `live ${mode}: ${median(b.live[mode].map((r) => r.stalls))} stalls over 100 ms, ` +
          `${median(b.live[mode].map((r) => r.appended))} blocks appended\n`,
      );
    return;
  }
  const rk = ranking();
  log('reading the 100-page PDF');
  const doc = await benchDocument(RUNS);
  const docRows = documentRows(doc);
  const ours = median(b.ours);
  const markjs = median(b.markjs);
  const floor = median(b.floor);
  const incremental = median(b.incrementalWork);
  const latency = median(b.incremental);
  const full = median(b.incrementalFull);
  const rows: [string, string, string][] = [
    ['ours (scan + paint, CSS highlights)', `${fmt(ours)} ms`, `${b.highlights} highlights`],
    ['mark.js (same terms, acrossElements)', `${fmt(markjs)} ms`, `${b.marks} <mark> elements`],
    ['floor (TreeWalker reading text)', `${fmt(floor)} ms`, ''],
    ['incremental (+1% content: the update)', `${fmt(incremental)} ms`, `vs a full scan of ${fmt(full)} ms`],
    [
      'incremental, append → painted',
      `${fmt(latency)} ms`,
      'includes the browser laying out the new content and the watcher waiting for an idle moment',
    ],
    ...(['none', 'legacy', 'ours'] as const).map((mode): [string, string, string] => {
      const label = {
        none: 'without NOS Lens',
        legacy: 'with the per-batch check of every block',
        ours: 'with NOS Lens',
      };
      const runs = b.live[mode];
      return [
        `live page, 1,000 blocks/s, ${LIVE_SECONDS} s: ${label[mode]}`,
        `${median(runs.map((r) => r.stalls))} stalls`,
        `over 100 ms; ${median(runs.map((r) => r.appended))} blocks appended`,
      ];
    }),
    ['matcher build (once per page)', `${fmt(b.matcherMs)} ms`, `${b.terms} terms`],
    ['ranking, 20,000 words (Node)', `${fmt(rk.rankMs)} ms`, `ranker build ${fmt(rk.buildMs)} ms`],
    ['tokenising the same text once', `${fmt(rk.tokeniseMs)} ms`, ''],
    ...docRows.rows,
  ];
  const lines = [
    `Page: ${(b.textBytes / 1e6).toFixed(2)} MB of visible text, ${b.terms} terms (every code, alias, unit and element title); medians of ${RUNS} runs, Chromium headless.`,
    '',
    ...table(rows),
    '',
    `mark.js / ours:      ${(markjs / ours).toFixed(1)}×   (target ≥ 20×)`,
    `ours / floor:        ${(ours / floor).toFixed(2)}×  (target ≤ 3×)`,
    `incremental / full:  ${((incremental / full) * 100).toFixed(1)}%  (target < 5%)`,
    `ranking / tokenise:  ${(rk.rankMs / rk.tokeniseMs).toFixed(1)}×`,
    ...docRows.ratios,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (json)
    process.stdout.write(
      `${JSON.stringify({
        vsMarkjs: markjs / ours,
        vsFloor: ours / floor,
        incrementalRatio: incremental / full,
        incrementalLatencyMs: latency,
        oursMs: ours,
        markjsMs: markjs,
        floorMs: floor,
        incrementalMs: incremental,
        fullScanMs: full,
        matcherBuildMs: b.matcherMs,
        pageBytes: b.textBytes,
        terms: b.terms,
        runs: RUNS,
        rankMs: rk.rankMs,
        tokeniseMs: rk.tokeniseMs,
        rankVsTokenise: rk.rankMs / rk.tokeniseMs,
        rankWords: rk.words,
        document: doc,
        liveStalls: {
          none: median(b.live.none.map((r) => r.stalls)),
          legacy: median(b.live.legacy.map((r) => r.stalls)),
          ours: median(b.live.ours.map((r) => r.stalls)),
        },
        liveAppended: {
          none: median(b.live.none.map((r) => r.appended)),
          legacy: median(b.live.legacy.map((r) => r.appended)),
          ours: median(b.live.ours.map((r) => r.appended)),
        },
      })}\n`,
    );
}

main().catch((e: unknown) => {
  process.stderr.write(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
