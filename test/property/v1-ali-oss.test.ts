/**
 * Property tests: sigdoctor's V1 string-to-sign and signature agree with the
 * official `ali-oss` SDK (6.23.0) on random requests, in both V1 forms.
 *
 * - Header form: ali-oss's own `createRequest` (the code behind every
 *   `client.request()`) builds the URL and headers it would hand to urllib,
 *   including `authorization`; its string to sign is captured from
 *   `signUtils.buildCanonicalString`. The wire request is that URL's target
 *   (both the raw string and what urllib 2.x really sends after
 *   `new URL()` + `url.parse()`) plus those headers and the Host.
 * - URL form: `client.signatureUrl(...)`; the wire request is the returned URL
 *   (as a string, and as urllib would send it) plus the headers the signature
 *   covers (`Content-Type`, `Content-MD5`, `x-oss-*` options).
 *
 * `Date` is faked (only `Date`) so that ali-oss's `x-oss-date` and `Expires`
 * come from the generated clock: every run is reproducible from the seed.
 *
 * Generator choices that avoid ali-oss/transport quirks rather than OSS rules:
 * - no `.`/`..` key segments: urllib's `new URL()` would remove them from the
 *   path (a transport behaviour, not signing);
 * - URL form: no key starting with `?` (ali-oss's strictObjectNameValidation throws);
 * - `x-oss-*` header names never collide with ali-oss's own `x-oss-date` /
 *   `x-oss-security-token` (ali-oss's `copy-to` does not override them and
 *   `lowercaseKeyHeader` would keep one value while urllib sends both);
 * - only sub-resource names that OSS signs are passed as `subres` (ali-oss
 *   signs whatever an operation declares, without a list of its own).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HeaderField } from '../../src/model/http.js';
import { resolveAddressing } from '../../src/request/addressing.js';
import { resolveRequest } from '../../src/request/resolve-request.js';
import { signV1 } from '../../src/sign/v1.js';
import type { V1Mode } from '../../src/sign/v1-request.js';
import { computeV1 } from '../../src/sign/v1-request.js';
import type { AliOssRequestParams, AliOssSignatureUrlOptions } from './ali-oss-oracle.js';
import {
  aliOssHeaderRequest,
  aliOssSignatureUrl,
  hostOf,
  newClient,
  rawQueryValue,
  rawTarget,
  signUtils,
  urllibTarget,
} from './ali-oss-oracle.js';

const AK = 'property-test-ak';
const SECRET = 'property-test-secret';
const REGION = 'oss-cn-hangzhou';
const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.FC_RUNS ?? 300);

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------- sigdoctor

function sigdoctor(method: string, target: string, headers: HeaderField[], mode: V1Mode) {
  const req = resolveRequest({ method, target, headers });
  const addressing = resolveAddressing(req.host, req.target.rawPath);
  const computation = computeV1(req, addressing, mode);
  return { req, addressing, computation };
}

/** Every distinct request-target a client could put on the wire for this URL. */
function wireTargets(url: string): string[] {
  return [...new Set([rawTarget(url), urllibTarget(url)])];
}

// ---------------------------------------------------------------- generators

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;

/** No `xn--` prefix: Node's URL parsers reject the invalid punycode (`Invalid URL`) before anything is signed. */
const bucketArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,18}[a-z0-9]$/).filter((b) => !b.startsWith('xn--'));

/** Key pieces: single characters and a few multi-character escapes-lookalikes. */
const KEY_TOKENS = [
  ...'abcxyzABCXYZ0189',
  ' ', '+', '-', '_', '.', '~', '!', '*', "'", '(', ')', '%', '&', '=', '?', '#', ',', ';', '@', '$', ':',
  '[', ']', '{', '}', '|', '\\', '^', '`', '"', '<', '>',
  'é', 'ü', 'ñ', 'Å', 'ß', '中', '文', '件', 'ア', '한', '😀', '🎉',
  '%2B', '%20', '%2F', '%zz',
];

const segmentArb = fc
  .array(fc.constantFrom(...KEY_TOKENS), { minLength: 1, maxLength: 8 })
  .map((t) => t.join(''))
  .filter((s) => s !== '.' && s !== '..');

/** Sometimes a file extension, so that ali-oss's mime-based Content-Type fill-in gets exercised. */
const extensionArb = fc.constantFrom('', '', '', '.txt', '.jpg', '.html', '.json', '.tar.gz');

const objectKeyArb = fc
  .tuple(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), extensionArb, fc.boolean())
  .map(([segments, ext, trailingSlash]) => segments.join('/') + (trailingSlash ? '/' : ext));

/** Mostly object keys, sometimes a bucket-level request (empty key). */
const keyOrBucketArb = fc.oneof({ arbitrary: objectKeyArb, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 });

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const printableArb = (maxLength: number) => fc.string({ unit: fc.constantFrom(...PRINTABLE_ASCII), maxLength });

/** Header values; sometimes padded with spaces on purpose (both sides trim x-oss-* values). */
const ossHeaderValueArb = fc.oneof(
  { arbitrary: printableArb(24).map((s) => s.trim()), weight: 4 },
  { arbitrary: fc.tuple(fc.constantFrom(' ', '  '), printableArb(16), fc.constantFrom('', ' ')).map(([a, b, c]) => a + b + c), weight: 1 },
);

const metaHeadersArb = fc
  .uniqueArray(
    fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/), ossHeaderValueArb),
    { selector: ([n]) => n, maxLength: 4 },
  )
  .chain((pairs) =>
    fc.tuple(...pairs.map(([n, v]) => fc.tuple(fc.mixedCase(fc.constant(`x-oss-meta-${n}`)), fc.constant(v)))),
  );

const otherOssHeadersArb = fc.record(
  {
    'x-oss-object-acl': fc.constantFrom('private', 'public-read', 'default'),
    'x-oss-storage-class': fc.constantFrom('Standard', 'IA', 'Archive'),
    'x-oss-forbid-overwrite': fc.constantFrom('true', 'false'),
    'x-oss-server-side-encryption': fc.constant('AES256'),
  },
  { requiredKeys: [] },
);

const CONTENT_TYPES = [
  'text/plain',
  'text/html; charset=utf-8',
  'application/octet-stream',
  'image/jpeg',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----sigdoctor',
];
const contentTypeArb = fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 2 });
const contentMd5Arb = fc.option(
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64')),
  { nil: undefined, freq: 2 },
);
/** The two spellings ali-oss's createRequest recognises (getHeader); others make it add a second Content-Type. */
const contentTypeNameArb = fc.constantFrom('Content-Type', 'content-type');
const stsTokenArb = fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,64}$/), { nil: undefined });

/** Opaque ids (uploadId, versionId): base64-ish, sometimes with URL-special characters. */
const idArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{1,32}$/),
  fc.stringMatching(/^[A-Za-z0-9+/=.\-_]{1,40}$/),
);

const RESPONSE_VALUE_TOKENS = [...'abcXYZ019', ' ', ';', '=', '"', '/', ',', '&', '+', '%', "'", '.', '-', '*', '中', 'é', '😀'];
const responseValueArb = fc.array(fc.constantFrom(...RESPONSE_VALUE_TOKENS), { maxLength: 24 }).map((t) => t.join(''));
const contentDispositionArb = fc.oneof(
  responseValueArb,
  responseValueArb.map((name) => `attachment; filename="${name}"`),
  responseValueArb.map((name) => `inline; filename*=UTF-8''${name}`),
);

const PROCESSES = ['image/resize,w_100', 'image/resize,m_fixed,w_100,h_100', 'image/rotate,90/format,png', 'video/snapshot,t_1000,f_jpg'];

type SubresValue = string | number | null;
const flagArb = fc.constantFrom<SubresValue>('', null);

/** Sub-resources ali-oss operations declare (`subres`), all on OSS's signed list. */
const subresArb: fc.Arbitrary<Record<string, SubresValue>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.record(
          {
            acl: flagArb,
            uploads: flagArb,
            uploadId: idArb,
            partNumber: fc.integer({ min: 1, max: 10000 }),
            versionId: idArb,
            tagging: flagArb,
            symlink: flagArb,
            'response-content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), responseValueArb),
            'response-content-disposition': contentDispositionArb,
            'x-oss-process': fc.constantFrom(...PROCESSES),
            'continuation-token': idArb,
          },
          { requiredKeys: [] },
        ),
        fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: undefined }),
      )
      .map(([rec, position]) => {
        const out: Record<string, SubresValue> = {};
        for (const [k, v] of Object.entries(rec)) if (v !== undefined) out[k] = v;
        if (position !== undefined) {
          out['append'] = null;
          out['position'] = position;
        }
        return out;
      }),
    weight: 4,
  },
);

/** Unsigned query parameters ali-oss sends with list operations (lib/object.js list, listV2). */
const unsignedQueryArb = fc.record(
  {
    prefix: responseValueArb,
    marker: responseValueArb,
    'max-keys': fc.integer({ min: 1, max: 1000 }),
    delimiter: fc.constantFrom('/', '-'),
    'encoding-type': fc.constant('url'),
    'list-type': fc.constant(2),
  },
  { requiredKeys: [] },
);

/** A clock between 2015 and 2035 (ms), for ali-oss's `x-oss-date` / `Expires`. */
const nowArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });

// ---------------------------------------------------------------- header form

interface HeaderCase {
  now: number;
  method: string;
  bucket: string;
  key: string;
  headers: Record<string, string>;
  subres: AliOssRequestParams['subres'];
  query: Record<string, string | number>;
  stsToken: string | undefined;
}

const headerCaseArb: fc.Arbitrary<HeaderCase> = fc
  .record({
    now: nowArb,
    method: fc.constantFrom(...METHODS),
    bucket: bucketArb,
    key: keyOrBucketArb,
    contentType: contentTypeArb,
    contentTypeName: contentTypeNameArb,
    contentMd5: contentMd5Arb,
    meta: metaHeadersArb,
    other: otherOssHeadersArb,
    subres: subresArb,
    subresAsList: fc.boolean(),
    query: fc.oneof(fc.constant({}), unsignedQueryArb),
    stsToken: stsTokenArb,
  })
  .map((r) => {
    const headers: Record<string, string> = {};
    // Without a Content-Type, ali-oss fills one in from the key's extension (mime) and signs and sends it.
    if (r.contentType !== undefined) headers[r.contentTypeName] = r.contentType;
    if (r.contentMd5 !== undefined) headers['Content-MD5'] = r.contentMd5;
    for (const [k, v] of Object.entries(r.other)) if (v !== undefined) headers[k] = v;
    for (const [k, v] of r.meta) headers[k] = v;
    // ali-oss operations pass flag sub-resources as a name list too (`subres: ['acl']`).
    const names = Object.keys(r.subres);
    const allFlags = names.length > 0 && names.every((k) => r.subres[k] === '' || r.subres[k] === null);
    const subres = allFlags && r.subresAsList ? names : r.subres;
    return { now: r.now, method: r.method, bucket: r.bucket, key: r.key, headers, subres, query: r.query, stsToken: r.stsToken };
  });

function checkHeaderForm(c: HeaderCase): void {
  vi.setSystemTime(c.now);
  const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: c.bucket, region: REGION, stsToken: c.stsToken });
  const params: AliOssRequestParams = { method: c.method, bucket: c.bucket, object: c.key, headers: { ...c.headers }, subres: c.subres };
  if (Object.keys(c.query).length > 0) params.query = c.query;
  const oracle = aliOssHeaderRequest(client, params);
  const aliSignature = signUtils.computeSignature(SECRET, oracle.stringToSign);
  expect(oracle.authorization).toBe(`OSS ${AK}:${aliSignature}`);

  const headers: HeaderField[] = [{ name: 'Host', value: hostOf(oracle.url) }, ...oracle.headers];
  for (const target of wireTargets(oracle.url)) {
    const { req, addressing, computation } = sigdoctor(oracle.method, target, headers, 'header');
    expect(addressing.bucket).toBe(c.bucket);
    expect(addressing.key).toBe(c.key);
    expect(req.auth).toMatchObject({ kind: 'v1-header', accessKeyId: AK, signature: aliSignature });
    expect(computation.stringToSign).toBe(oracle.stringToSign);
    expect(signV1(SECRET, computation.stringToSign)).toBe(aliSignature);
  }
}

// ---------------------------------------------------------------- URL form

interface UrlCase {
  now: number;
  bucket: string;
  key: string;
  stsToken: string | undefined;
  options: AliOssSignatureUrlOptions;
  /** Headers the signed request must carry (those the signature covers). */
  sentHeaders: HeaderField[];
}

const urlCaseArb: fc.Arbitrary<UrlCase> = fc
  .record({
    now: nowArb,
    method: fc.constantFrom(...METHODS),
    bucket: bucketArb,
    key: keyOrBucketArb.filter((k) => !k.startsWith('?')),
    expires: fc.integer({ min: 1, max: 32400 }),
    contentType: contentTypeArb,
    // signUtils._signatureForURL matches `content-type` case-insensitively.
    contentTypeName: fc.mixedCase(fc.constant('Content-Type')),
    contentMd5: contentMd5Arb,
    meta: metaHeadersArb,
    response: fc.record(
      {
        'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), responseValueArb),
        'content-disposition': contentDispositionArb,
      },
      { requiredKeys: [] },
    ),
    process: fc.option(fc.constantFrom(...PROCESSES), { nil: undefined }),
    trafficLimit: fc.option(fc.integer({ min: 819200, max: 838860800 }), { nil: undefined }),
    subResource: subresArb.map((s) => {
      // `x-oss-process` / `response-*` have their own options; keep one way in per name.
      const out = { ...s };
      delete out['x-oss-process'];
      delete out['response-content-type'];
      delete out['response-content-disposition'];
      return out;
    }),
    stsToken: stsTokenArb,
  })
  .map((r) => {
    const options: AliOssSignatureUrlOptions = { expires: r.expires, method: r.method };
    const sentHeaders: HeaderField[] = [];
    if (r.contentType !== undefined) {
      options[r.contentTypeName] = r.contentType;
      sentHeaders.push({ name: r.contentTypeName, value: r.contentType });
    }
    if (r.contentMd5 !== undefined) {
      options['Content-MD5'] = r.contentMd5;
      sentHeaders.push({ name: 'Content-MD5', value: r.contentMd5 });
    }
    for (const [k, v] of r.meta) {
      options[k] = v;
      sentHeaders.push({ name: k, value: v });
    }
    const response: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.response)) if (v !== undefined) response[k] = v;
    if (Object.keys(response).length > 0) options.response = response;
    if (r.process !== undefined) options.process = r.process;
    if (r.trafficLimit !== undefined) options.trafficLimit = r.trafficLimit;
    if (Object.keys(r.subResource).length > 0) options.subResource = r.subResource;
    return { now: r.now, bucket: r.bucket, key: r.key, stsToken: r.stsToken, options, sentHeaders };
  });

function checkUrlForm(c: UrlCase): void {
  vi.setSystemTime(c.now);
  const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: c.bucket, region: REGION, stsToken: c.stsToken });
  const method = String(c.options.method);
  // signatureUrl mutates its options (subResource, method); hand it a copy.
  const options: AliOssSignatureUrlOptions = { ...c.options };
  if (c.options.subResource) options.subResource = { ...c.options.subResource };
  const oracle = aliOssSignatureUrl(client, c.key, options);
  const rawSignature = rawQueryValue(oracle.url, 'Signature');
  expect(rawSignature).toBeDefined();
  const urlSignature = decodeURIComponent(rawSignature!);
  expect(signUtils.computeSignature(SECRET, oracle.stringToSign)).toBe(urlSignature);

  const headers: HeaderField[] = [{ name: 'Host', value: hostOf(oracle.url) }, ...c.sentHeaders];
  for (const target of wireTargets(oracle.url)) {
    const { req, addressing, computation } = sigdoctor(method, target, headers, 'query');
    expect(addressing.bucket).toBe(c.bucket);
    expect(addressing.key).toBe(c.key);
    expect(req.auth).toMatchObject({ kind: 'v1-query', accessKeyId: AK, signature: urlSignature });
    expect(computation.dateSource).toBe('Expires');
    expect(computation.stringToSign).toBe(oracle.stringToSign);
    expect(signV1(SECRET, computation.stringToSign)).toBe(urlSignature);
  }
}

// ---------------------------------------------------------------- properties

describe('V1 agrees with ali-oss 6.23.0 (property)', () => {
  it('header form: string to sign and Authorization match ali-oss createRequest', () => {
    fc.assert(fc.property(headerCaseArb, checkHeaderForm), { numRuns: RUNS, seed: SEED });
  });

  it('URL form: string to sign and Signature match ali-oss signatureUrl', () => {
    fc.assert(fc.property(urlCaseArb, checkUrlForm), { numRuns: RUNS, seed: SEED });
  });
});

// ---------------------------------------------------------------- examples

const NOW = Date.UTC(2022, 11, 28, 10, 27, 41); // Wed, 28 Dec 2022 10:27:41 GMT
const DATE = 'Wed, 28 Dec 2022 10:27:41 GMT';
const EXPIRES = Math.round(NOW / 1000) + 3600;

describe('V1 agrees with ali-oss 6.23.0 (tricky keys)', () => {
  const cases = [
    { key: 'a+b c', path: '/a%2Bb%20c' },
    { key: '中文/文件.txt', path: '/%E4%B8%AD%E6%96%87/%E6%96%87%E4%BB%B6.txt' },
    { key: 'a%2Bb', path: '/a%252Bb' },
    { key: 'dir/', path: '/dir/' },
  ];

  it.each(cases)('header form: $key', ({ key, path }) => {
    vi.setSystemTime(NOW);
    const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: 'examplebucket', region: REGION });
    const oracle = aliOssHeaderRequest(client, {
      method: 'PUT',
      bucket: 'examplebucket',
      object: key,
      headers: { 'Content-Type': 'text/plain', 'x-oss-meta-author': 'alice' },
      subres: { acl: '' },
    });
    expect(rawTarget(oracle.url)).toBe(`${path}?acl=`);
    expect(oracle.stringToSign).toBe(`PUT\n\ntext/plain\n${DATE}\nx-oss-date:${DATE}\nx-oss-meta-author:alice\n/examplebucket/${key}?acl`);
    checkHeaderForm({
      now: NOW, method: 'PUT', bucket: 'examplebucket', key, stsToken: undefined, query: {},
      headers: { 'Content-Type': 'text/plain', 'x-oss-meta-author': 'alice' }, subres: { acl: '' },
    });
    const { computation } = sigdoctor('PUT', `${path}?acl=`, [
      { name: 'Host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' },
      ...oracle.headers,
    ], 'header');
    expect(computation.stringToSign).toBe(oracle.stringToSign);
    expect(`OSS ${AK}:${signV1(SECRET, computation.stringToSign)}`).toBe(oracle.authorization);
  });

  it.each(cases)('URL form: $key', ({ key, path }) => {
    vi.setSystemTime(NOW);
    const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: 'examplebucket', region: REGION, stsToken: 'STS+tok/en==' });
    const oracle = aliOssSignatureUrl(client, key, {
      expires: 3600,
      method: 'GET',
      response: { 'content-disposition': 'attachment; filename="文件 a=b.txt"' },
    });
    expect(rawTarget(oracle.url).startsWith(`${path}?`)).toBe(true);
    expect(oracle.stringToSign).toBe(
      `GET\n\n\n${EXPIRES}\n/examplebucket/${key}?response-content-disposition=attachment; filename="文件 a=b.txt"&security-token=STS+tok/en==`,
    );
    const { computation } = sigdoctor('GET', rawTarget(oracle.url), [{ name: 'Host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' }], 'query');
    expect(computation.stringToSign).toBe(oracle.stringToSign);
    expect(signV1(SECRET, computation.stringToSign)).toBe(decodeURIComponent(rawQueryValue(oracle.url, 'Signature')!));
  });
});
