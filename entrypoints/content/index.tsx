// Content script entry: wires the page's Lens to the extension's tab commands. Glue only: reading, matching, painting
// and the card's behaviour live in lib/page and lib/match; the Lens (lens.ts) and the card's WXT side (card-ui.tsx)
// sit beside this file.
import { browser } from 'wxt/browser';
import { guardScriptStarted } from '@/lib/page/start-guard';
import { answerTabCommand, type MainText, type PageSnapshot } from '@/lib/tab-commands';
import { mainText } from '@/lib/page/main-text';
import { QUOTE_LIMIT, SNAPSHOT_LIMIT } from '@/lib/portfolio/model';
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
    if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG or PDF viewer documents
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
          'nosLens:mainText': () => mainTextOfPage(),
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

/** The article part of the page, for ranking the units it supports. */
function mainTextOfPage(): MainText {
  return { url: location.href, title: document.title, text: mainText(document).slice(0, SNAPSHOT_LIMIT) };
}
