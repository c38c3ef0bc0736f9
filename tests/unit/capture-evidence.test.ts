import 'fake-indexeddb/auto';
// Evidence against the criteria of a standard captured and linked to a bundled unit: the tag form's criteria (the
// search index), saving evidence against them under the bundled unit, coverage and exports, and what an update of the
// capture does to evidence (lib/capture/stable-ids.ts): renumbered and reworded statements keep their ids, a removed
// one's id is never given to another statement.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { handleMessage, type ReplyOf, type Request } from '@/lib/messages';
import { withLinkedCaptureUnits } from '@/lib/capture/link';
import { diffCaptures } from '@/lib/capture/diff';
import { carryStatementIds } from '@/lib/capture/stable-ids';
import { nosRecordToUnit } from '@/lib/capture/to-unit';
import { criterionLabel, unitCriteria } from '@/lib/portfolio/criteria';
import { suiteCoverage } from '@/lib/portfolio/coverage';
import { evidenceCsv, toWebAnnotation } from '@/lib/portfolio/exports';
import type { Evidence } from '@/lib/portfolio/model';
import { evidencePack } from '@/lib/portfolio/pack';
import { backupSettings, makeBackup } from '@/lib/portfolio/backup';
import { UnitSearch } from '@/lib/search';
import { evidenceKeptByUpdate, getUnit, listUnits, searchableUnits } from '@/lib/store';
import type { NosRecord } from '@/lib/capture/nos-record';
import { captureFile } from '../../scripts/scan-capture';
import { handlerContext } from './handler-context';

const dataset = loadBundledDataset();
const DIR = join(import.meta.dirname, '..', 'fixtures', 'capture');
const LIAISE = 'https://standards.example.org/en/nos-finder/XYZ409/liaise-with-parents-carers-and-families';

function liaise(): NosRecord {
  const r = captureFile(join(DIR, 'finder-liaise-families.html')).record;
  if (!r) throw new Error('finder-liaise-families.html is not recognised');
  return r;
}

/**
 * Version 3 of the invented standard: a new P1 put first, the drop-in sessions (was P1) and diary (was P2) moved along,
 * the interpreters (was P3) removed, the concerns (P4) reworded.
 */
function liaiseV3(): NosRecord {
  const v2 = liaise();
  const [dropIn, diary, , concerns] = v2.criteria;
  return {
    ...v2,
    details: { ...v2.details, versionNumber: '3' },
    criteria: [
      { id: 'P1', number: 1, text: 'agree with each family how and when they would like to hear from the setting' },
      { ...dropIn, id: 'P2', number: 2 },
      { ...diary, id: 'P3', number: 3 },
      { ...concerns, text: 'pass on concerns raised by families to the class teacher on the same day' },
    ],
  };
}

async function linked() {
  const db = new NosDatabase(`capture-evidence-${Math.random()}`);
  const ready = seedDataset(db, dataset, datasetVersion(dataset));
  await ready;
  const ctx = handlerContext(db, ready);
  const ask = async <R extends Request>(request: R): Promise<ReplyOf<R['type']>> => {
    const reply = await handleMessage(request, ctx);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ReplyOf<R['type']>;
  };
  await ask({ type: 'captureStandard', record: liaise(), url: LIAISE });
  await ask({ type: 'linkCapture', unitId: 'nos-xyz409', sameAs: 'ldss-309' });
  return { db, ask, ctx };
}

const evidenceInput = (criteria: { unitId: string; id: string }[]) => ({
  url: 'https://school.example.org/news/family-drop-in',
  pageTitle: 'Our family drop-in mornings',
  quote: null,
  note: 'I run these every Friday.',
  tags: [],
  type: 'reflective-account' as const,
  activityDate: '2026-11-20',
  unitIds: ['ldss-309'],
  criteria,
  snapshot: null,
});

describe('the criteria of a linked captured standard under the bundled unit', () => {
  it('are offered by the tag form (the search index) and counted in coverage', async () => {
    const { db } = await linked();
    const search = new UnitSearch(await searchableUnits(db));
    const items = search.criteria('ldss-309');
    expect(items.map((c) => criterionLabel(c))).toEqual(['P1', 'P2', 'P3', 'P4', 'K1', 'K2', 'K3']);
    expect(items[0]).toMatchObject({ id: 'nos-xyz409-p1', kind: 'pc', ref: 'P1' });
    // A phrase from a captured criterion finds the bundled unit.
    const found = search.search('interpreters so that families who speak other languages');
    expect(found.kind === 'results' && found.units.map((u) => u.unitId)).toContain('ldss-309');
    // An unlinked bundled unit is as the dataset has it.
    expect(search.criteria('wp-301')).toEqual(unitCriteria((await getUnit(db, 'wp-301'))!));

    const units = withLinkedCaptureUnits(await listUnits(db)).map((u) => ({ ...u, criteria: unitCriteria(u) }));
    const evidence = [{ unitIds: ['ldss-309'], criteria: [{ unitId: 'ldss-309', id: 'nos-xyz409-p2' }] }];
    const ldss = suiteCoverage([{ id: 'ldss', title: 'LDSS' }], units, evidence as unknown as Evidence[])[0].units.find(
      (u) => u.id === 'ldss-309',
    );
    expect(ldss).toMatchObject({ evidence: 1, criteriaShown: 1, criteriaTotal: 7 });
  });

  it('take evidence under the bundled unit, and exports name them (CSV, Web Annotation URIs)', async () => {
    const { ask } = await linked();
    const saved = await ask({
      type: 'saveEvidence',
      evidence: evidenceInput([
        { unitId: 'ldss-309', id: 'nos-xyz409-p1' },
        { unitId: 'ldss-309', id: 'nos-xyz409-k3' },
      ]),
    });
    expect(saved.criteria).toEqual([
      {
        unitId: 'ldss-309',
        id: 'nos-xyz409-p1',
        kind: 'pc',
        ref: 'P1',
        text: "run welcoming drop-in sessions where families can ask about their child's day",
      },
      {
        unitId: 'ldss-309',
        id: 'nos-xyz409-k3',
        kind: 'ku',
        ref: 'K3',
        text: 'how to keep conversations with families confidential',
      },
    ]);
    expect(evidenceCsv([saved])).toContain('P1; K3');
    const sources = (toWebAnnotation(saved).body as { source?: string }[]).map((b) => b.source).filter(Boolean);
    expect(sources).toEqual([
      'urn:nos-lens:unit:ldss-309',
      'urn:nos-lens:unit:ldss-309:pc:P1',
      'urn:nos-lens:unit:ldss-309:ku:K3',
    ]);
    // The evidence pack lists them under the unit.
    const pack = evidencePack({
      backup: makeBackup({ evidence: [saved], courses: [], settings: backupSettings([], null) }),
      learnerName: null,
      roles: [],
      suites: [
        {
          id: 'ldss',
          title: 'Learning Development Support Services',
          units: [{ id: 'ldss-309', code: '309', title: 'Liaise with parents, carers and families' }],
        },
      ],
      scopeSuiteIds: [],
    });
    expect(pack).toContain(
      '<span class="code">P1</span> <bdi>run welcoming drop-in sessions where families can ask about their child&#39;s day</bdi>',
    );
  });

  it('are refused under the bundled unit once the capture is unlinked', async () => {
    const { ask, ctx } = await linked();
    await ask({ type: 'linkCapture', unitId: 'nos-xyz409', sameAs: null });
    const reply = await handleMessage(
      { type: 'saveEvidence', evidence: evidenceInput([{ unitId: 'ldss-309', id: 'nos-xyz409-p1' }]) },
      ctx,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toContain('has no criterion “nos-xyz409-p1”');
  });
});

describe('updating a captured standard that evidence points at', () => {
  it('keeps each statement’s id through renumbering and rewording, and never reuses a removed one', async () => {
    const { db, ask } = await linked();
    const saved = await ask({
      type: 'saveEvidence',
      evidence: evidenceInput([
        { unitId: 'ldss-309', id: 'nos-xyz409-p1' }, // drop-in sessions: becomes P2
        { unitId: 'ldss-309', id: 'nos-xyz409-p3' }, // interpreters: removed
        { unitId: 'ldss-309', id: 'nos-xyz409-p4' }, // concerns: reworded
      ]),
    });
    // The update's preview says which removed criteria evidence keeps.
    const before = (await getUnit(db, 'nos-xyz409'))!;
    expect(await evidenceKeptByUpdate(db, before, diffCaptures(before.captured!.record, liaiseV3()))).toEqual({
      printed: ['P3'],
      pieces: 1,
    });
    const update = await ask({ type: 'captureStandard', record: liaiseV3(), url: LIAISE });
    expect(update.updated).toBe(true);

    const unit = (await getUnit(db, 'nos-xyz409'))!;
    expect(unit.captured?.sameAs).toBe('ldss-309');
    expect(unit.criteria.map((c) => [c.number, c.id])).toEqual([
      ['P1', 'nos-xyz409-p1-2'], // new: its own number's id is the drop-in sessions'
      ['P2', 'nos-xyz409-p1'],
      ['P3', 'nos-xyz409-p2'],
      ['P4', 'nos-xyz409-p4'],
    ]);
    // The removed statement's id is given to nothing.
    expect(unit.criteria.some((c) => c.id === 'nos-xyz409-p3')).toBe(false);

    const after = (await db.evidence.get(saved.id))!;
    expect(after.criteria.map((c) => [c.id, c.ref, c.text])).toEqual([
      ['nos-xyz409-p1', 'P2', "run welcoming drop-in sessions where families can ask about their child's day"],
      [
        'nos-xyz409-p3',
        'P3',
        'arrange interpreters so that families who speak other languages can take part', // as remembered
      ],
      ['nos-xyz409-p4', 'P4', 'pass on concerns raised by families to the class teacher on the same day'],
    ]);
    expect(after.updatedAt).toBe(saved.updatedAt);

    // The tag form now offers the new statement; evidence can be filed against it, and editing the earlier evidence
    // keeps the removed criterion it remembers.
    const items = new UnitSearch(await searchableUnits(db)).criteria('ldss-309');
    expect(items.filter((c) => c.kind === 'pc').map((c) => `${c.ref} ${c.id}`)).toEqual([
      'P1 nos-xyz409-p1-2',
      'P2 nos-xyz409-p1',
      'P3 nos-xyz409-p2',
      'P4 nos-xyz409-p4',
    ]);
    const edited = await ask({
      type: 'saveEvidence',
      evidence: {
        ...evidenceInput([
          { unitId: 'ldss-309', id: 'nos-xyz409-p3' },
          { unitId: 'ldss-309', id: 'nos-xyz409-p1-2' },
        ]),
        id: saved.id,
      },
    });
    expect(edited.criteria.map((c) => c.ref)).toEqual(['P3', 'P1']);
  });

  it('gives a statement added after a removal a fresh id, even in a third capture (pure)', () => {
    const v2 = liaise();
    const at = new Date('2026-11-30T09:00:00Z');
    const unitOf = (r: NosRecord) => ({
      ...nosRecordToUnit(r, 'user-x', { url: LIAISE, capturedAt: at }),
      captured: { record: r, url: LIAISE, capturedAt: at.getTime() },
    });
    const first = unitOf(v2);
    // Version 3 drops P3 (interpreters); P4 keeps its number.
    const v3: NosRecord = { ...v2, criteria: v2.criteria.filter((c) => c.id !== 'P3') };
    const second = { ...carryStatementIds(first, unitOf(v3), diffCaptures(v2, v3)), captured: unitOf(v3).captured };
    expect(second.criteria.map((c) => c.id)).toEqual(['nos-xyz409-p1', 'nos-xyz409-p2', 'nos-xyz409-p4']);
    // Version 4 adds a different P3. Evidence still points at the old P3's id: the new one gets another.
    const v4: NosRecord = {
      ...v3,
      criteria: [...v3.criteria, { id: 'P3', number: 3, text: 'hold a yearly survey of what families think of us' }],
    };
    const third = carryStatementIds(second, unitOf(v4), diffCaptures(v3, v4), ['nos-xyz409-p3']);
    expect(third.criteria.map((c) => c.id)).toEqual([
      'nos-xyz409-p1',
      'nos-xyz409-p2',
      'nos-xyz409-p4',
      'nos-xyz409-p3-2',
    ]);
    // Knowledge and elements keep theirs too.
    expect(third.knowledge.map((k) => k.id)).toEqual(first.knowledge.map((k) => k.id));
  });
});
