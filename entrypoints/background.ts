// Background: owns the database, seeds the bundled dataset, answers messages, keeps per-tab results and the badge.
import { browser } from 'wxt/browser';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handleMessage, hostOf, memoryTabUnits, tagFormPath, type TabUnitStore } from '@/lib/background/handlers';
import type { FoundUnit, TabCommand } from '@/lib/messages';

/** Per-tab results in storage.session so they survive the service worker going to sleep. */
function sessionTabUnits(): TabUnitStore {
  const session = browser.storage.session;
  if (!session) return memoryTabUnits();
  return {
    async get(tabId) {
      const key = `tab:${tabId}`;
      const got = await session.get(key);
      return (got[key] as Record<string, FoundUnit[]> | undefined) ?? {};
    },
    async set(tabId, frames) {
      await session.set({ [`tab:${tabId}`]: frames });
    },
  };
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
  const tabUnits = sessionTabUnits();
  // MV3 has `action`, Firefox's MV2 build `browserAction`: same calls.
  const action = browser.action ?? browser.browserAction;
  const setBadge = (tabId: number, text: string) => {
    void action?.setBadgeText({ tabId, text });
    void action?.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
  };

  const openPage = async (path: string) => {
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/unit.html') });
  };
  /** Every tab's content scripts re-read their on/off settings. */
  const settingsChanged = (standards = false) => {
    const command: TabCommand = { type: 'nosLens:settingsChanged', standards };
    void browser.tabs.query({}).then((tabs) => {
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, command).catch(() => undefined);
    });
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, {
      db,
      ready,
      tabUnits,
      setBadge,
      openPage,
      settingsChanged,
      senderTabId: sender.tab?.id,
      senderFrameId: sender.frameId,
      senderTabUrl: sender.tab?.url,
    }),
  );

  // The keyboard shortcut switches highlighting off or on for the active tab's site.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlighting') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const host = hostOf(tab?.url);
    if (host === null) return;
    const current = await handleMessage({ type: 'getSiteEnabled', host }, { db, ready, tabUnits });
    if (!current.ok) return;
    const { enabled, globalEnabled } = current.data as { enabled: boolean; globalEnabled: boolean };
    const ctx = { db, ready, tabUnits, settingsChanged };
    if (!enabled && !globalEnabled) await handleMessage({ type: 'setGlobalEnabled', enabled: true }, ctx);
    await handleMessage({ type: 'setSiteEnabled', host, enabled: !enabled }, ctx);
  });

  // Context menu: look a selection up, or file the page (with the selection as its quote) as evidence.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: 'nos-lens-lookup',
        title: 'Look up “%s” in NOS Lens',
        contexts: ['selection'],
      });
      browser.contextMenus.create({ id: 'nos-lens-tag', title: 'Tag selection as evidence', contexts: ['selection'] });
      browser.contextMenus.create({ id: 'nos-lens-tag-page', title: 'Tag this page as evidence', contexts: ['page'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
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

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session?.remove(`tab:${tabId}`);
  });
});
