// The portfolio opened at one piece of evidence (`portfolio.html#evidence-<id>`: the card's and the popup's "Open in
// portfolio"): scrolls to it, focuses it and highlights it briefly, clearing filters that hide it; an id no longer in
// the portfolio gets a notice instead. Followed again when the address's fragment changes.
import { useEffect, useState } from 'preact/hooks';
import type { Evidence } from '@/lib/portfolio/model';

const PREFIX = '#evidence-';
/** How long the evidence stays highlighted once reached, in ms. */
const FLASH_MS = 2_500;

/** The evidence id the address asks for, or null. */
export function targetOf(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length)) || null;
  } catch {
    return null;
  }
}

export function useEvidenceTarget(opts: {
  evidence: readonly Evidence[];
  shown: readonly Evidence[];
  clearFilters: () => void;
}) {
  const [target, setTarget] = useState<string | null>(() => targetOf(location.hash));
  const [missing, setMissing] = useState<string | null>(null);

  useEffect(() => {
    const follow = () => setTarget(targetOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    if (!target) return;
    if (!opts.evidence.some((e) => e.id === target)) {
      setMissing('That evidence is no longer in your portfolio.');
      setTarget(null);
      return;
    }
    setMissing(null);
    // Filtered out: show everything, then come back once it is in the list.
    if (!opts.shown.some((e) => e.id === target)) {
      opts.clearFilters();
      return;
    }
    const item = document.querySelector<HTMLElement>(`[data-evidence-id="${CSS.escape(target)}"]`);
    if (!item) return;
    setTarget(null);
    item.tabIndex = -1;
    item.scrollIntoView({ block: 'center' });
    item.focus({ preventScroll: true });
    item.classList.add('evidence-target');
    setTimeout(() => item.classList.remove('evidence-target'), FLASH_MS);
  }, [target, opts.evidence, opts.shown]);

  return { missing, dismiss: () => setMissing(null) };
}
