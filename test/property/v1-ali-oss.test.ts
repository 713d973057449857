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
 *   signs whatever an operation declares, without a list of its own), each once;
 * - Content-Type / Content-MD5 values without white space around them (ali-oss
 *   signs that white space, OSS does not: a named quirk test at the end).
 *
 * Richness: methods incl. OPTIONS; endpoints in several regions, internal and
 * public, http and https; keys with reserved characters, `+`, spaces, `%`,
 * escape look-alikes, tab, DEL, NBSP, non-ASCII and astral characters, empty
 * segments; x-oss-* headers in random case with non-ASCII, padded, tabbed or
 * empty values; Content-Type/MD5 present or absent; sub-resources with flag,
 * id, numeric and free-text values; unsigned list parameters; and on the wire
 * extra unsigned parameters, repeated, empty or bare; STS tokens; dates
 * 2000–2099. `npm run differential` runs 10,000 requests per form.
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
  AK,
  SECRET,
  SEED,
  METHODS,
  bucketArb,
  keyOrBucketArb,
  headerValueArb,
  otherOssHeadersArb,
  CONTENT_TYPES,
  contentTypeArb,
  contentMd5Arb,
  stsTokenArb,
  idArb,
  PROCESSES,
  flagArb,
} from './arbitraries.js';
import type { SubresValue } from './arbitraries.js';
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

const REGION = 'oss-cn-hangzhou';
/** Runs per property: 300 in npm test; `npm run differential` sets 10000. */
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

/**
 * Every distinct request-target a client could put on the wire for this URL;
 * with `extra`, also each of them with more query parameters appended that V1
 * does not sign (duplicated, empty, without `=`): OSS's string is the same.
 */
function wireTargets(url: string, extra = ''): string[] {
  const targets = [rawTarget(url), urllibTarget(url)];
  if (extra !== '') targets.push(...targets.map((t) => `${t}${t.includes('?') ? '&' : '?'}${extra}`));
  return [...new Set(targets)];
}

// ---------------------------------------------------------------- generators (the shared ones: ./arbitraries.ts)

/** ali-oss client endpoints: `oss-<region>[-internal].aliyuncs.com`, http or https. */
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'eu-central-1'];
const endpointArb = fc.record({ region: fc.constantFrom(...REGIONS).map((r) => `oss-${r}`), internal: fc.boolean(), secure: fc.boolean() });
type Endpoint = { region: string; internal: boolean; secure: boolean };

/** Query parameters V1 never signs, appended on the wire: repeated, empty, bare. */
const unsignedExtraArb = fc
  .array(fc.tuple(fc.constantFrom('foo', 'bar', 'utm_source', 'spm', 'v', 'prefix'), fc.constantFrom<string | null>('1', '2', '', null, 'a%2Bb', 'x+y')), { maxLength: 4 })
  .map((pairs) => pairs.map(([n, v]) => (v === null ? n : `${n}=${v}`)).join('&'));

const metaHeadersArb = fc
  .uniqueArray(
    fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/), headerValueArb),
    { selector: ([n]) => n, maxLength: 4 },
  )
  .chain((pairs) =>
    fc.tuple(...pairs.map(([n, v]) => fc.tuple(fc.mixedCase(fc.constant(`x-oss-meta-${n}`)), fc.constant(v)))),
  );

/** The two spellings ali-oss's createRequest recognises (getHeader); others make it add a second Content-Type. */
const contentTypeNameArb = fc.constantFrom('Content-Type', 'content-type');

const RESPONSE_VALUE_TOKENS = [...'abcXYZ019', ' ', ';', '=', '"', '/', ',', '&', '+', '%', "'", '.', '-', '*', '中', 'é', '😀'];
const responseValueArb = fc.array(fc.constantFrom(...RESPONSE_VALUE_TOKENS), { maxLength: 24 }).map((t) => t.join(''));
const contentDispositionArb = fc.oneof(
  responseValueArb,
  responseValueArb.map((name) => `attachment; filename="${name}"`),
  responseValueArb.map((name) => `inline; filename*=UTF-8''${name}`),
);

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

/** A clock between 2000 and 2099 (ms), for ali-oss's `x-oss-date` / `Expires`. */
const nowArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) });

// ---------------------------------------------------------------- header form

interface HeaderCase {
  now: number;
  endpoint: Endpoint;
  /** Unsigned query parameters appended on the wire. */
  extra: string;
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
    endpoint: endpointArb,
    extra: unsignedExtraArb,
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
    return { now: r.now, endpoint: r.endpoint, extra: r.extra, method: r.method, bucket: r.bucket, key: r.key, headers, subres, query: r.query, stsToken: r.stsToken };
  });

const HANGZHOU: Endpoint = { region: REGION, internal: false, secure: false };

function checkHeaderForm(c: HeaderCase): void {
  vi.setSystemTime(c.now);
  const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: c.bucket, ...c.endpoint, stsToken: c.stsToken });
  const params: AliOssRequestParams = { method: c.method, bucket: c.bucket, object: c.key, headers: { ...c.headers }, subres: c.subres };
  if (Object.keys(c.query).length > 0) params.query = c.query;
  const oracle = aliOssHeaderRequest(client, params);
  const aliSignature = signUtils.computeSignature(SECRET, oracle.stringToSign);
  expect(oracle.authorization).toBe(`OSS ${AK}:${aliSignature}`);

  const headers: HeaderField[] = [{ name: 'Host', value: hostOf(oracle.url) }, ...oracle.headers];
  for (const target of wireTargets(oracle.url, c.extra)) {
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
  endpoint: Endpoint;
  extra: string;
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
    endpoint: endpointArb,
    extra: unsignedExtraArb,
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
    return { now: r.now, endpoint: r.endpoint, extra: r.extra, bucket: r.bucket, key: r.key, stsToken: r.stsToken, options, sentHeaders };
  });

function checkUrlForm(c: UrlCase): void {
  vi.setSystemTime(c.now);
  const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: c.bucket, ...c.endpoint, stsToken: c.stsToken });
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
  for (const target of wireTargets(oracle.url, c.extra)) {
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
  it(`header form: string to sign and Authorization match ali-oss createRequest (${RUNS} requests)`, () => {
    let runs = 0;
    fc.assert(fc.property(headerCaseArb, (c) => { checkHeaderForm(c); runs++; }), { numRuns: RUNS, seed: SEED });
    expect(runs).toBe(RUNS);
  });

  it(`URL form: string to sign and Signature match ali-oss signatureUrl (${RUNS} requests)`, () => {
    let runs = 0;
    fc.assert(fc.property(urlCaseArb, (c) => { checkUrlForm(c); runs++; }), { numRuns: RUNS, seed: SEED });
    expect(runs).toBe(RUNS);
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
      now: NOW, endpoint: HANGZHOU, extra: 'foo=1&foo=2&bar', method: 'PUT', bucket: 'examplebucket', key, stsToken: undefined, query: {},
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

/**
 * ali-oss behaviour that is not OSS's. The properties avoid these inputs; here
 * each one is pinned down on a minimal input, ali-oss's string to sign next to
 * sigdoctor's, and which one OSS computes for the request ali-oss sends.
 */
describe('ali-oss 6.23.0 V1 quirks (documented, not followed)', () => {
  const HOST = { name: 'Host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' };
  const MD5 = 'eB5eJF1ptWaXm4bijSPyxw==';

  it('quirk: ali-oss signs Content-Type and Content-MD5 with the white space around them (header form)', () => {
    vi.setSystemTime(NOW);
    const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: 'examplebucket', region: REGION });
    const oracle = aliOssHeaderRequest(client, { method: 'PUT', bucket: 'examplebucket', object: 'k', headers: { 'Content-Type': ' text/plain ', 'Content-MD5': ` ${MD5} ` } });
    // buildCanonicalString takes headers['content-md5'] / ['content-type'] as they are; only x-oss-* values are trimmed.
    expect(oracle.stringToSign).toBe(`PUT\n ${MD5} \n text/plain \n${DATE}\nx-oss-date:${DATE}\n/examplebucket/k`);
    // What reaches OSS is the field value without its optional white space (RFC 9110 §5.5; go-v2 Header.Get):
    // OSS, and sigdoctor, sign the bare values (SIGNING.md §2.2), so ali-oss's signature cannot match.
    const { computation } = sigdoctor('PUT', rawTarget(oracle.url), [HOST, ...oracle.headers], 'header');
    expect(computation.stringToSign).toBe(`PUT\n${MD5}\ntext/plain\n${DATE}\nx-oss-date:${DATE}\n/examplebucket/k`);
    expect(`OSS ${AK}:${signV1(SECRET, computation.stringToSign)}`).not.toBe(oracle.authorization);
  });

  it('quirk: ali-oss signs the Content-Type option of signatureUrl with its white space (URL form)', () => {
    vi.setSystemTime(NOW);
    const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: 'examplebucket', region: REGION });
    const oracle = aliOssSignatureUrl(client, 'k', { expires: 3600, method: 'PUT', 'Content-Type': ' text/plain' });
    expect(oracle.stringToSign).toBe(`PUT\n\n text/plain\n${EXPIRES}\n/examplebucket/k`);
    const { computation } = sigdoctor('PUT', rawTarget(oracle.url), [HOST, { name: 'Content-Type', value: ' text/plain' }], 'query');
    expect(computation.stringToSign).toBe(`PUT\n\ntext/plain\n${EXPIRES}\n/examplebucket/k`);
    expect(signV1(SECRET, computation.stringToSign)).not.toBe(decodeURIComponent(rawQueryValue(oracle.url, 'Signature')!));
  });

  it('quirk: ali-oss signs a sub-resource listed twice in `subres` twice, but sends it once', () => {
    vi.setSystemTime(NOW);
    const client = newClient({ accessKeyId: AK, accessKeySecret: SECRET, bucket: 'examplebucket', region: REGION });
    const oracle = aliOssHeaderRequest(client, { method: 'GET', bucket: 'examplebucket', object: 'k', subres: ['acl', 'acl'] });
    expect(rawTarget(oracle.url)).toBe('/k?acl=');
    expect(oracle.stringToSign.endsWith('\n/examplebucket/k?acl&acl')).toBe(true);
    // One entry per key (SIGNING.md §2.4): the request carries acl once, so OSS signs `?acl`.
    const { computation } = sigdoctor('GET', rawTarget(oracle.url), [HOST, ...oracle.headers], 'header');
    expect(computation.parts.resource).toBe('/examplebucket/k?acl');
    expect(`OSS ${AK}:${signV1(SECRET, computation.stringToSign)}`).not.toBe(oracle.authorization);
  });
});
