// @vitest-environment happy-dom
// The viewer's document helpers: the pages that hold a match's sentences, the page a selection is on, the name of a
// fetched file, and a Word document's HTML made inert.
import { describe, expect, it } from 'vitest';
import { pageOfNode, pagesHolding } from '../../entrypoints/viewer/document-text';
import { fileNameOf } from '../../entrypoints/viewer/load-source';
import { sanitiseHtml } from '../../entrypoints/viewer/docx-view';

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

describe('fileNameOf', () => {
  it('gives the decoded name at the end of an address, or the address when it has none', () => {
    expect(fileNameOf('https://school.example/docs/Job%20description.pdf?v=2')).toBe('Job description.pdf');
    expect(fileNameOf('https://school.example/')).toBe('https://school.example/');
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
