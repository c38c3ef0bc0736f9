// The NOS record recogniser (lib/capture/nos-record.ts) on invented pages in the published layout (clean, messy,
// partial), on pages that only mention performance criteria, and on every other page fixture in the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  NosRecordSchema,
  OVERVIEW_LIMIT,
  STATEMENT_LIMIT,
  recogniseNosRecord,
  urnFromAddress,
  type NosRecord,
} from '../../lib/capture/nos-record';
import { captureFile, captureHtml } from '../../scripts/scan-capture';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DIR = join(FIXTURES, 'capture');
const record = (file: string): NosRecord | null => {
  const r = captureFile(join(DIR, file));
  expect(r.error).toBeUndefined();
  return r.record;
};
const recorded = (file: string): NosRecord => {
  const r = record(file);
  expect(r, `${file} should be recognised`).not.toBeNull();
  expect(v.safeParse(NosRecordSchema, r).success).toBe(true);
  return r!;
};
const texts = (items: readonly { id: string; text: string }[]) => items.map((x) => `${x.id} ${x.text}`);

describe('recogniseNosRecord: clean pages', () => {
  it('reads a NOS finder page: title, URN, overview, criteria and knowledge in table cells, the details table', () => {
    const r = recorded('finder-reading-at-home.html');
    expect(r.title).toBe("Support pupils' reading at home");
    expect(r.urn).toBe('XYZ123');
    expect(r.overview).toBe(
      'This standard is about working with pupils and their families so that reading carries on at home. It covers ' +
        'agreeing reading goals, choosing suitable books, showing families simple ways to share a book and keeping ' +
        "track of progress.\nIt is for teaching assistants, family learning workers and others who support pupils' " +
        'reading in partnership with parents and carers.',
    );
    expect(r.criteria.map((c) => c.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    expect(r.criteria[0]).toEqual({
      id: 'P1',
      number: 1,
      text: 'agree reading goals with the pupil, their family and the class teacher',
    });
    expect(r.criteria[7].text).toBe("share progress with the class teacher in line with the school's procedures");
    expect(r.knowledge.map((k) => k.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
    expect(r.knowledge[9].text).toBe('the limits of your own role and when to refer to others');
    expect(r.elements).toEqual([]);
    expect(r.details).toEqual({
      urn: 'XYZ123',
      developedBy: 'Invented Learning Partnership',
      versionNumber: '3',
      dateApproved: '14 Mar 2023',
      indicativeReviewDate: '14 Mar 2028',
      validity: 'Current',
      status: 'Original',
      originatingOrganisation: 'Invented Learning Partnership',
      originalUrn: 'XYZ123',
      relevantOccupations: ['Teaching assistants', 'Family learning workers', 'Learning mentors'],
      suite: 'Family Learning Support (invented)',
      keywords: ['reading', 'families', 'home learning', 'literacy'],
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads the same standard copied as text (tab-separated details) into the same record', () => {
    expect(recorded('finder-reading-at-home.txt')).toEqual(recorded('finder-reading-at-home.html'));
  });

  it('reads text from a PDF: running headers and page numbers left out, broken lines joined, element headings', () => {
    const r = recorded('pdf-transition-visits.txt');
    expect(r.title).toBe('Plan transition visits for children moving school');
    expect(r.urn).toBe('ABC0412'); // printed alone above the title
    expect(r.overview).toBe(
      'This standard is about planning and running visits that help children get to know a new school before they ' +
        'move, whether at the usual time or part way through a school year. It is for learning mentors, transition ' +
        'workers and support staff who work across schools.',
    );
    expect(r.elements).toEqual([
      { code: null, title: 'Agree the purpose of the visits' },
      { code: null, title: 'Prepare the child and family' },
      { code: null, title: 'Review the visits' },
    ]);
    expect(r.criteria.map((c) => [c.id, c.element])).toEqual([
      ['P1', 'Agree the purpose of the visits'],
      ['P2', 'Agree the purpose of the visits'],
      ['P3', 'Agree the purpose of the visits'],
      ['P4', 'Prepare the child and family'],
      ['P5', 'Prepare the child and family'],
      ['P6', 'Prepare the child and family'],
      ['P7', 'Review the visits'],
      ['P8', 'Review the visits'],
    ]);
    // A page break (running header, "Page 2 of 4") between P5 and P6 leaves both intact.
    expect(r.criteria[4].text).toBe('arrange for the family to meet a named member of staff');
    expect(r.criteria[0].text).toBe(
      'find out from the child, their family and both schools what the child hopes and worries about',
    );
    expect(r.criteria[7].text).toBe(
      "pass on what you have learned to the receiving school, with the family's agreement",
    );
    expect(texts(r.knowledge)).toEqual([
      'K1 why moving school can be difficult for some children, including children who are looked after or who have moved many times',
      'K2 the information schools share when a child moves, and the rules about sharing it',
      'K3 ways of helping children to say what they hope for and worry about',
      'K4 how to adapt visits for children with special educational needs or disabilities',
      'K5 who to contact in each school and when',
    ]);
    expect(r.details.relevantOccupations).toEqual([
      'Learning mentors',
      'Transition workers',
      'Education support staff',
    ]);
    expect(r.details.originalUrn).toBe('ABC0412');
    expect(r.details.urn).toBeUndefined(); // the table prints no "URN" row; the record's URN is the title's
    expect(r.warnings).toEqual([]);
  });
});

describe('recogniseNosRecord: messy and partial pages', () => {
  it('splits criteria run together on one line, reads "P 5", headings in capitals, no "You must be able to"', () => {
    const r = recorded('messy-homework-club.html');
    expect(r.title).toBe('Run a homework club for pupils');
    expect(r.urn).toBe('QRS207');
    expect(r.criteria.map((c) => c.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
    expect(r.criteria[3].text).toBe('help pupils to plan their time and start work on their own');
    expect(r.criteria[4].text).toBe('build trust with pupils who find homework hard');
    expect(r.criteria[5].text).toBe('actively encourage pupils to ask for help when they are stuck');
    expect(r.knowledge).toHaveLength(6);
    expect(r.knowledge[5].text).toBe('how to respond when a pupil is upset or tells you something worrying');
    expect(r.details).toEqual({
      urn: 'QRS207',
      developedBy: 'Invented Extended Schools Group',
      versionNumber: '2',
      dateApproved: 'June 2024',
      indicativeReviewDate: 'June 2029',
      suite: 'Out of School Hours Learning (invented)',
      keywords: ['homework', 'study support', 'clubs'],
    });
  });

  it('puts criteria under "Element n:" headings and reads details from a definition list', () => {
    const r = recorded('elements-mealtimes.html');
    expect(r.urn).toBe('DEF501'); // "Unique Reference Number: DEF501"
    expect(r.elements).toEqual([
      { code: '1', title: 'Prepare for the meal' },
      { code: '2', title: 'Support pupils while they eat' },
      { code: '3', title: 'Manage behaviour in the dining hall' },
    ]);
    expect(r.criteria.filter((c) => c.element === 'Support pupils while they eat').map((c) => c.id)).toEqual([
      'P4',
      'P5',
      'P6',
    ]);
    expect(r.knowledge.map((k) => k.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
    expect(r.details.relevantOccupations).toEqual(['Midday supervisors', 'Teaching assistants']);
    expect(r.details.keywords).toEqual(['mealtimes', 'lunchtime', 'supervision', 'allergies']);
    expect(r.details.suite).toBe('School Support Services (invented)');
  });

  it('reads a page with no knowledge section and no details', () => {
    const r = recorded('partial-no-knowledge.txt');
    expect(r).toMatchObject({ title: 'Run a lunchtime reading club', urn: 'LMN88', knowledge: [], details: {} });
    expect(r.criteria).toHaveLength(5);
  });

  it('reads a page with no overview and no details table, its URN labelled under the title', () => {
    const r = recorded('partial-no-details.html');
    expect(r).toMatchObject({ title: 'Help pupils settle into the school day', urn: 'TUV310', overview: null });
    expect(r.details).toEqual({ urn: 'TUV310' });
    expect(r.criteria).toHaveLength(4);
    expect(r.knowledge).toHaveLength(3);
  });

  it('reads criteria numbered "1.", with a warning for each gap and duplicate; a details table is the signal', () => {
    const r = recorded('numbered-details-only.html');
    expect(r.title).toBe('Support pupils with English as an additional language');
    expect(r.urn).toBeNull();
    expect(r.criteria.map((c) => c.id)).toEqual(['P1', 'P2', 'P3', 'P5', 'P6']);
    expect(r.knowledge.map((k) => k.id)).toEqual(['K1', 'K2', 'K2', 'K3']);
    expect(r.warnings).toEqual([
      'Performance criteria: P4 is missing (the numbering goes from P3 to P5).',
      'Knowledge and understanding: K2 appears more than once.',
    ]);
  });

  it('reads only the first of two standards on one page, and says so', () => {
    const r = recorded('two-standards.txt');
    expect(r.title).toBe('Welcome new families to the school');
    expect(r.urn).toBe('GHI101');
    // "PERFORMANCE CRITERIA - You must be able to: P1. … P 2. … P3: …" on one line; "K1)" numbering.
    expect(texts(r.criteria)).toEqual([
      'P1 greet families warmly and introduce yourself',
      'P2 give families the information they ask for, in a form they can use',
      'P3 show families around the school and explain daily routines',
    ]);
    expect(r.knowledge.map((k) => k.id)).toEqual(['K1', 'K2', 'K3']);
    expect(r.warnings).toEqual(['The page holds more than one standard; only the first was read.']);
  });
});

describe('recogniseNosRecord: pages that are not NOS records', () => {
  it.each([
    [
      'not-course-page.html',
      'a course page with a "Performance criteria" heading, a numbered list and URNs in a table',
    ],
    ['not-blog-writing-criteria.html', 'a blog post with an example written in the layout, but no URN or details'],
    ['not-assessor-guide.txt', 'an assessor’s guide citing the URN and ranges of criteria (P1 to P4, K1–K5)'],
    ['not-job-advert.html', 'a job advert that asks for the standard’s performance criteria'],
  ])('%s: %s', (file) => {
    expect(record(file)).toBeNull();
  });

  it('finds no record in any other page fixture (adverts, course listings, evaluation pages)', () => {
    let checked = 0;
    for (const dir of ['pages', 'scan', 'eval'])
      for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => /\.(html|txt)$/.test(f))) {
        checked++;
        expect(captureFile(join(FIXTURES, dir, file)).record, `${dir}/${file}`).toBeNull();
      }
    expect(checked).toBeGreaterThan(30);
  });

  it('needs the NOS signal: the blog’s example becomes a record once it carries a URN', () => {
    const html = readFileSync(join(DIR, 'not-blog-writing-criteria.html'), 'utf8');
    const withUrn = html.replace('<h3>Performance criteria</h3>', '<p>URN: BLG100</p><h3>Performance criteria</h3>');
    const r = captureHtml('blog-with-urn.html', withUrn).record;
    expect(r?.urn).toBe('BLG100');
    expect(r!.criteria).toHaveLength(3);
    expect(r!.knowledge).toHaveLength(2);
  });
});

describe('recogniseNosRecord: the rule, line by line', () => {
  const page = (...parts: string[]) => parts.join('\n');
  const minimal = (criteria: string) =>
    page('XYZ900 Help pupils tidy the classroom', 'Performance criteria', criteria, 'Knowledge and understanding');

  it('accepts blocks (with line breaks inside) as well as plain text', () => {
    const blocks = [
      'Help pupils tidy the classroom',
      'URN: XYZ900',
      'Performance criteria',
      'You must be able to:',
      'P1 agree with pupils where things belong\nP2 praise pupils who help',
    ];
    expect(recogniseNosRecord(blocks)?.criteria.map((c) => c.text)).toEqual([
      'agree with pupils where things belong',
      'praise pupils who help',
    ]);
    expect(recogniseNosRecord(blocks.join('\n'))).toEqual(recogniseNosRecord(blocks));
  });

  it('needs a heading: prose that starts with "Performance criteria" is not one', () => {
    expect(
      recogniseNosRecord(
        page('XYZ900 Help pupils tidy the classroom', 'Performance criteria are assessed by observation: P1 tidy'),
      ),
    ).toBeNull();
  });

  it('needs a numbered statement, a title and a signal', () => {
    expect(recogniseNosRecord(minimal('tidy the room with pupils'))).toBeNull();
    expect(recogniseNosRecord(page('URN: XYZ900', 'Performance criteria', 'P1 tidy the room'))).toBeNull();
    expect(recogniseNosRecord(page('Help pupils tidy the classroom', 'Performance criteria', 'P1 tidy'))).toBeNull();
    expect(recogniseNosRecord(minimal('P1 tidy the room with pupils'))?.urn).toBe('XYZ900');
  });

  it('does not count the usual document details (version, status, developed by) as a NOS table', () => {
    const details = ['Developed by: the team', 'Version: 2', 'Status: draft', 'Date approved: May 2026'];
    const body = ['Help pupils tidy the classroom', ...details, 'Performance criteria', 'P1 tidy the room'];
    expect(recogniseNosRecord(body)).toBeNull();
    expect(recogniseNosRecord([...body, 'Originating organisation: Invented Council'])?.urn).toBeNull();
  });

  it('reads a URN from a NOS address, and takes the title the address names', () => {
    const lines = [
      'NOS finder',
      'Help pupils tidy the classroom',
      'Share this page',
      'Performance criteria',
      'P1 tidy',
    ];
    const url = 'https://standards.example.org/en/nos-finder/xyz900/help-pupils-tidy-the-classroom';
    expect(recogniseNosRecord(lines)).toBeNull();
    expect(recogniseNosRecord(lines, { url })).toMatchObject({
      title: 'Help pupils tidy the classroom',
      urn: 'XYZ900',
    });
    expect(urnFromAddress('https://example.org/jobs/ta2024/apply')).toBeNull();
    expect(urnFromAddress('https://example.org/view?nosCode=abc0412')).toBe('ABC0412');
  });

  it('prefers the line the document title names over a later title-like line', () => {
    const lines = [
      'Help pupils tidy the classroom',
      'Related standards',
      'URN: XYZ900',
      'Performance criteria',
      'P1 tidy',
    ];
    expect(recogniseNosRecord(lines)?.title).toBe('Related standards');
    expect(recogniseNosRecord(lines, { pageTitle: 'Help pupils tidy the classroom | Standards' })?.title).toBe(
      'Help pupils tidy the classroom',
    );
  });

  it('skips buttons and links (short lines worded so) before the first section, unless the page title names the line', () => {
    const lines = (title: string) => [
      title,
      'Download PDF',
      'Print',
      'Back to top',
      'URN: XYZ900',
      'Performance criteria',
      'P1 x',
    ];
    expect(recogniseNosRecord(lines('Help pupils tidy the classroom'))?.title).toBe('Help pupils tidy the classroom');
    expect(recogniseNosRecord(lines('Search lockers with pupils present'))?.title).toBe(
      'Search lockers with pupils present',
    );
    expect(recogniseNosRecord(lines('Print pupils’ work'))).toBeNull();
    expect(recogniseNosRecord(lines('Print pupils’ work'), { pageTitle: 'Print pupils’ work – NOS' })?.title).toBe(
      'Print pupils’ work',
    );
  });

  it('splits a run-together line only at the next number, not at a cross-reference or a range', () => {
    const r = recogniseNosRecord(
      minimal('P1 check the plan agreed in P4 with the teacher P2 see P1 to P3 of the guidance P3 tidy up'),
    );
    expect(texts(r!.criteria)).toEqual([
      'P1 check the plan agreed in P4 with the teacher',
      'P2 see P1 to P3 of the guidance',
      'P3 tidy up',
    ]);
  });

  it('numbers statements in order when the page numbers them only by list style, after the lead-in', () => {
    const blocks = [
      'Support pupils at play',
      'URN: PLY204',
      'Performance criteria',
      'Keep play safe',
      'You must be able to:',
      'check the play area and equipment are safe',
      'step in when a game\nbecomes unsafe',
      'Join in',
      'You must be able to:',
      'join in games when pupils invite you',
      'Knowledge and understanding',
      'You need to know and understand:',
      'why play matters to learning',
    ];
    const r = recogniseNosRecord(blocks)!;
    expect(r.criteria).toEqual([
      { id: 'P1', number: 1, text: 'check the play area and equipment are safe', element: 'Keep play safe' },
      { id: 'P2', number: 2, text: 'step in when a game becomes unsafe', element: 'Keep play safe' },
      { id: 'P3', number: 3, text: 'join in games when pupils invite you', element: 'Join in' },
    ]);
    expect(texts(r.knowledge)).toEqual(['K1 why play matters to learning']);
    expect(r.warnings).toEqual([
      'Performance criteria: the page does not number them; they are numbered in order here.',
      'Knowledge and understanding: the page does not number them; they are numbered in order here.',
    ]);
    // Without the lead-in, an unnumbered list under the heading is not read as criteria.
    expect(recogniseNosRecord(blocks.filter((b) => !b.startsWith('You ')))).toBeNull();
  });

  it('joins a heading a PDF broke over two lines, and stops at a second standard that has no overview', () => {
    const text = page(
      'XYZ900 Help pupils tidy the classroom',
      'Performance',
      'criteria You must be able to:',
      'P1 tidy the room with pupils',
      'Knowledge and',
      'understanding',
      'K1 why a tidy room helps pupils to learn',
      'XYZ901 Help pupils look after books',
      'Performance criteria',
      'P1 show pupils how to hold a book',
    );
    const r = recogniseNosRecord(text)!;
    expect(texts(r.criteria)).toEqual(['P1 tidy the room with pupils']);
    expect(texts(r.knowledge)).toEqual(['K1 why a tidy room helps pupils to learn']);
    expect(r.warnings).toEqual(['The page holds more than one standard; only the first was read.']);
  });

  it('reads a number in a cell of its own, and warns about a number with no text or out of order', () => {
    const r = recogniseNosRecord(
      minimal(['P1', 'sort the books', 'P2', 'P4 stack the chairs', 'P3 wipe the tables'].join('\n')),
    );
    expect(texts(r!.criteria)).toEqual(['P1 sort the books', 'P4 stack the chairs', 'P3 wipe the tables']);
    expect(r!.warnings).toEqual([
      'Performance criteria: P3 is missing (the numbering goes from P2 to P4).',
      'Performance criteria: P3 comes after P4.',
      'Performance criteria: P2 has no text; it was left out.',
    ]);
  });

  it('cuts over-long text to the limits, with a warning, so the record always validates', () => {
    const long = `sort ${'the books and the games '.repeat(300)}`.trim();
    const overview = 'This standard is about tidying. '.repeat(1_000).trim();
    const r = recogniseNosRecord(
      page('XYZ900 Help pupils tidy the classroom', 'Overview', overview, 'Performance criteria', `P1 ${long}`),
    )!;
    expect(r.criteria[0].text.length).toBeLessThanOrEqual(STATEMENT_LIMIT);
    expect(r.criteria[0].text.endsWith('…')).toBe(true);
    expect(r.overview!.length).toBeLessThanOrEqual(OVERVIEW_LIMIT);
    expect(r.warnings).toEqual([
      'The overview is longer than 20,000 characters; it was cut.',
      'P1 is longer than 5,000 characters; it was cut.',
    ]);
    expect(v.safeParse(NosRecordSchema, r).success).toBe(true);
  });

  it('reads at most a million characters of a page, and says so', () => {
    const r = recogniseNosRecord([minimal('P1 tidy the room'), 'filler '.repeat(200_000)]);
    expect(r?.warnings).toEqual(['The page is longer than 1,000,000 characters; only its start was read.']);
  });

  it('the schema refuses a record that is not one (for records read back from storage)', () => {
    const r = recorded('partial-no-details.html');
    expect(v.safeParse(NosRecordSchema, { ...r, urn: 'not a urn' }).success).toBe(false);
    expect(v.safeParse(NosRecordSchema, { ...r, criteria: [{ id: 'p1', number: 1, text: 'x' }] }).success).toBe(false);
    expect(v.safeParse(NosRecordSchema, { ...r, title: '' }).success).toBe(false);
  });
});
