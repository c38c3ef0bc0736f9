// The popup: for now, shows that the standards are in the database (suites and unit counts).
import { useEffect, useState } from 'preact/hooks';
import { SuiteList } from '@/components/SuiteList';
import { send } from '@/lib/ext/send';
import type { Status } from '@/lib/messages';

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
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
        if (!s.seeded) timer = setTimeout(poll, 300);
      } catch (e) {
        if (stopped) return;
        setError(e instanceof Error ? e.message : String(e));
        timer = setTimeout(poll, 1000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <main>
      <h1>NOS Lens</h1>
      {error && (
        <p class="error" role="alert">
          Could not reach the NOS Lens database: {error}. Try closing and reopening this popup.
        </p>
      )}
      {!status && !error && <p class="status">Loading…</p>}
      {status && !status.seeded && (
        <p class="status" data-state="seeding">
          Preparing the standards for first use…
        </p>
      )}
      {status?.seeded && (
        <section data-state="ready">
          <p class="status" id="totals">
            {status.unitCount} units in {status.suites.length} suites, {status.frameworkCount} frameworks.
          </p>
          <h2>Suites</h2>
          <SuiteList suites={status.suites} />
        </section>
      )}
    </main>
  );
}
