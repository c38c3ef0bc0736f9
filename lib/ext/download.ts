// Saves text as a file, or opens a stored file, from an extension page: a Blob behind a temporary <a download>, so no
// permission is needed.

export function downloadText(text: string, fileName: string, mimeType: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: mimeType }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Opens a file (an evidence's attachment) under its own name: the browser shows PDFs, images and text, and saves others. */
export function openBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener';
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
