// The dataset's status from the background, polled while it seeds the standards on first install.
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import type { ReplyOf } from '@/lib/messages';

export type DatasetStatus = ReplyOf<'getStatus'>;

export function useDatasetStatus() {
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await send({ type: 'getStatus' });
        if (stopped) return;
        setStatus(s);
        setError(null);
        if (!s.seeded) timer = setTimeout(() => void poll(), 300);
      } catch (e) {
        if (stopped) return;
        setError(errorMessage(e));
        timer = setTimeout(() => void poll(), 1000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return { status, error };
}
