// The extension's icons: one SVG source, and the committed PNGs the manifests name, each the size its name says.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  it('has one SVG source', () => {
    expect(readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 128 128"/);
  });

  it.each([16, 32, 48, 128])('public/icon/%i.png is %i px square, and the manifest names it', (size) => {
    expect(pngSize(join(ROOT, 'public', 'icon', `${size}.png`))).toEqual({ width: size, height: size });
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain(`${size}: 'icon/${size}.png'`);
  });
});
