// The extension's icons: one SVG source, and the committed PNGs the manifests name, each the size its name says.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
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

  it('is in the built manifests of both browsers, when they are built', () => {
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      const file = join(ROOT, '.output', build, 'manifest.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { default_icon?: object } & object>;
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
      expect((manifest.action ?? manifest.browser_action).default_icon).toEqual(manifest.icons);
    }
  });
});
