// The popup's first line on a tab that shows a PDF or Word document: the browser's own viewer cannot be read, so
// NOS Lens offers to open the document in its own viewer; for a local file the browser does not let it read, how to
// allow that (Chrome) or to choose the file instead. On the viewer itself: its own panel does the popup's work.
// Renders props only.
export type OpenInViewerProps = (
  { place: 'viewer' } | { place: 'document'; kind: 'pdf' | 'docx'; file: boolean; access: 'allowed' | 'off' | 'never' }
) & {
  error: string | null;
  onOpen: () => void;
  onChoose: () => void;
  onFileSettings: () => void;
};

const NAMES = { pdf: 'a PDF', docx: 'a Word document' } as const;

export function OpenInViewer(props: OpenInViewerProps) {
  const error = props.error && (
    <p class="error" role="alert">
      {props.error}
    </p>
  );
  if (props.place === 'viewer')
    return (
      <div class="open-in-viewer">
        <p class="status">
          This is the NOS Lens document viewer: its own panel lists the units the document names and what it reads like,
          and tags it as evidence.
        </p>
      </div>
    );
  const readable = !props.file || props.access === 'allowed';
  return (
    <div class="open-in-viewer">
      <p class="status">
        <strong>This tab shows {NAMES[props.kind]}.</strong>{' '}
        {props.kind === 'pdf'
          ? "The browser's own PDF viewer can't be read by extensions; NOS Lens opens it in its own viewer."
          : 'NOS Lens opens it in its own viewer to read it.'}
      </p>
      {!readable &&
        (props.access === 'off' ? (
          <p class="hint">
            It is a file on your computer, and Chrome does not let NOS Lens read files yet. To allow it: open{' '}
            <code>chrome://extensions</code>, choose <strong>Details</strong> under NOS Lens and switch on{' '}
            <strong>Allow access to file URLs</strong>, then open NOS Lens on this tab again.
          </p>
        ) : (
          <p class="hint">
            It is a file on your computer, and Firefox does not let extensions read files by their address: choose the
            file and NOS Lens opens it.
          </p>
        ))}
      <div class="actions">
        {readable ? (
          <button type="button" class="primary" onClick={props.onOpen}>
            Open in NOS Lens
          </button>
        ) : (
          <>
            <button type="button" class="primary" onClick={props.onChoose}>
              Choose the file instead
            </button>
            {props.access === 'off' && (
              <button type="button" onClick={props.onFileSettings}>
                Open extension settings
              </button>
            )}
          </>
        )}
      </div>
      {error}
    </div>
  );
}
