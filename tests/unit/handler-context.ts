// A HandlerContext for tests: a seeded database, an in-memory tab manager, and a sender (an extension page unless
// the test says otherwise), with the background's callbacks recorded.
import type { NosDatabase } from '@/lib/db';
import { MatcherSuitesCache } from '@/lib/background/matcher-suites';
import { memoryTabUnits, TabManager, type NosRecordState } from '@/lib/background/tabs';
import type { HandlerContext, Sender } from '@/lib/messages';

export interface TestContextOptions {
  sender?: Partial<Sender>;
  setBadge?: (tabId: number, text: string, portfolio: number, nosRecord: NosRecordState) => void;
  openPage?: (path: string) => Promise<void>;
  settingsChanged?: (standards?: boolean) => void;
}

export function handlerContext(
  db: NosDatabase,
  ready: Promise<unknown>,
  options: TestContextOptions = {},
): HandlerContext {
  return {
    db,
    ready,
    tabs: new TabManager(memoryTabUnits(), options.setBadge),
    matcherSuites: new MatcherSuitesCache(db),
    sender: { kind: 'page', ...options.sender },
    openPage: options.openPage,
    settingsChanged: options.settingsChanged,
  };
}

/** The same context as seen from another sender (same tab manager and database). */
export function from(ctx: HandlerContext, sender: Partial<Sender>): HandlerContext {
  return { ...ctx, sender: { ...ctx.sender, ...sender } };
}
