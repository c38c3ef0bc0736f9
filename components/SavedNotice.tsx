// A note that something was saved, with a link to the page that shows it. Renders props only.
export interface SavedNoticeProps {
  message: string;
  href: string;
  link: string;
}

export function SavedNotice({ message, href, link }: SavedNoticeProps) {
  return (
    <p class="ok" role="status">
      {message}{' '}
      <a href={href} target="_blank" rel="noopener">
        {link}
      </a>
    </p>
  );
}
