// Reads the hover card as the browser itself sees it. The card lives in a closed shadow root, so page scripts cannot
// reach it, and neither can Playwright's or Puppeteer's selectors (they run as page scripts and pierce open roots
// only). The browsers' debugging protocols see every root: CDP in Chromium, WebDriver BiDi in Firefox. Nothing here
// needs anything from the extension beyond what it ships.
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import { WAIT_MS } from '../../scripts/browser';

/** A button in the card: its accessible label and its centre in the viewport of the card's document. */
export interface CardButton {
  name: string;
  className: string;
  x: number;
  y: number;
}

/**
 * What the card shows: its root's mode, its text (whitespace collapsed), whether units are drawn, its buttons, and
 * the name of the button that has the focus (null when the focus is not in the card).
 */
export interface SeenCard {
  mode: string;
  text: string;
  loaded: boolean;
  buttons: CardButton[];
  /** The card's links' href attributes, in order. */
  links: string[];
  focused: string | null;
}

/** Runs in the page with the card's shadow root as `this` (CDP) or as the argument (BiDi). */
const DESCRIBE_ROOT = `function describeRoot(root) {
  const card = root.querySelector('.card');
  if (!card) return null;
  const nameOf = (b) => b.getAttribute('aria-label') || b.textContent.trim();
  const buttons = [...card.querySelectorAll('button')].map((b) => {
    const r = b.getBoundingClientRect();
    return {
      name: nameOf(b),
      className: b.className,
      x: r.left + r.width / 2,
      y: r.top + r.height / 2,
    };
  });
  return {
    text: card.textContent.replace(/\\s+/g, ' ').trim(),
    loaded: card.querySelector('.unit h2, .evidence h2') !== null,
    buttons,
    links: [...card.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    focused: root.activeElement && root.activeElement.localName === 'button' ? nameOf(root.activeElement) : null,
  };
}`;

interface DomNode {
  localName?: string;
  documentURL?: string;
  backendNodeId: number;
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
  if (node.contentDocument) yield* walk(node.contentDocument);
}

/** The card hosts in a document, not in the frames inside it. */
function* hostsIn(node: DomNode): Generator<DomNode> {
  if (node.localName === 'nos-lens-card') yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* hostsIn(child);
}

/**
 * The card in a Chromium page or frame now, read through CDP (`DOM.getDocument` with `pierce` sees closed roots);
 * null while there is no card. Throws if there is more than one.
 */
export async function readCard(target: Page | Frame): Promise<SeenCard | null> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const cdp = await cdpOf(frame.page());
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const doc = frame === frame.page().mainFrame() ? root : [...walk(root)].find((n) => n.documentURL === frame.url());
  if (!doc) throw new Error(`No document for ${frame.url()}`);
  const hosts = [...hostsIn(doc)];
  if (hosts.length > 1) throw new Error(`${hosts.length} cards in ${frame.url()}`);
  const shadow = hosts[0]?.shadowRoots?.[0];
  if (!shadow) return null;
  const objectGroup = 'nos-lens-card-reader';
  try {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () { return (${DESCRIBE_ROOT})(this); }`,
      returnByValue: true,
    });
    const seen = result.value as Omit<SeenCard, 'mode'> | null;
    return seen && { mode: shadow.shadowRootType ?? 'unknown', ...seen };
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  }
}

/** Waits until the card has drawn its units, and returns it. */
export async function waitForCard(target: Page | Frame, timeout = WAIT_MS): Promise<SeenCard> {
  return until(
    () => readCard(target),
    (c) => c?.loaded === true,
    timeout,
  ) as Promise<SeenCard>;
}

/** The centre of the card's button named `name`, for a real click with the mouse. */
export async function cardButton(target: Page | Frame, name: string): Promise<CardButton> {
  const card = await waitForCard(target);
  const button = card.buttons.find((b) => b.name === name);
  if (!button) throw new Error(`No “${name}” button in the card: ${card.buttons.map((b) => b.name).join(', ')}`);
  return button;
}

/** The minimal WebDriver BiDi connection Puppeteer's Firefox browser has (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: { localName?: string; mode?: string; shadowRoot?: BidiNode | null };
}

function bidiOf(browser: PuppeteerBrowser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('This Puppeteer browser has no WebDriver BiDi connection');
  return connection;
}

/** The addresses of the browser's tabs, extension pages included (Puppeteer shows those as about:blank). */
export async function tabUrlsBidi(browser: PuppeteerBrowser): Promise<string[]> {
  const tree = (await bidiOf(browser).send('browsingContext.getTree', { maxDepth: 0 })).result as {
    contexts: { url: string }[];
  };
  return tree.contexts.map((c) => c.url);
}

/** Closes the tabs whose address contains `part`. */
export async function closeTabsBidi(browser: PuppeteerBrowser, part: string): Promise<void> {
  const connection = bidiOf(browser);
  const tree = (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result as {
    contexts: { context: string; url: string }[];
  };
  for (const c of tree.contexts)
    if (c.url.includes(part)) await connection.send('browsingContext.close', { context: c.context });
}

/**
 * The card in a Firefox page now, read through WebDriver BiDi (`includeShadowTree: 'all'` serialises closed roots);
 * null while there is no card.
 */
export async function readCardBidi(browser: PuppeteerBrowser, page: PuppeteerPage): Promise<SeenCard | null> {
  const connection = bidiOf(browser);
  // Two tabs may show the same address: the page's own browsing context id (Puppeteer keeps it as the frame's _id).
  const context = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof context !== 'string') throw new Error(`No browsing context id for ${page.url()}`);
  const target = { context };
  const host = (
    await connection.send('script.evaluate', {
      expression: "document.querySelector('nos-lens-card')",
      target,
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    })
  ).result as { type: string; result: BidiNode };
  const shadow = host.result.value?.shadowRoot;
  if (host.type !== 'success' || !shadow?.sharedId) return null;
  const described = (
    await connection.send('script.callFunction', {
      functionDeclaration: DESCRIBE_ROOT,
      arguments: [{ sharedId: shadow.sharedId }],
      target,
      awaitPromise: false,
      serializationOptions: { maxObjectDepth: 4 },
    })
  ).result as { type: string; result: unknown };
  if (described.type !== 'success') throw new Error(`Could not read the card: ${JSON.stringify(described)}`);
  const seen = fromBidi(described.result) as Omit<SeenCard, 'mode'> | null;
  return seen && { mode: shadow.value?.mode ?? 'unknown', ...seen };
}

/** Waits until the Firefox card has drawn its units, and returns it. */
export async function waitForCardBidi(
  browser: PuppeteerBrowser,
  page: PuppeteerPage,
  timeout = WAIT_MS,
): Promise<SeenCard> {
  return until(
    () => readCardBidi(browser, page),
    (c) => c?.loaded === true,
    timeout,
  ) as Promise<SeenCard>;
}

/** A BiDi remote value (primitives, arrays and plain objects) as the JavaScript value. */
function fromBidi(v: unknown): unknown {
  const { type, value } = v as { type: string; value?: unknown };
  if (type === 'null' || type === 'undefined') return null;
  if (type === 'array') return (value as unknown[]).map(fromBidi);
  if (type === 'object')
    return Object.fromEntries((value as [string, unknown][]).map(([k, item]) => [k, fromBidi(item)]));
  return value;
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`The card did not load within ${timeout} ms (last seen: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
