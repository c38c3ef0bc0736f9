// Content script entry: wires the page's Lens to the extension's tab commands. Glue only: reading, matching, painting
// and the card's behaviour live in lib/page and lib/match; the Lens (lens.ts) and the card's WXT side (card-ui.tsx)
// sit beside this file.
import { browser } from 'wxt/browser';
import { guardScriptStarted } from '@/lib/page/start-guard';
import { answerTabCommand, PAGE_HTML_LIMIT, type PageHtml, type PageSnapshot } from '@/lib/tab-commands';
import { QUOTE_LIMIT, SNAPSHOT_LIMIT } from '@/lib/portfolio/model';
import { documentLinks, type DocumentLink } from '@/lib/doc-detect';
import { Lens } from './lens';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT would also announce each start to the page with postMessage, telling it the event that stops the script.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!(document.documentElement instanceof HTMLElement)) return; // XML or SVG documents (Chrome's PDF page is HTML)
    // The event's name as WXT makes it (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, private in its types).
    const started = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
    guardScriptStarted(window, started, () => browser.runtime?.id != null, ctx.signal);
    const lens = new Lens(ctx);
    // The listener answers with the promise it returns (webextension-polyfill's contract; the types are Chrome's).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener((raw: unknown) =>
      answerTabCommand(
        raw,
        {
          'nosLens:settingsChanged': (command) => {
            if (command.standards) lens.forgetStandards();
            void lens.refreshSettings();
            return undefined;
          },
          'nosLens:snapshot': () => snapshot(),
          'nosLens:pageHtml': () => pageHtml(),
          'nosLens:evidenceStatus': () => lens.evidenceStatus(),
          'nosLens:contentType': () => ({ contentType: document.contentType }),
          'nosLens:documentLinks': () => documentLinksOnPage(),
          'nosLens:showSupport': (command) => lens.showSupport(command.sentences),
        },
        window === window.top,
      ),
    );
    await lens.refreshSettings();
  },
});

/** What the page shows now, for evidence: innerText is read only here, on the user's request (it forces layout). */
function snapshot(): PageSnapshot {
  return {
    url: location.href,
    title: document.title,
    text: (document.body?.innerText ?? '').slice(0, SNAPSHOT_LIMIT),
    selection: (window.getSelection()?.toString() ?? '').slice(0, QUOTE_LIMIT),
  };
}

/**
 * The page's HTML for the popup, which finds the main text in it on its own thread: serialising is native and quick,
 * where reading the article here (Readability) would hold up the page for seconds on a big one.
 */
function pageHtml(): PageHtml {
  const html = document.documentElement.outerHTML;
  const fits = html.length <= PAGE_HTML_LIMIT;
  return {
    url: location.href,
    title: document.title,
    html: fits ? html : null,
    // textContent needs no layout, unlike innerText.
    text: fits ? '' : (document.body?.textContent ?? '').slice(0, SNAPSHOT_LIMIT),
  };
}

/**
 * The page's links to documents, labelled by what they say (textContent: no layout needed), then the documents it
 * shows in frames (`<iframe>`, `<embed>`, `<object>`: a course page with its handbook inline), labelled by their title.
 */
function documentLinksOnPage(): DocumentLink[] {
  const links = [...document.links].map((a) => ({
    href: a.href,
    text: a.textContent || a.getAttribute('aria-label') || a.title || '',
  }));
  const shown = [...document.querySelectorAll<HTMLElement>('iframe[src], embed[src], object[data]')].map((el) => ({
    href: el instanceof HTMLObjectElement ? el.data : (el as HTMLIFrameElement | HTMLEmbedElement).src,
    text: el.title || el.getAttribute('aria-label') || '',
  }));
  return documentLinks([...links, ...shown]);
}
