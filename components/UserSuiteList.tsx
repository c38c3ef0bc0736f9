// Renders the user's own suites with Rename, Export and Delete; Delete asks first when evidence points at the suite.
import { useState } from 'preact/hooks';
import type { UserSuiteUsage } from '@/lib/dataset/summary';

export interface UserSuiteListProps {
  suites: UserSuiteUsage[];
  /** Resolves true when the new name was saved. */
  onRename: (suiteId: string, title: string) => Promise<boolean>;
  onExport: (suiteId: string) => void;
  onDelete: (suiteId: string, title: string) => void;
}

export function UserSuiteList({ suites, onRename, onExport, onDelete }: UserSuiteListProps) {
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul class="user-suites">
      {suites.map((s) => (
        <li key={s.id} data-suite-id={s.id}>
          {renaming?.id === s.id ? (
            <form
              class="rename"
              aria-label={`Rename ${s.title}`}
              onSubmit={(e) => {
                e.preventDefault();
                void onRename(s.id, renaming.title).then((ok) => ok && setRenaming(null));
              }}
            >
              <input
                name="title"
                aria-label="New name"
                value={renaming.title}
                onInput={(e) => setRenaming({ id: s.id, title: e.currentTarget.value })}
              />{' '}
              <button type="submit" class="small primary">
                Save
              </button>{' '}
              <button type="button" class="small" onClick={() => setRenaming(null)}>
                Cancel
              </button>
            </form>
          ) : (
            <strong class="suite-title">{s.title}</strong>
          )}{' '}
          <span class="meta">
            {s.unitCount} units · from {s.sourceDocument}
            {s.evidence > 0 && ` · evidence against ${s.evidence === 1 ? '1 item' : `${s.evidence} items`}`}
          </span>
          <div class="actions">
            <button type="button" class="small" onClick={() => setRenaming({ id: s.id, title: s.title })}>
              Rename
            </button>
            <button type="button" class="small" onClick={() => onExport(s.id)} aria-label={`Export ${s.title}`}>
              Export
            </button>
            <button type="button" class="small" onClick={() => setConfirming(s.id)} aria-label={`Delete ${s.title}`}>
              Delete
            </button>
          </div>
          {confirming === s.id && (
            <div class="confirm" role="alertdialog" aria-label={`Delete ${s.title}?`}>
              <p>
                Delete “{s.title}” and its {s.unitCount} units?
                {s.evidence > 0 &&
                  ` ${s.evidence === 1 ? 'One piece' : `${s.evidence} pieces`} of evidence point at them: the evidence is kept, with each unit’s code and title.`}
              </p>
              <button
                type="button"
                class="small primary"
                onClick={() => {
                  setConfirming(null);
                  onDelete(s.id, s.title);
                }}
              >
                Delete
              </button>{' '}
              <button type="button" class="small" onClick={() => setConfirming(null)}>
                Keep it
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
