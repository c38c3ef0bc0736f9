// @vitest-environment happy-dom
// The page's main text for ranking: the article when Readability finds one, else the whole page, page untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Readability } from '@mozilla/readability';
import { mainText, mainTextOfHtml } from '../../../lib/page/main-text';

const para = (n: number) =>
  `<p>Paragraph ${n}: practitioners build and maintain relationships in work with parents, sharing what they ` +
  'observe about each child, agreeing next steps together and recording them so that the whole team can follow ' +
  'them up at the next review meeting with the family.</p>';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.title = '';
});

describe('mainText', () => {
  it('reads the article and leaves out the navigation and the footer', () => {
    document.title = 'Working with parents';
    document.body.innerHTML =
      '<nav><a href="/">Home</a> <a href="/shop">Shop our cookware range</a></nav>' +
      `<main><article><h1>Working with parents</h1>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article></main>` +
      '<footer>Copyright Example Nursery Ltd · Cookie settings</footer>';
    const text = mainText(document);
    expect(text).toContain('Paragraph 1: practitioners build');
    expect(text).toContain('Paragraph 6:');
    expect(text).not.toContain('cookware');
    expect(text).not.toContain('Cookie settings');
    // One line per block.
    expect(text.split('\n').filter((l) => l.startsWith('Paragraph'))).toHaveLength(6);
  });

  it('falls back to the whole page when Readability finds no article, or fails', () => {
    document.body.innerHTML = '<nav>Menu</nav><div>WP 301</div>';
    const parse = vi.spyOn(Readability.prototype, 'parse').mockReturnValue(null);
    expect(mainText(document)).toBe('Menu\nWP 301');
    parse.mockImplementation(() => {
      throw new Error('not a page Readability can read');
    });
    expect(mainText(document)).toBe('Menu\nWP 301');
  });

  it('leaves the page as it was (Readability works on a copy)', () => {
    document.body.innerHTML = `<nav>Home</nav><article>${[1, 2, 3, 4, 5].map(para).join('')}</article>`;
    const before = document.documentElement.outerHTML;
    mainText(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('mainTextOfHtml (the popup reading a page it was sent)', () => {
  it('finds the same article in the HTML as in the live document, and falls back to the whole page', () => {
    document.title = 'Working with parents';
    document.body.innerHTML =
      '<nav><a href="/">Home</a> <a href="/shop">Shop our cookware range</a></nav>' +
      `<main><article><h1>Working with parents</h1>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article></main>` +
      '<footer>Copyright Example Nursery Ltd · Cookie settings</footer>';
    const html = document.documentElement.outerHTML;
    expect(mainTextOfHtml(html)).toBe(mainText(document));
    vi.spyOn(Readability.prototype, 'parse').mockReturnValue(null);
    expect(mainTextOfHtml('<html><body><nav>Menu</nav><div>WP 301</div></body></html>')).toBe('Menu\nWP 301');
  });
});
