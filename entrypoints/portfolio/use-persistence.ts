// Asks the browser not to evict the portfolio, and says whether it agreed.
import { useEffect, useState } from 'preact/hooks';
import type { PersistenceState } from '@/components/PersistenceNote';

export function usePersistence(): PersistenceState {
  const [state, setState] = useState<PersistenceState>('checking');
  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persisted) {
      setState('unavailable');
      return;
    }
    void (async () => {
      try {
        const granted = (await storage.persisted()) || (await storage.persist());
        setState(granted ? 'persistent' : 'best-effort');
      } catch {
        setState('unavailable');
      }
    })();
  }, []);
  return state;
}
