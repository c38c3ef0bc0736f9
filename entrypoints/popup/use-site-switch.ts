// Highlighting on the tab's site and everywhere: the current switches, and turning them on or off.
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import type { ReplyOf } from '@/lib/messages';
import type { ActiveTab } from './use-active-tab';

export type SiteSwitch = ReplyOf<'getSiteEnabled'>;

export function useSiteSwitch(tab: ActiveTab | null) {
  const [site, setSite] = useState<SiteSwitch | null>(null);
  const host = tab?.host ?? null;
  useEffect(() => {
    if (host === null) return;
    void send({ type: 'getSiteEnabled', host })
      .catch(() => null)
      .then(setSite);
  }, [host]);

  const setSiteEnabled = async (enabled: boolean) => {
    if (host === null) return;
    await send({ type: 'setSiteEnabled', host, enabled });
    setSite(await send({ type: 'getSiteEnabled', host }));
  };
  const setGlobalEnabled = async (enabled: boolean) => {
    await send({ type: 'setGlobalEnabled', enabled });
    if (host !== null) setSite(await send({ type: 'getSiteEnabled', host }));
  };
  return { site, setSiteEnabled, setGlobalEnabled };
}
