// The popup's "Tag this page as evidence" section: the form, and why the page's text is missing when it is.
// Renders props only.
import { TagForm, type TagFormValue, type TagUnit } from './TagForm';
import type { EvidenceQuote, EvidenceType } from '@/lib/portfolio/model';
import type { UnitSearch } from '@/lib/search';

export interface TagPageSectionProps {
  url: string;
  pageTitle: string;
  quote: EvidenceQuote | null;
  offered: TagUnit[];
  chosen: string[];
  defaultType: EvidenceType;
  /** Why the page's text could not be read (null when it was). */
  unreadable: string | null;
  search: UnitSearch | null;
  /** Suites the unit search lists first among near-ties (the user's scope). */
  preferSuites: readonly string[];
  saving: boolean;
  error: string | null;
  onSave: (value: TagFormValue) => void;
  onCancel: () => void;
  /** What is tagged ("page" in the popup, "document" in the viewer). */
  what?: string;
}

export function TagPageSection({ unreadable, what = 'page', ...form }: TagPageSectionProps) {
  return (
    <section aria-label={`Tag this ${what}`}>
      <h2>Tag this {what} as evidence</h2>
      {unreadable && <p class="status">{unreadable}</p>}
      <TagForm {...form} label={`Tag this ${what} as evidence`} />
    </section>
  );
}
