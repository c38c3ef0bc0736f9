// The context menu's "Open in NOS Lens": its items' patterns cover the document addresses the detector knows, and a
// click opens the viewer on the right document beside the tab (driven with a fake tabs API: Playwright cannot click a
// native context menu).
import { describe, expect, it } from 'vitest';
import {
  documentMenuItems,
  documentUrlPatterns,
  OPEN_LINK_MENU,
  OPEN_PAGE_MENU,
  openDocumentFromMenu,
} from '@/lib/background/doc-menu';
import { documentKindOfUrl, type ViewerOpenerApi } from '@/lib/doc-detect';

function fakeTabs() {
  const created: { url: string; index?: number; windowId?: number; openerTabId?: number }[] = [];
  const api: ViewerOpenerApi = {
    createTab: (props) => {
      created.push(props);
      return Promise.resolve(props);
    },
    getURL: (path) => `chrome-extension://nos/${path.replace(/^\//, '')}`,
  };
  return { api, created };
}

const srcOf = (url: string) => new URL(url).searchParams.get('src');
const tab = { id: 7, index: 2, windowId: 1 };

describe('openDocumentFromMenu', () => {
  it('opens a PDF link in the viewer, in a new tab after the page it was on', async () => {
    const { api, created } = fakeTabs();
    const link = 'https://school.example.sch.uk/download.aspx?file=Job%20Description.pdf&v=2';
    const opened = await openDocumentFromMenu(
      { menuItemId: OPEN_LINK_MENU, linkUrl: link, pageUrl: 'https://school.example.sch.uk/vacancies' },
      tab,
      api,
    );
    expect(opened).not.toBeNull();
    expect(created).toHaveLength(1);
    expect(srcOf(created[0].url)).toBe(link);
    expect(created[0].url.startsWith('chrome-extension://nos/viewer.html?src=')).toBe(true);
    expect(created[0]).toMatchObject({ index: 3, windowId: 1, openerTabId: 7 });
  });

  it('opens the page a PDF is shown in, or the frame that shows it', async () => {
    const { api, created } = fakeTabs();
    await openDocumentFromMenu(
      { menuItemId: OPEN_PAGE_MENU, pageUrl: 'https://college.example.ac.uk/h.pdf' },
      tab,
      api,
    );
    await openDocumentFromMenu(
      {
        menuItemId: OPEN_PAGE_MENU,
        pageUrl: 'https://college.example.ac.uk/course',
        frameUrl: 'https://college.example.ac.uk/embedded/spec.pdf',
      },
      tab,
      api,
    );
    expect(created.map((c) => srcOf(c.url))).toEqual([
      'https://college.example.ac.uk/h.pdf',
      'https://college.example.ac.uk/embedded/spec.pdf',
    ]);
  });

  it('opens without placing it when the click came from no tab', async () => {
    const { api, created } = fakeTabs();
    await openDocumentFromMenu({ menuItemId: OPEN_LINK_MENU, linkUrl: 'https://x.example/a.docx' }, undefined, api);
    expect(created).toEqual([
      { url: 'chrome-extension://nos/viewer.html?src=https%3A%2F%2Fx.example%2Fa.docx', active: true },
    ]);
  });

  it('leaves the other menu items, and clicks without an address, alone', async () => {
    const { api, created } = fakeTabs();
    expect(
      await openDocumentFromMenu({ menuItemId: 'nos-lens-tag-page', pageUrl: 'https://x.example/a.pdf' }, tab, api),
    ).toBeNull();
    expect(await openDocumentFromMenu({ menuItemId: OPEN_LINK_MENU }, tab, api)).toBeNull();
    expect(created).toEqual([]);
  });
});

/**
 * A match pattern's test as Chrome applies it to a link: scheme and host by the pattern, then the path glob against
 * path and query (the fragment is not part of it), case-sensitively.
 */
function chromeMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? !/^https?$/.test(scheme) : m[1] !== scheme) return false;
  if (m[2] !== '*' && m[2] !== u.hostname) return false;
  const glob = new RegExp(`^${m[3].replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(u.pathname + u.search);
}

describe('documentMenuItems', () => {
  it('offers the link item on document links and the page item on document pages, with one title', () => {
    const [link, page] = documentMenuItems();
    expect(link).toMatchObject({ id: OPEN_LINK_MENU, title: 'Open in NOS Lens', contexts: ['link'] });
    expect(link.targetUrlPatterns).toEqual(documentUrlPatterns());
    expect(page).toMatchObject({ id: OPEN_PAGE_MENU, title: 'Open in NOS Lens', contexts: ['page', 'frame'] });
    expect(page.documentUrlPatterns).toEqual(documentUrlPatterns());
  });

  it.each([
    'https://www.example-academy.org.uk/media/2241/teaching-assistant-job-description.pdf',
    'https://www.example-academy.org.uk/media/2241/TA-Job-Description.PDF',
    'https://college.example.ac.uk/docs/handbook.pdf?v=3',
    'https://college.example.ac.uk/docs/handbook.pdf#page=12',
    'https://council.example.gov.uk/download.aspx?file=x.pdf',
    'http://127.0.0.1:8080/fixtures/jd.docx',
    'https://school.example.sch.uk/files/Person-Specification.DOCX?dl=1',
    'file:///home/sam/Downloads/handbook.pdf',
  ])('its patterns cover %s, which the detector calls a document', (url) => {
    expect(documentKindOfUrl(url)).not.toBeNull();
    expect(documentUrlPatterns().some((p) => chromeMatches(p, url))).toBe(true);
  });

  it.each([
    'https://www.google.com/search?q=handbook.pdf&page=2',
    'https://college.example.ac.uk/docs/handbook.doc',
    'https://college.example.ac.uk/pdf/handbook',
    'https://example.org/reports.pdf.html',
  ])('its patterns leave out %s', (url) => {
    expect(documentUrlPatterns().some((p) => chromeMatches(p, url))).toBe(false);
  });
});
