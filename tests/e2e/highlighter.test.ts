// The highlighter in real Chromium with the built extension, on fixture pages served from 127.0.0.1: what is painted
// (and what is not), that the page's DOM is left as it was, the card on hover and on keyboard focus, the badge and the
// units the popup is told about, the per-site switch, content that arrives later (delayed, endless scroll), an iframe,
// a web component's shadow root, a very large page, and that the extension makes the page log no new errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM,
  launchWithExtension,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';
import {
  highlightCentre,
  highlightCount,
  highlightsWithin,
  highlightTexts,
  readHighlights,
  waitForHighlightCount,
} from '../../scripts/page-probe';
import { readCard, waitForCard } from './card-reader';

/** The service worker's `chrome` global, as far as these tests use it. */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
};

const HOST = '127.0.0.1';

/** A very large page: thousands of paragraphs of ordinary prose, one reference every 250 paragraphs. */
const LARGE_PARAGRAPHS = 5000;
const LARGE_EVERY = 250;
const LARGE_CODES = ['WP 301', 'WP 302', 'WP 303', 'WP 304', 'WP 305'];
function largePage(): string {
  const filler = [
    'Minutes of the governors’ meeting held on Tuesday in the school library; apologies were received from two members.',
    'The committee reviewed attendance for the autumn term, which rose to 95.2 per cent, and thanked the pastoral team.',
    'Item 14 on the agenda, the new playground, was deferred to the summer term pending quotes from three contractors.',
    'Level 3 apprenticeships in the kitchen were discussed; the bursar will report on costs at the next meeting.',
  ];
  const out: string[] = [];
  for (let i = 0; i < LARGE_PARAGRAPHS; i++) {
    const ref =
      i % LARGE_EVERY === 0
        ? ` Staff training this term follows <b>${LARGE_CODES[(i / LARGE_EVERY) % LARGE_CODES.length]}</b>.`
        : '';
    out.push(`<p id="p${i}">${i + 1}. ${filler[i % filler.length]}${ref}</p>`);
  }
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Governors’ minutes archive</title></head>' +
    `<body><h1>Governors’ minutes archive</h1><main>${out.join('\n')}</main></body></html>`
  );
}
const LARGE_REFS = Math.ceil(LARGE_PARAGRAPHS / LARGE_EVERY);

let launched: Launched;
let plain: Browser;
let plainContext: BrowserContext;
let server: FixtureServer;
let messenger: Page;

async function tabIdOf(url: string): Promise<number> {
  return launched.worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab.id!;
  }, url);
}

async function badgeOf(tabId: number): Promise<string> {
  return launched.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Sends a request to the background from an extension page, as the popup does; returns the reply's data. */
async function send<T>(message: unknown): Promise<T> {
  const reply = await messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

interface Watched {
  page: Page;
  errors: string[];
}

/** Opens `path` in `context`, collecting console errors and uncaught page errors. */
async function open(context: BrowserContext, path: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url(path));
  return { page, errors };
}

/** The body's markup once the page has settled, in a browser without the extension. */
async function plainMarkup(
  path: string,
  settled: (page: Page) => Promise<unknown>,
): Promise<Watched & { html: string }> {
  const w = await open(plainContext, path);
  await settled(w.page);
  // Give the page as long as the extension's run gets, so late errors are seen in both.
  await w.page.waitForTimeout(500);
  const html = await w.page.evaluate(() => document.documentElement.outerHTML);
  await w.page.close();
  return { ...w, html };
}

const cardHost = (page: Page) => page.evaluate(() => document.querySelectorAll('nos-lens-card').length);

/** The card's text once it has loaded (read through CDP: page scripts and Playwright's selectors cannot see it). */
async function cardText(page: Page): Promise<string> {
  return (await waitForCard(page)).text;
}

beforeAll(async () => {
  launched = await launchWithExtension();
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  plainContext = await plain.newContext();
  server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'), {
    '/large.html': largePage(),
    // Browsers differ in whether they ask for a favicon; none of the fixtures has one.
    '/favicon.ico': '',
  });
  messenger = await launched.context.newPage();
  await messenger.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  await messenger.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
});

afterAll(async () => {
  await launched?.context.close();
  await plain?.close();
  await server?.close();
});

describe('highlighter in Chromium: a course listing', () => {
  let page: Page;
  let errors: string[];
  let tabId: number;

  beforeAll(async () => {
    ({ page, errors } = await open(launched.context, '/course-listing.html'));
    await readHighlights(page);
    tabId = await tabIdOf(server.url('/course-listing.html'));
  });

  it('highlights codes, bare LDSS numbers next to their titles, split titles and curly apostrophes', async () => {
    const texts = await highlightsWithin(page, 'main, nav, footer, aside');
    const inTable = await highlightsWithin(page, '#unit-table');
    expect(inTable).toEqual([
      'WP 301',
      'Build and maintain relationships in work with parents',
      'WP302',
      'Communicate effectively with parents',
      'GCU 1',
      'Communicate, engage and build positive relationships with children and young people and their families',
      '312',
      'Support children and young people during transitions in their lives',
      'Work with parents to meet their children’s needs',
      'Provide services that meet parents’ needs',
    ]);
    expect(await highlightsWithin(page, 'aside')).toEqual(['WP 303', 'WP 305']);
    // Everything painted is in the table or the aside, apart from the known phone-number false positive (below).
    const elsewhere = texts.filter((t) => !inTable.includes(t) && t !== 'WP 303' && t !== 'WP 305');
    expect(elsewhere.filter((t) => t !== '312')).toEqual([]);
  });

  it('leaves the distractors alone: Unit 301 of another qualification, 4.15, Level 3, NVQ 4/5, Grade 301, room 415', async () => {
    for (const sel of ['#assessment', '#progression', '#jobs', 'footer', 'nav', '.facts', 'h1'])
      expect(await highlightsWithin(page, sel), sel).toEqual([]);
  });

  it('does not read the last group of a phone number as a bare LDSS unit number', async () => {
    expect(await highlightsWithin(page, '#contact')).toEqual([]);
  });

  it('leaves the page DOM as it was (no wrapping, no card host until hover)', async () => {
    const before = await plainMarkup('/course-listing.html', (p) => p.waitForLoadState('load'));
    expect(await highlightCount(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before.html);
    expect(await cardHost(page)).toBe(0);
  });

  it('shows the card with code and title on hover, and Escape closes it', async () => {
    const at = await highlightCentre(page, 'WP 301');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 40, at!.y + 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const text = await cardText(page);
    expect(text).toContain('WP 301');
    expect(text).toContain('Build and maintain relationships in work with parents');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
  });

  it('shows the card for a title split across <b>, <a> and <span>', async () => {
    const title =
      'Communicate, engage and build positive relationships with children and young people and their families';
    const at = await highlightCentre(page, title);
    await page.mouse.move(0, 0);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    expect(await cardText(page)).toContain('GCU');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
  });

  it('moving away from a highlight closes the card', async () => {
    const at = await highlightCentre(page, 'WP302');
    await page.mouse.move(at!.x, at!.y, { steps: 2 });
    expect(await cardText(page)).toContain('Communicate effectively with parents');
    // Far from both the highlight and the card.
    const vp = page.viewportSize()!;
    await page.mouse.move(vp.width - 5, vp.height - 5, { steps: 4 });
    await expect.poll(() => cardHost(page), { timeout: WAIT_MS }).toBe(0);
  });

  it('hit-tests the pointer where it stopped when several moves arrive within one frame', async () => {
    await page.mouse.move(0, 0);
    await expect.poll(() => cardHost(page)).toBe(0);
    const at = (await highlightCentre(page, 'WP 301'))!;
    // Three moves in one task (Chromium aligns real moves with frames, Firefox does not): the last is on WP 301.
    await page.evaluate(({ x, y }) => {
      for (const [cx, cy] of [
        [5, 5],
        [x + 300, y + 120],
        [x, y],
      ])
        document.dispatchEvent(new MouseEvent('mousemove', { clientX: cx, clientY: cy, bubbles: true }));
    }, at);
    expect(await cardText(page)).toContain('Build and maintain relationships in work with parents');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
  });

  it('shows the card on keyboard focus of a link with a highlight; Alt+Shift+K enters it, Escape returns focus', async () => {
    await page.mouse.move(0, 0);
    await page.focus('#rpl-link');
    const text = await cardText(page);
    expect(text).toContain('WP 303');
    await page.keyboard.press('Alt+Shift+K');
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName ?? '')).toBe('nos-lens-card');
    expect((await readCard(page))?.focused).toBe('Open unit');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rpl-link');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('sets the badge to the number of distinct units, and getTabUnits lists them', async () => {
    const expected = [
      'wp-301',
      'wp-302',
      'ldss-gcu1',
      'ldss-312',
      'wp-307',
      'cypw3-work-with-parents-childrens-needs',
      'wp-313',
      'wp-303',
      'wp-305',
    ];
    await expect.poll(() => badgeOf(tabId)).toBe(String(expected.length));
    const units = await send<{ unitId: string; count: number; code: string }[]>({ type: 'getTabUnits', tabId });
    expect(units.map((u) => u.unitId).sort()).toEqual([...expected].sort());
    const wp301 = units.find((u) => u.unitId === 'wp-301')!;
    expect(wp301.count).toBe(2); // its code and its title
    expect(wp301.code).toBe('WP 301');
  });

  it('switches off for the site (highlights and badge gone, no card on hover), and back on', async () => {
    const count = await highlightCount(page);
    try {
      await send({ type: 'setSiteEnabled', host: HOST, enabled: false });
      await waitForHighlightCount(page, 0);
      await expect.poll(() => badgeOf(tabId)).toBe('');
      const found = await send<unknown[]>({ type: 'getTabUnits', tabId });
      expect(found).toEqual([]);
      const at = await page.evaluate(() => {
        const td = [...document.querySelectorAll('td')].find((c) => c.textContent === 'WP 301')!;
        const b = td.getBoundingClientRect();
        return { x: b.left + 10, y: b.top + b.height / 2 };
      });
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await page.waitForTimeout(600);
      expect(await cardHost(page)).toBe(0);
    } finally {
      await send({ type: 'setSiteEnabled', host: HOST, enabled: true });
    }
    await waitForHighlightCount(page, count);
    await expect.poll(() => badgeOf(tabId)).toBe('9');
  });

  it('logs no console or page errors that the page does not log without the extension', async () => {
    const without = await plainMarkup('/course-listing.html', (p) => p.waitForLoadState('load'));
    expect(errors.filter((e) => !without.errors.includes(e))).toEqual([]);
  });

  it('leaves the DOM as it was after hovering, focusing, closing cards and switching off and on', async () => {
    const without = await plainMarkup('/course-listing.html', (p) => p.waitForLoadState('load'));
    expect(await cardHost(page)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(without.html);
  });
});

describe('highlighter in Chromium: close titles on a course listing', () => {
  it('paints titles printed close to a unit’s title in the close style, and reports them as close', async () => {
    const { page, errors } = await open(launched.context, '/course-close-titles.html');
    // Labelled before the first run: the rows of units 300, 302 and 314 are close to WP 301, WP 305 and WP 302.
    expect(await readHighlights(page, 'nos-lens-close')).toEqual([
      'Build and Maintain Relationships With Parents',
      'Building and maintaining relationships with the wider community',
      'Communicating effectively with parents',
    ]);
    // Nothing on the page is an exact code or title, and the near misses stay dark.
    expect(await highlightTexts(page, 'nos-lens')).toEqual([]);
    const tabId = await tabIdOf(server.url('/course-close-titles.html'));
    await expect.poll(() => badgeOf(tabId)).toBe('3');
    const units = await send<{ unitId: string; count: number; close: number }[]>({ type: 'getTabUnits', tabId });
    expect(units.map((u) => [u.unitId, u.count, u.close]).sort()).toEqual([
      ['wp-301', 1, 1],
      ['wp-302', 1, 1],
      ['wp-305', 1, 1],
    ]);
    // The card says the page prints something close to the unit's title.
    const at = await highlightCentre(page, 'Build and Maintain Relationships With Parents', 'nos-lens-close');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 40, at!.y + 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const text = await cardText(page);
    expect(text).toContain('The page’s “Build and Maintain Relationships With Parents” is close to');
    expect(text).toContain('WP 301 Build and maintain relationships in work with parents');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('highlighter in Chromium: content that arrives later', () => {
  it('highlights a section added after a delay, and the badge follows', async () => {
    const { page, errors } = await open(launched.context, '/delayed.html');
    const tabId = await tabIdOf(server.url('/delayed.html'));
    expect(await highlightCount(page)).toBe(0);
    await page.waitForSelector('body[data-loaded="yes"]');
    await waitForHighlightCount(page, 1);
    expect(await highlightTexts(page)).toEqual(['WP 302']);
    expect(await highlightsWithin(page, '#spec')).toEqual(['WP 302']);
    await expect.poll(() => badgeOf(tabId)).toBe('1');
    const without = await plainMarkup('/delayed.html', (p) => p.waitForSelector('body[data-loaded="yes"]'));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(without.html);
    expect(errors.filter((e) => !without.errors.includes(e))).toEqual([]);
    // The page edits the text in place, then removes the section: the highlight and the badge follow.
    await page.evaluate(() => {
      document.querySelector('#spec strong')!.firstChild!.nodeValue = 'WP 305';
    });
    await expect.poll(() => highlightTexts(page)).toEqual(['WP 305']);
    await expect
      .poll(() => send<{ unitId: string }[]>({ type: 'getTabUnits', tabId }))
      .toMatchObject([{ unitId: 'wp-305' }]);
    await page.evaluate(() => document.getElementById('spec')!.remove());
    await waitForHighlightCount(page, 0);
    await expect.poll(() => badgeOf(tabId)).toBe('');
    await page.close();
  });

  it('keeps up with an endless-scroll list that appends items repeatedly', async () => {
    const { page, errors } = await open(launched.context, '/endless.html');
    const tabId = await tabIdOf(server.url('/endless.html'));
    await page.waitForSelector('body[data-done="yes"]', { timeout: WAIT_MS });
    // Item 2's bare numbers (317, 320) count only once item 19 names their suite, long after they were painted.
    await waitForHighlightCount(page, 7);
    expect(await highlightTexts(page)).toEqual(['317', '320', 'WP 319', 'GCU 2', 'WP 309', 'WP 314', 'LDSS 315']);
    await expect.poll(() => badgeOf(tabId)).toBe('7');
    const units = await send<{ unitId: string }[]>({ type: 'getTabUnits', tabId });
    expect(units.map((u) => u.unitId).sort()).toEqual([
      'ldss-315',
      'ldss-317',
      'ldss-320',
      'ldss-gcu2',
      'wp-309',
      'wp-314',
      'wp-319',
    ]);
    // "Level 2 and Level 3", "Course 12:" and the week counts stay plain.
    expect(await highlightsWithin(page, 'h3')).toEqual([]);
    const without = await plainMarkup('/endless.html', (p) => p.waitForSelector('body[data-done="yes"]'));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(without.html);
    expect(errors.filter((e) => !without.errors.includes(e))).toEqual([]);
    await page.close();
  });
});

describe('highlighter in Chromium: frames, shadow roots and size', () => {
  it('highlights in a same-origin iframe, reports its units for the tab, and shows the card there', async () => {
    const { page, errors } = await open(launched.context, '/framed.html');
    const tabId = await tabIdOf(server.url('/framed.html'));
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'))!;
    expect(frame).toBeDefined();
    expect(await readHighlights(frame)).toEqual(['WP 301']);
    expect(await highlightCount(page)).toBe(0); // the outer page names no unit
    await expect.poll(() => badgeOf(tabId)).toBe('1');
    const units = await send<{ unitId: string }[]>({ type: 'getTabUnits', tabId });
    expect(units.map((u) => u.unitId)).toEqual(['wp-301']);
    // Hovering the highlight inside the frame: the frame's own content script shows the card in the frame.
    const inFrame = await highlightCentre(frame, 'WP 301');
    const box = (await (await page.$('#handbook'))!.boundingBox())!;
    await page.mouse.move(box.x + inFrame!.x, box.y + inFrame!.y, { steps: 4 });
    expect((await waitForCard(frame)).text).toContain('Build and maintain relationships');
    await page.mouse.move(0, 0);
    // The frame follows its tab's site switch.
    try {
      await send({ type: 'setSiteEnabled', host: HOST, enabled: false });
      await waitForHighlightCount(frame, 0);
      await expect.poll(() => badgeOf(tabId)).toBe('');
    } finally {
      await send({ type: 'setSiteEnabled', host: HOST, enabled: true });
    }
    await waitForHighlightCount(frame, 1);
    await expect.poll(() => badgeOf(tabId)).toBe('1');
    const without = await plainMarkup('/framed.html', (p) => p.waitForLoadState('load'));
    expect(errors.filter((e) => !without.errors.includes(e))).toEqual([]);
    await page.close();
  });

  it("highlights inside a web component's open shadow root and shows the card on hover there", async () => {
    const { page, errors } = await open(launched.context, '/web-component.html');
    expect(await readHighlights(page)).toEqual([
      'WP 304',
      'Build and maintain relationships with colleagues engaged with work with parents',
    ]);
    const inShadow = await page.evaluate(() => {
      const root = document.querySelector('unit-card')!.shadowRoot!;
      return [...CSS.highlights.get('nos-lens')!].every((r) => root.contains((r as Range).startContainer));
    });
    expect(inShadow).toBe(true);
    const before = await page.evaluate(() => document.querySelector('unit-card')!.shadowRoot!.innerHTML);
    const at = await highlightCentre(page, 'WP 304');
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    expect(await cardText(page)).toContain('WP 304');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
    // The shadow root only got an adopted style sheet for the highlight colours: its markup is unchanged.
    expect(await page.evaluate(() => document.querySelector('unit-card')!.shadowRoot!.innerHTML)).toBe(before);
    const without = await plainMarkup('/web-component.html', (p) => p.waitForLoadState('load'));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(without.html);
    expect(errors.filter((e) => !without.errors.includes(e))).toEqual([]);
    await page.close();
  });

  it(`highlights a very large page (${LARGE_PARAGRAPHS} paragraphs) promptly and stays responsive`, async () => {
    const { page, errors } = await open(launched.context, '/large.html');
    const started = Date.now();
    await waitForHighlightCount(page, LARGE_REFS, 'nos-lens', 20_000);
    const took = Date.now() - started;
    expect(took).toBeLessThan(10_000);
    const texts = await highlightTexts(page);
    expect(texts).toHaveLength(LARGE_REFS);
    expect(new Set(texts)).toEqual(new Set(LARGE_CODES));
    // The numbered paragraphs ("250. …", "Item 14", "Level 3", "95.2") are not references.
    expect(await highlightsWithin(page, 'p:not(:has(b))')).toEqual([]);
    // A round trip through the page's event loop is quick while the extension is active.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect(Date.now() - t0).toBeLessThan(1_000);
    const tabId = await tabIdOf(server.url('/large.html'));
    await expect.poll(() => badgeOf(tabId)).toBe(String(LARGE_CODES.length));
    // A burst of 1000 new paragraphs in one go (past the watcher's threshold: one full rescan), three new references.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 1000; i++) {
        const p = document.createElement('p');
        p.textContent = i % 400 === 7 ? `Appendix ${i}: the team also completed WP 319.` : `Appendix paragraph ${i}.`;
        frag.appendChild(p);
      }
      main.appendChild(frag);
    });
    await waitForHighlightCount(page, LARGE_REFS + 3);
    await expect.poll(() => badgeOf(tabId)).toBe(String(LARGE_CODES.length + 1));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('highlighter in Chromium: a hostile page', () => {
  const unitTabs = () => launched.context.pages().filter((p) => p.url().includes('/unit.html')).length;
  const popupTabs = () => launched.context.pages().filter((p) => p.url().includes('/popup.html?tab=')).length;

  it("cannot read the card: its root is closed, and its text is nowhere the page's scripts can look", async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/course-listing.html'));
    await readHighlights(page);
    const at = await highlightCentre(page, 'WP 301');
    await page.mouse.move(at!.x - 40, at!.y + 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const card = await waitForCard(page);
    expect(card.mode).toBe('closed');
    // What the card says that the page does not: the suite's title line and the card's own words.
    const secrets = [
      'Work with Parents · Lifelong Learning UK',
      'Tag this page as evidence for this unit',
      'Esc closes',
    ];
    for (const secret of secrets) expect(card.text).toContain(secret);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('nos-lens-card')!;
      const serialised = (host as Element & { getHTML?: (o: object) => string }).getHTML?.({
        serializableShadowRoots: true,
      });
      let attached = 'attachShadow refused';
      try {
        host.attachShadow({ mode: 'open' });
        attached = 'attachShadow allowed';
      } catch {
        // A second root on the host is refused: the page cannot swap the card's root for one of its own.
      }
      return {
        shadowRoot: host.shadowRoot === null ? null : 'reachable',
        texts: [
          host.textContent ?? '',
          (host as HTMLElement).innerText,
          document.body.innerText,
          document.body.textContent ?? '',
          document.documentElement.outerHTML,
          serialised ?? '',
        ],
        attached,
      };
    });
    expect(seen.shadowRoot).toBeNull();
    expect(seen.attached).toBe('attachShadow refused');
    for (const text of seen.texts) for (const secret of secrets) expect(text).not.toContain(secret);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHost(page)).toBe(0);
    await page.close();
  });

  it("cannot press the card's buttons with synthesised input; a real click still opens the unit", async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/course-listing.html'));
    await readHighlights(page);
    const at = await highlightCentre(page, 'WP 301');
    await page.mouse.move(at!.x - 40, at!.y + 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const card = await waitForCard(page);
    const open = card.buttons.find((b) => b.name === 'Open unit')!;
    const tag = card.buttons.find((b) => b.name === 'Tag this page as evidence for this unit')!;
    const [units, popups] = [unitTabs(), popupTabs()];
    // What a page script can do: find what is under the buttons (the host, nothing inside it), click it, send it
    // pointer and mouse events at the buttons' places, focus it and send keys.
    const reached = await page.evaluate(
      (points) => {
        const hits: string[] = [];
        for (let i = 0; i < 5; i++)
          for (const { x, y } of points) {
            const el = document.elementFromPoint(x, y) as HTMLElement;
            hits.push(el.localName);
            el.click();
            for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
              el.dispatchEvent(
                new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, {
                  bubbles: true,
                  composed: true,
                  clientX: x,
                  clientY: y,
                }),
              );
            el.focus();
            for (const key of ['Enter', ' ', 'Tab'])
              for (const type of ['keydown', 'keypress', 'keyup'])
                el.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
          }
        return [...new Set(hits)];
      },
      [open, tag],
    );
    expect(reached).toEqual(['nos-lens-card']);
    await page.waitForTimeout(1_500);
    expect([unitTabs(), popupTabs()]).toEqual([units, popups]);
    // The card is still there for the user, who clicks Open unit with the mouse.
    const now = await waitForCard(page);
    const button = now.buttons.find((b) => b.name === 'Open unit')!;
    const opened = launched.context.waitForEvent('page', { timeout: WAIT_MS });
    await page.mouse.click(button.x, button.y);
    const unitPage = await opened;
    expect(unitPage.url()).toContain('/unit.html?id=wp-301');
    await unitPage.close();
    await page.close();
  });

  it('opens the unit from the keyboard: Alt+Shift+K into the card, then Enter', async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/course-listing.html'));
    await readHighlights(page);
    await page.focus('#rpl-link');
    expect((await waitForCard(page)).text).toContain('WP 303');
    await page.keyboard.press('Alt+Shift+K');
    await expect.poll(async () => (await readCard(page))?.focused).toBe('Open unit');
    const opened = launched.context.waitForEvent('page', { timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    const unitPage = await opened;
    expect(unitPage.url()).toContain('/unit.html?id=wp-303');
    await unitPage.close();
    await page.close();
  });

  it('cannot switch NOS Lens off by announcing a newer copy of its content script', async () => {
    const page = await launched.context.newPage();
    await page.goto(server.url('/course-listing.html'));
    await readHighlights(page);
    const before = await highlightCount(page);
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'made-by-the-page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      const p = document.createElement('p');
      p.textContent = 'Added later: this course also covers WP 305.';
      document.body.append(p);
    }, launched.extensionId);
    await waitForHighlightCount(page, before + 1);
    expect(await highlightTexts(page)).toContain('WP 305');
    await page.close();
  });
});
