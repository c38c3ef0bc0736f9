// Says whether the browser keeps the portfolio persistently, and so how often to export a backup.
export type PersistenceState = 'checking' | 'persistent' | 'best-effort' | 'unavailable';

const TEXT: Record<PersistenceState, string> = {
  persistent:
    'Stored persistently in this browser: it will not be cleared to free space. Export a backup to keep a copy elsewhere.',
  'best-effort':
    'This browser may clear NOS Lens data when disk space runs low (it did not grant persistent storage). Export a backup regularly.',
  unavailable: 'This browser cannot say whether it keeps NOS Lens data persistently. Export a backup regularly.',
  checking: 'Checking storage…',
};

export function PersistenceNote({ state }: { state: PersistenceState }) {
  return (
    <p class="meta persistence" data-persistence={state}>
      {TEXT[state]}
    </p>
  );
}
