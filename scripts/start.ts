// `npm start`: builds the extension, serves the demo job advert on 127.0.0.1 and opens it in Chromium with NOS Lens loaded.
// With a display, the browser stays open until you close it. Without one (or with --headless), it runs headless,
// saves a screenshot and prints what the extension found.
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { launchWithExtension, ROOT, serveFolder, WAIT_MS } from './browser';
import { readHighlights } from './page-probe';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const log = (msg: string) => console.log(`[nos-lens] ${msg}`);

log('building the extension (wxt build)…');
execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
const demo = server.url('/job-advert.html');
const { context, extensionId } = await launchWithExtension(undefined, headless);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demo);

if (!headless) {
  log(`NOS Lens is loaded (extension id ${extensionId}). Demo page: ${demo}`);
  log('Hover a highlight to see its card; click the NOS Lens toolbar icon for the popup. Close the browser to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

const highlights = await readHighlights(page);
const screenshot = join(ROOT, 'nos-lens-demo.png');
await page.screenshot({ path: screenshot, fullPage: true });

const popup = await context.newPage();
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
const totals = (await popup.textContent('#totals'))?.trim();

log(`headless run (no display): extension ${extensionId} loaded.`);
log(`database: ${totals}`);
log(`demo page ${demo}: ${highlights.length} highlighted references`);
for (const h of highlights) console.log(`  - ${JSON.stringify(h)}`);
log(`screenshot saved to ${screenshot}`);
await context.close();
await server.close();
