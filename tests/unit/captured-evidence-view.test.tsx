// @vitest-environment happy-dom
// The unit page's evidence for a bundled unit linked to a captured standard: evidence filed against a captured
// criterion is listed under it, the count covers the captured criteria, and a criterion an update removed is kept
// with the evidence's own words, marked as no longer in the captured standard.
import { render } from 'preact';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import type { SuiteSummary } from '@/lib/dataset/summary';
import { UnitDetails } from '@/components/UnitDetails';
import { mergeCaptured } from '@/lib/capture/link';
import { nosRecordToUnit } from '@/lib/capture/to-unit';
import type { Evidence } from '@/lib/portfolio/model';
import { captureFile } from '../../scripts/scan-capture';

const ldss = loadBundledDataset().suites.find((s) => s.id === 'ldss')!;
const bundled = ldss.units.find((u) => u.id === 'ldss-309')!;
const summary: SuiteSummary = {
  id: ldss.id,
  title: ldss.title,
  origin: 'bundled',
  body: ldss.body,
  year: ldss.year,
  unitCount: ldss.units.length,
};
const record = captureFile(
  join(import.meta.dirname, '..', 'fixtures', 'capture', 'finder-liaise-families.html'),
).record!;
const captured = nosRecordToUnit(record, 'user-learning-support-invented', {
  url: 'https://standards.example.org/en/nos-finder/XYZ409/',
  capturedAt: new Date('2026-11-30T09:00:00Z'),
});

const evidence = (id: string, title: string, criteria: Evidence['criteria']): Evidence => ({
  id,
  url: `https://school.example.org/${id}`,
  pageTitle: title,
  quote: null,
  note: '',
  tags: [],
  type: 'reflective-account',
  activityDate: '2026-11-20',
  units: [{ unitId: 'ldss-309', code: '309', title: bundled.title, suiteTitle: ldss.title }],
  unitIds: ['ldss-309'],
  criteria,
  hours: null,
  attachment: null,
  document: null,
  snapshot: null,
  createdAt: 1,
  updatedAt: 1,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('evidence against a linked captured standard, on the bundled unit’s page', () => {
  it('lists it by captured criterion, and keeps one an update removed', () => {
    const root = document.body.appendChild(document.createElement('div'));
    const list = [
      evidence('ev-1', 'Drop-in mornings', [
        { unitId: 'ldss-309', id: 'nos-xyz409-p1', kind: 'pc', ref: 'P1', text: captured.criteria[0].text },
      ]),
      evidence('ev-2', 'Old translation rota', [
        { unitId: 'ldss-309', id: 'nos-xyz409-p9', kind: 'pc', ref: 'P9', text: 'book translators a week ahead' },
      ]),
    ];
    render(
      <UnitDetails
        unit={bundled}
        suite={summary}
        sameTitle={[]}
        evidence={list}
        evidenceUnit={mergeCaptured(bundled, captured)}
        capturedId={captured.id}
      />,
      root,
    );
    // The bundled unit's own section is as the dataset has it: the captured criteria are only offered for evidence.
    expect(root.querySelector('ol.criteria')).toBeNull();
    expect(root.querySelector('[data-criteria-shown]')?.textContent).toBe('Criteria evidenced: 1 of 7');
    const p1 = root.querySelector('.by-criterion li[data-criterion-id="nos-xyz409-p1"]')!;
    expect(p1.className).toBe('covered');
    expect(p1.textContent).toContain('P1');
    expect(p1.textContent).toContain('Drop-in mornings');
    const gone = root.querySelector('.by-criterion li[data-criterion-id="nos-xyz409-p9"]')!;
    expect(gone.textContent).toContain('P9 book translators a week ahead');
    expect(gone.textContent).toContain('(no longer in the captured standard)');
    expect(gone.textContent).toContain('Old translation rota');
  });
});
