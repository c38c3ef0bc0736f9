// The tab's page in the portfolio: how many pieces were filed from it, since when, and which saved quotes the
// content script found on it again. Asked again after each save, so a piece just filed is counted.
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '@/lib/ext/send';
import type { PageEvidenceStatus } from '@/lib/tab-commands';
import { isWebPage, type ActiveTab } from './use-active-tab';

export function usePageEvidence(tab: ActiveTab | null, savedCount: unknown): PageEvidenceStatus | null {
  const [status, setStatus] = useState<PageEvidenceStatus | null>(null);
  useEffect(() => {
    if (!isWebPage(tab)) return;
    let live = true;
    // A page the content script cannot run in (or not yet) has no answer: nothing is shown.
    sendToTab(tab.id, { type: 'nosLens:evidenceStatus' })
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, [tab, savedCount]);
  return status;
}
