// Which tabs and links are documents for the viewer (by address, and by the content type the tab's page reports), the
// viewer's address for one, and opening it beside the tab it came from.
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LINKS_LIMIT,
  documentKindOfContentType,
  documentLinks,
  documentKindOfTab,
  documentKindOfUrl,
  isFileUrl,
  isViewerPage,
  openInViewer,
  viewerPath,
  type ViewerOpenerApi,
} from '@/lib/doc-detect';

describe('documentKindOfUrl', () => {
  it.each([
    ['https://www.example-academy.org.uk/media/2241/teaching-assistant-job-description.pdf', 'pdf'],
    ['https://www.example-academy.org.uk/media/2241/TA-Job-Description.PDF', 'pdf'],
    ['https://college.example.ac.uk/docs/handbook.pdf?v=3&utm_source=newsletter', 'pdf'],
    ['https://college.example.ac.uk/docs/handbook.pdf#page=12', 'pdf'],
    ['https://college.example.ac.uk/docs/Unit%20Specification%20(Level%203).pdf', 'pdf'],
    ['https://council.example.gov.uk/download.aspx?file=x.pdf', 'pdf'],
    ['https://council.example.gov.uk/download.aspx?id=77&File=Person%20Spec.PDF', 'pdf'],
    ['https://trust.example.org/getfile.php?name=uploads%2F2025%2Fjd.docx', 'docx'],
    ['https://school.example.sch.uk/wp-content/uploads/2025/09/Job-Description-LSA.docx', 'docx'],
    ['https://school.example.sch.uk/files/Person-Specification.DOCX?dl=1', 'docx'],
    ['file:///home/sam/Downloads/CYP%20Core%203.1%20handbook.pdf', 'pdf'],
    ['file:///C:/Users/sam/Documents/job.docx', 'docx'],
  ])('%s is %s', (url, kind) => {
    expect(documentKindOfUrl(url)).toBe(kind);
  });

  it.each([
    // A file name in a query that does not name the response: a search, a referrer, a tracking parameter.
    'https://www.google.com/search?q=teaching+assistant+job+description.pdf',
    'https://jobs.example.org/advert/123?ref=old-advert.pdf',
    'https://jobs.example.org/search?keywords=handbook.pdf&page=2',
    // A web page that shows a document in HTML (pdf.js's own viewer) is a web page.
    'https://mozilla.github.io/pdf.js/web/viewer.html?file=compressed.tracemonkey-pldi-09.pdf',
    // Other files, and names that only contain the letters.
    'https://college.example.ac.uk/docs/handbook.doc',
    'https://college.example.ac.uk/docs/handbook.pdfx',
    'https://college.example.ac.uk/pdf/handbook',
    'https://college.example.ac.uk/docs/handbook.pdf/',
    'https://example.org/reports.pdf.html',
    // Not a page a tab could show as a document.
    'chrome://settings/?search=pdf',
    'data:application/pdf;base64,JVBERi0=',
    'not a url.pdf',
    '',
  ])('%s is not a document', (url) => {
    expect(documentKindOfUrl(url)).toBeNull();
  });

  it('takes no address', () => {
    expect(documentKindOfUrl(undefined)).toBeNull();
    expect(documentKindOfUrl(null)).toBeNull();
  });
});

describe('documentKindOfContentType and documentKindOfTab', () => {
  it('reads the MIME type with or without parameters, in any case', () => {
    expect(documentKindOfContentType('application/pdf')).toBe('pdf');
    expect(documentKindOfContentType('Application/PDF; charset=binary')).toBe('pdf');
    expect(documentKindOfContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'docx',
    );
    expect(documentKindOfContentType('text/html')).toBeNull();
    expect(documentKindOfContentType('')).toBeNull();
  });

  it('trusts the content type over the address when the page reported one', () => {
    // A PDF served from an address that does not say so (Chrome's PDF page reports application/pdf).
    expect(documentKindOfTab('https://portal.example.org/get?id=7', 'application/pdf')).toBe('pdf');
    // An HTML page (a "file not found" page, a landing page) at an address ending in .pdf.
    expect(documentKindOfTab('https://portal.example.org/missing.pdf', 'text/html')).toBeNull();
  });

  it('falls back to the address where no content script answered', () => {
    expect(documentKindOfTab('file:///home/sam/jd.pdf', null)).toBe('pdf');
    expect(documentKindOfTab('https://portal.example.org/get?id=7', null)).toBeNull();
  });

  it('knows local files', () => {
    expect(isFileUrl('file:///home/sam/jd.pdf')).toBe(true);
    expect(isFileUrl('FILE:///C:/jd.pdf')).toBe(true);
    expect(isFileUrl('https://example.org/file:/x.pdf')).toBe(false);
    expect(isFileUrl(undefined)).toBe(false);
  });
});

describe('viewerPath', () => {
  it('carries the document as one encoded parameter that decodes back to the same address', () => {
    const src = 'https://council.example.gov.uk/download.aspx?file=Job Description & Spec.pdf&id=4#page=2';
    const path = viewerPath(src);
    expect(path).toBe(`/viewer.html?src=${encodeURIComponent(src)}`);
    expect(path).not.toContain('&id=');
    expect(new URL(path, 'chrome-extension://abc/').searchParams.get('src')).toBe(src);
  });

  it('opens the picker when there is no document', () => {
    expect(viewerPath()).toBe('/viewer.html');
    expect(viewerPath(null)).toBe('/viewer.html');
    expect(viewerPath('')).toBe('/viewer.html');
  });

  it('knows the viewer page from the other pages of the extension', () => {
    const base = 'chrome-extension://abcdefghijklmnop/';
    expect(isViewerPage(`${base}viewer.html?src=x`, base)).toBe(true);
    expect(isViewerPage(`${base}viewer.html`, base)).toBe(true);
    expect(isViewerPage(`${base}popup.html?tab=3`, base)).toBe(false);
    expect(isViewerPage('https://example.org/viewer.html', base)).toBe(false);
    expect(isViewerPage(undefined, base)).toBe(false);
  });
});

describe('openInViewer', () => {
  const fakeApi = () => {
    const created: object[] = [];
    const api: ViewerOpenerApi = {
      createTab: (props) => {
        created.push(props);
        return Promise.resolve({ id: 99, ...props });
      },
      getURL: (path) => `chrome-extension://abc${path}`,
    };
    return { api, created };
  };

  it('opens the viewer on the document in a new tab right after its own, in the same window', async () => {
    const { api, created } = fakeApi();
    const url = await openInViewer(api, 'https://example.org/jd.pdf', { id: 12, index: 4, windowId: 2 });
    expect(url).toBe('chrome-extension://abc/viewer.html?src=https%3A%2F%2Fexample.org%2Fjd.pdf');
    expect(created).toEqual([{ url, active: true, index: 5, windowId: 2, openerTabId: 12 }]);
  });

  it('opens it where the browser puts it when it refuses the place beside the tab (a private window)', async () => {
    const created: object[] = [];
    const api: ViewerOpenerApi = {
      createTab: (props) => {
        if (props.windowId !== undefined) return Promise.reject(new Error('No extension pages in this window'));
        created.push(props);
        return Promise.resolve(props);
      },
      getURL: (path) => `chrome-extension://abc${path}`,
    };
    await openInViewer(api, 'https://example.org/jd.pdf', { id: 12, index: 4, windowId: 9 });
    expect(created).toEqual([
      { url: 'chrome-extension://abc/viewer.html?src=https%3A%2F%2Fexample.org%2Fjd.pdf', active: true },
    ]);
  });

  it('says why when the browser cannot open it at all', async () => {
    const api: ViewerOpenerApi = {
      createTab: () => Promise.reject(new Error('Tabs cannot be edited right now')),
      getURL: (path) => `chrome-extension://abc${path}`,
    };
    await expect(openInViewer(api, null, { id: 1, index: 0, windowId: 1 })).rejects.toThrow(
      'Tabs cannot be edited right now',
    );
    await expect(openInViewer(api, null)).rejects.toThrow('Tabs cannot be edited right now');
  });

  it('opens the picker, and places nothing it was not told', async () => {
    const { api, created } = fakeApi();
    expect(await openInViewer(api, null)).toBe('chrome-extension://abc/viewer.html');
    expect(created).toEqual([{ url: 'chrome-extension://abc/viewer.html', active: true }]);
  });
});

describe('documentLinks', () => {
  const base = 'https://www.example-academy.org.uk';
  it("lists a page's document links in page order, each address once, labelled by what they say", () => {
    const links = documentLinks([
      { href: `${base}/vacancies/ta-level-3`, text: 'Teaching assistant (Level 3)' },
      { href: `${base}/media/2241/jd.pdf`, text: '\n  Job description\n  and person specification ' },
      { href: `${base}/media/2242/application-form.docx`, text: 'Application form (Word)' },
      { href: `${base}/media/2241/jd.pdf#page=2`, text: 'see page 2' },
      { href: 'https://www.google.com/search?q=jd.pdf', text: 'Search for it' },
      { href: `${base}/download.aspx?file=Safeguarding%20Policy.PDF`, text: '' },
    ]);
    expect(links).toEqual([
      { url: `${base}/media/2241/jd.pdf`, label: 'Job description and person specification', kind: 'pdf' },
      { url: `${base}/media/2242/application-form.docx`, label: 'Application form (Word)', kind: 'docx' },
      { url: `${base}/download.aspx?file=Safeguarding%20Policy.PDF`, label: 'Safeguarding Policy.PDF', kind: 'pdf' },
    ]);
  });

  it('stops at the limit and keeps long labels to one short line', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ href: `${base}/docs/${i}.pdf`, text: 'x'.repeat(300) }));
    const links = documentLinks(many, 5);
    expect(links.map((l) => l.url)).toEqual([0, 1, 2, 3, 4].map((i) => `${base}/docs/${i}.pdf`));
    expect(links[0].label).toHaveLength(120);
    expect(documentLinks(many)).toHaveLength(DOCUMENT_LINKS_LIMIT);
  });
});
