// Reads a page's main text: the article part (Readability on a copy of the document), or the whole page if none.
import { Readability } from '@mozilla/readability';
import { collectBlocks } from './blocks';
import { blocksText } from './locate';

/** The article's text, read as blocks like everything else so ranking sees the same text as matching. */
export function mainText(doc: Document): string {
  try {
    // Readability rewrites the document it is given: hand it a copy so the page is left as it was.
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    if (article?.content) {
      const parsed = new DOMParser().parseFromString(article.content, 'text/html');
      const main = collectBlocks(parsed);
      if (main.length > 0) return blocksText(main);
    }
  } catch {
    // Readability could not read this page: rank its whole text.
  }
  return blocksText(collectBlocks(doc));
}
