import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessEvidenceType } from '../../../lib/portfolio/guess-type';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pages', name), 'utf8')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ');

describe('guessEvidenceType', () => {
  it('reads a job advert with a course-like qualifications section as a job advert', () => {
    expect(guessEvidenceType('Learning Mentor – Northfield Academy Trust', fixture('job-advert.html'))).toBe(
      'job-advert',
    );
  });
  it('reads course listings as courses', () => {
    for (const page of ['course-listing.html', 'course-parent-support.html', 'course-learning-support.html'])
      expect(guessEvidenceType('', fixture(page)), page).toBe('course');
  });
  it('calls anything else reading', () => {
    expect(guessEvidenceType('Attachment and transitions', 'An article about how children settle into school.')).toBe(
      'reading',
    );
  });
  it('counts wording, not single mentions', () => {
    const text = 'Salary £24,000 pro rata, 37 hours, term time. You will support a course of study.';
    expect(guessEvidenceType('Teaching assistant vacancy', text)).toBe('job-advert');
    expect(guessEvidenceType('Level 3 Diploma', 'Course modules, entry requirements, start dates and fees.')).toBe(
      'course',
    );
  });
});
