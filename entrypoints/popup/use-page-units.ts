// The units the highlighter found on the tab (null until known; none when the background cannot say).
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import type { FoundUnit } from '@/lib/messages';
import type { ActiveTab } from './use-active-tab';

export function usePageUnits(tab: ActiveTab | null): FoundUnit[] | null {
  const [found, setFound] = useState<FoundUnit[] | null>(null);
  useEffect(() => {
    if (!tab) return;
    void send({ type: 'getTabUnits', tabId: tab.id })
      .catch(() => [])
      .then(setFound);
  }, [tab]);
  return found;
}
