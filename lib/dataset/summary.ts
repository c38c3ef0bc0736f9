// What lists show of suites (no units), shared by the store that builds them and the components that render them.

/** A suite as lists show it: no units, their count. */
export interface SuiteSummary {
  id: string;
  title: string;
  origin: 'bundled' | 'user';
  body: string | null;
  year: string | null;
  unitCount: number;
}

/** One of the user's own suites with how much evidence points at its units. */
export interface UserSuiteUsage extends SuiteSummary {
  evidence: number;
  /** The file the suite was imported from. */
  sourceDocument: string;
}

/** What importing one suite from a file would do. */
export interface SuitePreview {
  id: string;
  title: string;
  units: number;
  /** A suite of this id is stored already and will be replaced. */
  replaces: boolean;
  /** Stored units of that suite that the new version drops, and how many of them have evidence. */
  dropped: number;
  droppedWithEvidence: number;
}
