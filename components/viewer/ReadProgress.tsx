// How much of the document has been read: "Read 37 of 100 pages", then "Read all 100 pages". Renders props only.
export interface ReadProgressProps {
  read: number;
  total: number;
}

const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

export function ReadProgress({ read, total }: ReadProgressProps) {
  const done = read >= total;
  return (
    <p class="read-progress" role="status" data-done={done ? 'true' : 'false'}>
      <progress max={total} value={read} aria-hidden="true" />{' '}
      {done
        ? total === 1
          ? 'Read the whole document'
          : `Read all ${pages(total)}`
        : `Read ${read} of ${pages(total)}`}
    </p>
  );
}
