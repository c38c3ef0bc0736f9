// Telling the extension's own pages from content scripts by the sender's URL.
import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '@/lib/urls';

describe('isExtensionPage', () => {
  const chrome = 'chrome-extension://abcdefghijklmnop/';
  const firefox = 'moz-extension://0b3c6a2e-1111-2222-3333-444455556666/';

  it.each([
    [`${chrome}popup.html?tab=3`, chrome],
    [`${chrome}portfolio.html`, chrome],
    [`${firefox}options.html`, firefox],
  ])('%s is one of ours', (url, base) => {
    expect(isExtensionPage(url, base)).toBe(true);
  });

  it.each([
    ['https://jobs.example.org/advert', chrome],
    ['about:blank', chrome],
    ['data:text/html,<p>WP 301</p>', chrome],
    ['file:///home/me/advert.html', firefox],
    ['chrome-extension://another-extension/popup.html', chrome],
    ['chrome-extension://abcdefghijklmnop.evil/popup.html', chrome],
    ['moz-extension://0b3c6a2e-1111-2222-3333-444455556666.evil/x', firefox],
    [undefined, chrome],
    ['null', 'null'],
  ])('%s is not', (url, base) => {
    expect(isExtensionPage(url, base)).toBe(false);
  });
});
