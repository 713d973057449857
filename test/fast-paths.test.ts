/**
 * The signing path was made faster (bench/: throughput against ali-oss).
 * Each rewritten helper is checked here against the straightforward version
 * it replaced, on generated strings that stress what could differ: escapes,
 * `%` without hex, non-ASCII, astral characters, lone surrogates.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode } from '../src/request/url-parts.js';
import { compareUtf8 } from '../src/sign/byte-order.js';
import { signV1 } from '../src/sign/v1.js';
import { sha256Hex, signV4, uriEncode, v4SigningKey } from '../src/sign/v4.js';

const SEED = Number(process.env['FC_SEED'] ?? 20261122);
const RUNS = Number(process.env['FC_RUNS'] ?? 2000);

// ------------------------------------------------------------ the versions they replaced

const HEX = /^[0-9A-Fa-f]{2}$/;
function percentDecodeBefore(s: string): string {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const ch = s.charCodeAt(i);
    if (ch === 0x25 && i + 2 < s.length && HEX.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    const cp = s.codePointAt(i)!;
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
    i += cp > 0xffff ? 2 : 1;
  }
  return Buffer.from(bytes).toString('utf8');
}

function uriEncodeBefore(s: string, keepSlash: boolean): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const unreserved = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;
    if (unreserved || (keepSlash && b === 0x2f)) out += String.fromCharCode(b);
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function compareUtf8Before(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

// ------------------------------------------------------------ generators

/** Pieces that make the edge cases likely. */
const PIECES = [
  'a', 'Z', '0', '-', '.', '_', '~', '/', ' ', '+', '&', '=', '?', '#', '%',
  '%2', '%2F', '%2f', '%20', '%zz', '%e4%b8%ad', '%E4%B8', '%F0%9F%98%80', '%FF', '%C0%AF', '%ED%A0%80',
  'é', 'ß', '中', '文', '\u00a0', '\u2028', '\ud7ff', '\ue000', '\uffff', '😀', '🎉',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
const anyTextArb = fc.oneof(textArb, fc.string({ unit: 'binary', maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

describe('fast paths equal the code they replaced', () => {
  it('percentDecode', () => {
    fc.assert(fc.property(anyTextArb, (s) => percentDecode(s) === percentDecodeBefore(s)), { seed: SEED, numRuns: RUNS });
  });

  it('uriEncode, with and without keeping /', () => {
    fc.assert(
      fc.property(anyTextArb, fc.boolean(), (s, keep) => uriEncode(s, keep) === uriEncodeBefore(s, keep)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('compareUtf8: the same sign as comparing the UTF-8 bytes', () => {
    fc.assert(
      fc.property(anyTextArb, anyTextArb, (a, b) => Math.sign(compareUtf8(a, b)) === Math.sign(compareUtf8Before(a, b))),
      { seed: SEED, numRuns: RUNS },
    );
    // Shared prefixes, where the shortcut decides on length.
    fc.assert(
      fc.property(anyTextArb, anyTextArb, anyTextArb, (p, a, b) => Math.sign(compareUtf8(p + a, p + b)) === Math.sign(compareUtf8Before(p + a, p + b))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('compareUtf8 on the cases that need the bytes', () => {
    const pairs: Array<[string, string, number]> = [
      ['\ud800', '\ud800\udc00', -1], // a lone surrogate is U+FFFD (EF BF BD), below U+10000 (F0 90 80 80)
      ['\ud800\uffff', '\ud800\udc00', -1], // FFFD FFFF vs U+10000: decided by the bytes, not the code units
      ['\uffff', '😀', -1], // U+FFFF < U+1F600 in UTF-8, though not in UTF-16
      ['\ue000', '\ud83d\ude00', -1],
      ['ab', 'abc', -1],
      ['b', 'abc', 1],
    ];
    for (const [a, b, want] of pairs) {
      expect(Math.sign(compareUtf8(a, b))).toBe(want);
      expect(Math.sign(compareUtf8Before(a, b))).toBe(want);
    }
  });

  it('hashes and signatures: a string is hashed as its UTF-8 bytes', () => {
    fc.assert(
      fc.property(anyTextArb, anyTextArb, (secret, data) => {
        const bytes = Buffer.from(data, 'utf8');
        expect(sha256Hex(data)).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(signV1(secret, data)).toBe(createHmac('sha1', Buffer.from(secret, 'utf8')).update(bytes).digest('base64'));
        const key = v4SigningKey(secret, data, 'cn-hangzhou', 'oss').kSigning;
        let k: Buffer = createHmac('sha256', Buffer.from(`aliyun_v4${secret}`, 'utf8')).update(Buffer.from(data, 'utf8')).digest();
        for (const step of ['cn-hangzhou', 'oss', 'aliyun_v4_request']) k = createHmac('sha256', k).update(Buffer.from(step, 'utf8')).digest();
        expect(key.equals(k)).toBe(true);
        expect(signV4(key, data)).toBe(createHmac('sha256', k).update(bytes).digest('hex'));
        expect(signV4(key, bytes)).toBe(signV4(key, data));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
