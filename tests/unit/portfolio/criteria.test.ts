import 'fake-indexeddb/auto';
// Criteria on evidence, evidence that is not a web page, and attached files: the model, the writer's checks, the
// limits, coverage, the CSV and Web Annotations, and the backup (version 4 round trip; versions 1–3 read unchanged).
import { describe, expect, it } from 'vitest';
import { NosDatabase, seedDataset } from '@/lib/db';
import { datasetVersion, loadBundledDataset } from '@/lib/dataset/bundled';
import { criterionLabel, criterionUri, unitCriteria } from '@/lib/portfolio/criteria';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_TOTAL_BYTES,
  attachmentProblem,
  attachmentType,
} from '@/lib/portfolio/model';
import { makeBackup, parseBackup, toBase64, fromBase64 } from '@/lib/portfolio/backup';
import { EVIDENCE_CSV_COLUMNS, evidenceCsv, toWebAnnotation } from '@/lib/portfolio/exports';
import { criteriaCoverage, suiteCoverage } from '@/lib/portfolio/coverage';
import { backupFiles, getFile, importBackup, readPortfolio, saveEvidence } from '@/lib/store';
import type { EvidenceInput } from '@/lib/portfolio/schema';
import { evidence } from './fixtures';
import Papa from 'papaparse';

const dataset = loadBundledDataset();
const lssA = dataset.suites.find((s) => s.id === 'lss')!.units.find((u) => u.id === 'lss-a')!;
const lmUnit = dataset.suites.find((s) => s.id === 'lm')!.units[0];

async function seeded() {
  const db = new NosDatabase(`criteria-${Math.random()}`);
  await seedDataset(db, dataset, datasetVersion(dataset));
  return db;
}

const record = (over: Partial<EvidenceInput> = {}): EvidenceInput => ({
  url: null,
  pageTitle: 'Observed small-group reading',
  quote: null,
  note: 'My assessor watched me support a group of four learners.',
  tags: [],
  type: 'observation',
  activityDate: '2026-10-14',
  unitIds: ['lss-a'],
  criteria: [],
  hours: 1.5,
  snapshot: null,
  ...over,
});

const pdf = (bytes: number) => ({
  name: 'witness statement.pdf',
  type: 'application/pdf',
  blob: new Blob([new Uint8Array(bytes).fill(37)], { type: 'application/pdf' }),
});

describe('a unit’s criteria', () => {
  it('lists performance criteria with their knowledge statements, then elements, with printed labels', () => {
    const items = unitCriteria(lssA);
    expect(items[0]).toMatchObject({ id: 'lss-a-pc-1', kind: 'pc', ref: '1' });
    expect(items[1]).toMatchObject({ id: 'lss-a-ku1-1', kind: 'ku', ref: 'KU1.1' });
    expect(criterionLabel(items[0])).toBe('PC 1');
    expect(criterionLabel(items[1])).toBe('KU1.1');
    const elements = unitCriteria(lmUnit);
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.every((e) => e.kind === 'el')).toBe(true);
  });

  it('gives each a stable URI from what the source prints, or the id after the unit’s', () => {
    const [pc, ku] = unitCriteria(lssA);
    expect(criterionUri('lss-a', pc)).toBe('urn:nos-lens:unit:lss-a:pc:1');
    expect(criterionUri('lss-a', ku)).toBe('urn:nos-lens:unit:lss-a:ku:KU1.1');
    expect(criterionUri(lmUnit.id, unitCriteria(lmUnit)[0])).toBe(
      `urn:nos-lens:unit:${lmUnit.id}:el:${lmUnit.elements[0].id.slice(lmUnit.id.length + 1)}`,
    );
  });
});

describe('saving criteria', () => {
  it('remembers each criterion (kind, label, text) under its unit', async () => {
    const db = await seeded();
    const saved = await saveEvidence(
      db,
      record({
        criteria: [
          { unitId: 'lss-a', id: 'lss-a-pc-1' },
          { unitId: 'lss-a', id: 'lss-a-ku1-1' },
          { unitId: 'lss-a', id: 'lss-a-pc-1' },
        ],
      }),
    );
    expect(saved.criteria).toEqual([
      { unitId: 'lss-a', id: 'lss-a-pc-1', kind: 'pc', ref: '1', text: lssA.criteria[0].text },
      { unitId: 'lss-a', id: 'lss-a-ku1-1', kind: 'ku', ref: 'KU1.1', text: lssA.criteria[0].knowledge[0].text },
    ]);
    expect(saved.url).toBeNull();
    expect(saved.hours).toBe(1.5);
    expect(await db.evidence.get(saved.id)).toEqual(saved);
  });

  it('refuses a criterion the unit does not have, or one under a unit not ticked, storing nothing', async () => {
    const db = await seeded();
    await expect(saveEvidence(db, record({ criteria: [{ unitId: 'lss-a', id: 'lss-b-pc-1' }] }))).rejects.toThrow(
      /has no criterion “lss-b-pc-1”/,
    );
    await expect(saveEvidence(db, record({ criteria: [{ unitId: 'lss-b', id: 'lss-b-pc-1' }] }))).rejects.toThrow(
      /not filed against/,
    );
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('attached files', () => {
  it('allows PDF, images, .docx and text (by type or, without one, by extension) and nothing that runs', () => {
    expect(attachmentType('a.pdf', 'application/pdf')).toBe('application/pdf');
    expect(attachmentType('Statement.DOCX', '')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(attachmentType('page.html', 'text/html')).toBeNull();
    expect(attachmentType('logo.svg', 'image/svg+xml')).toBeNull();
    expect(attachmentProblem({ name: 'x.exe', type: 'application/octet-stream', size: 10 }, 0)).toMatch(
      /cannot be attached: NOS Lens keeps PDF/,
    );
  });

  it('refuses a file over 5 MB, or one taking the total over 50 MB, with a clear message', () => {
    expect(attachmentProblem({ name: 'big.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 }, 0)).toMatch(
      /at most 5\.0 MB/,
    );
    expect(attachmentProblem({ name: 'ok.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES }, 0)).toBeNull();
    expect(
      attachmentProblem({ name: 'last.pdf', type: 'application/pdf', size: 2 }, ATTACHMENTS_TOTAL_BYTES - 1),
    ).toMatch(/over 50\.0 MB in all/);
  });

  it('stores the file as a Blob with the evidence, replaces and removes it', async () => {
    const db = await seeded();
    const saved = await saveEvidence(db, record(), Date.now(), pdf(1000));
    expect(saved.attachment).toMatchObject({ name: 'witness statement.pdf', type: 'application/pdf', size: 1000 });
    const stored = await getFile(db, saved.attachment!.fileId);
    expect(stored?.evidenceId).toBe(saved.id);
    expect(stored?.blob.size).toBe(1000);
    const replaced = await saveEvidence(db, record({ id: saved.id }), Date.now(), pdf(10));
    expect(await getFile(db, saved.attachment!.fileId)).toBeNull();
    expect((await getFile(db, replaced.attachment!.fileId))?.blob.size).toBe(10);
    // An edit that does not touch the file keeps it.
    const edited = await saveEvidence(db, record({ id: saved.id, note: 'edited' }));
    expect(edited.attachment).toEqual(replaced.attachment);
    const removed = await saveEvidence(db, record({ id: saved.id }), Date.now(), 'remove');
    expect(removed.attachment).toBeNull();
    expect(await db.files.count()).toBe(0);
  });

  it('refuses a file over the total and stores nothing, neither the file nor the evidence', async () => {
    const db = await seeded();
    // Nine files of 5 MB are stored (45 MB); a tenth fits exactly; one more byte does not.
    for (let i = 0; i < 10; i++) await saveEvidence(db, record(), Date.now(), pdf(ATTACHMENT_MAX_BYTES));
    const before = { evidence: await db.evidence.count(), files: await db.files.count() };
    await expect(saveEvidence(db, record({ id: 'one-too-many' }), Date.now(), pdf(1))).rejects.toThrow(
      /over 50\.0 MB in all/,
    );
    expect({ evidence: await db.evidence.count(), files: await db.files.count() }).toEqual(before);
    expect(await db.evidence.get('one-too-many')).toBeUndefined();
  });
});

describe('coverage of criteria', () => {
  it('counts, per unit, the criteria evidenced out of the unit’s total', () => {
    const units = [{ id: 'lss-a', suiteId: 'lss', code: 'A', title: 'Standard A', criteria: unitCriteria(lssA) }];
    const shown = evidence('e1', {
      units: [{ unitId: 'lss-a', code: 'A', title: 'Standard A', suiteTitle: 'LSS' }],
      unitIds: ['lss-a'],
      criteria: [
        { unitId: 'lss-a', id: 'lss-a-pc-1', kind: 'pc', ref: '1', text: '' },
        { unitId: 'lss-a', id: 'lss-a-pc-2', kind: 'pc', ref: '2', text: '' },
      ],
    });
    const again = evidence('e2', { ...shown, id: 'e2', criteria: [shown.criteria[0]] });
    const [suite] = suiteCoverage([{ id: 'lss', title: 'LSS' }], units, [shown, again]);
    expect(suite.units[0]).toMatchObject({ evidence: 2, criteriaShown: 2, criteriaTotal: units[0].criteria.length });
    expect(criteriaCoverage(units[0].criteria, [shown, again], 'lss-a').get('lss-a-pc-1')).toHaveLength(2);
  });
});

describe('exports with criteria', () => {
  const e = evidence('e1', {
    units: [{ unitId: 'lss-a', code: 'A', title: 'Standard A', suiteTitle: 'LSS' }],
    unitIds: ['lss-a'],
    criteria: [
      { unitId: 'lss-a', id: 'lss-a-pc-1', kind: 'pc', ref: '1', text: 'Provide high quality learning support' },
      { unitId: 'lss-a', id: 'lss-a-ku1-1', kind: 'ku', ref: 'KU1.1', text: 'High expectations' },
    ],
    hours: 2,
  });

  it('CSV: a criteria column with the unit’s criteria by label, hours and the attachment’s name', () => {
    const [header, row] = Papa.parse<string[]>(evidenceCsv([e]).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(header).toEqual([...EVIDENCE_CSV_COLUMNS]);
    expect(row[header.indexOf('criteria')]).toBe('PC 1; KU1.1');
    expect(row[header.indexOf('hours')]).toBe('2');
  });

  it('Web Annotations: a tagging body per criterion with its stable URI; a record without a page targets its title', () => {
    const a = toWebAnnotation(e);
    expect(a.body).toContainEqual(
      expect.objectContaining({
        purpose: 'tagging',
        source: 'urn:nos-lens:unit:lss-a:pc:1',
        label: expect.stringMatching(/^PC 1 /),
      }),
    );
    expect(a.body).toContainEqual(expect.objectContaining({ source: 'urn:nos-lens:unit:lss-a:ku:KU1.1' }));
    const offline = toWebAnnotation({ ...e, url: null, quote: null, pageTitle: 'Observation of group reading' });
    expect(offline.target).toEqual({
      type: 'TextualBody',
      value: 'Observation of group reading',
      format: 'text/plain',
    });
  });
});

describe('backup version 4', () => {
  it('round-trips criteria, hours, a record without a page and its file into a fresh profile', async () => {
    const source = await seeded();
    const saved = await saveEvidence(
      source,
      record({ criteria: [{ unitId: 'lss-a', id: 'lss-a-pc-2' }] }),
      Date.now(),
      pdf(70_000),
    );
    const portfolio = await readPortfolio(source);
    const text = JSON.stringify(
      makeBackup({ ...portfolio, settings: { workingSuites: [] }, files: await backupFiles(source) }),
    );
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    const target = await seeded();
    expect(await importBackup(target, parsed.backup)).toMatchObject({ added: 1 });
    expect(await target.evidence.get(saved.id)).toEqual(saved);
    const file = await getFile(target, saved.attachment!.fileId);
    expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(new Uint8Array(70_000).fill(37));
    expect(file!.blob.type).toBe('application/pdf');
    // A second import changes nothing.
    expect(await importBackup(target, parsed.backup)).toMatchObject({ added: 0, updated: 0 });
    expect(await target.files.count()).toBe(1);
  });

  it('leaves out a file no evidence names, or whose size differs, and says so', () => {
    const e = evidence('e1', { attachment: { fileId: 'f1', name: 'a.txt', type: 'text/plain', size: 3 } });
    const files = [
      { id: 'f1', evidenceId: 'e1', type: 'text/plain', data: toBase64(new TextEncoder().encode('abcd')) },
      { id: 'f2', evidenceId: 'e9', type: 'text/plain', data: toBase64(new TextEncoder().encode('abc')) },
    ];
    const parsed = parseBackup(
      JSON.stringify(makeBackup({ evidence: [e], courses: [], settings: { workingSuites: [] }, files })),
    );
    expect(parsed.ok && parsed.backup.files).toEqual([]);
    expect(parsed.ok && parsed.problems).toEqual([
      expect.stringMatching(/^files\[0\]: its size differs/),
      expect.stringMatching(/^files\[1\]: no evidence in the file has it attached/),
    ]);
    expect(new TextDecoder().decode(fromBase64(files[0].data))).toBe('abcd');
  });

  it.each([1, 2, 3])('reads a version %i backup’s evidence unchanged, with no criteria, hours or file', (version) => {
    const old = evidence('e-old') as Partial<ReturnType<typeof evidence>>;
    delete old.criteria;
    delete old.hours;
    delete old.attachment;
    const file = {
      format: 'nos-lens-backup',
      version,
      exportedAt: '2026-01-02T03:04:05.000Z',
      evidence: [old],
      courses: [],
      settings: { workingSuites: ['wp'] },
    };
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok && parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.backup.evidence).toEqual([{ ...old, criteria: [], hours: null, attachment: null }]);
    expect(parsed.ok && parsed.backup.files).toEqual([]);
  });
});
