// Links into this page name a section (options.html#h-codes, from the popup's lookup). The page draws its sections only
// once the database has answered, after the browser has given up looking for the fragment, so scroll to it then.
import { useEffect } from 'preact/hooks';

export function useScrollToFragment() {
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, []);
}
