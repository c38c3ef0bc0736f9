// @vitest-environment happy-dom
// The viewer's document helpers: a PDF's lines joined back into sentences for ranking, the pages that hold a
// match's sentences, the page a selection is on, the kind of a fetched file, and a Word document's HTML made inert.
import { describe, expect, it } from 'vitest';
import { documentText, pageOfNode, pagesHolding } from '../../entrypoints/viewer/document-text';
import { documentErrorMessage, DocumentProblem, kindOf } from '../../entrypoints/viewer/load-source';
import { sanitiseHtml } from '../../entrypoints/viewer/docx-view';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('documentText', () => {
  it('joins a line that goes on in lower case to the one before, and keeps headings and list lines apart', () => {
    const page =
      'What you will do\nLiaise with parents, carers and\nfamilies, including home visits.\nQualifications\n';
    expect(documentText([page, '', 'Page three'])).toBe(
      'What you will do\nLiaise with parents, carers and families, including home visits.\nQualifications\n\nPage three',
    );
  });
});

describe('pagesHolding', () => {
  it('finds the pages of sentences folded as the matcher folds them (case, spacing, quotes)', () => {
    const pages = ['Nothing here.', 'Keep   records of each PUPIL’S\nprogress.', 'Share them with parents.'];
    expect(pagesHolding(pages, ["keep records of each pupil's progress", 'Share them with parents'])).toEqual([2, 3]);
    expect(pagesHolding(pages, ['not in the document'])).toEqual([]);
  });
});

describe('pageOfNode', () => {
  it('gives the page box a node is in, or null outside the pages', () => {
    document.body.innerHTML =
      '<div class="pdf-page" data-page="4"><div class="textLayer"><span>Text</span></div></div><p>Else</p>';
    expect(pageOfNode(document.querySelector('span')!.firstChild)).toBe(4);
    expect(pageOfNode(document.querySelector('p'))).toBeNull();
    expect(pageOfNode(null)).toBeNull();
  });
});

describe('kindOf', () => {
  it('knows a PDF and a .docx by their bytes first, then by name or content type', () => {
    expect(kindOf(bytes('%PDF-1.7\n…'), 'download?id=7', 'application/octet-stream')).toBe('pdf');
    expect(kindOf(bytes('PK\u0003\u0004…'), 'Job description.docx', null)).toBe('docx');
    expect(kindOf(bytes('PK\u0003\u0004…'), 'archive.zip', 'application/zip')).toBeNull();
    expect(kindOf(bytes('<!doctype html>'), 'page.html', 'text/html')).toBeNull();
  });
});

describe('documentErrorMessage', () => {
  it("says what pdf.js's errors mean", () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(documentErrorMessage(named('PasswordException'), 'pdf')).toMatch(/protected by a password/);
    expect(documentErrorMessage(named('InvalidPDFException'), 'pdf')).toMatch(/damaged or not really a PDF/);
    expect(documentErrorMessage(new Error('zip'), 'docx')).toMatch(/Word document is damaged/);
    expect(documentErrorMessage(new DocumentProblem('As said.'), 'pdf')).toBe('As said.');
  });
});

describe('sanitiseHtml', () => {
  it('keeps the text and safe links, and drops scripts, handlers, javascript: links and remote images', () => {
    const fragment = sanitiseHtml(
      '<h1 onclick="alert(1)">Job</h1><script>alert(2)</script><p><a href="javascript:alert(3)">bad</a> ' +
        '<a href="https://example.org/">good</a><img src="https://tracker.example/x.png"><img src="data:image/png;base64,AA=="></p>' +
        '<iframe srcdoc="<p>framed</p>"></iframe><form><input></form>',
      document,
    );
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.querySelector('h1')!.hasAttribute('onclick')).toBe(false);
    expect(div.querySelector('script, iframe, form, input')).toBeNull();
    const links = [...div.querySelectorAll('a')];
    expect(links[0].hasAttribute('href')).toBe(false);
    expect(links[1].getAttribute('href')).toBe('https://example.org/');
    expect(links[1].getAttribute('rel')).toBe('noopener noreferrer');
    expect([...div.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['data:image/png;base64,AA==']);
    expect(div.textContent).toContain('Job');
  });
});
