// Waits for a quiet moment before running something, but never longer than a maximum: on a page that keeps changing
// (a ticker, a chat, endless scroll) the badge and the popup still fill within `maxWait`.

export interface DebounceTimers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
  now: () => number;
}

export interface Debounced {
  /** Asks for a run: `delay` after the last call, or at most `maxWait` after the first unrun call. */
  schedule: () => void;
  /** Drops a pending run. */
  cancel: () => void;
}

export function debounce(run: () => void, delay: number, maxWait: number, timers: DebounceTimers): Debounced {
  let timer: number | undefined;
  /** When the first call not yet run came, or null when nothing is pending. */
  let firstAt: number | null = null;
  const fire = () => {
    timer = undefined;
    firstAt = null;
    run();
  };
  return {
    schedule() {
      const now = timers.now();
      firstAt ??= now;
      timers.clearTimeout(timer);
      timer = timers.setTimeout(fire, Math.max(0, Math.min(delay, firstAt + maxWait - now)));
    },
    cancel() {
      timers.clearTimeout(timer);
      timer = undefined;
      firstAt = null;
    },
  };
}
