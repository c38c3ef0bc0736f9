// `npm run bench:popup [-- BUILD_DIR …]`: what opening the popup costs the page. On a page of about 200,000 nodes, a
// page script's 10 ms heartbeat records the longest gap while the popup (opened as a tab for that page) reads the page
// for its Matches; compared with the same page and no popup. Real Chromium with each build, pages from 127.0.0.1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, launchWithExtension, serveFolder, WAIT_MS } from './browser';

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

const builds = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const RUNS = 3;
const PARAGRAPHS = 40_000;

const para = (i: number) => `<p>Item ${i}: the <b>pastoral</b> team met the <i>family</i> and agreed next steps.</p>`;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Archive</title></head><body>
<h1>Family support archive</h1><p>Our workers build and maintain relationships in work with parents (WP 301).</p>
${Array.from({ length: PARAGRAPHS }, (_, i) => para(i)).join('\n')}
<script>
  window.__gap = 0; let last = performance.now();
  setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 10);
</script></body></html>`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveFolder(mkdtempSync(join(tmpdir(), 'nos-lens-popup-')), { '/archive.html': page });
const url = server.url('/archive.html');

for (const build of builds.length ? builds : [CHROME_BUILD]) {
  const { context, extensionId, worker } = await launchWithExtension(undefined, true, build);
  const quiet: number[] = [];
  const withPopup: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const tab = await context.newPage();
    await tab.goto(url);
    const nodes = await tab.evaluate(() => document.getElementsByTagName('*').length * 2);
    await tab.waitForTimeout(3_000); // the first highlight pass is over
    await tab.evaluate(() => ((window as unknown as { __gap: number }).__gap = 0));
    await tab.waitForTimeout(3_000);
    quiet.push(await tab.evaluate(() => (window as unknown as { __gap: number }).__gap));
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
    await tab.evaluate(() => ((window as unknown as { __gap: number }).__gap = 0));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('section[aria-label="Matches"] :is(ol, ul, p.status:not(:has-text("Reading")))', {
      timeout: WAIT_MS,
    });
    await tab.waitForTimeout(500);
    withPopup.push(await tab.evaluate(() => (window as unknown as { __gap: number }).__gap));
    if (run === 0) console.error(`[bench:popup] page of about ${nodes.toLocaleString('en-GB')} nodes`);
    await popup.close();
    await tab.close();
  }
  console.log(
    `${build}: longest main-thread stall on the page — popup reading it: median ${median(withPopup).toFixed(0)} ms ` +
      `(runs ${withPopup.map((t) => t.toFixed(0)).join(', ')}); same page, no popup: ${median(quiet).toFixed(0)} ms`,
  );
  await context.close();
}
await server.close();
