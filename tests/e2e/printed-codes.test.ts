// The Level 3 Diploma units by the codes and titles awarding bodies print, in real Chromium: a course listing that
// prints `SHC31`, `CYP Core 3.3` and full titles is highlighted (and its outcome numbers are not), the card says who
// printed the code and links the source, and the unit page lists every source (axe-core finds nothing serious).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchWithExtension,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';
import { highlightCentre, highlightsWithin, readHighlights } from '../../scripts/page-probe';
import { waitForCard } from './card-reader';

declare const axe: {
  run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null }[] }>;
};

let launched: Launched;
let server: FixtureServer;

beforeAll(async () => {
  launched = await launchWithExtension();
  server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'));
});

afterAll(async () => {
  await launched?.context.close();
  await server?.close();
});

describe('Level 3 Diploma codes and titles as awarding bodies print them', () => {
  it('highlights printed codes and full titles on a course listing, and leaves numbers alone', async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/diploma-course.html'));
    await readHighlights(page);
    expect(await highlightsWithin(page, '#mandatory')).toEqual([
      'SHC31',
      "Promote communication in health, social care or children's and young people's settings",
      'SHC 32',
      "Engage in Personal Development in Health, Social Care or Children's and Young People's Settings",
      'CYP Core 3.3',
      'Understand how to safeguard the well-being of children and young people',
    ]);
    expect(await highlightsWithin(page, '#optional')).toEqual([
      'CYPOP 5',
      'Understand how to set up a home based childcare service',
      'Support disabled children and young people and those with specific requirements',
    ]);
    for (const sel of ['#assessment', 'footer', 'nav', '.facts', 'h1'])
      expect(await highlightsWithin(page, sel), sel).toEqual([]);

    // The card: the seed's words as the title, then the printed code, who printed it and a link to the source.
    const at = await highlightCentre(page, 'SHC31');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 40, at!.y + 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    // Read through the browser's debugging protocol: the card's shadow root is closed to page scripts.
    const seen = await waitForCard(page);
    const card = seen.text;
    expect(card).toContain('Communication');
    expect(card).toContain('SHC 31 Promote communication in health');
    expect(card).toContain('as printed by');
    expect(seen.links.some((href) => /^https:\/\//.test(href))).toBe(true);
    await page.close();
  });

  it('the unit page lists every source, and axe finds nothing serious there', async () => {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/unit.html?id=cypw3-communication`);
    await page.waitForSelector('section.printed li', { timeout: WAIT_MS });
    const items = await page.$$eval('section.printed li', (lis) =>
      lis.map((li) => li.textContent.replace(/\s+/g, ' ')),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('SHC 31');
    expect(items[0]).toContain('checked 30 November 2026');
    expect(items[1]).toContain('as printed by NCFE CACHE');
    await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const result = await page.evaluate(() =>
      axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }),
    );
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });
});
