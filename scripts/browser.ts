// Shared by npm start, the bench and the e2e tests. Starts real Chromium with the built extension, and serves fixture pages from 127.0.0.1.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long any wait for the browser may take before it counts as a hang. Generous: CI runs on 2 busy cores. */
export const WAIT_MS = 60_000;

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'nos-lens-profile-'));
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

/** Launches Chromium with the built extension on the given profile and waits for its service worker. */
export async function launchWithExtension(
  profileDir = newProfileDir(),
  headless = true,
  build = CHROME_BUILD,
): Promise<Launched> {
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No build at ${build}: run npm run build`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(WAIT_MS);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: WAIT_MS });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  url: (path: string) => string;
  close: () => Promise<void>;
  server: Server;
}

/** Serves a folder on 127.0.0.1 on a free port. Extra routes can be given as path → body. */
export async function serveFolder(folder: string, routes: Record<string, string> = {}): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (routes[path] !== undefined) {
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(routes[path]);
      return;
    }
    const file = normalize(join(folder, path));
    if (!file.startsWith(folder) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: (path) => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
