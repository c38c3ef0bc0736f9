// What the viewer's address asks for: viewer.html?src=<encodeURIComponent(absolute URL)>, or nothing (pick a file).
const params = new URLSearchParams(location.search);

export const viewerAddress = {
  /** The document to fetch and show; null: the page offers a file picker. */
  src: params.get('src'),
};
