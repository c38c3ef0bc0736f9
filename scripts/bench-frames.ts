// `npm run bench:frames [-- BUILD_DIR …]`: how long a page with five iframes waits for its highlights. Each frame's
// time from its document's start to its first painted highlight is recorded inside the frame (an init script polls
// CSS.highlights), and the page's figure is the slowest frame. Several builds can be compared in one run (default: the
// current build). Real Chromium, pages from 127.0.0.1, medians of RUNS fresh tabs after one warm-up.
import { CHROME_BUILD, launchWithExtension, serveFolder, WAIT_MS } from './browser';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const builds = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const RUNS = 9;
const FRAMES = 5;
const CODES = ['WP 301', 'LDSS 309', 'WP 303', 'WP 305', 'LDSS 312', 'WP 302'];

const inner = (i: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Part ${i}</title></head>
<body><h2>Part ${i}</h2><p>This part of the course covers ${CODES[i % CODES.length]} and the wider work of the team.</p>
${'<p>Learners meet their tutor every fortnight to review progress and plan the next steps of their training.</p>'.repeat(40)}
</body></html>`;
const top = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course handbook</title></head>
<body><h1>Course handbook</h1><p>Core unit: ${CODES[5]}.</p>
${Array.from({ length: FRAMES }, (_, i) => `<iframe src="/part-${i}.html" title="Part ${i}"></iframe>`).join('\n')}
</body></html>`;
const routes: Record<string, string> = { '/handbook.html': top };
for (let i = 0; i < FRAMES; i++) routes[`/part-${i}.html`] = inner(i);

/** Runs in every frame: records when the first highlight is registered, in ms from the frame's document start.
 * A string, not a function: tsx would wrap a named function in a helper the page does not have. */
const recorder = `(() => {
  const poll = () => {
    if ((CSS.highlights?.get('nos-lens')?.size ?? 0) > 0) window.__firstPaint = performance.now();
    else setTimeout(poll, 2);
  };
  poll();
})();`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveFolder(mkdtempSync(join(tmpdir(), 'nos-lens-frames-')), routes);
for (const build of builds.length ? builds : [CHROME_BUILD]) {
  const { context } = await launchWithExtension(undefined, true, build);
  await context.addInitScript({ content: recorder });
  const slowest: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const page = await context.newPage();
    await page.goto(server.url('/handbook.html'));
    const frames = page.frames();
    const times: number[] = [];
    for (const f of frames) {
      await f.waitForFunction(() => (window as unknown as { __firstPaint?: number }).__firstPaint !== undefined, null, {
        timeout: WAIT_MS,
      });
      times.push(await f.evaluate(() => (window as unknown as { __firstPaint: number }).__firstPaint));
    }
    if (run > 0) slowest.push(Math.max(...times)); // run 0 warms the service worker and caches
    await page.close();
  }
  console.log(
    `${build}: ${FRAMES} iframes + top frame, document start → first highlight in the slowest frame: ` +
      `median ${median(slowest).toFixed(0)} ms (runs: ${slowest.map((t) => t.toFixed(0)).join(', ')})`,
  );
  await context.close();
}
await server.close();
