import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHeader, findHeaders } from '../../src/model/http.js';
import type { Exchange } from '../../src/model/http.js';
import { InputError } from '../../src/model/input-error.js';
import { looksLikeCurlVerbose, parseCurlVerbose } from '../../src/parse/curl-verbose.js';
import {
  parseStatusLine,
  splitLines,
  stripAnsi,
  stripCurlLinePrefixes,
  stripProgressMeter,
} from '../../src/parse/text-lines.js';
import { ossErrorXml, OSS_HOST, OSS_AK } from '../support/oss-error-xml.js';

const FIXTURES = new URL('../../fixtures/samples/', import.meta.url);
const SHARED = new URL('../../../shared/samples/', import.meta.url);

/** Reads a capture from fixtures/samples/, falling back to the shared sample folder. */
function sample(name: string): string {
  const local = new URL(name, FIXTURES);
  return readFileSync(existsSync(local) ? local : new URL(name, SHARED), 'utf8');
}

function sampleNames(): string[] {
  const dir = existsSync(FIXTURES) ? FIXTURES : SHARED;
  return readdirSync(dir).filter((n) => n.startsWith('curl-') && n.endsWith('.txt'));
}

/** The stdout copy of the error XML in a capture, found independently of the parser (CRs dropped). */
function xmlInCapture(raw: string): string {
  const start = raw.indexOf('\n<?xml') + 1;
  const end = raw.indexOf('</Error>', start) + '</Error>'.length;
  return raw.slice(start, end).replace(/\r/g, '') + '\n';
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const HOST = OSS_HOST;
const AK = OSS_AK;

/** The error XML the test server sends (layout of docs/INPUTS.md §1.1), for checking x-oss-err exactly. */

type Kind = 'body' | 'stderr-only' | 'head';

interface Case {
  file: string;
  method: string;
  target: string;
  host?: string;
  /** Exact Authorization value, or null when the capture has none. */
  auth: string | null;
  /** Header name as curl printed it (7.x lowercases names for HTTP/2). */
  authName?: string;
  status: number;
  reason?: string;
  httpVersion: string;
  /** x-oss-request-id of the final response. */
  requestId: string;
  kind: Kind;
  exchanges?: number;
  /** Date header of the request (HEAD cases: part of the x-oss-err StringToSign). */
  date?: string;
}

const SIG_7_GET = `OSS ${AK}:yOMOYlB/fv9JuYk0u29quXr9njE=`;
const SIG_7_GET_15 = `OSS ${AK}:KTDrJxnktBip+cfb//tlqEpT5o0=`;
const SIG_8_GET = `OSS ${AK}:SzSrgu0asW35zksVfa6qjNTurSM=`;
const D14 = 'Sun, 22 Nov 2026 14:00:14 GMT';
const D15 = 'Sun, 22 Nov 2026 14:00:15 GMT';
const D21 = 'Sun, 22 Nov 2026 14:02:21 GMT';
const D849 = 'Sun, 22 Nov 2026 14:08:49 GMT';
const H1 = 'HTTP/1.1';

const CASES: Case[] = [
  // -sv with body / stderr only
  { file: 'curl-sv-7.88.1-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE02', kind: 'body' },
  { file: 'curl-sv-7.88.1-get-403-stderr-only.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE03', kind: 'stderr-only' },
  { file: 'curl-sv-8.5.0-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE15', kind: 'body' },
  { file: 'curl-sv-8.5.0-get-403-stderr-only.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE16', kind: 'stderr-only' },
  { file: 'curl-sv-8.21.0-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE28', kind: 'body' },
  { file: 'curl-sv-8.21.0-get-403-stderr-only.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE29', kind: 'stderr-only' },
  // -v 2>&1 with progress meter
  { file: 'curl-v-7.88.1-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE01', kind: 'body' },
  { file: 'curl-v-8.5.0-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE14', kind: 'body' },
  { file: 'curl-v-8.21.0-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE27', kind: 'body' },
  // terminal through script(1): \r\r\n, no markers, no Authorization
  { file: 'curl-v-7.88.1-get-403-tty-via-script.txt', method: 'GET', target: '/exampleobject.txt', auth: null, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE08', kind: 'body' },
  { file: 'curl-v-8.21.0-get-403-tty-via-script.txt', method: 'GET', target: '/exampleobject.txt', auth: null, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE09', kind: 'body' },
  // chunked
  { file: 'curl-v-7.88.1-chunked.txt', method: 'GET', target: '/exampleobject.txt?chunked', auth: SIG_7_GET_15, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE09', kind: 'body' },
  { file: 'curl-v-8.5.0-chunked.txt', method: 'GET', target: '/exampleobject.txt?chunked', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE1C', kind: 'body' },
  { file: 'curl-v-8.21.0-chunked.txt', method: 'GET', target: '/exampleobject.txt?chunked', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE2F', kind: 'body' },
  // h2c
  { file: 'curl-v-7.88.1-h2c-get-403.txt', method: 'GET', target: '/exampleobject.txt', host: `${HOST}:18081`, auth: SIG_7_GET_15, authName: 'authorization', status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE13', kind: 'body' },
  { file: 'curl-v-8.5.0-h2c-get-403.txt', method: 'GET', target: '/exampleobject.txt', host: `${HOST}:18081`, auth: SIG_8_GET, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE26', kind: 'body' },
  { file: 'curl-v-8.21.0-h2c-get-403.txt', method: 'GET', target: '/exampleobject.txt', host: `${HOST}:18081`, auth: SIG_8_GET, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE39', kind: 'body' },
  // -I: x-oss-err, headers repeated on stdout
  { file: 'curl-v-7.88.1-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:/X2FqEHymzImUIq9cbFR+Z5vCS4=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE04', kind: 'head', date: D14 },
  { file: 'curl-v-8.5.0-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:UlFW0qt33SqWm6Wv2brTPsZq/54=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE17', kind: 'head', date: D21 },
  { file: 'curl-v-8.21.0-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:UlFW0qt33SqWm6Wv2brTPsZq/54=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE2A', kind: 'head', date: D21 },
  // -X HEAD timeout
  { file: 'curl-v-7.88.1-head-via-X-HEAD-timeout.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:48uWBCDmxLIPny708LpZ2QrmfME=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE3D', kind: 'head', date: D849 },
  { file: 'curl-v-8.21.0-head-via-X-HEAD-timeout.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:48uWBCDmxLIPny708LpZ2QrmfME=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE3E', kind: 'head', date: D849 },
  // TLS + h2
  { file: 'curl-v-7.88.1-https-h2-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET_15, authName: 'authorization', status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE0B', kind: 'body' },
  { file: 'curl-v-8.5.0-https-h2-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE1E', kind: 'body' },
  { file: 'curl-v-8.21.0-https-h2-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE31', kind: 'body' },
  { file: 'curl-v-7.88.1-https-h2-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:JGRBfo2JgMBqC7XRjRhH8MEHRjU=`, authName: 'authorization', status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE0D', kind: 'head', date: D15 },
  { file: 'curl-v-8.5.0-https-h2-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:UlFW0qt33SqWm6Wv2brTPsZq/54=`, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE20', kind: 'head', date: D21 },
  { file: 'curl-v-8.21.0-https-h2-head-403.txt', method: 'HEAD', target: '/exampleobject.txt', auth: `OSS ${AK}:UlFW0qt33SqWm6Wv2brTPsZq/54=`, status: 403, httpVersion: 'HTTP/2', requestId: '6650B1A4D11E553933CCDE33', kind: 'head', date: D21 },
  // TLS + --http1.1
  { file: 'curl-v-7.88.1-https-http1.1-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET_15, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE0C', kind: 'body' },
  { file: 'curl-v-8.5.0-https-http1.1-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE1F', kind: 'body' },
  { file: 'curl-v-8.21.0-https-http1.1-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE32', kind: 'body' },
  // presigned URL: no Authorization header
  { file: 'curl-v-7.88.1-presigned-get-403.txt', method: 'GET', target: `/exampleobject.txt?OSSAccessKeyId=${AK}&Expires=1795359615&Signature=9V9ds3kSXGlOFUeMsYnfST8M1G8%3D`, auth: null, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE0A', kind: 'body' },
  { file: 'curl-v-8.5.0-presigned-get-403.txt', method: 'GET', target: `/exampleobject.txt?OSSAccessKeyId=${AK}&Expires=1795359741&Signature=9%2BVDxWa6ZzZkGkVHYAmCsNvNnMg%3D`, auth: null, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE1D', kind: 'body' },
  { file: 'curl-v-8.21.0-presigned-get-403.txt', method: 'GET', target: `/exampleobject.txt?OSSAccessKeyId=${AK}&Expires=1795359741&Signature=9%2BVDxWa6ZzZkGkVHYAmCsNvNnMg%3D`, auth: null, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE30', kind: 'body' },
  // PUT --data-binary
  { file: 'curl-v-7.88.1-put-403.txt', method: 'PUT', target: '/upload/hello.txt', auth: `OSS ${AK}:lFRgstwpdiodgrob/BzMTb2Frvg=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE05', kind: 'body' },
  { file: 'curl-v-8.5.0-put-403.txt', method: 'PUT', target: '/upload/hello.txt', auth: `OSS ${AK}:uGB76pBpQY12gjk6RJdluCVKZhE=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE18', kind: 'body' },
  { file: 'curl-v-8.21.0-put-403.txt', method: 'PUT', target: '/upload/hello.txt', auth: `OSS ${AK}:uGB76pBpQY12gjk6RJdluCVKZhE=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE2B', kind: 'body' },
  // Expect: 100-continue
  { file: 'curl-v-7.88.1-put-expect100-403.txt', method: 'PUT', target: '/upload/big.bin', auth: `OSS ${AK}:XohdB8MuNYOFbnICeYUBJcq1lL0=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE06', kind: 'body' },
  { file: 'curl-v-8.5.0-put-expect100-403.txt', method: 'PUT', target: '/upload/big.bin', auth: `OSS ${AK}:+gfR46tz8fVA7qBMwmymVbNI/s0=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE19', kind: 'body' },
  { file: 'curl-v-8.21.0-put-expect100-403.txt', method: 'PUT', target: '/upload/big.bin', auth: `OSS ${AK}:+gfR46tz8fVA7qBMwmymVbNI/s0=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE2C', kind: 'body' },
  { file: 'curl-v-7.88.1-put-expect100-early-403.txt', method: 'PUT', target: '/early/upload/big.bin', auth: `OSS ${AK}:lHG6PUM3sW0OAB1e6XJjzNyOqOQ=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE01', kind: 'body' },
  { file: 'curl-v-8.5.0-put-expect100-early-403.txt', method: 'PUT', target: '/early/upload/big.bin', auth: `OSS ${AK}:lHG6PUM3sW0OAB1e6XJjzNyOqOQ=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE02', kind: 'body' },
  { file: 'curl-v-8.21.0-put-expect100-early-403.txt', method: 'PUT', target: '/early/upload/big.bin', auth: `OSS ${AK}:lHG6PUM3sW0OAB1e6XJjzNyOqOQ=`, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE03', kind: 'body' },
  // -L: 302 then 403 (the table row describes the final hop)
  { file: 'curl-v-7.88.1-redirect-L.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE08', kind: 'body', exchanges: 2 },
  { file: 'curl-v-8.5.0-redirect-L.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE1B', kind: 'body', exchanges: 2 },
  { file: 'curl-v-8.21.0-redirect-L.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE2E', kind: 'body', exchanges: 2 },
  // --trace-time
  { file: 'curl-v-7.88.1-trace-time-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_7_GET_15, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE12', kind: 'body' },
  { file: 'curl-v-8.5.0-trace-time-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE25', kind: 'body' },
  { file: 'curl-v-8.21.0-trace-time-get-403.txt', method: 'GET', target: '/exampleobject.txt', auth: SIG_8_GET, status: 403, httpVersion: H1, requestId: '6650B1A4D11E553933CCDE38', kind: 'body' },
];

const NOT_VERBOSE = [
  'curl-i-7.88.1-get-403.txt',
  'curl-i-8.5.0-get-403.txt',
  'curl-i-8.21.0-get-403.txt',
];

describe('curl -v samples', () => {
  it('has a table row for every curl -v / -sv / -i sample', () => {
    const covered = new Set([...CASES.map((c) => c.file), ...NOT_VERBOSE]);
    const verboseSamples = sampleNames().filter((n) => !n.startsWith('curl-trace-'));
    expect(verboseSamples.filter((n) => !covered.has(n))).toEqual([]);
    expect(verboseSamples.length).toBe(CASES.length + NOT_VERBOSE.length);
  });

  it.each(CASES)('$file', (c) => {
    const raw = sample(c.file);
    expect(looksLikeCurlVerbose(raw)).toBe(true);
    const exchanges = parseCurlVerbose(raw);
    expect(exchanges).toHaveLength(c.exchanges ?? 1);
    const ex = exchanges[exchanges.length - 1] as Exchange;
    const req = ex.request;
    const res = ex.response;
    if (!req || !res) throw new Error('request and response expected');

    expect(req.method).toBe(c.method);
    expect(req.target).toBe(c.target);
    expect(req.httpVersion).toBe(c.httpVersion);
    expect(req.body).toBeUndefined();
    expect(findHeaders(req.headers, 'host')).toEqual([c.host ?? HOST]);
    const auth = req.headers.filter((h) => h.name.toLowerCase() === 'authorization');
    if (c.auth === null) expect(auth).toEqual([]);
    else expect(auth).toEqual([{ name: c.authName ?? 'Authorization', value: c.auth }]);

    expect(res.status).toBe(c.status);
    expect(res.httpVersion).toBe(c.httpVersion);
    expect(res.reason).toBe(c.httpVersion === 'HTTP/2' ? undefined : 'Forbidden');
    expect(findHeaders(res.headers, 'x-oss-request-id')).toEqual([c.requestId]);
    expect(findHeaders(res.headers, 'x-oss-ec')).toEqual(['0002-00000040']);

    if (c.kind === 'body') {
      const body = res.body ?? '';
      expect(count(body, '<Error>')).toBe(1);
      expect(count(body, '</Error>')).toBe(1);
      expect(body).toContain(`<RequestId>${c.requestId}</RequestId>`);
      expect(body).toBe(xmlInCapture(raw));
      expect(res.bodyLossy).toBeUndefined();
    } else if (c.kind === 'stderr-only') {
      expect(res.body).toBeUndefined();
    } else {
      expect(res.body).toBeUndefined();
      const signature = (c.auth ?? '').slice(`OSS ${AK}:`.length);
      const sts = `HEAD\n\n\n${c.date ?? ''}\n/examplebucket/exampleobject.txt`;
      expect(findHeaders(res.headers, 'x-oss-err')).toEqual([
        Buffer.from(ossErrorXml(c.requestId, signature, sts), 'utf8').toString('base64'),
      ]);
    }
  });

  it.each(NOT_VERBOSE)('%s (stdout of -si only) is not curl -v output', (file) => {
    const raw = sample(file);
    expect(looksLikeCurlVerbose(raw)).toBe(false);
    expect(() => parseCurlVerbose(raw)).toThrow(InputError);
  });

  it('does not claim --trace dumps', () => {
    for (const file of sampleNames().filter((n) => n.startsWith('curl-trace-'))) {
      expect(looksLikeCurlVerbose(sample(file)), file).toBe(false);
    }
  });

  it('keeps every request header of 8.21.0 -v exactly, in order', () => {
    const [ex] = parseCurlVerbose(sample('curl-v-8.21.0-get-403.txt'));
    expect(ex?.request?.headers).toEqual([
      { name: 'Host', value: HOST },
      { name: 'User-Agent', value: 'curl/8.21.0' },
      { name: 'Accept', value: '*/*' },
      { name: 'Date', value: D21 },
      { name: 'Authorization', value: SIG_8_GET },
    ]);
    expect(ex?.response?.headers).toEqual([
      { name: 'Server', value: 'AliyunOSS' },
      { name: 'Date', value: D21 },
      { name: 'Content-Type', value: 'application/xml' },
      { name: 'Content-Length', value: '922' },
      { name: 'Connection', value: 'keep-alive' },
      { name: 'x-oss-request-id', value: '6650B1A4D11E553933CCDE27' },
      { name: 'x-oss-server-time', value: '3' },
      { name: 'x-oss-ec', value: '0002-00000040' },
    ]);
  });

  it('keeps the lowercase names 7.88.1 prints for HTTP/2 and ignores the h2h3 info copy', () => {
    const [ex] = parseCurlVerbose(sample('curl-v-7.88.1-https-h2-get-403.txt'));
    expect(ex?.request?.headers.map((h) => h.name)).toEqual(['Host', 'user-agent', 'accept', 'date', 'authorization']);
    expect(ex?.response?.headers.map((h) => h.name)).toEqual([
      'server',
      'date',
      'content-type',
      'content-length',
      'x-oss-request-id',
      'x-oss-server-time',
      'x-oss-ec',
    ]);
  });

  it('ignores the [HTTP/2] info copy of the request in 8.x', () => {
    const [ex] = parseCurlVerbose(sample('curl-v-8.21.0-https-h2-head-403.txt'));
    expect(ex?.request?.headers.map((h) => h.name)).toEqual(['Host', 'User-Agent', 'Accept', 'Date', 'Authorization']);
    expect(ex?.request?.headers.some((h) => h.name.startsWith(':'))).toBe(false);
  });

  it.each(['7.88.1', '8.5.0', '8.21.0'])('splits the -L redirect of %s into a 302 hop and a 403 hop', (v) => {
    const exchanges = parseCurlVerbose(sample(`curl-v-${v}-redirect-L.txt`));
    expect(exchanges.map((e) => [e.request?.method, e.request?.target, e.response?.status])).toEqual([
      ['GET', '/redirect/exampleobject.txt', 302],
      ['GET', '/exampleobject.txt', 403],
    ]);
    const first = exchanges[0];
    expect(first?.response?.reason).toBe('Found');
    expect(findHeader(first?.response?.headers ?? [], 'Location')).toBe('/exampleobject.txt');
    expect(first?.response?.body).toBeUndefined();
    expect(count(exchanges[1]?.response?.body ?? '', '<Error>')).toBe(1);
    expect(exchanges[0]?.notes).toContain('hop 1 of 2 of a redirect chain (curl -L)');
    expect(exchanges[1]?.notes).toContain('hop 2 of 2 of a redirect chain (curl -L)');
  });

  it.each(['7.88.1', '8.5.0', '8.21.0'])('skips 100 Continue in the Expect: 100-continue upload of %s', (v) => {
    const exchanges = parseCurlVerbose(sample(`curl-v-${v}-put-expect100-403.txt`));
    expect(exchanges).toHaveLength(1);
    const ex = exchanges[0];
    expect(ex?.response?.status).toBe(403);
    expect(findHeader(ex?.request?.headers ?? [], 'Expect')).toBe('100-continue');
    expect(findHeader(ex?.request?.headers ?? [], 'Content-Length')).toBe('2200000');
    expect(ex?.notes).toContain('skipped interim response "HTTP/1.1 100 Continue"');
  });

  it('drops the header copy -I prints on stdout and keeps x-oss-err once', () => {
    const [ex] = parseCurlVerbose(sample('curl-v-8.5.0-head-403.txt'));
    expect(ex?.response?.body).toBeUndefined();
    expect(findHeaders(ex?.response?.headers ?? [], 'x-oss-err')).toHaveLength(1);
    expect(ex?.notes).toContain('dropped the status line and headers that curl -i/-I printed again on stdout');
  });

  it('notes the -X HEAD timeout and keeps the headers', () => {
    const [ex] = parseCurlVerbose(sample('curl-v-8.21.0-head-via-X-HEAD-timeout.txt'));
    expect(ex?.response?.headers.map((h) => h.name)).toEqual([
      'Server',
      'Date',
      'Content-Type',
      'Content-Length',
      'Connection',
      'x-oss-request-id',
      'x-oss-server-time',
      'x-oss-ec',
      'x-oss-err',
    ]);
    expect(ex?.notes).toContain('curl timed out waiting for a body after a HEAD response (curl -X HEAD instead of -I)');
  });

  it('notes a missing body in stderr-only captures', () => {
    const [ex] = parseCurlVerbose(sample('curl-sv-8.21.0-get-403-stderr-only.txt'));
    expect(ex?.notes).toContain('the response body is not in the capture (curl wrote it to stdout or a file)');
  });
});

const BODY = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n</Error>\n';

describe('curl -v synthetic inputs', () => {
  it('accepts bare ">" / "<" blank lines of a terminal copy (no CRs, no trailing space)', () => {
    const text = [
      '* Connected to h (1.2.3.4) port 80',
      '> GET /k HTTP/1.1',
      '> Host: h',
      '> Authorization: OSS a:b=',
      '>',
      '< HTTP/1.1 403 Forbidden',
      '< Content-Type: application/xml',
      '<',
      ...BODY.split('\n').slice(0, -1),
      '* Connection #0 to host h left intact',
      '',
    ].join('\n');
    expect(looksLikeCurlVerbose(text)).toBe(true);
    const [ex, ...rest] = parseCurlVerbose(text);
    expect(rest).toEqual([]);
    expect(ex?.request).toEqual({
      method: 'GET',
      target: '/k',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Host', value: 'h' },
        { name: 'Authorization', value: 'OSS a:b=' },
      ],
    });
    expect(ex?.response?.status).toBe(403);
    expect(ex?.response?.headers).toEqual([{ name: 'Content-Type', value: 'application/xml' }]);
    expect(ex?.response?.body).toBe(BODY);
  });

  it('strips --trace-ids and --trace-time prefixes', () => {
    const text = [
      '[0-x] * Added h:80:127.0.0.1 to DNS cache',
      '14:02:21.833909 [0-0] *   Trying 127.0.0.1:80...',
      '[0-0] > PUT /a%20b?acl HTTP/1.1\r',
      '[0-0] > Host: h\r',
      '[0-0] > x-oss-meta-a:  two spaces \r',
      '[0-0] > \r',
      '14:02:21.834525 [0-0] < HTTP/1.1 403 Forbidden\r',
      '14:02:21.834604 [0-0] < x-oss-ec: 0002-00000040\r',
      '14:02:21.834604 [0-0] < \r',
      '[0-0] { [922 bytes data]',
      '[0-0] * Connection #0 to host h:80 left intact',
      BODY,
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.method).toBe('PUT');
    expect(ex?.request?.target).toBe('/a%20b?acl');
    // only the single space after the colon is removed
    expect(ex?.request?.headers).toEqual([
      { name: 'Host', value: 'h' },
      { name: 'x-oss-meta-a', value: ' two spaces ' },
    ]);
    expect(ex?.response?.headers).toEqual([{ name: 'x-oss-ec', value: '0002-00000040' }]);
    expect(ex?.response?.body).toBe(BODY);
  });

  it('removes ANSI colour codes', () => {
    const text = [
      '\x1b[1;32m> \x1b[0mGET /k HTTP/1.1\r',
      '> \x1b[1mHost\x1b[0m: h\r',
      '> \r',
      '\x1b[31m< HTTP/2 403 \x1b[0m\r',
      '< \x1b[1mx-oss-ec\x1b[0m: 0002-00000040\r',
      '< \r',
      '\x1b]0;window title\x07' + BODY,
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.target).toBe('/k');
    expect(ex?.request?.headers).toEqual([{ name: 'Host', value: 'h' }]);
    expect(ex?.response?.status).toBe(403);
    expect(ex?.response?.reason).toBeUndefined();
    expect(ex?.response?.httpVersion).toBe('HTTP/2');
    expect(ex?.response?.headers).toEqual([{ name: 'x-oss-ec', value: '0002-00000040' }]);
    expect(ex?.response?.body).toBe(BODY);
  });

  it('handles \\r\\r\\n line ends everywhere (script(1))', () => {
    const text = ['> GET /k HTTP/1.1', '> Host: h', '> ', '< HTTP/1.1 403 Forbidden', '< A: b', '< ', '<Error>', '</Error>', '']
      .join('\r\r\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.headers).toEqual([{ name: 'Host', value: 'h' }]);
    expect(ex?.response?.headers).toEqual([{ name: 'A', value: 'b' }]);
    expect(ex?.response?.body).toBe('<Error>\n</Error>\n');
  });

  it('strips progress-meter fragments glued to verbose lines and to the body', () => {
    const meter7 = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
    const meter8 = '\r100    922 100    922   0      0  1.27M      0                              0';
    const text = [
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
      '                                 Dload  Upload   Total   Spent    Left  Speed',
      meter7 + '*   Trying 127.0.0.1:80...',
      meter7 + '> GET /k HTTP/1.1\r',
      '> Host: h\r',
      '> \r',
      '< HTTP/1.1 403 Forbidden\r',
      '< \r',
      '{ [922 bytes data]',
      meter8 + meter8 + meter8,
      meter8 + '<?xml version="1.0" encoding="UTF-8"?>',
      meter7 + '  <Code>X</Code>',
      '</Error>',
      '',
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.target).toBe('/k');
    expect(ex?.response?.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n  <Code>X</Code>\n</Error>\n');
  });

  it('keeps 8.21-style info lines inside a response header block', () => {
    const text = [
      '> GET /r HTTP/1.1\r',
      '> \r',
      '< HTTP/1.1 302 Found\r',
      '< Location: /k\r',
      '* Ignoring the response-body',
      '* setting size while ignoring',
      '< \r',
      "* Issue another request to this URL: 'http://h/k'",
      '> GET /k HTTP/1.1\r',
      '> \r',
      '< HTTP/1.1 403 Forbidden\r',
      '< x-oss-ec: 0002-00000040\r',
      '< \r',
      '<Error></Error>',
    ].join('\n');
    const exchanges = parseCurlVerbose(text);
    expect(exchanges.map((e) => e.response?.status)).toEqual([302, 403]);
    expect(exchanges[0]?.response?.headers).toEqual([{ name: 'Location', value: '/k' }]);
    expect(exchanges[1]?.response?.body).toBe('<Error></Error>');
  });

  it('drops the -i header copy that a terminal interleaves with the < lines', () => {
    const text = [
      '> GET /k HTTP/1.1',
      '> Host: h',
      '>',
      '< HTTP/1.1 403 Forbidden',
      'HTTP/1.1 403 Forbidden',
      '< x-oss-ec: 0002-00000040',
      'x-oss-ec: 0002-00000040',
      '<',
      '',
      '<Error>',
      '</Error>',
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.headers).toEqual([{ name: 'x-oss-ec', value: '0002-00000040' }]);
    expect(ex?.response?.body).toBe('<Error>\n</Error>');
  });

  it('drops the -i header copies of every hop when stdout lands at the end', () => {
    const text = [
      '> GET /r HTTP/1.1\r',
      '> \r',
      '< HTTP/1.1 302 Found\r',
      '< Location: /k\r',
      '< \r',
      '> GET /k HTTP/1.1\r',
      '> \r',
      '< HTTP/1.1 403 Forbidden\r',
      '< x-oss-ec: 0002-00000040\r',
      '< \r',
      '* Connection #0 to host h left intact',
      'HTTP/1.1 302 Found\r',
      'Location: /k\r',
      '\r',
      'HTTP/1.1 403 Forbidden\r',
      'x-oss-ec: 0002-00000040\r',
      '\r',
      BODY,
    ].join('\n');
    const exchanges = parseCurlVerbose(text);
    expect(exchanges).toHaveLength(2);
    expect(exchanges[1]?.response?.body).toBe(BODY);
  });

  it('starts the body when the blank "<" line was cut from a paste', () => {
    const text = ['> GET /k HTTP/1.1', '> Host: h', '< HTTP/1.1 403 Forbidden', '< x-oss-ec: 0002-00000040', '<Error>', '</Error>'].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.headers).toEqual([{ name: 'Host', value: 'h' }]);
    expect(ex?.response?.headers).toEqual([{ name: 'x-oss-ec', value: '0002-00000040' }]);
    expect(ex?.response?.body).toBe('<Error>\n</Error>');
  });

  it('splits a body without final newline from the info line glued to it', () => {
    const text = [
      '> GET /t HTTP/1.1',
      '>',
      '< HTTP/1.1 403 Forbidden',
      '< Content-Type: application/json',
      '<',
      '{"message": "signature mismatch"}* Connection #0 to host h left intact',
      '',
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.body).toBe('{"message": "signature mismatch"}');
  });

  it('splits a data marker glued to a partly flushed body line', () => {
    const text = ['> GET /t HTTP/1.1', '>', '< HTTP/1.1 403 Forbidden', '<', '<Error><Co{ [4096 bytes data]', 'de>X</Code></Error>', ''].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.body).toBe('<Error><Code>X</Code></Error>\n');
  });

  it('finds the XML when stdout was pasted before the verbose lines', () => {
    const text = [BODY.trimEnd(), '> GET /t HTTP/1.1', '> Host: h', '>', '< HTTP/1.1 403 Forbidden', '< Content-Length: 80', '<', ''].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.body).toBe(BODY);
    expect(ex?.notes).toContain('the response body was found away from its response block');
  });

  it('keeps a request without a response (connection failed) and a response without a request', () => {
    expect(parseCurlVerbose('> GET /a HTTP/1.1\n> Host: h\n>\n* Recv failure: Connection reset by peer\n')).toEqual([
      { request: { method: 'GET', target: '/a', httpVersion: 'HTTP/1.1', headers: [{ name: 'Host', value: 'h' }] }, notes: [] },
    ]);
    const [ex] = parseCurlVerbose('< HTTP/1.1 403 Forbidden\n< x-oss-ec: 0002-00000040\n<\n');
    expect(ex?.request).toBeUndefined();
    expect(ex?.response?.status).toBe(403);
  });

  it('ignores lines it does not understand', () => {
    const text = [
      'PS C:\\> curl.exe -v https://h/k',
      '> GET /k HTTP/1.1',
      '> not a header line',
      '>',
      '< HTTP/1.1 403 Forbidden',
      '< Trailer-ish line without colon',
      '<',
      '< Late: trailer',
      '<Error/>',
    ].join('\n');
    const [ex] = parseCurlVerbose(text);
    expect(ex?.request?.headers).toEqual([]);
    expect(ex?.response?.headers).toEqual([]);
    expect(ex?.response?.body).toBe('<Error/>');
  });

  it('throws InputError when there is nothing to build', () => {
    expect(() => parseCurlVerbose('')).toThrow(InputError);
    expect(() => parseCurlVerbose('* Trying 1.2.3.4:80...\n* Connected\n')).toThrow(InputError);
    expect(looksLikeCurlVerbose('GET / HTTP/1.1\nHost: h\n\n')).toBe(false);
    expect(looksLikeCurlVerbose('{"log": {"version": "1.2"}}')).toBe(false);
  });

  it('stays linear on large and hostile inputs', () => {
    const big = '> GET /k HTTP/1.1\n>\n< HTTP/1.1 403 Forbidden\n<\n' + '<Error>\n' + 'x'.repeat(200).concat('\n').repeat(40000) + '</Error>\n';
    const hostile = '> GET /k HTTP/1.1\n>\n< HTTP/1.1 200 OK\n<\n' + '\r'.repeat(500_000) + '\x1b]'.repeat(100_000) + '{ ['.repeat(100_000) + '\n';
    // Their time is measured by the fuzz script (long-line sweep: "curl -v header/body"); here, what is read.
    const [a] = parseCurlVerbose(big);
    const [b] = parseCurlVerbose(hostile);
    expect(a?.response?.body?.length).toBe(8 + 201 * 40000 + 9);
    expect(b?.response?.status).toBe(200);
  });
});

describe('text-lines helpers', () => {
  it('splitLines keeps a bare CR inside a line and drops CRs at the end', () => {
    expect(splitLines('a\r\nb\r\r\nc\nd\re\n')).toEqual(['a', 'b', 'c', 'd\re', '']);
    expect(splitLines('x')).toEqual(['x']);
  });

  it('stripProgressMeter drops meter-only lines and keeps glued text', () => {
    expect(stripProgressMeter('\r100   922  100   922    0     0  21902      0 --:--:-- --:--:-- --:--:-- 21952')).toBeUndefined();
    expect(stripProgressMeter('  % Total    % Received % Xferd  Average Speed  Time    Time    Time   Current')).toBeUndefined();
    expect(
      stripProgressMeter('\r  0      0   0      0   0      0      0      0                              0* using HTTP/1.x'),
    ).toBe('* using HTTP/1.x');
    expect(stripProgressMeter('a\rb')).toBe('a\rb');
  });

  it('stripCurlLinePrefixes only strips in front of a tag', () => {
    expect(stripCurlLinePrefixes('14:02:21.834024 > GET / HTTP/1.1')).toBe('> GET / HTTP/1.1');
    expect(stripCurlLinePrefixes('[1-23] < HTTP/2 403 ')).toBe('< HTTP/2 403 ');
    expect(stripCurlLinePrefixes('14:02:21.834024 body text')).toBe('14:02:21.834024 body text');
  });

  it('stripAnsi removes CSI and OSC sequences', () => {
    expect(stripAnsi('\x1b[1mServer\x1b[0m: x\x1b]8;;http://a\x1b\\')).toBe('Server: x');
  });

  it('parseStatusLine reads HTTP/2 without reason', () => {
    expect(parseStatusLine('HTTP/2 403 ')).toEqual({ httpVersion: 'HTTP/2', status: 403 });
    expect(parseStatusLine('HTTP/1.1 403 Forbidden')).toEqual({ httpVersion: 'HTTP/1.1', status: 403, reason: 'Forbidden' });
    expect(parseStatusLine('HTTP/1.1 4033')).toBeUndefined();
  });
});
