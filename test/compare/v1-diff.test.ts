import { describe, expect, it } from 'vitest';
import { displayBytes, utf8 } from '../../src/compare/bytes.js';
import { diffV1Strings } from '../../src/compare/v1-diff.js';

const D = 'Sun, 22 Nov 2026 14:02:21 GMT';

describe('diffV1Strings', () => {
  it('labels and aligns lines by role; header lines by name', () => {
    const d = diffV1Strings(utf8(`PUT\n\n\n${D}\nx-oss-meta-a:1\n/b/k`), utf8(`PUT\n\ntext/plain\n${D}\nx-oss-meta-a:1\nx-oss-range-behavior:standard\n/b/k`));
    expect(d.identical).toBe(false);
    expect(d.structured).toBe(true);
    expect(d.lines.map((l) => [l.label, l.same, l.client?.lineNumber ?? null, l.server?.lineNumber ?? null])).toEqual([
      ['verb', true, 1, 1],
      ['Content-MD5', true, 2, 2],
      ['Content-Type', false, 3, 3],
      ['Date', true, 4, 4],
      ['x-oss-meta-a', true, 5, 5],
      ['x-oss-range-behavior', false, null, 6],
      ['resource', true, 6, 7],
    ]);
    expect(d.firstDifference).toEqual({ offset: 5, line: 3, client: '', server: 'text/plain' });
  });

  it('finds the first differing byte inside a line and escapes invisible bytes', () => {
    const d = diffV1Strings(utf8(`GET\n\n\n${D}\n/b/k`), utf8(`GET\n\n\n${D}\n/b/k\r`));
    expect(d.firstDifference).toEqual({ offset: 40, line: 5, client: '/b/k', server: '/b/k\\x0D' });
  });

  it('compares bytes, even when OSS\'s bytes are not valid UTF-8', () => {
    const server = Uint8Array.from([...utf8(`GET\n\n\n${D}\n/b/`), 0xe4, 0xb8]);
    const d = diffV1Strings(utf8(`GET\n\n\n${D}\n/b/中`), server);
    expect(d.firstDifference).toEqual({ offset: 41, line: 5, client: '/b/中', server: '/b/\\xE4\\xB8' });
  });

  it('falls back to line-by-line when a string is not V1-shaped', () => {
    const d = diffV1Strings(utf8(`GET\n\n\n${D}\n/b/k`), utf8(`GET  ${D} /b/k`));
    expect(d.structured).toBe(false);
    expect(d.lines.map((l) => l.label)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
  });
});

describe('displayBytes', () => {
  it.each([
    [utf8('a\tb'), 'a\\x09b'],
    [utf8('a\\b'), 'a\\\\b'],
    [utf8('中 é'), '中 é'],
    [utf8('a\u00a0b'), 'a\\xC2\\xA0b'], // NBSP is invisible: escaped
    [utf8('\ufeffx'), '\\xEF\\xBB\\xBFx'],
    [Uint8Array.from([0xff, 0x41]), '\\xFFA'],
  ])('%j', (bytes, shown) => {
    expect(displayBytes(bytes)).toBe(shown);
  });
});
