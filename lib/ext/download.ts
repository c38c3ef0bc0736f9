// Saves text as a file from an extension page: a Blob behind a temporary <a download>, so no permission is needed.

export function downloadText(text: string, fileName: string, mimeType: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: mimeType }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
