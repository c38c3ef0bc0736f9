// Telling the extension's own pages from content scripts by the sender's URL.
import { describe, expect, it } from 'vitest';
import { isExtensionPage, normalisePageUrl } from '@/lib/urls';

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

describe('normalisePageUrl', () => {
  it.each([
    ['https://jobs.example.org/advert/42#apply', 'https://jobs.example.org/advert/42'],
    ['https://jobs.example.org/advert/42/', 'https://jobs.example.org/advert/42'],
    [
      'https://jobs.example.org/advert/42/?utm_source=newsletter&utm_medium=email&UTM_Campaign=Autumn#top',
      'https://jobs.example.org/advert/42',
    ],
    ['https://jobs.example.org/advert?id=42&fbclid=abc&gclid=def', 'https://jobs.example.org/advert?id=42'],
    ['https://jobs.example.org/search?b=2&a=1', 'https://jobs.example.org/search?a=1&b=2'],
    ['HTTPS://Jobs.Example.ORG:443/Advert', 'https://jobs.example.org/Advert'],
    ['https://jobs.example.org/', 'https://jobs.example.org'],
    ['https://jobs.example.org', 'https://jobs.example.org'],
    ['https://jobs.example.org/?utm_source=x', 'https://jobs.example.org'],
    ['file:///home/me/advert.html#part-2', 'file:///home/me/advert.html'],
    ['  not a url  ', 'not a url'],
  ])('%s → %s', (url, expected) => {
    expect(normalisePageUrl(url)).toBe(expected);
  });

  it('keeps the parameters that say which page it is, and their values', () => {
    expect(normalisePageUrl('https://x.example/view.php?unit=WP%20301&page=2')).toBe(
      'https://x.example/view.php?page=2&unit=WP+301',
    );
  });

  it('tells different pages apart', () => {
    expect(normalisePageUrl('https://x.example/a?id=1')).not.toBe(normalisePageUrl('https://x.example/a?id=2'));
    expect(normalisePageUrl('https://x.example/a')).not.toBe(normalisePageUrl('https://x.example/b'));
    expect(normalisePageUrl('http://x.example/a')).not.toBe(normalisePageUrl('https://x.example/a'));
  });
});
