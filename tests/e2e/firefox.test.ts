// The content script in Firefox ESR (headless, puppeteer over WebDriver BiDi) with the built firefox-mv2 extension
// installed temporarily. This file checks the page side (viewer-firefox.test.ts opens an extension page, the viewer,
// with a fixed extension UUID and --remote-allow-system-access): what is painted,
// with which painter (the CSS Custom Highlight API where the browser has it, else <nos-lens-mark> wrapping), that
// distractors are left alone, that later content is picked up, and the card on hover and focus (read through WebDriver
// BiDi: its shadow root is closed to the page and to Puppeteer's selectors) with the page unable to read or press it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT, serveFolder, type FixtureServer, WAIT_MS } from '../../scripts/browser';
import { closeTabsBidi, readCardBidi, tabUrlsBidi, waitForCardBidi } from './card-reader';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');

let browser: Browser;
let server: FixtureServer;
let painter: 'highlight' | 'wrap';

/** What the extension painted, in document order (whitespace collapsed), whichever painter it used. */
async function painted(page: Page, within = 'html'): Promise<string[]> {
  return page.evaluate((sel) => {
    const els = [...document.querySelectorAll(sel)];
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    const h = typeof CSS !== 'undefined' ? CSS.highlights?.get('nos-lens') : undefined;
    if (h)
      return [...h]
        .map((r) => r as Range)
        .filter((r) => els.some((el) => el.contains(r.startContainer)))
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((r) => clean(r.toString()));
    // WrapPainter: one mark per text-node piece; consecutive marks with one key make one match.
    const out: string[] = [];
    let last: Element | null = null;
    for (const m of document.querySelectorAll('nos-lens-mark')) {
      if (!els.some((el) => el.contains(m))) continue;
      const key = m.getAttribute('data-nos-lens-key');
      if (last && last.getAttribute('data-nos-lens-key') === key && last.compareDocumentPosition(m) === 4) {
        const between = document.createRange();
        between.setStartAfter(last);
        between.setEndBefore(m);
        if (!/\S/.test(between.toString())) {
          out[out.length - 1] = clean(`${out[out.length - 1]}${between.toString()}${m.textContent ?? ''}`);
          last = m;
          continue;
        }
      }
      out.push(clean(m.textContent ?? ''));
      last = m;
    }
    return out;
  }, within);
}

async function paintedCount(page: Page): Promise<number> {
  return (await painted(page)).length;
}

async function waitForPainted(page: Page, count: number, timeout = WAIT_MS): Promise<void> {
  const until = Date.now() + timeout;
  let n = await paintedCount(page);
  while (n !== count && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    n = await paintedCount(page);
  }
  expect(n).toBe(count);
}

beforeAll(async () => {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No build at ${FIREFOX_BUILD}: run npx wxt build -b firefox`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    protocolTimeout: WAIT_MS * 3,
    extraPrefsFirefox: { 'xpinstall.signatures.required': false },
  });
  await browser.installExtension(FIREFOX_BUILD);
  server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'), { '/favicon.ico': '' });
});

/** A new tab whose waits count as hangs only after WAIT_MS (puppeteer's own default is 30 s). */
async function newPage(): Promise<Page> {
  const p = await browser.newPage();
  p.setDefaultTimeout(WAIT_MS);
  p.setDefaultNavigationTimeout(WAIT_MS);
  return p;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('content script in Firefox ESR', () => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('/course-listing.html'));
    const hasApi = await page.evaluate(
      () => typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights !== undefined,
    );
    painter = hasApi ? 'highlight' : 'wrap';
    console.info(
      `[firefox.test] ${await browser.version()}: ${painter === 'highlight' ? 'CSS.highlights' : 'WrapPainter (<nos-lens-mark>)'}`,
    );
    const until = Date.now() + WAIT_MS;
    while ((await paintedCount(page)) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  });

  it('paints the unit table of a course listing, with the painter the browser supports', async () => {
    expect(await painted(page, '#unit-table')).toEqual([
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
    expect(await painted(page, 'aside')).toEqual(['WP 303', 'WP 305']);
    // With the Highlight API the page's DOM gets no marks at all.
    if (painter === 'highlight') expect(await page.$$eval('nos-lens-mark', (m) => m.length)).toBe(0);
  });

  it('leaves the distractors alone', async () => {
    for (const sel of ['#assessment', '#progression', '#jobs', 'footer', 'nav', '.facts', 'h1'])
      expect(await painted(page, sel), sel).toEqual([]);
  });

  it('shows the card on hover and closes it with Escape', async () => {
    const at = await page.evaluate(() => {
      const td = [...document.querySelectorAll('td')].find((c) => c.textContent === 'WP302')!;
      td.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(td.firstChild!);
      const b = range.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x - 30, at.y + 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    // Read through WebDriver BiDi: the card's root is closed, so no page script (nor Puppeteer's selectors) sees in.
    const card = await waitForCardBidi(browser, page);
    expect(card.text).toContain('WP 302');
    expect(card.text).toContain('Communicate effectively with parents');
    expect(card.mode).toBe('closed');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('nos-lens-card')!;
      return {
        shadowRoot: host.shadowRoot === null ? null : 'reachable',
        texts: [host.textContent ?? '', document.body.innerText, document.documentElement.outerHTML],
      };
    });
    expect(seen.shadowRoot).toBeNull();
    for (const text of seen.texts) {
      expect(text).not.toContain('Work with Parents · Lifelong Learning UK');
      expect(text).not.toContain('Esc closes');
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('nos-lens-card'), { timeout: WAIT_MS });
  });

  it('shows the card on keyboard focus of a link with a highlight in it', async () => {
    await page.mouse.move(0, 0);
    await page.focus('#rpl-link');
    expect((await waitForCardBidi(browser, page)).text).toContain('WP 303');
    // Alt+Shift+K moves the focus into the card, onto its Open button.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyK');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    expect((await readCardBidi(browser, page))?.focused).toBe('Open unit');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('nos-lens-card'), { timeout: WAIT_MS });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rpl-link');
  });

  it("cannot have its card pressed by the page's scripts; a real click opens the unit", async () => {
    const hostile = await newPage();
    await hostile.goto(server.url('/course-listing.html'));
    await waitForPainted(hostile, await paintedCount(page));
    await hostile.focus('#rpl-link');
    const card = await waitForCardBidi(browser, hostile);
    const unitTabs = async () => (await tabUrlsBidi(browser)).filter((u) => u.includes('/unit.html')).length;
    const before = await unitTabs();
    const points = card.buttons.filter((b) => b.name !== 'Close');
    // What a page script can do: take what is under the buttons (the host), click it, focus it and send it keys.
    const reached = await hostile.evaluate((pts) => {
      const hits: string[] = [];
      for (const { x, y } of pts) {
        const el = document.elementFromPoint(x, y) as HTMLElement;
        hits.push(el.localName);
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        el.focus();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      return [...new Set(hits)];
    }, points);
    expect(reached).toEqual(['nos-lens-card']);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await unitTabs()).toBe(before);
    const open = (await waitForCardBidi(browser, hostile)).buttons.find((b) => b.name === 'Open unit')!;
    await hostile.mouse.click(open.x, open.y);
    const until = Date.now() + WAIT_MS;
    while ((await unitTabs()) === before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect((await tabUrlsBidi(browser)).filter((u) => u.includes('/unit.html?id=wp-303'))).toHaveLength(1);
    await closeTabsBidi(browser, '/unit.html');
    await hostile.close();
  });

  it('paints in a same-origin iframe', async () => {
    const framed = await newPage();
    await framed.goto(server.url('/framed.html'));
    const frame = framed.frames().find((f) => f.url().endsWith('/frame-inner.html'))!;
    expect(frame).toBeDefined();
    await frame.waitForFunction(() => (CSS.highlights?.get('nos-lens')?.size ?? 0) > 0, { timeout: WAIT_MS });
    expect(
      await frame.evaluate(() => [...CSS.highlights.get('nos-lens')!].map((r) => (r as Range).toString())),
    ).toEqual(['WP 301']);
    await framed.close();
  });

  it('made the course listing log no errors (the page logs none by itself)', () => {
    expect(errors).toEqual([]);
  });

  it('picks up content added after a delay', async () => {
    const delayed = await newPage();
    await delayed.goto(server.url('/delayed.html'));
    await delayed.waitForSelector('body[data-loaded="yes"]', { timeout: WAIT_MS });
    await waitForPainted(delayed, 1);
    expect(await painted(delayed)).toEqual(['WP 302']);
    await delayed.close();
  });

  it("paints inside a web component's open shadow root", async () => {
    const wc = await newPage();
    await wc.goto(server.url('/web-component.html'));
    const until = Date.now() + WAIT_MS;
    const inShadow = () =>
      wc.evaluate(() => {
        const root = document.querySelector('unit-card')?.shadowRoot;
        if (!root) return [];
        const h = typeof CSS !== 'undefined' ? CSS.highlights?.get('nos-lens') : undefined;
        if (h)
          return [...h]
            .map((r) => r as Range)
            .filter((r) => root.contains(r.startContainer))
            .map((r) => r.toString());
        return [...root.querySelectorAll('nos-lens-mark')].map((m) => m.textContent ?? '');
      });
    let got = await inShadow();
    while (got.length < 2 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      got = await inShadow();
    }
    expect(got).toEqual(['WP 304', 'Build and maintain relationships with colleagues engaged with work with parents']);
    await wc.close();
  });

  it('keeps running when the page announces a newer copy of the content script', async () => {
    const hostile = await newPage();
    await hostile.goto(server.url('/course-listing.html'));
    await waitForPainted(hostile, await paintedCount(page));
    const before = await paintedCount(hostile);
    // Firefox's runtime id is the add-on id in the manifest: public, so a page can forge the event's name.
    await hostile.evaluate(() => {
      const type = 'nos-lens@nos-lens.example:content:wxt:content-script-started';
      const detail = { contentScriptName: 'content', messageId: 'made-by-the-page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      const p = document.createElement('p');
      p.textContent = 'Added later: this course also covers WP 305.';
      document.body.append(p);
    });
    await waitForPainted(hostile, before + 1);
    await hostile.close();
  });
});
