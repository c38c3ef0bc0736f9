// Background: owns the database, seeds the bundled dataset, answers messages (checking who sent them), and wires the
// browser's events to the tab manager, the badge, the context menu and the keyboard shortcut.
import { browser, type Browser } from 'wxt/browser';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handleMessage, type HandlerContext, type Sender } from '@/lib/messages';
import { documentMenuItems, openDocumentFromMenu } from '@/lib/background/doc-menu';
import { MatcherSuitesCache } from '@/lib/background/matcher-suites';
import { badgeTitle, memoryTabUnits, TabManager, type NosRecordState, type TabUnitStore } from '@/lib/background/tabs';
import type { FoundUnit } from '@/lib/messages';
import type { TabCommand } from '@/lib/tab-commands';
import { hostOf, isExtensionPage, tagFormPath } from '@/lib/urls';

/** Per-tab results in storage.session so they survive the service worker going to sleep. */
function sessionTabUnits(): TabUnitStore {
  const session = browser.storage.session;
  if (!session) return memoryTabUnits();
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId) {
      const got = await session.get(key(tabId));
      return (got[key(tabId)] as Record<string, FoundUnit[]> | undefined) ?? {};
    },
    async set(tabId, frames) {
      await session.set({ [key(tabId)]: frames });
    },
    async remove(tabId) {
      await session.remove(key(tabId));
    },
  };
}

/** Which of the protocol's senders a message came from: the extension's own pages, or a content script in a tab. */
function senderOf(sender: Browser.runtime.MessageSender): Sender {
  const base = { tabId: sender.tab?.id, frameId: sender.frameId, tabUrl: sender.tab?.url };
  if (sender.id !== browser.runtime.id) return { kind: 'unknown', ...base };
  // Compared as a prefix of the extension's own base URL, not by URL.origin: for non-special schemes (and file: or
  // data: pages in some browsers) `origin` is the string "null", which would make unrelated senders look alike.
  if (isExtensionPage(sender.url, browser.runtime.getURL('/'))) return { kind: 'page', ...base };
  if (sender.tab) return { kind: 'content', ...base };
  return { kind: 'unknown', ...base };
}

export default defineBackground(() => {
  const db = new NosDatabase();
  const dataset = loadBundledDataset();
  const ready = seedDataset(db, dataset, datasetVersion(dataset)).then(
    (outcome) => {
      console.info('[NOS Lens] dataset', outcome);
      return outcome;
    },
    (error: unknown) => {
      console.error('[NOS Lens] seeding failed', error);
      throw error;
    },
  );
  // MV3 has `action`, Firefox's MV2 build `browserAction`: same calls.
  const action = browser.action ?? browser.browserAction;
  // A page in the user's portfolio gets a green badge (a mark when it names no unit) and says so on hover.
  // A page that looks like a NOS record gets a purple badge (`NOS` when it names no unit) and says so on hover.
  const setBadge = (tabId: number, text: string, portfolio: number, nosRecord: NosRecordState) => {
    void action?.setBadgeText({ tabId, text });
    const color = portfolio > 0 ? '#15803d' : nosRecord === 'new' ? '#6d28d9' : '#1d4ed8';
    void action?.setBadgeBackgroundColor({ tabId, color });
    const pieces = portfolio === 1 ? '1 piece' : `${portfolio} pieces`;
    void action?.setTitle({ tabId, title: badgeTitle(portfolio > 0 ? pieces : null, nosRecord) });
  };
  const tabs = new TabManager(sessionTabUnits(), setBadge);
  const matcherSuites = new MatcherSuitesCache(db);

  const openPage = async (path: string) => {
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/unit.html') });
  };
  /** Every tab's content scripts re-read their on/off settings (and, with `standards`, rebuild their matcher). */
  const settingsChanged = (standards = false) => {
    const command: TabCommand = { type: 'nosLens:settingsChanged', standards };
    void browser.tabs.query({}).then((all) => {
      for (const t of all) if (t.id !== undefined) browser.tabs.sendMessage(t.id, command).catch(() => undefined);
    });
  };
  const context = (sender: Sender): HandlerContext => ({
    db,
    ready,
    tabs,
    matcherSuites,
    sender,
    openPage,
    settingsChanged,
  });
  const asBackground = context({ kind: 'background' });

  // The listener answers with the promise it returns (webextension-polyfill's contract; the types are Chrome's).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, context(senderOf(sender))),
  );

  // The keyboard shortcut switches highlighting off or on for the active tab's site.
  const toggleSite = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const host = hostOf(tab?.url);
    if (host === null) return;
    const current = await handleMessage({ type: 'getSiteEnabled', host }, asBackground);
    if (!current.ok) return;
    const { enabled, globalEnabled } = current.data as { enabled: boolean; globalEnabled: boolean };
    if (!enabled && !globalEnabled) await handleMessage({ type: 'setGlobalEnabled', enabled: true }, asBackground);
    await handleMessage({ type: 'setSiteEnabled', host, enabled: !enabled }, asBackground);
  };
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-highlighting') void toggleSite();
  });

  // Context menu: look a selection up, file the page (with the selection as its quote) as evidence, or open a PDF or
  // Word document (a link to one, or the page showing one) in the viewer.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: 'nos-lens-lookup',
        title: 'Look up “%s” in NOS Lens',
        contexts: ['selection'],
      });
      browser.contextMenus.create({ id: 'nos-lens-tag', title: 'Tag selection as evidence', contexts: ['selection'] });
      browser.contextMenus.create({ id: 'nos-lens-tag-page', title: 'Tag this page as evidence', contexts: ['page'] });
      for (const item of documentMenuItems()) browser.contextMenus.create(item);
    });
  });
  const viewerOpener = {
    createTab: (props: Browser.tabs.CreateProperties) => browser.tabs.create(props),
    // Typed by WXT from the pages it builds: the viewer is one (entrypoints/viewer) whose path the type may not list yet.
    getURL: (path: string) => browser.runtime.getURL(path as '/popup.html'),
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void openDocumentFromMenu(info, tab, viewerOpener).catch((error: unknown) =>
      console.error('[NOS Lens] could not open the document', error),
    );
    if (info.menuItemId === 'nos-lens-lookup') {
      const q = (info.selectionText ?? '').trim().slice(0, 200);
      void openPage(`/popup.html?${new URLSearchParams({ q })}`);
    } else if (
      (info.menuItemId === 'nos-lens-tag' || info.menuItemId === 'nos-lens-tag-page') &&
      tab?.id !== undefined
    ) {
      void openPage(tagFormPath(tab.id));
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
