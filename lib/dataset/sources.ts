// The seed documents the bundled dataset is transcribed from, by file name: how a page cites them to a reader
// (publisher, title, year) instead of by file name. Pure.
import type { Source } from './schema';

export interface SourceDocument {
  publisher: string;
  title: string;
  year: string;
}

/** The five documents in data/sources (see its README), keyed by the file name the dataset's `source` fields use. */
export const SOURCE_DOCUMENTS: Readonly<Record<string, SourceDocument>> = {
  '000_474b784882dfc890.txt': {
    publisher: 'DfES',
    title:
      'Letter on the National Occupational Standards for Learning Development and Support Services (LDSS) for Children, Young People and Those Who Care For Them',
    year: '2004',
  },
  '001_522d2fb80d455b6e.txt': {
    publisher: 'DfES',
    title: 'Mainstreaming learning mentors and co-ordinators',
    year: '2005',
  },
  '002_8ca6a769cd3dda90.txt': {
    publisher: 'Lifelong Learning UK',
    title: 'National Occupational Standards for Learning Support Staff',
    year: '2009',
  },
  '003_0b7dd70bc8d4b6f1.txt': {
    publisher: 'DfES',
    title: 'School Support Staff Training and Development: Our plans for 2004-05',
    year: '2004',
  },
  '004_9767ddd9e9ec1f97.txt': {
    publisher: 'CWDC',
    title: 'A functional map for Parent Partnership Services in England',
    year: '2009–2010',
  },
};

/**
 * A readable citation: `CWDC, A functional map for Parent Partnership Services in England (2009–2010), Appendix Six:
 * SUITE: Work with Parents`. A document that is not a seed (a user's suite names the file it came from) is cited as
 * named.
 */
export function citeSource(source: Source): string {
  const doc = SOURCE_DOCUMENTS[source.document];
  const where = source.section ? `, ${source.section}` : '';
  return doc ? `${doc.publisher}, ${doc.title} (${doc.year})${where}` : `${source.document}${where}`;
}
