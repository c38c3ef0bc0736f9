// Renders why a file was refused: its name, that nothing changed, and every problem found (each naming its place).
export function FileProblems({ file, errors }: { file: string; errors: string[] }) {
  return (
    <div class="error" role="alert" data-import="invalid">
      <p>{file} was not imported, and nothing changed:</p>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
