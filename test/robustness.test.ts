/**
 * Hostile or broken input never crashes: diagnose() either returns a report
 * or throws an InputError with a one-line message. A small fixed-seed run
 * here; the large fuzz campaign is a separate script (issue part 4).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, InputError } from '../src/index.js';
import { formatReport } from '../src/report/index.js';
import { plain } from '../src/report/style.js';

const SEED = Number(process.env['FC_SEED'] ?? 20261122);
const DIR = new URL('../fixtures/samples/', import.meta.url);
const SAMPLES = readdirSync(DIR).filter((f) => f !== 'README.md').map((f) => readFileSync(new URL(f, DIR), 'latin1'));

function survives(bytes: Uint8Array, secret?: string): void {
  try {
    const report = diagnose([{ name: 'fuzz', bytes }], secret === undefined ? {} : { secret });
    // Reports always render, in every format.
    formatReport(report, 'human', { style: plain, redact: true });
    JSON.parse(formatReport(report, 'json', { style: plain, redact: true }));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message).not.toContain('\n');
    expect(e.message.startsWith('fuzz')).toBe(true);
  }
}

describe('hostile input', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => survives(b)), { numRuns: 300, seed: SEED });
  });

  it('random text built from HTTP/XML/curl fragments', () => {
    const piece = fc.constantFrom('GET / HTTP/1.1\n', 'HTTP/1.1 403 Forbidden\n', 'Host: b.oss-cn-hangzhou.aliyuncs.com\n', 'Authorization: OSS a:b\n', '> ', '< ', '* ', '\r', '\n', '<Error>', '</Error>', '<StringToSign>', '</StringToSign>', '<StringToSignBytes>47 45 ', '</StringToSignBytes>', '=> Send header, 10 bytes (0xa)\n', '0000: ', '?acl&', 'x-oss-meta-a: ', '%E4%B8', '&amp;', '{"log":{"entries":[', ']}}', 'OSSAccessKeyId=a&Expires=1&Signature=', '\u0000', '中文',
      // V4: the grammar, the presigned parameters, OSS's four-line string to sign.
      'Authorization: OSS4-HMAC-SHA256 Credential=', 'ak/20261122/cn-hangzhou/oss/aliyun_v4_request', ',AdditionalHeaders=host;', ',Signature=', 'x-oss-date: 20261122T140221Z\n',
      'x-oss-signature-version=OSS4-HMAC-SHA256&', 'x-oss-credential=ak%2F20261122%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&', 'x-oss-expires=600&', 'x-oss-signature=', 'OSS4-HMAC-SHA256\n20261122T140221Z\n', '<CanonicalRequest>GET\n/b/k\n</CanonicalRequest>');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), (parts, secret) => survives(Buffer.from(parts.join('')), secret)), { numRuns: 400, seed: SEED });
  });

  it('real captures, truncated and mutated', () => {
    const mutation = fc.record({
      sample: fc.integer({ min: 0, max: SAMPLES.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      insert: fc.string({ maxLength: 20 }),
      drop: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(mutation, fc.boolean(), ({ sample, cut, at, insert, drop }, withSecret) => {
        const text = SAMPLES[sample]!;
        const truncated = text.slice(0, Math.floor(text.length * (0.05 + 0.95 * cut)));
        const pos = Math.floor(truncated.length * at);
        const mutated = truncated.slice(0, pos) + insert + truncated.slice(pos + drop);
        survives(Buffer.from(mutated, 'latin1'), withSecret ? 'wrong-secret-for-demo' : undefined);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
