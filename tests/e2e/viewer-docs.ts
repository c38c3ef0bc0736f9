// Documents for the viewer's e2e tests, made at run time: a job description PDF, a long handbook PDF, an encrypted
// and a corrupt PDF (pdf-lib), and the job description as a Word file (a minimal .docx zipped with JSZip).
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import JSZip from 'jszip';

export const JD_TITLE = 'Learning Mentor (Transition and Attendance)';
export const JD_QUOTE = 'Liaise with parents, carers and families, including home visits with the attendance officer.';

/** The job description's paragraphs: codes (WP 301, WP302, GCU1), a title, and sentences the ranking reads. */
export const JD_PARAGRAPHS = [
  JD_TITLE,
  'Northfield Academy is looking for an enthusiastic Learning Mentor to join our inclusion team from January. You will work with pupils in Years 6 to 8 whose attendance, behaviour or wellbeing is getting in the way of their learning, and you will lead our programme to support children and young people during transitions in their lives, especially the move to secondary school.',
  'What you will do',
  'Identify the learning and development needs of children and young people through assessment and conversations with staff and families.',
  'Mentor children and young people to achieve identified outcomes, and review progress every half term.',
  JD_QUOTE,
  "Contribute to the protection of children and young people from abuse, following the school's safeguarding procedures.",
  'Qualifications',
  'Candidates who have completed the LDSS units GCU1 and 312: Support children and young people during transitions in their lives are particularly welcome. Experience of the Work with Parents standards (for example WP 301 or WP302) is an advantage.',
];

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 56;
const SIZE = 11;

/** Lays paragraphs out on A4 pages in Helvetica, wrapped to the margins; each string of `pages` starts a page. */
export async function makePdf(pages: string[][], title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of pages) {
    const page = doc.addPage([WIDTH, HEIGHT]);
    let y = HEIGHT - MARGIN;
    for (const p of paragraphs) {
      const words = p.split(' ');
      let line = '';
      const lines: string[] = [];
      for (const w of words) {
        const next = line ? `${line} ${w}` : w;
        if (font.widthOfTextAtSize(next, SIZE) > WIDTH - 2 * MARGIN) {
          lines.push(line);
          line = w;
        } else line = next;
      }
      if (line) lines.push(line);
      for (const l of lines) {
        page.drawText(l, { x: MARGIN, y, size: SIZE, font });
        y -= SIZE * 1.4;
      }
      y -= SIZE * 0.8;
    }
  }
  return doc;
}

export async function jobDescriptionPdf(): Promise<Uint8Array> {
  return (await makePdf([JD_PARAGRAPHS], 'Learning Mentor job description')).save();
}

/** A course handbook of `count` pages: filler on each, a unit named on a few. */
export async function handbookPdf(count: number): Promise<Uint8Array> {
  const pages: string[][] = [];
  for (let n = 1; n <= count; n++) {
    const text = [
      `Course handbook, page ${n}`,
      'This section describes the arrangements for the course, the timetable of sessions and how your work is assessed by your tutor during the year.',
    ];
    if (n === 1) text.push('The course covers the Work with Parents standards WP 301 and WP 302.');
    if (n === count) text.push('Learners complete WP 305 in the final term.');
    pages.push(text);
  }
  return (await makePdf(pages, 'Course handbook')).save();
}

/** The job description with the standard security handler and a user password: pdf.js asks for the password. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await makePdf([JD_PARAGRAPHS], 'Protected');
  const hex = (byte: string) => PDFHexString.of(byte.repeat(32));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4, Length: 40 });
  encrypt.set(PDFName.of('O'), hex('4a'));
  encrypt.set(PDFName.of('U'), hex('7b'));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex('01'), hex('01')]);
  return doc.save({ useObjectStreams: false });
}

/** A file that starts like a PDF and is not one. */
export function corruptPdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF any more\n');
}

/** The job description as a minimal Word document (.docx): a heading and paragraphs. */
export async function jobDescriptionDocx(): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const para = (s: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const body = JD_PARAGRAPHS.map((p, i) => para(p, i === 0 ? 'Heading1' : undefined)).join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
