// Whether the tab's page is already in the user's portfolio: how many pieces were filed from it (under any address
// of the same page) and since when. Read live, so a piece saved from this popup shows at once.
import { evidenceForPage } from '@/lib/store';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { isWebPage, type ActiveTab } from './use-active-tab';

export interface PageEvidence {
  count: number;
  /** When the first piece was filed (ms since 1970). */
  since: number;
}

export function usePageEvidence(tab: ActiveTab | null): PageEvidence | null {
  const url = isWebPage(tab) ? tab.url : null;
  const live = useLiveQuery(async () => (url === null ? [] : evidenceForPage(pageDb(), url)), [url]);
  if (live.status !== 'ready' || live.value.length === 0) return null;
  return { count: live.value.length, since: live.value[0].createdAt };
}
