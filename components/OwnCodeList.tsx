// Renders the user's own codes: code, context, the unit it stands for, and a Remove button.
import type { OwnCode } from '@/lib/dataset/user';

export interface OwnCodeRow {
  ownCode: OwnCode;
  unitCode: string | null;
  unitTitle: string;
  suiteTitle: string;
}

export function OwnCodeList({ rows, onDelete }: { rows: OwnCodeRow[]; onDelete: (ownCode: OwnCode) => void }) {
  return (
    <ul class="own-codes">
      {rows.map(({ ownCode, unitCode, unitTitle, suiteTitle }) => (
        <li key={ownCode.id} data-own-code-id={ownCode.id}>
          <span class="code">{ownCode.code}</span>
          {ownCode.context ? (
            <span class="meta"> on pages that say “{ownCode.context}”</span>
          ) : (
            <span class="meta"> anywhere</span>
          )}{' '}
          →{' '}
          <a href={`unit.html?id=${encodeURIComponent(ownCode.unitId)}`}>
            {unitCode && `${unitCode} `}
            {unitTitle}
          </a>
          <span class="result-meta"> · {suiteTitle}</span>{' '}
          <button
            type="button"
            class="small"
            onClick={() => onDelete(ownCode)}
            aria-label={`Remove your code ${ownCode.code}`}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
