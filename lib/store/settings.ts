// The settings table: typed getters and setters with their defaults. Nothing else reads or writes settings.
import type { NosDatabase } from '../db';
import { cleanLearnerName } from '../portfolio/model';
import { normaliseRoles, suitesForRoles, type RoleId, type Scope } from '../dataset/scope';

/** The suites in scope ([] = all): the one list coverage, Matches and the course comparison follow. */
const WORKING_SUITES = 'workingSuites';
/** The roles the user chose when asked ({ roles: [] } once asked and skipped); absent until asked. */
const SCOPE = 'scope';
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

function storedRoles(value: unknown): RoleId[] | null {
  if (typeof value !== 'object' || value === null) return null;
  return normaliseRoles(asIds((value as { roles?: unknown }).roles));
}

/**
 * The user's scope: the roles they chose and the suites in scope. Someone who chose working suites before the popup
 * asked about roles counts as asked (their suites are their scope); `adjusted` says the suites differ from what the
 * roles give.
 */
export async function getScope(db: NosDatabase): Promise<Scope> {
  return db.transaction('r', [db.suites, db.settings], async () => {
    const [stored, suites, known] = await Promise.all([
      db.settings.get(SCOPE),
      getWorkingSuites(db),
      db.suites.toCollection().primaryKeys(),
    ]);
    const roles = storedRoles(stored?.value);
    const given = suitesForRoles(roles ?? [], new Set(known));
    return {
      asked: roles !== null || suites.length > 0,
      roles: roles ?? [],
      suites,
      adjusted:
        (roles ?? []).length > 0 && (given.length !== suites.length || given.some((id) => !suites.includes(id))),
    };
  });
}

/**
 * Answers the scope question: stores the roles and sets the working suites to the suites they give (every suite for
 * "Show everything"). No roles ("Skip for now") counts as asked and leaves the working suites as they are.
 */
export async function setScope(db: NosDatabase, roleIds: readonly string[]): Promise<Scope> {
  return db.transaction('rw', [db.suites, db.settings], async () => {
    const roles = normaliseRoles(roleIds);
    await db.settings.put({ key: SCOPE, value: { roles } });
    if (roles.length) {
      const known = new Set(await db.suites.toCollection().primaryKeys());
      await db.settings.put({ key: WORKING_SUITES, value: suitesForRoles(roles, known) });
    }
    return getScope(db);
  });
}

/** The roles stored (null: never asked), for a backup. */
export async function getScopeRoles(db: NosDatabase): Promise<RoleId[] | null> {
  return storedRoles((await db.settings.get(SCOPE))?.value);
}

/** Stores the roles exactly as given (a backup being restored, inside its transaction). */
export async function putScopeRoles(db: NosDatabase, roles: readonly RoleId[]): Promise<void> {
  await db.settings.put({ key: SCOPE, value: { roles: normaliseRoles(roles) } });
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
