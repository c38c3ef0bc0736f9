// The viewer with no document yet: choose a PDF or Word file, or drop one on the zone. Holds only whether a file is
// being dragged over it.
import { useState } from 'preact/hooks';
import { FileInput } from '../FileInput';

export interface DocumentPickerProps {
  busy: boolean;
  onFile: (file: File) => void;
}

export const DOCUMENT_ACCEPT =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function DocumentPicker({ busy, onFile }: DocumentPickerProps) {
  const [over, setOver] = useState(false);
  return (
    <section
      class={`drop-zone${over ? ' over' : ''}`}
      aria-label="Open a document"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <h2>Open a document</h2>
      <p>
        Choose a job description, a course handbook or a unit specification saved as a PDF or a Word (.docx) file, or
        drop it here. NOS Lens highlights the units it names and lists the units it reads like. The file stays on this
        computer.
      </p>
      <FileInput label="Choose a file" name="document" accept={DOCUMENT_ACCEPT} disabled={busy} onFile={onFile} />
    </section>
  );
}
