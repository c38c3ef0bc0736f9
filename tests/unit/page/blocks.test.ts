// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { blockFor, collectBlocks, collectBlocksIn, isIgnored, type TextBlock } from '../../../lib/page/blocks';

function html(s: string): HTMLElement {
  document.body.innerHTML = s;
  return document.body;
}

function texts(blocks: TextBlock[]): string[] {
  return blocks.map((b) => b.text);
}

function check(b: TextBlock): void {
  // starts map back: each node's data is at its start in text.
  b.nodes.forEach((n, i) => expect(b.text.slice(b.starts[i], b.starts[i] + n.data.length)).toBe(n.data));
}

beforeEach(() => {
  document.designMode = 'off';
  document.body.innerHTML = '';
});

describe('collectBlocks', () => {
  it('joins text across inline markup into one block', () => {
    html('<p>Work <b>with</b> <a href="#">par</a>ents and <span><em>carers</em></span></p>');
    const [b, ...rest] = collectBlocks(document.body);
    expect(rest).toEqual([]);
    expect(b.element.localName).toBe('p');
    expect(b.text).toBe('Work with parents and carers');
    expect(b.nodes.map((n) => n.data)).toEqual(['Work ', 'with', ' ', 'par', 'ents and ', 'carers']);
    expect(b.starts).toEqual([0, 5, 9, 10, 13, 22]);
    check(b);
  });

  it('separates words on both sides of a <br> with a synthetic newline', () => {
    html('<p>foo<br>bar<br><br>baz</p>');
    const [b] = collectBlocks(document.body);
    expect(b.text).toBe('foo\nbar\nbaz');
    expect(b.starts).toEqual([0, 4, 8]);
    check(b);
  });

  it('keeps child blocks out of the parent block, with a gap where they were', () => {
    html('<div>before<p>inner <b>text</b></p>after<ul><li>one</li><li>two</li></ul></div>');
    const blocks = collectBlocks(document.body);
    expect(blocks.map((b) => [b.element.localName, b.text])).toEqual([
      ['div', 'before\nafter'],
      ['p', 'inner text'],
      ['li', 'one'],
      ['li', 'two'],
    ]);
    blocks.forEach(check);
  });

  it('treats unknown and custom elements as blocks and drops blank blocks', () => {
    html('<div>\n  <my-card>card text</my-card>\n  <p>  </p>\n</div>');
    expect(texts(collectBlocks(document.body))).toEqual(['card text']);
  });

  it('skips scripts, styles, form fields, media and svg', () => {
    html(
      '<p>a<script>var x = "Work with parents"</script>b<style>p{}</style>c</p>' +
        '<p>d<input value="x">e<textarea>Work with parents</textarea>f<select><option>Opt</option></select>g</p>' +
        '<p>h<svg><text>svg text</text></svg>i<video>v</video>j<noscript>ns</noscript>k<template>t</template>l</p>' +
        '<object>obj</object><canvas>c</canvas><math><mi>x</mi></math>',
    );
    expect(texts(collectBlocks(document.body))).toEqual(['abc', 'd\ne\nf\ng', 'h\ni\njkl']);
  });

  it('skips the head when reading a document', () => {
    document.head.innerHTML = '<title>Page title</title><style>b{}</style>';
    html('<p>body text</p>');
    expect(texts(collectBlocks(document))).toEqual(['body text']);
  });

  it('skips contenteditable regions and their descendants', () => {
    html(
      '<div contenteditable>edit <p>me</p></div><div contenteditable="true">x</div><div contenteditable="plaintext-only">y</div>' +
        '<p>a <span contenteditable="">typed</span> b</p><div contenteditable="false">kept</div>',
    );
    expect(texts(collectBlocks(document.body))).toEqual(['a \n b', 'kept']);
    document.designMode = 'on';
    expect(collectBlocks(document)).toEqual([]);
  });

  it('skips the extension UI but reads page text inside its own marks', () => {
    html(
      '<p>Wo<nos-lens-mark data-nos-lens-style="nos-lens">rk w</nos-lens-mark>ith</p>' +
        '<nos-lens-panel><p>panel</p></nos-lens-panel><div data-nos-lens-ui><p>ui</p></div>' +
        '<p>x <nos-lens-badge>WP 301</nos-lens-badge>y</p>',
    );
    expect(texts(collectBlocks(document.body))).toEqual(['Work with', 'x y']);
  });

  it('keeps aria-hidden and hidden text (no style reads)', () => {
    html('<p aria-hidden="true">hidden one</p><p hidden>hidden two</p>');
    expect(texts(collectBlocks(document.body))).toEqual(['hidden one', 'hidden two']);
  });

  it('reads open shadow roots as separate roots', () => {
    html('<div id="host">light <b>text</b></div><p>after</p>');
    const host = document.getElementById('host')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = 'top <span>level</span><p>shadow <i>para</i></p><div id="inner"></div>';
    const inner = sr.getElementById('inner')!;
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>nested shadow</p>';
    const seen: ShadowRoot[] = [];
    const blocks = collectBlocks(document.body, { onShadowRoot: (r) => seen.push(r) });
    expect(blocks.map((b) => [b.element === host ? 'host' : b.element.localName, b.text])).toEqual([
      ['host', 'top level'],
      ['p', 'shadow para'],
      ['p', 'nested shadow'],
      ['host', 'light text'],
      ['p', 'after'],
    ]);
    expect(seen).toEqual([sr, inner.shadowRoot]);
    expect(texts(collectBlocks(document.body, { shadowRoots: false }))).toEqual(['light text', 'after']);
    expect(texts(collectBlocks(sr))).toEqual(['top level', 'shadow para', 'nested shadow']);
  });

  it('reads an element root as a block even if its tag is inline', () => {
    html('<p>a <span>in <b>span</b><div>blk</div></span> z</p>');
    const span = document.querySelector('span')!;
    expect(collectBlocks(span).map((b) => [b.element.localName, b.text])).toEqual([
      ['span', 'in span'],
      ['div', 'blk'],
    ]);
    expect(collectBlocks(document.querySelector('script') ?? document.createElement('script'))).toEqual([]);
  });

  it('ignores comments and empty text nodes', () => {
    html('<p>a<!-- comment -->b</p>');
    const p = document.querySelector('p')!;
    p.insertBefore(document.createTextNode(''), p.lastChild);
    const [b] = collectBlocks(document.body);
    expect(b.text).toBe('ab');
    expect(b.nodes).toHaveLength(2);
  });
});

describe('blockFor', () => {
  it('finds the nearest non-inline ancestor', () => {
    html('<div><p>x <b><i>deep</i></b></p></div>');
    const deep = document.querySelector('i')!.firstChild!;
    expect(blockFor(deep)).toBe(document.querySelector('p'));
    expect(blockFor(document.querySelector('p')!)).toBe(document.querySelector('p'));
    expect(blockFor(document)).toBe(document.documentElement);
  });

  it('gives the host for text directly in a shadow root', () => {
    html('<span id="h"></span>');
    const host = document.getElementById('h')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<b>bold</b><p>para</p>';
    expect(blockFor(sr.querySelector('b')!.firstChild!)).toBe(host);
    expect(blockFor(sr.querySelector('p')!.firstChild!)).toBe(sr.querySelector('p'));
  });
});

describe('isIgnored', () => {
  it('is true inside skipped regions, across shadow boundaries', () => {
    html('<div contenteditable><p><b>x</b></p><span id="h"></span></div><style>a{}</style><p>ok</p>');
    expect(isIgnored(document.querySelector('b')!.firstChild!)).toBe(true);
    expect(isIgnored(document.querySelector('style')!.firstChild!)).toBe(true);
    expect(isIgnored(document.querySelector('body > p')!.firstChild!)).toBe(false);
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>in shadow</p>';
    expect(isIgnored(sr.querySelector('p')!)).toBe(true);
  });
});

describe('collectBlocksIn', () => {
  it('re-reads the blocks containing and under the given elements, once', () => {
    html('<section><p id="a">a <b>bold</b></p><div id="d">d<p id="e">e</p></div></section><p id="z">z</p>');
    const b = document.querySelector('b')!;
    expect(texts(collectBlocksIn([b]))).toEqual(['a bold']);
    const d = document.getElementById('d')!;
    expect(texts(collectBlocksIn([document.getElementById('e')!, d, b]))).toEqual(['d', 'e', 'a bold']);
  });

  it('ignores disconnected elements and skipped regions', () => {
    html('<div contenteditable><p id="x">x</p></div><p id="y">y</p>');
    const gone = document.createElement('p');
    gone.textContent = 'gone';
    expect(collectBlocksIn([gone, document.getElementById('x')!])).toEqual([]);
    expect(texts(collectBlocksIn([document.getElementById('y')!]))).toEqual(['y']);
  });

  it('re-reads a shadow root through its host', () => {
    html('<div id="h">light</div>');
    const host = document.getElementById('h')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>shadow</p>';
    expect(texts(collectBlocksIn([sr.querySelector('p')!]))).toEqual(['shadow']);
    expect(texts(collectBlocksIn([host]))).toEqual(['shadow', 'light']);
  });
});
