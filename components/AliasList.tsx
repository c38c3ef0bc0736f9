// Renders the user's own codes: code, context, the unit it stands for, and a Remove button.
import type { UserAlias } from '@/lib/dataset/user';

export interface AliasRow {
  alias: UserAlias;
  unitCode: string | null;
  unitTitle: string;
  suiteTitle: string;
}

export function AliasList({ rows, onDelete }: { rows: AliasRow[]; onDelete: (alias: UserAlias) => void }) {
  return (
    <ul class="aliases">
      {rows.map(({ alias, unitCode, unitTitle, suiteTitle }) => (
        <li key={alias.id} data-alias-id={alias.id}>
          <span class="code">{alias.code}</span>
          {alias.context ? (
            <span class="meta"> on pages that say “{alias.context}”</span>
          ) : (
            <span class="meta"> anywhere</span>
          )}{' '}
          →{' '}
          <a href={`unit.html?id=${encodeURIComponent(alias.unitId)}`}>
            {unitCode && `${unitCode} `}
            {unitTitle}
          </a>
          <span class="result-meta"> · {suiteTitle}</span>{' '}
          <button
            type="button"
            class="small"
            onClick={() => onDelete(alias)}
            aria-label={`Remove your code ${alias.code}`}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
