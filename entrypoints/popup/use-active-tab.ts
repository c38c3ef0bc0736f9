// The tab this popup is about: the one named in its address, or else the active tab of the current window.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostOf } from '@/lib/urls';
import { popupAddress } from './address';

export interface ActiveTab {
  id: number;
  url: string;
  title: string;
  host: string | null;
}

/** Only web and file pages run the content script; browser pages cannot be read. */
export const isWebPage = (tab: ActiveTab | null): tab is ActiveTab => !!tab && /^(https?|file):/.test(tab.url);

async function findTab(): Promise<ActiveTab | null> {
  const given = popupAddress.tabId;
  const tab =
    Number.isInteger(given) && given > 0
      ? await browser.tabs.get(given).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  return { id: tab.id, url: tab.url ?? '', title: tab.title ?? '', host: hostOf(tab.url) };
}

export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    void findTab().then(setTab);
  }, []);
  return tab;
}
