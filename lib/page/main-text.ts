// Reads a page's main text: the article part (Readability), or the whole page if none. The popup runs it on the
// page's HTML in its own thread (mainTextOfHtml): Readability on a big page takes seconds, and the page's main thread
// is the page's, not ours.
import { Readability } from '@mozilla/readability';
import { collectBlocks } from './blocks';
import { blocksText } from './locate';

/** The article's text, read as blocks like everything else so ranking sees the same text as matching; null if none.
 * Readability rewrites the document it is given: pass one that may be spent. */
function articleText(spent: Document): string | null {
  try {
    const article = new Readability(spent).parse();
    if (article?.content) {
      const parsed = new DOMParser().parseFromString(article.content, 'text/html');
      const main = collectBlocks(parsed);
      if (main.length > 0) return blocksText(main);
    }
  } catch {
    // Readability could not read this page: the caller ranks its whole text.
  }
  return null;
}

/** The main text of a live document, which is left as it was (Readability reads a copy). */
export function mainText(doc: Document): string {
  return articleText(doc.cloneNode(true) as Document) ?? blocksText(collectBlocks(doc));
}

/** The main text of a page given as its HTML (the popup's side: parsed here, off the page's thread). */
export function mainTextOfHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const parse = () => parser.parseFromString(html, 'text/html');
  return articleText(parse()) ?? blocksText(collectBlocks(parse()));
}
