// @vitest-environment happy-dom
// A page cannot stop the content script by dispatching the "newer script started" event; a real newer copy (once the
// extension context of this one is gone) still can.
import { describe, expect, it } from 'vitest';
import { guardScriptStarted } from '@/lib/page/start-guard';

const NAME = 'ext-id:content:wxt:content-script-started';
const forged = () => new CustomEvent(NAME, { detail: { contentScriptName: 'content', messageId: 'page-made' } });

describe('guardScriptStarted', () => {
  it('stops the event before the document listener while the extension is alive, and lets it through after', () => {
    let alive = true;
    const seen: string[] = [];
    const stop = new AbortController();
    // WXT's own listener, registered first, on the document.
    document.addEventListener(NAME, () => seen.push('invalidated'));
    guardScriptStarted(window, NAME, () => alive, stop.signal);

    document.dispatchEvent(forged());
    expect(seen).toEqual([]);

    alive = false; // the extension was updated: this copy must make way for the new one
    document.dispatchEvent(forged());
    expect(seen).toEqual(['invalidated']);

    alive = true;
    stop.abort(); // invalidated scripts leave no listener behind
    document.dispatchEvent(forged());
    expect(seen).toEqual(['invalidated', 'invalidated']);
  });

  it('leaves other events alone', () => {
    const seen: string[] = [];
    guardScriptStarted(window, NAME, () => true, new AbortController().signal);
    document.addEventListener('other', () => seen.push('other'));
    document.dispatchEvent(new CustomEvent('other'));
    expect(seen).toEqual(['other']);
  });
});
