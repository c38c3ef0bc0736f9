// @vitest-environment happy-dom
// The portfolio's list shows which document a quote comes from, and opens it in the viewer at the quote's page.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceList } from '@/components/EvidenceList';
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
