import 'fake-indexeddb/auto';
// Filing evidence through the background's messages: validation, unit refs, edit, delete and undo, quota errors,
// the per-site switch that follows the sender's tab, and the pages the background opens.
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { handleMessage, type Sender } from '@/lib/messages';
import { getWorkingSuites, saveEvidence, storageError } from '@/lib/store';
import { from, handlerContext } from './handler-context';
import { EXTENSION_GONE, messagingError } from '@/lib/errors';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import type { Evidence } from '@/lib/portfolio/model';

async function context(sender: Partial<Sender> = {}) {
  const db = new NosDatabase(`evidence-${Math.random()}`);
  const dataset = loadBundledDataset();
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const opened: string[] = [];
  let changed = 0;
  const ctx = handlerContext(db, ready, {
    sender,
    openPage: (p) => Promise.resolve(void opened.push(p)),
    settingsChanged: () => void changed++,
  });
  return { db, ctx, opened, changes: () => changed };
}

const input = {
  url: 'https://jobs.example.org/learning-mentor',
  pageTitle: 'Learning Mentor – Northfield Academy',
  quote: { exact: 'work with parents', prefix: 'You will ', suffix: ' and carers', start: 10, end: 27 },
  note: 'Applied',
  tags: [' applications ', 'applications', '2026'],
  type: 'job-advert',
  activityDate: '2026-11-20',
  unitIds: ['wp-301', 'ldss-312', 'wp-301'],
  snapshot: 'Learning Mentor. You will work with parents and carers.',
};

describe('evidence messages', () => {
  it('saves evidence with the units as the database has them, tags cleaned', async () => {
    const { ctx, db } = await context();
    const reply = await handleMessage({ type: 'saveEvidence', evidence: input }, ctx);
    expect(reply.ok).toBe(true);
    const saved = (reply as { data: Evidence }).data;
    expect(saved.unitIds).toEqual(['wp-301', 'ldss-312']);
    expect(saved.units[0]).toEqual({
      unitId: 'wp-301',
      code: 'WP 301',
      title: 'Build and maintain relationships in work with parents',
      suiteTitle: 'Work with Parents',
    });
    expect(saved.tags).toEqual(['applications', '2026']);
    expect(await db.evidence.get(saved.id)).toEqual(saved);
    expect(await db.evidence.where('unitIds').equals('ldss-312').count()).toBe(1);
  });

  it.each([
    [{ ...input, unitIds: [] }, /at least one unit/],
    [{ ...input, url: 'javascript:alert(1)' }, /web address/],
    [{ ...input, activityDate: '20/11/2026' }, /YYYY-MM-DD/],
    [{ ...input, type: 'diary' }, /type/],
    [{ ...input, snapshot: 'x'.repeat(200_001) }, /snapshot/],
    [{ ...input, unitIds: ['no-such-unit'] }, /no unit “no-such-unit”/],
  ])('refuses bad evidence and stores nothing (%#)', async (evidence, message) => {
    const { ctx, db } = await context();
    const reply = await handleMessage({ type: 'saveEvidence', evidence }, ctx);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(message);
    expect(await db.evidence.count()).toBe(0);
  });

  it('edits in place, keeping the creation time and the snapshot', async () => {
    const { db } = await context();
    const first = await saveEvidence(db, input as never, 1000);
    const edited = await saveEvidence(
      db,
      { ...input, id: first.id, note: 'Interview on Monday', snapshot: null } as never,
      2000,
    );
    expect(edited).toMatchObject({ id: first.id, note: 'Interview on Monday', createdAt: 1000, updatedAt: 2000 });
    expect(edited.snapshot).toBe(input.snapshot);
    expect(await db.evidence.count()).toBe(1);
  });

  it('deletes and puts back exactly what was deleted (undo)', async () => {
    const { ctx, db } = await context();
    const saved = (await handleMessage({ type: 'saveEvidence', evidence: input }, ctx)) as { data: Evidence };
    const deleted = (await handleMessage({ type: 'deleteEvidence', id: saved.data.id }, ctx)) as { data: Evidence };
    expect(deleted.data).toEqual(saved.data);
    expect(await db.evidence.count()).toBe(0);
    const restored = await handleMessage({ type: 'restoreEvidence', evidence: deleted.data }, ctx);
    expect(restored.ok).toBe(true);
    expect(await db.evidence.get(saved.data.id)).toEqual(saved.data);
    expect(((await handleMessage({ type: 'deleteEvidence', id: 'gone' }, ctx)) as { data: unknown }).data).toBeNull();
  });

  it('says plainly when storage is full', () => {
    const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
    expect(storageError(quota).message).toMatch(/no storage space left.*Nothing already stored was lost/);
    expect(storageError({ name: 'AbortError', inner: quota }).message).toMatch(/no storage space/);
    expect(storageError(new Error('other')).message).toBe('other');
  });
});

describe('site switch and pages', () => {
  it('answers for the sender tab’s site when no host is given, and tells tabs when it changes', async () => {
    const { ctx, changes } = await context({ kind: 'content', tabUrl: 'https://jobs.example.org/advert' });
    await handleMessage(
      { type: 'setSiteEnabled', host: 'jobs.example.org', enabled: false },
      from(ctx, { kind: 'page' }),
    );
    expect(changes()).toBe(1);
    const reply = await handleMessage({ type: 'getSiteEnabled' }, ctx);
    expect(reply).toEqual({ ok: true, data: { enabled: false, globalEnabled: true, siteEnabled: false } });
    const other = await handleMessage(
      { type: 'getSiteEnabled', host: 'news.example.org' },
      from(ctx, { kind: 'page' }),
    );
    expect(other).toEqual({ ok: true, data: { enabled: true, globalEnabled: true, siteEnabled: true } });
  });

  it('opens the unit page and the tag form for the sender tab', async () => {
    const { ctx, opened } = await context({ kind: 'content', tabId: 7 });
    expect((await handleMessage({ type: 'openUnit', unitId: 'wp-301' }, ctx)).ok).toBe(true);
    expect((await handleMessage({ type: 'openUnit', unitId: 'nope' }, ctx)).ok).toBe(false);
    expect((await handleMessage({ type: 'openTagForm', unitIds: ['wp-301'] }, ctx)).ok).toBe(true);
    expect(opened).toEqual(['/unit.html?id=wp-301', '/popup.html?tab=7&tag=1&unit=wp-301']);
  });
});

describe('suites worked towards', () => {
  it('keeps both of two quick ticks (each applied against what is stored, not a list read earlier)', async () => {
    const { ctx, db } = await context();
    await Promise.all([
      handleMessage({ type: 'setWorkingSuite', suiteId: 'wp', working: true }, ctx),
      handleMessage({ type: 'setWorkingSuite', suiteId: 'ldss', working: true }, ctx),
    ]);
    expect((await getWorkingSuites(db)).sort()).toEqual(['ldss', 'wp']);
    await handleMessage({ type: 'setWorkingSuite', suiteId: 'wp', working: false }, ctx);
    expect(await getWorkingSuites(db)).toEqual(['ldss']);
    await handleMessage({ type: 'setWorkingSuite', suiteId: 'not-a-suite', working: true }, ctx);
    expect(await getWorkingSuites(db)).toEqual(['ldss']);
  });
});

describe('errors a user can act on', () => {
  it('says the disk is full instead of the browser’s I/O error, and the extension was updated instead of its jargon', () => {
    const io = Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' });
    expect(storageError(io).message).toMatch(/could not write to your disk \(it may be full\).*Nothing already stored/);
    expect(storageError({ name: 'AbortError', inner: io }).message).toMatch(/could not write to your disk/);
    expect(messagingError(new Error('Extension context invalidated.')).message).toBe(EXTENSION_GONE);
    expect(messagingError(new Error('Could not establish connection. Receiving end does not exist.')).message).toBe(
      EXTENSION_GONE,
    );
    expect(messagingError(new Error('Invalid message')).message).toBe('Invalid message');
  });
});
