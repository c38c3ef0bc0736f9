// What kind of document some bytes are, by their first bytes (and the name only to tell a .docx from other zips).
import { DocumentError, MESSAGES } from './errors';

export type DetectedKind = 'pdf' | 'docx';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/**
 * 'pdf' when `%PDF-` appears in the first 1,024 bytes (as readers accept), 'docx' for a zip not named as another
 * office file; throws a DocumentError (unsupported) for an old binary .doc, a spreadsheet or slides, or anything else.
 * A zip that is still not a Word document fails later, in mammoth (classified as unsupported too).
 */
export function detectDocumentKind(bytes: Uint8Array, name = ''): DetectedKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Other office files are zips too: say what they are rather than that a Word file is damaged.
    if (/\.(xlsx|xlsm|pptx|odt|ods|odp|zip|epub)$/i.test(name))
      throw new DocumentError('unsupported', MESSAGES.notWord);
    return 'docx';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new DocumentError('unsupported', MESSAGES.oldWord);
  if (/\.pdf$/i.test(name) || /\.docx$/i.test(name))
    // Named like one but not one: say so as damage (a saved error page is the usual cause), not as the wrong kind.
    throw new DocumentError('corrupt', /\.pdf$/i.test(name) ? MESSAGES.corruptPdf : MESSAGES.corruptDocx);
  throw new DocumentError('unsupported', MESSAGES.unsupported);
}

/** True when a file name or content type says PDF or Word (.docx): worth reading as a document. */
export function looksLikeDocument(nameOrType: string): boolean {
  return (
    /\.(pdf|docx)$/i.test(nameOrType) ||
    /^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)\b/i.test(nameOrType)
  );
}
