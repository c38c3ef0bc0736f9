// The portfolio's "Evidence" section: how many pass the filters, the list (one item edited in place with the tag
// form), or why it is empty.
import type { Evidence } from '@/lib/portfolio/model';
import type { UnitSearch } from '@/lib/search';
import { EvidenceList } from './EvidenceList';
import { TagForm, type TagFormValue } from './TagForm';

export interface EvidenceEditor {
  item: Evidence;
  search: UnitSearch | null;
  saving: boolean;
  error: string | null;
  onSave: (item: Evidence, value: TagFormValue) => void;
  onCancel: () => void;
  /** Why a file cannot be attached to the item (evidence that is not a web page): the limits of adding one. */
  problemOfFile: (item: Evidence, file: File) => string | null;
}

export interface PortfolioEvidenceProps {
  /** How many pieces of evidence there are in all. */
  total: number;
  /** Those that pass the filters. */
  shown: Evidence[];
  filtering: boolean;
  /** The item being edited, if any. */
  editor: EvidenceEditor | null;
  onClearFilters: () => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  onOpenFile?: (e: Evidence) => void;
}

export function PortfolioEvidence({ total, shown, filtering, editor, ...on }: PortfolioEvidenceProps) {
  return (
    <section aria-labelledby="h-evidence">
      <h2 id="h-evidence">
        Evidence{' '}
        <span class="meta" data-count={shown.length}>
          ({filtering ? `${shown.length} of ${total}` : total})
        </span>
      </h2>
      {total === 0 ? (
        <p class="status" data-empty="evidence">
          No evidence yet. On a page that shows your practice, a course or a job advert, open the NOS Lens popup and
          choose <em>Tag this page</em>; or import a backup below.
        </p>
      ) : shown.length === 0 ? (
        <p class="status">
          No evidence passes these filters.{' '}
          <button type="button" class="small" onClick={on.onClearFilters}>
            Clear filters
          </button>
        </p>
      ) : (
        <EvidenceList
          evidence={shown}
          onEdit={on.onEdit}
          onDelete={on.onDelete}
          onOpenFile={on.onOpenFile}
          editor={editor && { id: editor.item.id, node: <EvidenceEditForm key={editor.item.id} {...editor} /> }}
        />
      )}
    </section>
  );
}

function EvidenceEditForm({ item, search, saving, error, onSave, onCancel, problemOfFile }: EvidenceEditor) {
  // Evidence that is not a web page edits its title, hours and file too, with the record types.
  const record =
    item.url === null
      ? {
          title: item.pageTitle,
          hours: item.hours,
          problemOfFile: (file: File) => problemOfFile(item, file),
          attached: item.attachment,
        }
      : undefined;
  return (
    <TagForm
      record={record}
      label="Edit evidence"
      url={item.url ?? ''}
      pageTitle={item.pageTitle}
      quote={null}
      offered={item.units}
      chosen={item.unitIds}
      search={search}
      defaultType={item.type}
      initial={item}
      criteriaOf={(unitId) => item.criteria.filter((c) => c.unitId === unitId)}
      saving={saving}
      error={error}
      onSave={(value) => onSave(item, value)}
      onCancel={onCancel}
    />
  );
}
