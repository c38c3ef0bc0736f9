// Whether the popup's tab is a document NOS Lens opens in its own viewer (a PDF, by its type or address; a .docx), or
// the viewer itself; whether the browser lets the extension read it when it is a local file; the documents a web page
// links to; and opening one.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  documentKindOfTab,
  documentKindOfUrl,
  isFileUrl,
  isViewerPage,
  openInViewer,
  type DocumentKind,
  type DocumentLink,
  type ViewerOpenerApi,
} from '@/lib/doc-detect';
import { sendToTab } from '@/lib/ext/send';
import { popupAddress } from './address';
import { isWebPage, type ActiveTab } from './use-active-tab';

/**
 * Can the viewer read a local file by its address: yes; off (Chrome, until the user allows file URLs for NOS Lens);
 * never (Firefox does not let extensions read file: URLs, so the file must be chosen).
 */
export type FileAccess = 'allowed' | 'off' | 'never';

export type DocumentTabView =
  { place: 'viewer' } | { place: 'document'; kind: DocumentKind; file: boolean; access: FileAccess };

const opener: ViewerOpenerApi = {
  createTab: (props) => browser.tabs.create(props),
  // Typed by WXT from the pages it builds: the viewer is one (entrypoints/viewer) whose path the type may not list yet.
  getURL: (path) => browser.runtime.getURL(path as '/popup.html'),
};

async function fileAccess(): Promise<FileAccess> {
  if (import.meta.env.FIREFOX) return 'never';
  return (await browser.extension.isAllowedFileSchemeAccess()) ? 'allowed' : 'off';
}

/** The content script's word on the tab's document type, or null where none runs (or answers). */
async function contentTypeOf(tabId: number): Promise<string | null> {
  try {
    return (await sendToTab(tabId, { type: 'nosLens:contentType' })).contentType;
  } catch {
    return null;
  }
}

async function describe(tab: ActiveTab): Promise<DocumentTabView | null> {
  if (isViewerPage(tab.url, browser.runtime.getURL('/'))) return { place: 'viewer' };
  if (!isWebPage(tab)) return null;
  const kind = documentKindOfTab(tab.url, await contentTypeOf(tab.id));
  if (!kind) return null;
  const file = isFileUrl(tab.url);
  return { place: 'document', kind, file, access: file ? await fileAccess() : 'allowed' };
}

/** A first answer from the address alone, so the offer shows at once; the content type may change it a moment later. */
function byAddress(tab: ActiveTab | null): DocumentTabView | null {
  const kind = isWebPage(tab) ? documentKindOfUrl(tab.url) : null;
  if (!tab || !kind) return null;
  return isFileUrl(tab.url) ? null : { place: 'document', kind, file: false, access: 'allowed' };
}

/** The page's links to documents, as its content script lists them (none where it cannot run). */
async function linksOf(tabId: number): Promise<DocumentLink[]> {
  try {
    return await sendToTab(tabId, { type: 'nosLens:documentLinks' });
  } catch {
    return [];
  }
}

export interface DocumentTab {
  view: DocumentTabView | null;
  /** Documents the page links to (a web page's only). */
  links: DocumentLink[];
  error: string | null;
  /** Opens the tab's document in the viewer, in a new tab beside it. */
  open: () => Promise<void>;
  /** Opens a linked document in the viewer, beside the tab. */
  openLink: (url: string) => Promise<void>;
  /** Opens the viewer's file picker beside the tab. */
  choose: () => Promise<void>;
  /** Opens NOS Lens's details in chrome://extensions, where file access is switched on (Chrome only). */
  fileSettings: () => Promise<void>;
}

export function useDocumentTab(tab: ActiveTab | null): DocumentTab {
  const [view, setView] = useState<DocumentTabView | null>(null);
  const [links, setLinks] = useState<DocumentLink[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!tab) return;
    let live = true;
    setView(byAddress(tab));
    describe(tab)
      .then((v) => {
        if (!live) return;
        setView(v);
        if (!v && isWebPage(tab)) void linksOf(tab.id).then((l) => live && setLinks(l));
      })
      .catch(() => live && setView(byAddress(tab)));
    return () => {
      live = false;
    };
  }, [tab]);

  const openViewer = async (src: string | null) => {
    if (!tab) return;
    setError(null);
    try {
      const source = await browser.tabs.get(tab.id).catch(() => undefined);
      await openInViewer(opener, src, source ?? { id: tab.id });
      if (!popupAddress.inTab) window.close();
    } catch (e) {
      setError(`NOS Lens could not open its viewer: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const fileSettings = async () => {
    setError(null);
    try {
      await browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` });
      if (!popupAddress.inTab) window.close();
    } catch (e) {
      setError(
        `NOS Lens could not open the browser's extension settings: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  return {
    view,
    links,
    error,
    open: () => openViewer(tab?.url || null),
    openLink: (url) => openViewer(url),
    choose: () => openViewer(null),
    fileSettings,
  };
}
