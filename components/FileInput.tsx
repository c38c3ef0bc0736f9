// A labelled file input that raises the chosen file and clears itself, so choosing the same file again is a new choice.
export interface FileInputProps {
  label: string;
  name: string;
  accept: string;
  /** While a file is being applied, no other may be chosen. */
  disabled?: boolean;
  onFile: (file: File) => void;
}

export function FileInput({ label, name, accept, disabled, onFile }: FileInputProps) {
  return (
    <label class="file">
      {label}{' '}
      <input
        type="file"
        name={name}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
