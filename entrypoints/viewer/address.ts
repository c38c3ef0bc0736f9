// What the viewer's address asks for: viewer.html?src=<encodeURIComponent(absolute URL)>, optionally #page=N (RFC
// 3778's fragment, as the portfolio links a quote's page), or nothing (pick a file).
const params = new URLSearchParams(location.search);
const page = /(?:^#|&)page=(\d+)/.exec(location.hash)?.[1];

export const viewerAddress = {
  /** The document to fetch and show; null: the page offers a file picker. */
  src: params.get('src'),
  /** The PDF page to show first (1-based), or null. */
  page: page ? Number(page) : null,
};
