// The popup's title and its links to the other NOS Lens pages.
export function PopupHeader() {
  return (
    <header class="top">
      <h1>NOS Lens</h1>
      <nav class="top-links" aria-label="NOS Lens pages">
        <a class="small" href="portfolio.html" target="_blank" rel="noopener">
          Portfolio
        </a>
        <a class="small" href="courses.html" target="_blank" rel="noopener">
          Courses
        </a>
        <a class="small" href="options.html" target="_blank" rel="noopener">
          Standards
        </a>
      </nav>
    </header>
  );
}
