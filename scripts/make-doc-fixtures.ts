// `npx tsx scripts/make-doc-fixtures.ts`: writes the document fixtures into tests/fixtures/docs/ — a job description
// and person specification as PDF and .docx, a 100-page course handbook PDF (the benchmark's), a password-protected
// PDF, a truncated (corrupt) PDF and a scanned-style PDF with no text. All text is invented; the output is the same on
// every run (fixed dates, seeded filler), so the committed files only change when this script does.
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'docs');
const FIXED_DATE = new Date('2026-09-14T09:00:00Z');

/** One paragraph of a document. `lines` forces the line breaks (a title broken across lines as printed). */
export interface Para {
  style: 'letterhead' | 'small' | 'h1' | 'h2' | 'body' | 'bullet' | 'pagebreak';
  text: string;
  lines?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The job description (invented school, people and duties; unit codes and titles as real adverts print them).

const SCHOOL = 'Hollins Brook Primary School';
const POST = 'Family Support Worker (Learning Mentor)';
export const JOB_TITLE = `${POST}: job description and person specification`;

export const JOB_DESCRIPTION: Para[] = [
  { style: 'letterhead', text: SCHOOL },
  { style: 'small', text: 'Marsh Lane, Eastwick, Lancashire EW4 7QT' },
  {
    style: 'small',
    text: 'Telephone 01632 960418 · office@hollinsbrook.example.sch.uk · Headteacher: Mrs R. Okafor-Hale',
  },
  { style: 'h1', text: 'Job description' },
  { style: 'body', text: `Post: ${POST}` },
  { style: 'body', text: 'Grade: NJC scale points 9 to 14 (Grade D), term time plus five days' },
  { style: 'body', text: 'Hours: 32.5 hours a week, 8.30 am to 3.30 pm with some flexibility for evening events' },
  { style: 'body', text: 'Responsible to: the Inclusion Lead (SENCo)' },
  { style: 'h2', text: 'Purpose of the post' },
  {
    style: 'body',
    text:
      'To help pupils who find school hard to get the most from their time with us, working alongside their families ' +
      'so that home and school pull in the same direction. Much of the work is one-to-one or with small groups; some ' +
      'of it happens on the doorstep, in the playground at home time or over a cup of tea at the Monday drop-in.',
  },
  { style: 'h2', text: 'Main duties' },
  {
    style: 'bullet',
    text:
      'Build trusting relationships with parents and carers, especially those who had a difficult time at school ' +
      'themselves. We expect the post-holder to work to WP 301 from the National Occupational Standards for Work ' +
      'with Parents, or to reach it within the first year.',
  },
  {
    style: 'bullet',
    text:
      'Greet pupils each morning who are struggling to come into school, and follow up any unexplained absence ' +
      'with a telephone call or a home visit on the same day.',
  },
  {
    style: 'bullet',
    text: 'Liaise with parents, carers and families about attendance, homework routines and worries raised in class.',
    lines: [
      'Liaise with parents, carers',
      'and families about attendance, homework routines and worries raised in class, and',
      'keep the class teacher informed of anything that affects learning.',
    ],
  },
  {
    style: 'bullet',
    text:
      'Run short programmes for pupils moving up to secondary school and for children who join us mid-year, and ' +
      'support children and young people during transitions in their lives such as a house move, a new baby or a ' +
      'bereavement.',
    lines: [
      'Run short programmes for pupils moving up to secondary school and for children who',
      'join us mid-year, and support children and young people during transi-',
      'tions in their lives such as a house move, a new baby or a bereavement.',
    ],
  },
  {
    style: 'bullet',
    text:
      'Keep careful, confidential notes of every contact on the school’s recording system and pass any concern to ' +
      'the Designated Safeguarding Lead without delay.',
  },
  {
    style: 'bullet',
    text:
      'Contribute to Early Help assessments and team-around-the-family meetings, and help parents to prepare for ' +
      'them so that their voice is heard.',
  },
  {
    style: 'bullet',
    text:
      'Plan and host a weekly coffee morning for parents with the family learning tutors from Eastwick College, ' +
      'including short sessions on reading at home, healthy packed lunches and online safety.',
  },
  { style: 'h2', text: 'Training and development' },
  {
    style: 'body',
    text:
      'If you do not already hold it, we will support you to complete the Level 3 Diploma for the Children and ' +
      'Young People’s Workforce, starting with CYP Core 3.1 in your first term. You will have half a day a ' +
      'fortnight of supervision with the Inclusion Lead and access to the local authority’s attendance network.',
  },
  { style: 'pagebreak', text: '' },
  { style: 'h1', text: 'Person specification' },
  { style: 'h2', text: 'Essential' },
  { style: 'bullet', text: 'GCSE English and mathematics at grade 4 (C) or above, or equivalent.' },
  {
    style: 'bullet',
    text: 'Experience of working with children aged 4 to 11, or their families, in a paid or voluntary role.',
  },
  {
    style: 'bullet',
    text: 'A warm, patient manner with adults who may be anxious, angry or distrustful of school.',
  },
  { style: 'bullet', text: 'Good written English, for clear and accurate notes and short reports.' },
  { style: 'bullet', text: 'The ability to keep information confidential and to know when it must be shared.' },
  { style: 'h2', text: 'Desirable' },
  { style: 'bullet', text: 'A relevant qualification at level 3, or the wish to gain one.' },
  { style: 'bullet', text: 'Knowledge of the support available to families in Eastwick and the surrounding villages.' },
  { style: 'bullet', text: 'A full driving licence and use of a car for home visits (mileage is paid).' },
  { style: 'bullet', text: 'A second language spoken by families in our community.' },
  { style: 'pagebreak', text: '' },
  { style: 'h2', text: 'Safeguarding and safer recruitment' },
  {
    style: 'body',
    text:
      `${SCHOOL} is committed to safeguarding and promoting the welfare of children and expects all staff and ` +
      'volunteers to share this commitment. This post is subject to an enhanced Disclosure and Barring Service ' +
      'check with a barred list check, two satisfactory references and the other pre-employment checks that ' +
      'Keeping Children Safe in Education requires. Shortlisted candidates will be asked about any gaps in their ' +
      'employment history at interview.',
  },
  {
    style: 'body',
    text:
      'We welcome applications from everyone, whatever their age, disability, sex, gender identity, race, religion ' +
      'or belief, sexual orientation, or marital or civil partnership status.',
  },
  { style: 'h2', text: 'How to apply' },
  {
    style: 'body',
    text:
      'Please complete the Lancashire schools application form (CVs are not accepted) and return it to the school ' +
      'office by 12 noon on Friday 16 October 2026. Interviews will be held in the week beginning 2 November 2026. ' +
      'Visits to the school are warmly welcomed: please telephone the office to arrange one.',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// The course handbook: 100 pages, units named from page 5 on, seeded filler between.

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'attendance and punctuality',
  'your learning agreement',
  'tutorials and reviews',
  'assessment in the workplace',
  'the portfolio of evidence',
  'observations by your assessor',
  'witness testimony',
  'reflective accounts',
  'professional discussion',
  'feedback and resubmission',
  'academic good practice',
  'support for learners',
  'complaints and appeals',
  'health and wellbeing',
  'using the virtual learning environment',
];
const OPENERS = [
  'Learners on this programme',
  'Your tutor',
  'The course team',
  'Each placement setting',
  'Your assessor',
  'The quality nominee',
  'Learning support staff',
  'The college',
];
const VERBS = [
  'agree a plan for',
  'keep a record of',
  'review progress with',
  'explain the arrangements for',
  'give written feedback on',
  'check the evidence for',
  'set clear deadlines for',
  'offer extra sessions on',
];
const OBJECTS = [
  'each assignment before it is submitted',
  'the hours completed in placement',
  'the questions in the knowledge workbook',
  'observations arranged with the setting',
  'any work that has not yet met the criteria',
  'the dates in the course calendar',
  'requests for an extension',
  'the learner’s own targets for the term',
];
const TAILS = [
  'within ten working days.',
  'at the start of every half term.',
  'so that nothing is left until the end of the year.',
  'using the forms in the appendices.',
  'and the learner signs to say they agree.',
  'in line with the awarding body’s guidance.',
  'unless the learner asks for a meeting instead.',
  'and copies are kept on the learner’s file.',
];

/** The units the handbook lists on page 5 and mentions again later, as its authors might print them. */
const HANDBOOK_UNITS: Para[] = [
  { style: 'h2', text: 'Mandatory units' },
  {
    style: 'body',
    text:
      'The shared core and the children and young people’s core are taken by every learner, whatever the pathway. ' +
      'Each unit below has its own workbook; your assessor will plan observations against it with you.',
  },
  {
    style: 'bullet',
    text: 'SHC 31 Promote communication in health, social care or children’s and young people’s settings',
  },
  {
    style: 'bullet',
    text: 'SHC 33 Promote equality and inclusion in health, social care or children’s and young people’s settings',
  },
  { style: 'bullet', text: 'CYP Core 3.1 Understand child and young person development' },
  { style: 'bullet', text: 'CYP Core 3.3 Understand how to safeguard the well-being of children and young people' },
  { style: 'h2', text: 'Optional units' },
  {
    style: 'body',
    text: 'Learners on the early years pathway may choose CYPOP 5, for those planning to work as childminders.',
  },
];

export function handbookParas(): Para[] {
  const rand = seeded(20260914);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const sentence = () => `${pick(OPENERS)} will ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
  const paras: Para[] = [
    { style: 'letterhead', text: 'Eastwick College' },
    { style: 'h1', text: 'Course handbook 2026 to 2027' },
    {
      style: 'body',
      text: 'Level 3 Diploma for the Children and Young People’s Workforce (early years and social care)',
    },
    {
      style: 'small',
      text: 'Department of Health, Care and Education · Marsh Lane Campus · Version 2, September 2026',
    },
  ];
  let topic = 0;
  // About 14 paragraphs a page: the units come in after the first four pages of general matter; layout stops at 100
  // pages, so there is more filler than fits.
  for (let i = 0; i < 1500; i++) {
    if (i === 60) paras.push(...HANDBOOK_UNITS);
    if (i === 1250)
      paras.push({
        style: 'body',
        text:
          'Learners who also support families may add WP 302 from the Work with Parents standards as additional ' +
          'evidence, by agreement with their assessor.',
      });
    if (i % 24 === 0) {
      const name = TOPICS[topic % TOPICS.length];
      const section = `${1 + (topic % TOPICS.length)}.${1 + Math.floor(topic / TOPICS.length)}`;
      paras.push({ style: 'h2', text: `${section} ${name[0].toUpperCase()}${name.slice(1)}` });
      topic++;
    }
    const n = 1 + Math.floor(rand() * 3);
    paras.push({ style: 'body', text: Array.from({ length: n }, sentence).join(' ') });
  }
  return paras;
}

// ---------------------------------------------------------------------------------------------------------------
// PDF layout with pdf-lib: A4, wrapped lines, running head and foot.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const STYLE: Record<Exclude<Para['style'], 'pagebreak'>, { size: number; bold: boolean; before: number }> = {
  letterhead: { size: 20, bold: true, before: 0 },
  small: { size: 9, bold: false, before: 2 },
  h1: { size: 16, bold: true, before: 18 },
  h2: { size: 12.5, bold: true, before: 12 },
  body: { size: 10.5, bold: false, before: 6 },
  bullet: { size: 10.5, bold: false, before: 4 },
};

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lays the paragraphs out on A4 pages; `head` is printed at the top of every page after the first. */
async function layoutPdf(
  paras: Para[],
  opts: { title: string; head: string; subject: string; maxPages?: number },
): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(opts.title);
  doc.setSubject(opts.subject);
  doc.setAuthor(opts.head.split(' · ')[0]);
  doc.setProducer('NOS Lens test fixtures (pdf-lib)');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN - 24;
  };
  const full = () => opts.maxPages !== undefined && doc.getPageCount() >= opts.maxPages;
  for (const p of paras) {
    if (p.style === 'pagebreak') {
      newPage();
      continue;
    }
    const s = STYLE[p.style];
    const font = s.bold ? fonts.bold : fonts.regular;
    const indent = p.style === 'bullet' ? 14 : 0;
    const lines = p.lines ?? wrap(p.text, font, s.size, width - indent);
    const leading = s.size * 1.3;
    y -= s.before;
    // Keep a heading with at least two lines of what follows.
    const need = p.style.startsWith('h') ? leading * 3 : leading * lines.length;
    if (y - need < MARGIN + 20) {
      // Paragraphs are not split across pages (simpler, and it keeps a unit's line whole).
      if (full()) break;
      newPage();
    }
    lines.forEach((line, i) => {
      y -= leading;
      if (p.style === 'bullet' && i === 0) page.drawText('•', { x: MARGIN, y, size: s.size, font });
      page.drawText(line, { x: MARGIN + indent, y, size: s.size, font, color: rgb(0.1, 0.1, 0.1) });
    });
  }
  const pages = doc.getPages();
  pages.forEach((pg, i) => {
    const foot = `${opts.head} · Page ${i + 1} of ${pages.length}`;
    pg.drawText(foot, { x: MARGIN, y: MARGIN - 20, size: 8, font: fonts.regular, color: rgb(0.35, 0.35, 0.35) });
    if (i > 0)
      pg.drawText(opts.head, {
        x: MARGIN,
        y: A4[1] - MARGIN,
        size: 8,
        font: fonts.regular,
        color: rgb(0.35, 0.35, 0.35),
      });
  });
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------
// .docx with JSZip: the same paragraphs as Word writes them (styles, a bulleted list, a soft line break, links).

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function docxParagraph(p: Para): string {
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
  const style = {
    letterhead: 'Title',
    small: 'Small',
    h1: 'Heading1',
    h2: 'Heading2',
    body: null,
    bullet: 'ListBullet',
  }[p.style as Exclude<Para['style'], 'pagebreak'>];
  const pPr =
    (style ? `<w:pStyle w:val="${style}"/>` : '') +
    (p.style === 'bullet' ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '');
  // A title broken across lines in the PDF is a soft line break (Shift+Enter) in Word; a word hyphenated at a line
  // end in the PDF is whole in Word.
  const body = p.lines
    ? p.lines
        .map((l, i) => {
          const hyphenated = i > 0 && p.lines![i - 1].endsWith('-');
          const text = l.endsWith('-') ? l.slice(0, -1) : i < p.lines!.length - 1 ? `${l} ` : l;
          return (i === 0 || hyphenated ? '' : '<w:r><w:br/></w:r>') + run(text);
        })
        .join('')
    : run(p.text);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
}

async function makeDocx(paras: Para[], title: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = FIXED_DATE;
  const add = (name: string, text: string) => zip.file(name, text, { date, createFolders: false });
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  add(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${SCHOOL}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${date.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created></cp:coreProperties>`,
  );
  add(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.gov.uk/schools-jobs/hollins-brook" TargetMode="External"/>' +
      // A link a hostile document could carry: lib/doc/docx.ts must drop it.
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(document.domain)" TargetMode="External"/></Relationships>',
  );
  const styles = [
    ['Title', 'Title'],
    ['Heading1', 'heading 1'],
    ['Heading2', 'heading 2'],
    ['Small', 'Small print'],
    ['ListBullet', 'List Bullet'],
  ]
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
    .join('');
  add('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles}</w:styles>`);
  add(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">` +
      '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
  );
  const body = paras
    .filter((p) => p.style !== 'pagebreak')
    .map(docxParagraph)
    .join('');
  const links =
    '<w:p><w:r><w:t xml:space="preserve">Apply online at </w:t></w:r><w:hyperlink r:id="rId3"><w:r><w:t>the county jobs site</w:t></w:r></w:hyperlink>' +
    '<w:r><w:t xml:space="preserve"> or </w:t></w:r><w:hyperlink r:id="rId4"><w:r><w:t>download the form</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>';
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}${links}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}

// ---------------------------------------------------------------------------------------------------------------
// A password-protected PDF, written by hand: pdf-lib cannot encrypt. Standard security handler, revision 2 (40-bit
// RC4, PDF 1.4 reference, algorithms 3.1–3.5), user password "pupils", owner password "governors".

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);

export function makeEncryptedPdf(userPassword = 'pupils', ownerPassword = 'governors'): Uint8Array {
  const id = md5(Buffer.from('NOS Lens encrypted fixture'));
  const P = -44; // print and copy refused; as a little-endian 32-bit integer below
  const O = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const key = md5(padded(userPassword), O, pBytes, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num: number) =>
    md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(
    objectKey(4),
    Buffer.from('BT /F1 14 Tf 72 760 Td (Confidential: supervision notes for WP 301 candidates) Tj ET', 'latin1'),
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, written as bytes
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const part =
      o === null
        ? Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n`, 'latin1'),
            content,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    chunks.push(part);
    length += part.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\n` +
    `startxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

// ---------------------------------------------------------------------------------------------------------------
// A scanned-style PDF: each page one greyscale image of "printed lines" (a PNG written here) and no text at all.

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function png(width: number, height: number, pixel: (x: number, y: number) => number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Scanned job description');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const rand = seeded(7);
  for (let n = 0; n < 2; n++) {
    // 210 × 297 pixels for A4: dark bars of varying length where lines of print were, a little speckle.
    const lineEnds = Array.from({ length: 60 }, () => 120 + Math.floor(rand() * 70));
    const image = await doc.embedPng(
      png(210, 297, (x, y) => {
        const row = Math.floor((y - 20) / 4);
        const inText = y > 20 && y < 280 && (y - 20) % 4 < 2 && x > 20 && x < (lineEnds[row % 60] ?? 150);
        return inText ? 60 : rand() < 0.01 ? 200 : 245;
      }),
    );
    const page = doc.addPage(A4);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
    // A stamp and a signature box drawn as shapes, as scanners' cover sheets have.
    page.drawRectangle({ x: 400, y: 60, width: 140, height: 50, borderColor: rgb(0.2, 0.2, 0.6), borderWidth: 1.5 });
    page.drawLine({ start: { x: 410, y: 75 }, end: { x: 520, y: 95 }, thickness: 1, color: rgb(0.1, 0.1, 0.4) });
  }
  return doc.save();
}

// ---------------------------------------------------------------------------------------------------------------

export interface FixtureFile {
  name: string;
  bytes: Uint8Array;
}

export async function makeDocFixtures(): Promise<FixtureFile[]> {
  const jd = await layoutPdf(JOB_DESCRIPTION, {
    title: JOB_TITLE,
    head: `${SCHOOL} · ${POST}`,
    subject: 'Job description',
  });
  const jdBytes = await jd.save();
  const handbook = await layoutPdf(handbookParas(), {
    title:
      'Eastwick College course handbook 2026 to 2027: Level 3 Diploma for the Children and Young People’s Workforce',
    head: 'Eastwick College · Level 3 Diploma course handbook',
    subject: 'Course handbook',
    maxPages: 100,
  });
  return [
    { name: 'job-description.pdf', bytes: jdBytes },
    { name: 'job-description.docx', bytes: await makeDocx(JOB_DESCRIPTION, JOB_TITLE) },
    { name: 'course-handbook-100-pages.pdf', bytes: await handbook.save() },
    { name: 'password-protected.pdf', bytes: makeEncryptedPdf() },
    // Encrypted with an empty user password (only printing and copying restricted), as many schools' PDFs are:
    // readers open it without asking, and so must NOS Lens.
    { name: 'permissions-only.pdf', bytes: makeEncryptedPdf('') },
    // The first 60% of the job description, as a download cut short leaves it: no cross-reference table, no trailer.
    { name: 'truncated.pdf', bytes: jdBytes.slice(0, Math.floor(jdBytes.length * 0.6)) },
    { name: 'scanned-no-text.pdf', bytes: await makeScannedPdf() },
  ];
}

async function main() {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const f of await makeDocFixtures()) {
    writeFileSync(join(FIXTURE_DIR, f.name), f.bytes);
    process.stderr.write(`[fixtures] ${f.name}: ${Math.round(f.bytes.length / 1024)} KB\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
