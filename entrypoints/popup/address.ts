// What the popup's address asks for: popup.html?tab=ID&tag=1&unit=ID (opened as a full tab) or ?q=words.
import { browser } from 'wxt/browser';

const params = new URLSearchParams(location.search);

export const popupAddress = {
  /** The tab to be about, when the popup was opened for one (from the card or the context menu). */
  tabId: Number(params.get('tab')),
  /** Opened as a full tab rather than as the toolbar popup, which closes itself once a unit opens. */
  inTab: params.has('tab'),
  /** Open the tag form at once, with these units ticked (none: every unit found on the page). */
  tagUnits: params.get('tag') === '1' ? params.getAll('unit') : null,
  query: params.get('q') ?? '',
};

const unitUrl = (unitId: string) => browser.runtime.getURL(`/unit.html?id=${encodeURIComponent(unitId)}`);

export async function openUnit(unitId: string) {
  await browser.tabs.create({ url: unitUrl(unitId) });
  if (!popupAddress.inTab) window.close();
}
