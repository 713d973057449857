/**
 * Formatters from fixed inputs, compared with file snapshots so a reviewer
 * reads the real rendered report (STYLE.md). Reports are built from fixtures
 * through the library, redacted as the CLI does by default.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiagnoseRequest } from '../../src/index.js';
import { diagnose } from '../../src/index.js';
import { formatReport } from '../../src/report/index.js';
import { plain } from '../../src/report/style.js';

const fx = (path: string) => ({ name: path, bytes: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)) });

const CASES: Array<[string, Array<ReturnType<typeof fx>>, DiagnoseRequest]> = [
  ['cdn-head-to-get', [fx('cdn-head-to-get/seed-002-head-through-cdn/request.txt'), fx('cdn-head-to-get/seed-002-head-through-cdn/response.xml')], {}],
  ['content-type-proven', [fx('content-type-mismatch/curl-v-put-real-capture-proven/capture.txt')], { secret: 'wrong-secret-for-demo' }],
  ['secret-mismatch-elimination', [fx('samples/curl-v-8.21.0-get-403.txt')], {}],
  ['insufficient-stderr-only', [fx('samples/curl-sv-8.21.0-get-403-stderr-only.txt')], {}],
  ['explain-signed-url', [fx('content-type-mismatch/seed-002-mini-program-adds-json/url.txt')], { command: 'explain', secret: 'fixture-secret-not-real-0001' }],
  ['verify-put', [fx('samples/curl-v-8.21.0-put-403.txt')], { command: 'verify', secret: 'wrong-secret-for-demo' }],
  ['v4-cdn-head-to-get-reconstructed', [fx('cdn-head-to-get/v4-header-head-through-cdn/request.txt'), fx('cdn-head-to-get/v4-header-head-through-cdn/response.xml')], { bucket: 'examplebucket' }],
  ['v4-seed-001-malformed', [fx('malformed-v4-authorization/seed-001-unknown-key/request.txt')], {}],
];

describe.each(CASES)('%s', (name, inputs, request) => {
  const report = diagnose(inputs, request);

  it('human', async () => {
    await expect(formatReport(report, 'human', { style: plain, redact: true })).toMatchFileSnapshot(`__snapshots__/${name}.human.txt`);
  });

  it('markdown', async () => {
    await expect(formatReport(report, 'markdown', { style: plain, redact: true }).replace(/sigdoctor \d+\.\d+\.\d+/, 'sigdoctor X')).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it('github', async () => {
    await expect(formatReport(report, 'github', { style: plain, redact: true })).toMatchFileSnapshot(`__snapshots__/${name}.github.txt`);
  });

  it('json', async () => {
    await expect(formatReport(report, 'json', { style: plain, redact: true }).replace(/"version": "[^"]+"/, '"version": "X"')).toMatchFileSnapshot(`__snapshots__/${name}.json`);
  });
});
