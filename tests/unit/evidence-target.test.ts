// The portfolio's address naming one piece of evidence (`#evidence-<id>`, from the card and the popup).
import { describe, expect, it } from 'vitest';
import { targetOf } from '@/entrypoints/portfolio/use-evidence-target';
import { evidencePath } from '@/lib/urls';

describe('portfolio.html#evidence-<id>', () => {
  it('reads back the id the background opens the portfolio with', () => {
    for (const id of ['ev-1a2b', '5b0c6f3e-8a1d-4c1e-9a53-2f3c1d7e9b10', 'ev with spaces & #hash'])
      expect(targetOf(new URL(evidencePath(id), 'chrome-extension://x/').hash)).toBe(id);
  });

  it('ignores other fragments and a broken escape', () => {
    expect(targetOf('')).toBeNull();
    expect(targetOf('#h-coverage')).toBeNull();
    expect(targetOf('#evidence-')).toBeNull();
    expect(targetOf('#evidence-%E0%A4%A')).toBeNull();
  });
});
