// Keeps the viewer tab's badge on the number of units the document names.
import { useEffect } from 'preact/hooks';
import type { FoundUnit } from '@/lib/messages';
import { setOwnBadge } from './badge';

export function useBadge(found: FoundUnit[] | null): void {
  const count = found?.length ?? 0;
  useEffect(() => {
    setOwnBadge(count).catch(() => undefined);
  }, [count]);
}
