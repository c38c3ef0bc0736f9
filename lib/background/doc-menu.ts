// The context menu's "Open in NOS Lens": on links to PDF and Word files, and on a page that is a PDF. The items and
// the click handler, with the browser's APIs passed in so a test can drive the handler with fake tabs.
import { openInViewer, type SourceTab, type ViewerOpenerApi } from '../doc-detect';

export const OPEN_LINK_MENU = 'nos-lens-open-link';
export const OPEN_PAGE_MENU = 'nos-lens-open-page';

/**
 * Match patterns for document addresses. A pattern's path is matched against the path with its query (Chrome; Firefox
 * adds the fragment), and case matters, so each extension comes bare, before a query and before a fragment, in the
 * cases sites print it. `download.aspx?file=x.pdf` ends in `.pdf` and is covered by the bare form.
 */
export function documentUrlPatterns(): string[] {
  const patterns: string[] = [];
  for (const base of ['*://*/*', 'file:///*'])
    for (const ext of ['pdf', 'PDF', 'docx', 'DOCX'])
      for (const after of ['', '?*', '#*']) patterns.push(`${base}.${ext}${after}`);
  return patterns;
}

type MenuContext = 'link' | 'page' | 'frame';

/** What `contextMenus.create` is given, for each of the two items. */
export interface DocMenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
  targetUrlPatterns?: string[];
  documentUrlPatterns?: string[];
}

export function documentMenuItems(): DocMenuItem[] {
  const patterns = documentUrlPatterns();
  return [
    { id: OPEN_LINK_MENU, title: 'Open in NOS Lens', contexts: ['link'], targetUrlPatterns: patterns },
    { id: OPEN_PAGE_MENU, title: 'Open in NOS Lens', contexts: ['page', 'frame'], documentUrlPatterns: patterns },
  ];
}

/** The parts of a menu click the handler reads (`contextMenus.OnClickData`). */
export interface DocMenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  pageUrl?: string;
  frameUrl?: string;
}

/**
 * Opens the document a click on one of the items is about (the link's target; the frame's document, or else the
 * page's) in the viewer beside the tab. Returns the viewer's address, or null when the click was not on these items or
 * carried no address. The user chose the item, so an address the patterns let through is opened as it is: the viewer
 * says so if it turns out not to be a document.
 */
export async function openDocumentFromMenu(
  click: DocMenuClick,
  tab: SourceTab | undefined,
  api: ViewerOpenerApi,
): Promise<string | null> {
  const src =
    click.menuItemId === OPEN_LINK_MENU
      ? click.linkUrl
      : click.menuItemId === OPEN_PAGE_MENU
        ? (click.frameUrl ?? click.pageUrl)
        : undefined;
  if (!src) return null;
  return openInViewer(api, src, tab);
}
