// The report debounce: a quiet page reports once after the delay; a page that never stops changing still reports
// at least every maxWait.
import { describe, expect, it } from 'vitest';
import { debounce } from '@/lib/page/debounce';

function clock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        timers.set(next, { at: now + ms, fn });
        return next++;
      },
      clearTimeout: (id: number | undefined) => void (id !== undefined && timers.delete(id)),
      now: () => now,
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((x, y) => x[1].at - y[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

describe('debounce with a maximum wait', () => {
  it('runs once, the delay after the last call, when calls stop', () => {
    const c = clock();
    const runs: number[] = [];
    const d = debounce(() => runs.push(c.timers.now()), 300, 1_000, c.timers);
    d.schedule();
    c.advance(100);
    d.schedule();
    c.advance(1_000);
    expect(runs).toEqual([400]);
  });

  it('runs at least every maxWait while calls keep coming every 100 ms', () => {
    const c = clock();
    const runs: number[] = [];
    const d = debounce(() => runs.push(c.timers.now()), 300, 1_000, c.timers);
    for (let t = 0; t < 3_000; t += 100) {
      d.schedule();
      c.advance(100);
    }
    expect(runs).toEqual([1_000, 2_000, 3_000]);
  });

  it('cancel drops a pending run', () => {
    const c = clock();
    const runs: number[] = [];
    const d = debounce(() => runs.push(c.timers.now()), 300, 1_000, c.timers);
    d.schedule();
    d.cancel();
    c.advance(2_000);
    expect(runs).toEqual([]);
  });
});
