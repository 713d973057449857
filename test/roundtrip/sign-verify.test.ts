/**
 * Round trip (a): what `sign` produces, `verify` accepts — for random requests
 * in all four signature forms, at library level (signRequest → raw HTTP text →
 * diagnose({ command: 'verify' })), and a handful through the built CLI bundle
 * with the secret in OSS_ACCESS_KEY_SECRET.
 *
 * Each signed request is also checked against OSS's view computed by ali-oss
 * from the same request (support/server.ts): the signer's string to sign (V1)
 * or canonical request and string to sign (V4) equal ali-oss's, so the request
 * would pass OSS's check, not merely sigdoctor's own.
 *
 * Volume: RT_RUNS per form (default 200 in npm test; `npm run differential` runs more).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';
import type { Form, Spec } from './support/requests.js';
import { AK, FORMS, SECRET, isV1, renderRequest, sign, specArb } from './support/requests.js';
import { aliOssCanCanonicalize, receivedAsSent, serverV1StringToSign, serverV4Strings } from './support/server.js';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.RT_RUNS ?? 200);

function verifyReport(raw: string, options: { bucket?: string } = {}) {
  const report = diagnose([{ name: 'request.http', bytes: Buffer.from(raw, 'utf8') }], { command: 'verify', secret: SECRET, ...options });
  expect(report.results).toHaveLength(1);
  return report.results[0]!;
}

/** The raw request a user would capture for what `sign` produced. */
function sentText(spec: Spec) {
  const signed = sign(spec);
  return { signed, raw: renderRequest(signed.method, signed.target, signed.headers) };
}

describe.each(FORMS)('sign → verify (%s)', (form) => {
  it(`${RUNS} random requests: verify passes, and the signer agrees with ali-oss's view of the request`, () => {
    let runs = 0;
    fc.assert(
      fc.property(specArb(form), (spec) => {
        const { signed, raw } = sentText(spec);
        const view = receivedAsSent(spec, signed);
        if (isV1(form)) {
          expect(signed.stringToSign).toBe(serverV1StringToSign(view));
        } else {
          fc.pre(aliOssCanCanonicalize(view));
          const server = serverV4Strings(view);
          expect(signed.canonicalRequest).toBe(server.canonicalRequest);
          expect(signed.stringToSign).toBe(server.stringToSign);
        }
        const r = verifyReport(raw, spec.style === 'custom-domain' ? { bucket: spec.bucket } : {});
        expect({ verdict: r.verdict, verified: r.signature.verified, version: r.signatureVersion, causes: r.causes.map((c) => c.id) })
          .toEqual({ verdict: 'ok', verified: true, version: form, causes: [] });
        runs++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(runs).toBe(RUNS);
  });
});

/** `sign --json` output → the raw request to send: its headers, plus the Host of the URL it signed. */
function cliSignedRequest(stdout: string): string {
  const signed = (JSON.parse(stdout) as { sign: { method: string; target: string; url: string; headers: Array<{ name: string; value: string }> } }).sign;
  return renderRequest(signed.method, signed.target, [{ name: 'Host', value: new URL(signed.url).host }, ...signed.headers]);
}

describe('sign → verify through the built CLI (OSS_ACCESS_KEY_SECRET in the env)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-roundtrip-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const env = { OSS_ACCESS_KEY_SECRET: SECRET, OSS_ACCESS_KEY_ID: AK };

  const specs: Array<[string, Form, string[], string]> = [
    ['V1 header', 'v1-header', ['--v1', '--method', 'PUT', '-H', 'Content-Type: text/plain', '-H', 'X-Oss-Meta-Author:  alice ', '--date', '20261122T140221Z'], 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b%2Bc%25d.txt?acl'],
    ['V1 signed URL', 'v1-query', ['--v1', '--url-signature', '--method', 'GET', '--date', '20261122T140221Z', '--expires', '3600'], 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/%E4%B8%AD%E6%96%87/%F0%9F%98%80.jpg?response-content-disposition=attachment%3B%20filename%3D%22a%2Bb.jpg%22&versionId=v%2B1'],
    ['V4 header', 'v4-header', ['--method', 'POST', '-H', 'Content-MD5: eB5eJF1ptWaXm4bijSPyxw==', '-H', 'Cache-Control: no-cache', '--additional-headers', 'cache-control;host', '--date', '20261122T140221Z'], 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a%20b?uploads&prefix=x%2By&max-keys='],
    ['V4 presigned URL', 'v4-query', ['--url-signature', '--method', 'PUT', '-H', 'Content-Type: image/jpeg', '-H', 'x-oss-meta-a: 1', '--date', '20261122T140221Z', '--expires', '600'], 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k%2B%20~%21.jpg?x-oss-process=image%2Fresize%2Cw_100'],
  ];

  it.each(specs)('%s', (name, form, args, url) => {
    const r = runCli(['sign', '--json', ...args, '--url', url], { env });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const file = join(tmp, `${name}.http`);
    writeFileSync(file, cliSignedRequest(r.stdout));
    const v = runCli(['verify', '--json', file], { env });
    expect({ code: v.code, stderr: v.stderr }).toEqual({ code: 0, stderr: '' });
    const result = (JSON.parse(v.stdout) as { results: Array<{ verdict: string; signatureVersion: string; signature: { verified: boolean } }> }).results;
    expect(result.map((x) => ({ verdict: x.verdict, version: x.signatureVersion, verified: x.signature.verified }))).toEqual([{ verdict: 'ok', version: form, verified: true }]);
    // The secret never reaches the output.
    expect(r.stdout.includes(SECRET) || v.stdout.includes(SECRET)).toBe(false);
  });

  it('a wrong secret in the env: verify exits 1 with signature.verified false', () => {
    const r = runCli(['sign', '--json', '--v1', '--date', '20261122T140221Z', '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k'], { env });
    const file = join(tmp, 'wrong-secret.http');
    writeFileSync(file, cliSignedRequest(r.stdout));
    const v = runCli(['verify', '--json', file], { env: { ...env, OSS_ACCESS_KEY_SECRET: `${SECRET}x` } });
    expect({ code: v.code, stderr: v.stderr }).toEqual({ code: 1, stderr: '' });
    const result = (JSON.parse(v.stdout) as { results: Array<{ verdict: string; signature: { verified: boolean } }> }).results;
    expect(result.map((x) => ({ verdict: x.verdict, verified: x.signature.verified }))).toEqual([{ verdict: 'problem', verified: false }]);
  });
});
