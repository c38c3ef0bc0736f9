// lib/doc without pdf.js: text items → lines → paragraphs, line-end hyphens, running heads, .docx HTML, errors.
import { describe, expect, it } from 'vitest';
import { hasText, linesFromTextItems, paragraphsFromLines, joinLines, type TextItemLike } from '../../lib/doc/pdf';
import { documentBlocks, documentMainText, repeatedFurniture } from '../../lib/doc/text';
import { isSafeHref, paragraphsFromHtml, sanitiseDocxHtml, sha256Hex } from '../../lib/doc/docx';
import { classifyDocumentError, DocumentError, tooLargeError, tooManyPagesError } from '../../lib/doc/errors';
import { detectDocumentKind } from '../../lib/doc/kind';
import { formatBytes, MAX_DOCUMENT_BYTES, MAX_PDF_PAGES } from '../../lib/doc/limits';

/** A text item at (x, y) in a 10-unit font, `width` wide (or 5 units a character). */
const item = (str: string, x: number, y: number, extra: Partial<TextItemLike> = {}): TextItemLike => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  ...extra,
});

describe('linesFromTextItems', () => {
  it('joins items on one baseline, with a space only where there is a gap', () => {
    const lines = linesFromTextItems([item('Unit ', 50, 700), item('WP 301', 75, 700), item('.', 105, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['Unit WP 301.']);
    const spaced = linesFromTextItems([item('Teaching', 50, 700), item('assistant', 95, 700)]);
    expect(spaced.map((l) => l.text)).toEqual(['Teaching assistant']);
  });

  it('starts a new line after hasEOL or when the baseline moves, but keeps a superscript on its line', () => {
    const lines = linesFromTextItems([
      item('Level 3', 50, 700, { hasEOL: true }),
      item('', 0, 0, { width: 0, hasEOL: true }),
      item('Diploma', 50, 686),
      item('1', 86, 690, { height: 6, transform: [6, 0, 0, 6, 86, 690] }),
      item('Second line', 50, 672),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Level 3', 'Diploma1', 'Second line']);
    expect(lines[0]).toMatchObject({ x: 50, y: 700, height: 10 });
  });

  it('starts a line at its first word, not at spacing before it', () => {
    const lines = linesFromTextItems([
      item('Last line.', 50, 712, { hasEOL: true }),
      item(' ', 20, 700, { width: 30, height: 0 }),
      item('Next line', 50, 700),
    ]);
    expect(lines.map((l) => [l.text, l.x])).toEqual([
      ['Last line.', 50],
      ['Next line', 50],
    ]);
  });

  it('drops empty lines and collapses runs of spaces', () => {
    expect(linesFromTextItems([item('   ', 50, 700), item('a   b', 50, 680)]).map((l) => l.text)).toEqual(['a b']);
  });
});

describe('paragraphsFromLines', () => {
  const at = (texts: string[], y0: number, step: number, height = 10) =>
    texts.map((text, i) => ({ text, x: 50, y: y0 - i * step, right: 300, height }));

  it('joins lines at the usual spacing and starts a paragraph at a wider gap', () => {
    const lines = [
      ...at(['You will liaise with parents,', 'carers and families.'], 700, 12),
      ...at(['Hours: 32.5'], 660, 12),
    ];
    expect(paragraphsFromLines(lines)).toEqual(['You will liaise with parents,\ncarers and families.', 'Hours: 32.5']);
  });

  it('starts a paragraph at a change of font size and before a bullet', () => {
    const heading = at(['Main duties'], 720, 14, 14);
    const body = at(['• Plan sessions with the class', 'teacher', '• Keep records'], 704, 12);
    expect(paragraphsFromLines([...heading, ...body])).toEqual([
      'Main duties',
      '• Plan sessions with the class\nteacher',
      '• Keep records',
    ]);
  });

  it('starts a paragraph after a sentence that ends short of the margin, or before an indent or numbered item', () => {
    const line = (text: string, y: number, x = 50, right = 500) => ({ text, x, y, right, height: 10 });
    expect(
      paragraphsFromLines([
        line('Post: Family Support Worker.', 700, 50, 200),
        line('Hours: 32.5 a week, term time only, with some flexibility for evening events at the', 688),
        line('school. You will report to the Inclusion Lead, who', 676),
        line('plans your week.', 664, 50, 150),
        line('The post is new this year and', 652, 70),
        line('is funded for three years.', 640),
        line('1. Keep records.', 628, 50, 140),
        line('Liaise with parents, carers', 616, 50, 170),
        line('and families every week.', 604),
      ]),
    ).toEqual([
      'Post: Family Support Worker.',
      'Hours: 32.5 a week, term time only, with some flexibility for evening events at the\nschool. You will report to the Inclusion Lead, who\nplans your week.',
      'The post is new this year and\nis funded for three years.',
      '1. Keep records.',
      'Liaise with parents, carers\nand families every week.',
    ]);
  });

  it('starts a paragraph where the text moves up (a second column)', () => {
    const lines = [...at(['Left column'], 700, 12), ...at(['Right column'], 700, 12)];
    expect(paragraphsFromLines(lines)).toEqual(['Left column', 'Right column']);
  });
});

describe('joinLines', () => {
  it('removes a hyphen that breaks a word, keeps one in a compound, and otherwise keeps the line break', () => {
    expect(joinLines('during transi-', 'tions in their lives')).toBe('during transitions in their lives');
    expect(joinLines('their well-', 'being')).toBe('their well-being');
    expect(joinLines('a multi-', 'agency team')).toBe('a multi-agency team');
    expect(joinLines('Key Stage 2 -', 'Year 6')).toBe('Key Stage 2 -\nYear 6');
    expect(joinLines('North-', 'East')).toBe('North-\nEast');
    expect(joinLines('parents,', 'carers')).toBe('parents,\ncarers');
  });
});

describe('hasText', () => {
  it('counts a scan with only a stamp or page numbers as having no text', () => {
    const page = (...paragraphs: string[]) => ({ paragraphs });
    expect(hasText([page('Scanned 14/09/2026'), page('Page 2 of 2')])).toBe(false);
    expect(hasText([])).toBe(false);
    expect(hasText([page('Job description: Family Support Worker'), page('')])).toBe(true);
  });
});

describe('documentMainText', () => {
  it('leaves out running heads and feet that repeat on most pages, but keeps them as blocks', () => {
    const bodies = ['Induction week.', 'Assessment methods.', 'Unit guidance.', 'Appeals.'];
    const pages = bodies.map((body, i) => ({
      pageNumber: i + 1,
      paragraphs: ['Oakfield Course Handbook 2026', body, `Page ${i + 1} of 4`],
    }));
    expect([...repeatedFurniture(pages)].sort()).toEqual(['oakfield course handbook #', 'page # of #']);
    expect(documentMainText(pages).split('\n')).toEqual(bodies);
    expect(documentBlocks(pages)).toHaveLength(12);
  });

  it('keeps everything in a document of one or two pages', () => {
    const pages = [1, 2].map((n) => ({ pageNumber: n, paragraphs: ['Same heading', `Text ${n}`] }));
    expect(documentMainText(pages)).toBe('Same heading\nText 1\nSame heading\nText 2');
  });

  it('reads a paragraph’s printed lines as one line of prose, so a sentence is not cut where the page ran out', () => {
    const pages = [
      { pageNumber: 1, paragraphs: ['You will liaise with parents,\ncarers and families.', 'Hours: 32.5'] },
    ];
    expect(documentMainText(pages)).toBe('You will liaise with parents, carers and families.\nHours: 32.5');
    expect(documentBlocks(pages)[0]).toBe('You will liaise with parents,\ncarers and families.');
  });
});

describe('.docx HTML', () => {
  it('removes javascript:, data: and other unsafe link targets, however they are disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'java&#x09;script:x',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(isSafeHref(bad), bad).toBe(false);
    for (const good of ['https://example.org/jobs', 'http://x', 'mailto:hr@example.org', 'tel:+441234', '#section-2'])
      expect(isSafeHref(good), good).toBe(true);
    const html =
      '<p><a href="javascript:alert(1)">Apply</a> <a href="https://example.org/a?b=1&amp;c=2">Read</a>' +
      '<img src="data:image/png;base64,AAAA" /><img src="https://tracker.example/x.gif" /></p>';
    expect(sanitiseDocxHtml(html)).toBe(
      '<p><a>Apply</a> <a href="https://example.org/a?b=1&amp;c=2">Read</a><img src="data:image/png;base64,AAAA" /><img /></p>',
    );
  });

  it('reads paragraphs, list items and table cells as blocks, with entities decoded and <br> kept', () => {
    const html =
      '<h1>Job description</h1><p>Salary &amp; hours:<br />32.5 hours</p><ul><li>Support WP 301<ul><li>Nested</li></ul></li>' +
      '</ul><table><tr><td><p>Essential</p></td><td>GCSE &lt;C&gt; or equivalent</td></tr></table>';
    expect(paragraphsFromHtml(html)).toEqual([
      'Job description',
      'Salary & hours:\n32.5 hours',
      'Support WP 301',
      'Nested',
      'Essential',
      'GCSE <C> or equivalent',
    ]);
  });

  it('fingerprints bytes with SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('errors and limits', () => {
  it('classifies pdf.js’s exceptions by name, as they arrive from its worker', () => {
    expect(classifyDocumentError({ name: 'PasswordException', message: 'No password given', code: 1 })).toMatchObject({
      code: 'encrypted',
      message: expect.stringMatching(/^This PDF is protected by a password/),
    });
    expect(classifyDocumentError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' }).code).toBe(
      'corrupt',
    );
    expect(
      classifyDocumentError(new Error("Can't find end of central directory : is this a zip file ?"), 'docx'),
    ).toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^This Word file could not be opened/),
    });
    expect(classifyDocumentError(new Error('Something odd.'), 'pdf')).toEqual({
      code: 'unreadable',
      message: 'NOS Lens could not read this PDF (Something odd).',
    });
  });

  it('says how big the file is and what the limit is', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(50 * 1024 * 1024);
    expect(MAX_PDF_PAGES).toBe(1000);
    expect(tooLargeError(65_431_000).message).toBe('This file is 62.4 MB; NOS Lens reads documents up to 50 MB.');
    expect(tooManyPagesError(1204).message).toMatch(
      /^This PDF has 1,204 pages; NOS Lens reads documents up to 1,000 pages\./,
    );
    expect(formatBytes(840_000)).toBe('820 KB');
    expect(classifyDocumentError(tooLargeError(1)).code).toBe('too-large');
  });

  it('tells a PDF, a .docx and an old .doc apart by their first bytes', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(detectDocumentKind(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(detectDocumentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('docx');
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(() => detectDocumentKind(doc)).toThrow(/older Word file \(\.doc\)/);
    expect(() => detectDocumentKind(bytes('<html>'), 'jd.pdf')).toThrow(DocumentError);
    expect(() => detectDocumentKind(bytes('hello'), 'notes.txt')).toThrow(/PDF and Word \(\.docx\) files/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
    expect(() => detectDocumentKind(zip, 'rota.xlsx')).toThrow(/zip archive but not a Word document/);
    expect(
      classifyDocumentError(new Error('Could not find main document part. Are you sure this is a valid .docx file?')),
    ).toMatchObject({ code: 'unsupported' });
  });
});
