// Evidence and courses as a real portfolio holds them, for the portfolio tests.
import type { Course, Evidence } from '@/lib/portfolio/model';

export function evidence(id: string, over: Partial<Evidence> = {}): Evidence {
  const units = over.units ?? [
    {
      unitId: 'wp-301',
      code: 'WP 301',
      title: 'Build and maintain relationships in work with parents',
      suiteTitle: 'Work with Parents',
    },
    {
      unitId: 'ldss-309',
      code: '309',
      title: 'Liaise with parents, carers and families',
      suiteTitle: 'Learning Development Support Services',
    },
  ];
  return {
    id,
    url: `https://jobs.example.org/${id}`,
    pageTitle: `Family Support Worker, "Riverside", ${id}`,
    quote: { exact: 'work with parents, carers', prefix: 'You will ', suffix: ' and families', start: 9, end: 34 },
    note: 'Applied.\nInterview on the 3rd, =ask about supervision',
    tags: ['applications', '2026'],
    type: 'job-advert',
    activityDate: '2026-11-20',
    units,
    unitIds: units.map((u) => u.unitId),
    criteria: [],
    hours: null,
    attachment: null,
    document: null,
    snapshot: 'Family Support Worker. You will work with parents, carers and families.',
    createdAt: 1_763_600_000_000,
    updatedAt: 1_763_600_500_000,
    ...over,
  };
}

export function course(id: string, over: Partial<Course> = {}): Course {
  return {
    id,
    url: `https://college.example.org/${id}`,
    title: `Level 3 Certificate ${id}`,
    explicit: [{ unitId: 'wp-301', count: 2 }],
    matches: [{ unitId: 'ldss-309', score: 2.4 }],
    snapshot: 'Course text',
    savedAt: 1_763_600_900_000,
    ...over,
  };
}
