// The toolbar badge of the viewer's own tab: how many units the document names, as on a web page. An extension page
// may set its own tab's badge directly; the background's per-tab records are for content scripts' pages.
import { browser } from 'wxt/browser';

let ownTab: Promise<number | undefined> | null = null;

export async function setOwnBadge(distinctUnits: number): Promise<void> {
  ownTab ??= browser.tabs.getCurrent().then((t) => t?.id);
  const tabId = await ownTab;
  if (tabId === undefined) return;
  // MV3 has `action`, Firefox's MV2 build `browserAction`: same calls.
  const action = browser.action ?? browser.browserAction;
  await action?.setBadgeText({ tabId, text: distinctUnits ? String(distinctUnits) : '' });
  await action?.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
}
