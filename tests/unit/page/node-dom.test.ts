// The page layer must also run in Node over a parsed document (the command-line scanner), with no extension API.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockFor, collectBlocks } from '../../../lib/page/blocks';
import { pointAt } from '../../../lib/page/ranges';

const linkedom = await import('linkedom').catch(() => null);

describe('lib/page outside a browser', () => {
  it('uses no extension API', () => {
    const dir = join(import.meta.dirname, '../../../lib/page');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/\b(browser|chrome)\s*\.\s*[a-z]/);
      expect(src, f).not.toMatch(/from ['"](wxt|webextension-polyfill|@wxt-dev)/);
    }
  });

  it.skipIf(!linkedom)('reads blocks from a linkedom document', () => {
    const { document } = linkedom!.parseHTML(
      '<!doctype html><html><head><title>T</title></head><body><div>before<p>Work <b>with</b> par<a href="#">ents</a>' +
        '<br>next</p><script>x</script><div contenteditable>ed</div><nos-lens-panel>ui</nos-lens-panel>after</div></body></html>',
    );
    const blocks = collectBlocks(document);
    expect(blocks.map((b) => [b.element.localName, b.text])).toEqual([
      ['div', 'before\nafter'],
      ['p', 'Work with parents\nnext'],
    ]);
    expect(pointAt(blocks[1], 10, false)).toEqual({ node: blocks[1].nodes[2], offset: 1 });
    expect(blockFor(document.querySelector('b')!.firstChild as unknown as Node).localName).toBe('p');
  });
});
