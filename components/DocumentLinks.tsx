// The PDF and Word documents a web page links to or shows in a frame (a job description, a person specification, a
// course handbook), each with a button that opens it in the NOS Lens viewer. Renders props only.
export interface DocumentLinksProps {
  links: { url: string; label: string; kind: 'pdf' | 'docx' }[];
  onOpen: (url: string) => void;
}

const KIND = { pdf: 'PDF', docx: 'Word' } as const;

export function DocumentLinks({ links, onOpen }: DocumentLinksProps) {
  if (links.length === 0) return null;
  return (
    <section aria-label="Documents on this page" class="document-links">
      <h2>Documents on this page ({links.length})</h2>
      <ul class="found-list">
        {links.map((link) => (
          <li key={link.url} title={link.url}>
            <span class="document-label">{link.label}</span> <span class="result-meta">{KIND[link.kind]}</span>{' '}
            <button
              type="button"
              class="small"
              aria-label={`Open in NOS Lens: ${link.label}`}
              onClick={() => onOpen(link.url)}
            >
              Open in NOS Lens
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
