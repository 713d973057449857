/**
 * Every size limit (test/fuzz/README.md, "Limits") refuses with one line that
 * says which limit it is and how to raise it, or that it is fixed and why.
 * The error-XML limits (size, tags, depth) are pinned in xml-attacks.test.ts.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose, InputError, maxCases } from '../../src/index.js';
import { decodeInput, maxInputBytes } from '../../src/parse/decode-input.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const RAISE_INPUT = 'raise it with SIGDOCTOR_MAX_INPUT_MB=<megabytes>';
const ERROR_XML = '<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/b/x</StringToSign></Error>';
const harOf = (n: number): string =>
  JSON.stringify({
    log: {
      entries: Array.from({ length: n }, (_, i) => ({
        request: { method: 'GET', url: `https://b.oss-cn-hangzhou.aliyuncs.com/k${i}`, headers: [{ name: 'Date', value: 'Sun, 22 Nov 2026 14:02:21 GMT' }, { name: 'Authorization', value: 'OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=' }] },
        response: { status: 403, headers: [], content: { text: ERROR_XML } },
      })),
    },
  });

describe('input size: SIGDOCTOR_MAX_INPUT_MB (default 64)', () => {
  it('one input over the limit (library and CLI, file and stdin)', () => {
    const e = thrown(() => decodeInput(new Uint8Array(1024 * 1024 + 200000), 'big.txt', 1024 * 1024));
    expect([e.message, e.hint]).toEqual(['big.txt: input is 1.2 MB, over the 1 MB limit', RAISE_INPUT]);
    const file = join(dir, 'big.txt');
    writeFileSync(file, 'x'.repeat(1024 * 1024 + 200000));
    expect(runCli([file], { env: { SIGDOCTOR_MAX_INPUT_MB: '1' } })).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: ${file}: 1.2 MB is over the 1 MB input limit — ${RAISE_INPUT}\n` });
    expect(runCli(['-'], { env: { SIGDOCTOR_MAX_INPUT_MB: '1' }, input: 'x'.repeat(1024 * 1024 + 200000) })).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: stdin: more than the 1 MB input limit — ${RAISE_INPUT}\n` });
  });

  it.each([
    ['abc', 'SIGDOCTOR_MAX_INPUT_MB=abc: not a whole number of megabytes from 1 to 500', 'unset it for the default of 64 MB'],
    ['0', 'SIGDOCTOR_MAX_INPUT_MB=0: not a whole number of megabytes from 1 to 500', 'unset it for the default of 64 MB'],
    ['1.5', 'SIGDOCTOR_MAX_INPUT_MB=1.5: not a whole number of megabytes from 1 to 500', 'unset it for the default of 64 MB'],
    ['501', 'SIGDOCTOR_MAX_INPUT_MB=501: over 500, the most text sigdoctor can hold in memory', 'use 500 or less'],
  ])('a bad value %s is an error, not silently the default', (value, message, hint) => {
    const e = thrown(() => maxInputBytes({ SIGDOCTOR_MAX_INPUT_MB: value }));
    expect([e.message, e.hint]).toEqual([message, hint]);
    expect(runCli(['-'], { env: { SIGDOCTOR_MAX_INPUT_MB: value }, input: 'GET / HTTP/1.1\n' })).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: ${message} — ${hint}\n` });
  });

  it('valid values', () => {
    expect([maxInputBytes({}), maxInputBytes({ SIGDOCTOR_MAX_INPUT_MB: '' }), maxInputBytes({ SIGDOCTOR_MAX_INPUT_MB: '1' }), maxInputBytes({ SIGDOCTOR_MAX_INPUT_MB: '500' })]).toEqual([64 * 1048576, 64 * 1048576, 1048576, 500 * 1048576]);
  });
});

describe('requests per run: SIGDOCTOR_MAX_CASES (default 10000)', () => {
  it('more signature errors than the limit', () => {
    const saved = process.env['SIGDOCTOR_MAX_CASES'];
    process.env['SIGDOCTOR_MAX_CASES'] = '2';
    try {
      const e = thrown(() => diagnose([{ name: 'page.har', bytes: Buffer.from(harOf(3)) }]));
      expect([e.message, e.hint]).toEqual(['page.har: 3 requests to diagnose, over the limit of 2 (SIGDOCTOR_MAX_CASES)', 'raise it with SIGDOCTOR_MAX_CASES=<count> (memory grows with it), or give sigdoctor fewer requests at a time']);
      expect(diagnose([{ name: 'page.har', bytes: Buffer.from(harOf(2)) }]).results.length).toBe(2);
    } finally {
      if (saved === undefined) delete process.env['SIGDOCTOR_MAX_CASES'];
      else process.env['SIGDOCTOR_MAX_CASES'] = saved;
    }
    const file = join(dir, 'page.har');
    writeFileSync(file, harOf(3));
    expect(runCli([file], { env: { SIGDOCTOR_MAX_CASES: '2' } })).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: ${file}: 3 requests to diagnose, over the limit of 2 (SIGDOCTOR_MAX_CASES) — raise it with SIGDOCTOR_MAX_CASES=<count> (memory grows with it), or give sigdoctor fewer requests at a time\n` });
  });

  it('a bad value is an error; the default is 10000', () => {
    const e = thrown(() => maxCases({ SIGDOCTOR_MAX_CASES: '-3' }));
    expect([e.message, e.hint]).toEqual(['SIGDOCTOR_MAX_CASES=-3: not a whole number of requests (1 or more)', 'unset it for the default of 10000']);
    expect([maxCases({}), maxCases({ SIGDOCTOR_MAX_CASES: '25000' })]).toEqual([10000, 25000]);
  });
});

describe('secret and token files: 4096 and 65536 bytes (fixed)', () => {
  const big = join(dir, 'secret.txt');
  writeFileSync(big, 'x'.repeat(70000));
  chmodSync(big, 0o600);

  it('--secret-file', () => {
    expect(runCli(['--secret-file', big, '-'], { input: 'GET / HTTP/1.1\n' })).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: --secret-file ${big}: 70000 bytes, over the 4096-byte limit for an AccessKey secret (fixed) — put only the secret in the file, on one line\n` });
  });

  it('--security-token-file', () => {
    const r = runCli(['sign', '--url', 'https://b.oss-cn-hangzhou.aliyuncs.com/k', '--security-token-file', big], { env: { OSS_ACCESS_KEY_ID: 'ak', OSS_ACCESS_KEY_SECRET: 's' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `sigdoctor: --security-token-file ${big}: 70000 bytes, over the 65536-byte limit for a security token (fixed) — put only the token in the file, on one line\n` });
  });
});
