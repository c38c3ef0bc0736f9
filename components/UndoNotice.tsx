// Says what was just removed, with an Undo button.
export function UndoNotice({ text, onUndo }: { text: string; onUndo: () => void }) {
  return (
    <p class="ok" role="status">
      {text}{' '}
      <button type="button" class="small" onClick={onUndo}>
        Undo
      </button>
    </p>
  );
}
