// The evidence model: a page (or a quote from it) that a user files against one or more units.

export const EVIDENCE_TYPES = ['course', 'job-advert', 'reading', 'practice', 'other'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** What the evidence remembers of a unit, so it stays readable even if the unit leaves the dataset. */
export interface EvidenceUnitRef {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

export interface Evidence {
  id: string;
  url: string;
  pageTitle: string;
  quote: string | null;
  note: string;
  tags: string[];
  type: EvidenceType;
  /** ISO date (YYYY-MM-DD) of the activity the evidence records. */
  activityDate: string;
  units: EvidenceUnitRef[];
  /** Indexed copy of units[].unitId. */
  unitIds: string[];
  /** The page's visible text when it was filed (capped), so the evidence outlives the page. */
  snapshot: string | null;
  createdAt: number;
  updatedAt: number;
}
