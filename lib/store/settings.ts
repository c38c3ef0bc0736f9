// The settings table: typed getters and setters with their defaults. Nothing else reads or writes settings.
import type { NosDatabase } from '../db';
import { cleanLearnerName } from '../portfolio/model';

const WORKING_SUITES = 'workingSuites';
const HIGHLIGHT_ENABLED = 'highlightEnabled';
/** The learner's name for the evidence pack: absent until asked, '' when the user left it out. */
const LEARNER_NAME = 'learnerName';
const siteKey = (host: string) => `site:${host}`;

export interface SiteSettings {
  /** Highlighting runs on this site: switched on everywhere and not off for the site. */
  enabled: boolean;
  globalEnabled: boolean;
  siteEnabled: boolean;
}

function asIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

/** The suites the user works towards (none chosen: []). */
export async function getWorkingSuites(db: NosDatabase): Promise<string[]> {
  return asIds((await db.settings.get(WORKING_SUITES))?.value);
}

/** Keeps the known suite ids, once each, and returns what was stored. */
export async function setWorkingSuites(db: NosDatabase, suiteIds: readonly string[]): Promise<string[]> {
  return db.transaction('rw', [db.suites, db.settings], async () => {
    const known = new Set(await db.suites.toCollection().primaryKeys());
    const ids = [...new Set(suiteIds)].filter((id) => known.has(id));
    await db.settings.put({ key: WORKING_SUITES, value: ids });
    return ids;
  });
}

/**
 * Adds or removes one suite the user works towards, reading and writing in one transaction: two quick ticks (or two
 * tabs) each keep their change, where writing back a whole list read earlier would lose one.
 */
export async function setWorkingSuite(db: NosDatabase, suiteId: string, working: boolean): Promise<string[]> {
  return db.transaction('rw', [db.suites, db.settings], async () => {
    const current = await getWorkingSuites(db);
    const next = working ? [...current, suiteId] : current.filter((id) => id !== suiteId);
    return setWorkingSuites(db, next);
  });
}

/** Stores working suites exactly as given (a backup being restored, inside its transaction). */
export async function putWorkingSuites(db: NosDatabase, suiteIds: readonly string[]): Promise<void> {
  await db.settings.put({ key: WORKING_SUITES, value: [...suiteIds] });
}

/** The learner's name for the evidence pack: null until the user has been asked, '' when they left it out. */
export async function getLearnerName(db: NosDatabase): Promise<string | null> {
  const value = (await db.settings.get(LEARNER_NAME))?.value;
  return typeof value === 'string' ? value : null;
}

/** Stores the learner's name ('' to leave it out, which still counts as asked) and returns it as stored. */
export async function setLearnerName(db: NosDatabase, name: string): Promise<string> {
  const value = cleanLearnerName(name);
  await db.settings.put({ key: LEARNER_NAME, value });
  return value;
}

export async function getSiteSettings(db: NosDatabase, host: string): Promise<SiteSettings> {
  const [global, site] = await Promise.all([db.settings.get(HIGHLIGHT_ENABLED), db.settings.get(siteKey(host))]);
  const globalEnabled = global?.value !== false;
  const siteEnabled = site?.value !== false;
  return { enabled: globalEnabled && siteEnabled, globalEnabled, siteEnabled };
}

export async function setSiteEnabled(db: NosDatabase, host: string, enabled: boolean): Promise<SiteSettings> {
  await db.settings.put({ key: siteKey(host), value: enabled });
  return getSiteSettings(db, host);
}

export async function setGlobalEnabled(db: NosDatabase, enabled: boolean): Promise<void> {
  await db.settings.put({ key: HIGHLIGHT_ENABLED, value: enabled });
}
