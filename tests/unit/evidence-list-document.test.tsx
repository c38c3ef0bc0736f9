// @vitest-environment happy-dom
// The portfolio's list and the unit page show which document a quote comes from, and open it in the viewer at the
// quote's page.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceList } from '@/components/EvidenceList';
import { UnitDetails } from '@/components/UnitDetails';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { evidence } from './portfolio/fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

const shown = (items: Parameters<typeof EvidenceList>[0]['evidence']) => {
  const root = document.body.appendChild(document.createElement('div'));
  render(<EvidenceList evidence={items} onEdit={() => {}} onDelete={() => {}} />, root);
  return [...root.querySelectorAll('li[data-evidence-id]')].map((li) => ({
    href: li.querySelector('a.evidence-title')?.getAttribute('href') ?? null,
    document: li.querySelector('.document-ref')?.textContent ?? null,
  }));
};

describe('evidence on documents in the portfolio list', () => {
  it('links a PDF quote to the viewer at its page, and names page and document', () => {
    const url = 'https://school.example/jobs/ta jd.pdf?v=2';
    const pdf = evidence('p', {
      url,
      document: { kind: 'pdf', fingerprint: 'a'.repeat(32), page: 4, title: 'TA job description' },
    });
    expect(shown([pdf])).toEqual([
      {
        href: `viewer.html?src=${encodeURIComponent(url)}#page=4`,
        document: 'page 4 of TA job description (PDF)',
      },
    ]);
  });

  it('shows a Word file from disk by name without a link, and a web page as before', () => {
    const docx = evidence('w', {
      url: null,
      pageTitle: 'Handbook.docx',
      document: { kind: 'docx', fingerprint: 'b'.repeat(64) },
    });
    const web = evidence('e');
    expect(shown([docx, web])).toEqual([
      { href: null, document: 'Handbook.docx (Word document)' },
      { href: web.url, document: null },
    ]);
  });
});

describe('evidence on documents on the unit page', () => {
  it('opens a PDF quote in the viewer at its page, naming page and document', () => {
    const unit = loadBundledDataset()
      .suites.flatMap((x) => x.units)
      .find((u) => u.id === 'wp-301')!;
    const url = 'https://school.example/jd.pdf';
    const pdf = evidence('p', {
      url,
      document: { kind: 'pdf', fingerprint: 'a'.repeat(32), page: 2, title: 'Job description' },
    });
    const root = document.body.appendChild(document.createElement('div'));
    render(<UnitDetails unit={unit} suite={null} sameTitle={[]} evidence={[pdf]} />, root);
    const item = root.querySelector('li[data-evidence-id="p"]')!;
    expect(item.querySelector('a')!.getAttribute('href')).toBe(`viewer.html?src=${encodeURIComponent(url)}#page=2`);
    expect(item.querySelector('.meta')!.textContent).toContain('page 2 of Job description (PDF)');
  });
});
