// Puts a Word (.docx) document's HTML (mammoth's, via lib/doc/docx.ts) in the viewer inert and read-only: DOMParser
// parses it without running anything, and whatever could act (scripts, handlers, javascript: links, forms, frames) is
// taken out before it is put in the page.
/** Elements dropped with their content: none belongs in a converted document, and each could act or fetch. */
const DROPPED = 'script, style, iframe, frame, object, embed, form, input, button, textarea, select, link, meta, base';
/** Images are kept only as data: (mammoth inlines a document's pictures so): nothing is fetched. */
const SAFE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);/i;
const SAFE_LINK = /^(https?:|mailto:|tel:|#)/i;

/** Parses `html` inertly and returns its body's content, stripped of anything that could run or fetch. */
export function sanitiseHtml(html: string, doc: Document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const el of parsed.body.querySelectorAll(DROPPED)) el.remove();
  for (const el of parsed.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'formaction') {
        el.removeAttribute(attr.name);
      }
    }
    if (el.localName === 'a') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_LINK.test(href.trim())) el.removeAttribute('href');
      else if (href !== null && !href.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (el.localName === 'img') {
      const src = el.getAttribute('src') ?? '';
      if (!SAFE_IMAGE.test(src)) el.remove();
    }
  }
  const fragment = doc.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) fragment.append(doc.importNode(node, true));
  return fragment;
}
