// Renders why a file was refused: its name, that nothing changed, and every problem found (each naming its place).
export function FileProblems({
  file,
  errors,
  verb = 'imported',
}: {
  file: string;
  errors: string[];
  /** What was refused: `imported` (default) or `opened` (a pack chosen for review). */
  verb?: 'imported' | 'opened';
}) {
  return (
    <div class="error" role="alert" data-import="invalid">
      <p>
        {file} was not {verb}, and nothing changed:
      </p>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
