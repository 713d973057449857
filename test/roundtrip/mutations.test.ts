/**
 * Round trip (b): sign → mutate → diagnose names the mutation.
 *
 * For every mutation kind, a property over random requests (support/requests.ts)
 * in each signature form it applies to: sign with sigdoctor's signer; produce
 * the request OSS received; compute OSS's error response from the RECEIVED
 * request with ali-oss's canonicalization (support/server.ts — OSS's view does
 * not reuse sigdoctor's code); give diagnose() the SENT request as raw HTTP
 * text plus that XML, with and without the secret; assert the verdict and the
 * exact cause ids, in report order.
 *
 * V4 answers come in two variants (SIGNING.md §12.2): with OSS's
 * CanonicalRequest (`cr`: a line diff) and with the StringToSign only (`sts`:
 * diagnose must find the change from the hash, v4-hypotheses.ts).
 *
 * Mutation → expected causes (report order). Columns: V1 and V4 with OSS's
 * CanonicalRequest | V4 with its StringToSign only | with the secret (`same`:
 * as without). Every row is asserted below (MUTATIONS; a test keeps this
 * table and the catalogue in step).
 *
 * | mutation | family | forms | V1 / V4 + CanonicalRequest | V4 StringToSign only | with the secret |
 * |---|---|---|---|---|---|
 * | proxy adds an x-oss-meta-* header (any value) | transit | all | proxy-modified-headers | unexplained-difference ¹ | same |
 * | gateway injects a catalogued x-oss-* header (encryption, ACL, storage class, overwrite, requester-pays) | transit | all | proxy-modified-headers | proxy-modified-headers | same |
 * | CDN adds x-oss-range-behavior: standard | transit | all | cdn-range-behavior-header | cdn-range-behavior-header | same |
 * | CDN turns HEAD into GET and adds x-oss-range-behavior (two changes at once) | transit | all | cdn-head-to-get, cdn-range-behavior-header | same pair | same |
 * | proxy removes an x-oss-* header | transit | all | proxy-modified-headers | proxy-modified-headers | same |
 * | proxy changes an x-oss-* header value (ASCII to ASCII) | transit | all | proxy-modified-headers | unexplained-difference ¹ | same |
 * | proxy folds a run of spaces inside a signed header value | transit | all | header-whitespace | header-whitespace ² | same |
 * | non-ASCII x-oss-meta-* value re-encoded on the way (UTF-8 read as Latin-1, or "?") | transit | all | header-value-encoding | header-value-encoding ² | same |
 * | runtime adds a Content-Type the request was signed without | transit | all | content-type-mismatch | content-type-mismatch | same |
 * | runtime replaces the Content-Type | transit | all | content-type-mismatch | content-type-mismatch | same |
 * | proxy strips the Content-Type | transit | all | content-type-mismatch | content-type-mismatch | same |
 * | proxy strips the Content-MD5 | transit | all | content-md5-mismatch | content-md5-mismatch | same |
 * | something adds a Content-MD5 (any digest) | transit | all | content-md5-mismatch | unexplained-difference ¹ | same |
 * | CDN turns HEAD into GET | transit | all | cdn-head-to-get | cdn-head-to-get | same |
 * | the method changes on the way (not HEAD→GET) | transit | all | method-mismatch | method-mismatch | same |
 * | proxy rewrites the Date header (V1 signs Date when there is no x-oss-date) | transit | v1-header | date-mismatch | – | same |
 * | proxy rewrites x-oss-date (same day) | transit | v1-header, v4-header | V1: date-mismatch, proxy-modified-headers ³; V4: date-mismatch | date-mismatch | same |
 * | the signed URL's Expires is changed | transit | v1-query | date-mismatch | – | same |
 * | OSS reads "+" in the key as a space | transit | all | key-encoding-mismatch ⁴ | key-encoding-mismatch | same |
 * | the path is percent-encoded a second time on the way | transit | all | key-encoding-mismatch | key-encoding-mismatch ² | same |
 * | the key is percent-decoded once more on the way (a key holding "%2B", "%20") | transit | all | key-encoding-mismatch ⁴ | key-encoding-mismatch | same |
 * | a trailing slash of the key is dropped | transit | all | key-encoding-mismatch ⁴ | key-encoding-mismatch | same |
 * | proxy drops a signed query parameter (sub-resource) | transit | all | subresource-mismatch | subresource-mismatch ² | same |
 * | proxy adds a sub-resource (any value) | transit | all | subresource-mismatch | unexplained-difference ¹ | same |
 * | OSS reads "+" in a signed query value as a space | transit | all | subresource-mismatch | subresource-mismatch | same |
 * | proxy rewrites Host, which AdditionalHeaders lists, to the bucket's OSS endpoint | transit | v4-* | v4-additional-headers-mismatch | v4-additional-headers-mismatch | same |
 * | proxy rewrites an AdditionalHeaders header other than Host (any value) | transit | v4-* | v4-additional-headers-mismatch | unexplained-difference ¹ | same |
 * | the request reaches another bucket (Host rewritten, or a custom domain bound elsewhere) | transit | all | resource-mismatch; cname-not-enabled on a custom domain | unexplained-difference ¹ | same |
 * | a gateway adds a path prefix | transit | all | resource-mismatch | unexplained-difference ¹ | same |
 * | CNAME mode off: path-style request to a custom domain bound to the bucket | client | all | cname-not-enabled | cname-not-enabled (with --bucket) | same |
 * | after signing, the runtime adds a Content-Type | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | content-type-mismatch |
 * | after signing, a Content-MD5 is added | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | content-md5-mismatch |
 * | after signing, middleware adds an x-oss-meta-* header | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | proxy-modified-headers |
 * | the STS token is sent but was not signed | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | security-token-not-signed ² |
 * | a URL signed for one method is used with another | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | method-mismatch |
 * | after signing, a sub-resource is added to the URL | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | subresource-mismatch |
 * | the client signed "+" in the key but the URL carries a space | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | key-encoding-mismatch |
 * | the client signed the key percent-encoded as in the URL | after-signing | all | secret-mismatch ⁵ | secret-mismatch ⁵ | key-encoding-mismatch ² |
 * | the client signed a sub-resource value URL-encoded (V1 signs it decoded) | after-signing | v1-* | secret-mismatch ⁵ | – | subresource-mismatch |
 * | the signed URL is used after it expired | answer | v1-query, v4-query | request-expired | – | same |
 * | V4 scope: the client signs another region than the Host's | answer | v4-* | v4-scope-mismatch | – | same |
 * | V4: a proxy drops a header listed in AdditionalHeaders (OSS answers EC 0002-00000211) | answer | v4-* | v4-additional-headers-mismatch ² | – | same |
 * | the client clock is more than 15 minutes off | answer | v1-header, v4-header | clock-skew | – | same |
 *
 * ¹ Ambiguous by nature: an arbitrary value, bucket or prefix cannot be recovered
 *   from a SHA-256 of the canonical request. `unexplained-difference`, listing
 *   what was tried, is the honest answer; OSS's CanonicalRequest would settle it.
 * ² A gap these tests found, fixed in src/diagnose (regression tests in
 *   test/diagnose/v4-hypotheses.test.ts and the 0211 fixture): the V4 hash search
 *   lacked header-value rewrites, mis-built the double-encoded URI of a path-style
 *   request, skipped every x-oss-* parameter of a presigned URL (x-oss-process, the
 *   STS token); EC 0002-00000211 with every listed header present was unexplained.
 * ³ x-oss-date is also one of the x-oss-* header lines in V1, so its change is
 *   reported there too.
 * ⁴ Keys holding `?` or a stray `%` were reported as resource-mismatch before the
 *   fixes in src/compare/v1-resource.ts and src/diagnose/resource-facts.ts
 *   (regression tests in test/compare/v1-resource.test.ts, test/diagnose/resource-facts.test.ts).
 * ⁵ The client signed S but sent R, and OSS received R: OSS's string is the one
 *   recomputed from R, so without the secret only `secret-mismatch` (by elimination)
 *   is left; the secret's hypothesis search proves what was signed instead.
 *
 * Not exercised here, and why: an `oss-` prefixed scope region (sigdoctor's signer
 * strips the prefix; v4-auth.test.ts covers the grammar); V1 "signed the Date
 * line though x-oss-date is present", "signed values untrimmed", "signed every
 * query parameter" (signer bugs that no sign-then-mutate of a correct signature
 * produces); "empty query value signed as name=" (ali-oss's quirk: v4-ali-oss.test.ts,
 * v4-hypotheses.test.ts); repeated headers or parameters (ali-oss's canonicalization,
 * the server side here, cannot represent them; SIGNING.md §12.3).
 *
 * Volume: MUT_RUNS random requests per mutation and form (4 in npm test, each
 * diagnosed 2 or 4 times; `npm run differential` runs 100).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderField } from '../../src/model/http.js';
import type { Form, Param, Spec } from './support/requests.js';
import { CUSTOM_DOMAIN, FORMS, SUBRESOURCE_NAMES, hostOf, httpDate, isV1, md5Arb, queryValueArb, rfc3986 } from './support/requests.js';
import type { Mutation, Outcome, Variant } from './support/mutate.js';
import { always, build, caseArb, diagnoseSent } from './support/mutate.js';
import { expiredXml, otherErrorXml, skewedXml } from './support/server.js';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.MUT_RUNS ?? 4);

const V1_FORMS: readonly Form[] = ['v1-header', 'v1-query'];
const V4_FORMS: readonly Form[] = ['v4-header', 'v4-query'];
const HEADER_FORMS: readonly Form[] = ['v1-header', 'v4-header'];
const QUERY_FORMS: readonly Form[] = ['v1-query', 'v4-query'];

// ---------------------------------------------------------------- helpers

const lower = (s: string): string => s.toLowerCase();
const withoutHeader = (hs: readonly HeaderField[], name: string): HeaderField[] => hs.filter((h) => lower(h.name) !== lower(name));
const setHeader = (hs: readonly HeaderField[], name: string, value: string): HeaderField[] => [...withoutHeader(hs, name), { name, value }];
const hasHeader = (hs: readonly HeaderField[], name: string): boolean => hs.some((h) => lower(h.name) === lower(name));
/** The x-oss-* headers a proxy may touch: not the date, payload hash or token the signer adds. */
const touchable = (hs: readonly HeaderField[]): HeaderField[] => hs.filter((h) => lower(h.name).startsWith('x-oss-') && !['x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token'].includes(lower(h.name)));
const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** Content-Types runtimes add after the fact (CAUSES.md content-type-mismatch; v4-hypotheses RUNTIME_CONTENT_TYPES). */
const RUNTIME_CONTENT_TYPES = ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'application/json', 'application/octet-stream', 'multipart/form-data'];
/** x-oss-* headers a gateway plausibly injects, with their documented values (v4-hypotheses INJECTED_HEADERS). */
const GATEWAY_HEADERS: Array<[string, string]> = [
  ['x-oss-server-side-encryption', 'AES256'], ['x-oss-server-side-encryption', 'KMS'], ['x-oss-server-side-encryption', 'SM4'],
  ['x-oss-forbid-overwrite', 'true'], ['x-oss-forbid-overwrite', 'false'],
  ['x-oss-object-acl', 'private'], ['x-oss-object-acl', 'public-read'], ['x-oss-object-acl', 'public-read-write'], ['x-oss-object-acl', 'default'],
  ['x-oss-storage-class', 'Standard'], ['x-oss-storage-class', 'IA'], ['x-oss-storage-class', 'Archive'], ['x-oss-storage-class', 'ColdArchive'], ['x-oss-storage-class', 'DeepColdArchive'],
  ['x-oss-request-payer', 'requester'],
];
const asciiValueArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._:/=-]{0,14}[A-Za-z0-9]$/);
const metaNameArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).map((n) => `x-oss-meta-zz${n}`);

/** A key with `c` inserted between two of its code points (never inside a surrogate pair), non-empty. */
function keyWith(s: Spec, c: string, at: number): Spec {
  const points = [...s.key];
  const i = at % (points.length + 1);
  const key = s.key === '' ? `k${c}` : [...points.slice(0, i), c, ...points.slice(i)].join('');
  return { ...s, key: key.startsWith('/') ? `k${key}` : key };
}

/** V1 signs only sub-resources; V4 signs every parameter except the presigned-URL ones it adds itself. */
function signedParams(s: Spec): Param[] {
  return isV1(s.form) ? s.params.filter((p) => SUBRESOURCE_NAMES.includes(p.name)) : s.params;
}

/** Same causes everywhere but V4 answered with StringToSign only, where the hash cannot name the change. */
const unguessableInSts = (...causes: string[]) => (variant: Variant): Outcome =>
  variant === 'v4-sts' ? { verdict: 'problem', causes: ['unexplained-difference'] } : { verdict: 'problem', causes };

/** after-signing: strings identical, so without the secret only secret-mismatch remains; the secret proves what was signed. */
const provenWithSecret = (...causes: string[]) => (_variant: Variant, secret: boolean): Outcome =>
  secret ? { verdict: 'problem', causes } : { verdict: 'problem', causes: ['secret-mismatch'] };

// ---------------------------------------------------------------- the catalogue

const MUTATIONS: Array<Mutation<any>> = [
  // ---- headers added, removed, changed in transit
  {
    id: 'proxy adds an x-oss-meta-* header (any value)',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(metaNameArb, asciiValueArb),
    receive: (v, _s, [name, value]: [string, string]) => ({ ...v, headers: [...v.headers, { name, value }] }),
    expect: unguessableInSts('proxy-modified-headers'),
  },
  {
    id: 'gateway injects a catalogued x-oss-* header (encryption, ACL, storage class, overwrite, requester-pays)',
    family: 'transit',
    forms: FORMS,
    rand: fc.constantFrom(...GATEWAY_HEADERS),
    shape: (s, [name]: [string, string]) => ({ ...s, headers: withoutHeader(s.headers, name) }),
    receive: (v, _s, [name, value]: [string, string]) => ({ ...v, headers: [...v.headers, { name, value }] }),
    expect: always('proxy-modified-headers'),
  },
  {
    id: 'CDN adds x-oss-range-behavior: standard',
    family: 'transit',
    forms: FORMS,
    rand: fc.constant(null),
    receive: (v) => ({ ...v, headers: [...v.headers, { name: 'x-oss-range-behavior', value: 'standard' }] }),
    expect: always('cdn-range-behavior-header'),
  },
  {
    id: 'CDN turns HEAD into GET and adds x-oss-range-behavior (two changes at once)',
    family: 'transit',
    forms: FORMS,
    rand: fc.constant(null),
    shape: (s) => ({ ...s, method: 'HEAD' }),
    receive: (v) => ({ ...v, method: 'GET', headers: [...v.headers, { name: 'x-oss-range-behavior', value: 'standard' }] }),
    expect: always('cdn-head-to-get', 'cdn-range-behavior-header'),
  },
  {
    id: 'proxy removes an x-oss-* header',
    family: 'transit',
    forms: FORMS,
    rand: fc.nat(),
    shape: (s) => (touchable(s.headers).length ? s : { ...s, headers: [...s.headers, { name: 'x-oss-meta-owner', value: 'alice' }] }),
    receive: (v, _s, i: number) => ({ ...v, headers: withoutHeader(v.headers, nth(touchable(v.headers), i).name) }),
    expect: always('proxy-modified-headers'),
  },
  {
    id: 'proxy changes an x-oss-* header value (ASCII to ASCII)',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.nat(), asciiValueArb),
    shape: (s) => ({ ...s, headers: [...s.headers.filter((h) => !lower(h.name).startsWith('x-oss-meta-')), { name: 'x-oss-meta-owner', value: 'alice' }] }),
    receive: (v, _s, [, value]: [number, string]) => ({ ...v, headers: setHeader(v.headers, 'x-oss-meta-owner', value === 'alice' ? 'bob' : value) }),
    expect: unguessableInSts('proxy-modified-headers'),
  },
  {
    id: 'proxy folds a run of spaces inside a signed header value',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(asciiValueArb, asciiValueArb, fc.constantFrom('  ', '   ', ' \t ')),
    shape: (s, [a, b, run]: [string, string, string]) => ({ ...s, headers: [...withoutHeader(s.headers, 'x-oss-meta-note'), { name: 'x-oss-meta-note', value: `${a}${run}${b}` }] }),
    // The proxy folds every run, in every header (the 2014 API doc's rule, SIGNING.md §12.3).
    receive: (v) => ({ ...v, headers: v.headers.map((h) => ({ ...h, value: h.value.trim().split(/[ \t]+/).join(' ') })) }),
    expect: always('header-whitespace'),
  },
  {
    id: 'non-ASCII x-oss-meta-* value re-encoded on the way (UTF-8 read as Latin-1, or "?")',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.constantFrom('é', '中文', 'ü😀', 'Åß'), asciiValueArb, fc.boolean()),
    // Other signed headers keep ASCII values: a re-encoded AdditionalHeaders header would rightly add v4-additional-headers-mismatch.
    shape: (s, [na, a]: [string, string, boolean]) => ({
      ...s,
      headers: [...withoutHeader(s.headers, 'x-oss-meta-name').filter((h) => lower(h.name).startsWith('x-oss-') || /^[\x00-\x7f]*$/.test(h.value)), { name: 'x-oss-meta-name', value: `${a}${na}` }],
      additional: s.additional.filter((n) => lower(n) === 'host' || s.headers.some((h) => lower(h.name) === lower(n) && /^[\x00-\x7f]*$/.test(h.value))),
    }),
    // The proxy re-encodes every header value, not only this one.
    receive: (v, _s, [, , mojibake]: [string, string, boolean]) => ({
      ...v,
      headers: v.headers.map((h) => ({ ...h, value: mojibake ? Buffer.from(Buffer.from(h.value, 'utf8').toString('latin1'), 'utf8').toString('utf8') : h.value.replace(/[^\x00-\x7f]/gu, '?') })),
    }),
    expect: always('header-value-encoding'),
  },
  // ---- Content-Type, Content-MD5
  {
    id: 'runtime adds a Content-Type the request was signed without',
    family: 'transit',
    forms: FORMS,
    rand: fc.constantFrom(...RUNTIME_CONTENT_TYPES),
    shape: (s) => ({ ...s, headers: withoutHeader(s.headers, 'content-type') }),
    receive: (v, _s, ct: string) => ({ ...v, headers: [...v.headers, { name: 'Content-Type', value: ct }] }),
    expect: always('content-type-mismatch'),
  },
  {
    id: 'runtime replaces the Content-Type',
    family: 'transit',
    forms: FORMS,
    rand: fc.constantFrom(...RUNTIME_CONTENT_TYPES),
    shape: (s) => ({ ...s, headers: setHeader(s.headers, 'Content-Type', 'image/png') }),
    receive: (v, _s, ct: string) => ({ ...v, headers: setHeader(v.headers, 'Content-Type', ct) }),
    expect: always('content-type-mismatch'),
  },
  {
    id: 'proxy strips the Content-Type',
    family: 'transit',
    forms: FORMS,
    rand: fc.constant(null),
    shape: (s) => (hasHeader(s.headers, 'content-type') ? s : { ...s, headers: [...s.headers, { name: 'Content-Type', value: 'image/png' }] }),
    receive: (v) => ({ ...v, headers: withoutHeader(v.headers, 'content-type') }),
    expect: always('content-type-mismatch'),
  },
  {
    id: 'proxy strips the Content-MD5',
    family: 'transit',
    forms: FORMS,
    rand: md5Arb,
    shape: (s, md5: string) => ({ ...s, headers: setHeader(s.headers, 'Content-MD5', md5) }),
    receive: (v) => ({ ...v, headers: withoutHeader(v.headers, 'content-md5') }),
    expect: always('content-md5-mismatch'),
  },
  {
    id: 'something adds a Content-MD5 (any digest)',
    family: 'transit',
    forms: FORMS,
    rand: md5Arb,
    shape: (s) => ({ ...s, headers: withoutHeader(s.headers, 'content-md5') }),
    receive: (v, _s, md5: string) => ({ ...v, headers: [...v.headers, { name: 'Content-MD5', value: md5 }] }),
    expect: unguessableInSts('content-md5-mismatch'),
  },
  // ---- method
  {
    id: 'CDN turns HEAD into GET',
    family: 'transit',
    forms: FORMS,
    rand: fc.constant(null),
    shape: (s) => ({ ...s, method: 'HEAD' }),
    receive: (v) => ({ ...v, method: 'GET' }),
    expect: always('cdn-head-to-get'),
  },
  {
    id: 'the method changes on the way (not HEAD→GET)',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'), fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD')),
    shape: (s, [from, to]: [string, string]) => ({ ...s, method: from === to ? (to === 'GET' ? 'PUT' : 'GET') : from }),
    receive: (v, _s, [, to]: [string, string]) => ({ ...v, method: to }),
    expect: always('method-mismatch'),
  },
  // ---- dates
  {
    id: 'proxy rewrites the Date header (V1 signs Date when there is no x-oss-date)',
    family: 'transit',
    forms: ['v1-header'],
    rand: fc.integer({ min: 1, max: 600 }),
    shape: (s) => ({ ...s, dateHeader: 'Date' }),
    receive: (v, s, dt: number) => ({ ...v, headers: setHeader(v.headers, 'Date', httpDate(s.now + dt * 1000)) }),
    expect: always('date-mismatch'),
  },
  {
    id: 'proxy rewrites x-oss-date (same day)',
    family: 'transit',
    forms: HEADER_FORMS,
    rand: fc.integer({ min: 1, max: 600 }),
    shape: (s) => ({ ...s, dateHeader: 'x-oss-date', now: s.now - (s.now % 86400000) + 3600000 }),
    receive: (v, s, dt: number) => ({
      ...v,
      headers: setHeader(v.headers, 'x-oss-date', isV1(s.form) ? httpDate(s.now + dt * 1000) : new Date(s.now + dt * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')),
    }),
    expect: (variant) => ({ verdict: 'problem', causes: variant === 'v1' ? ['date-mismatch', 'proxy-modified-headers'] : ['date-mismatch'] }),
  },
  {
    id: 'the signed URL\'s Expires is changed',
    family: 'transit',
    forms: ['v1-query'],
    rand: fc.integer({ min: 1, max: 100000 }),
    receive: (v, _s, dt: number) => ({ ...v, params: v.params.map((p) => (p.name === 'Expires' ? { ...p, value: String(Number(p.value) + dt) } : p)) }),
    expect: always('date-mismatch'),
  },
  // ---- the key
  {
    id: 'OSS reads "+" in the key as a space',
    family: 'transit',
    forms: FORMS,
    rand: fc.nat(),
    shape: (s, at: number) => keyWith(s, '+', at),
    receive: (v) => ({ ...v, key: v.key.split('+').join(' ') }),
    expect: always('key-encoding-mismatch'),
  },
  {
    id: 'the path is percent-encoded a second time on the way',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.nat(), fc.constantFrom(' ', 'é', '中', '(', '+', '%')),
    shape: (s, [at, c]: [number, string]) => keyWith(s, c, at),
    receive: (v) => ({ ...v, key: rfc3986(v.key, true) }),
    expect: always('key-encoding-mismatch'),
  },
  {
    id: 'the key is percent-decoded once more on the way (a key holding "%2B", "%20")',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.nat(), fc.constantFrom('%2B', '%20', '%41', '%E4%B8%AD')),
    shape: (s, [at, esc]: [number, string]) => keyWith(s, esc, at),
    receive: (v) => ({ ...v, key: decodeURIComponent(v.key.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')) }),
    expect: always('key-encoding-mismatch'),
  },
  {
    id: 'a trailing slash of the key is dropped',
    family: 'transit',
    forms: FORMS,
    rand: fc.constant(null),
    shape: (s) => ({ ...s, key: `${s.key.replace(/\/+$/, '') || 'dir'}/` }),
    receive: (v) => ({ ...v, key: v.key.slice(0, -1) }),
    expect: always('key-encoding-mismatch'),
  },
  // ---- the query
  {
    id: 'proxy drops a signed query parameter (sub-resource)',
    family: 'transit',
    forms: FORMS,
    rand: fc.nat(),
    shape: (s) => (signedParams(s).length ? s : { ...s, params: [...s.params, { name: 'versionId', value: 'v1' }] }),
    receive: (v, s, i: number) => {
      const name = nth(signedParams(s), i).name;
      return { ...v, params: v.params.filter((p) => p.name !== name) };
    },
    expect: always('subresource-mismatch'),
  },
  {
    id: 'proxy adds a sub-resource (any value)',
    family: 'transit',
    forms: FORMS,
    rand: fc.tuple(fc.constantFrom('versionId', 'acl', 'x-oss-traffic-limit'), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)),
    shape: (s, [name]: [string, string]) => ({ ...s, params: s.params.filter((p) => p.name !== name) }),
    receive: (v, _s, [name, value]: [string, string]) => ({ ...v, params: [...v.params, { name, value: name === 'acl' ? null : value }] }),
    expect: unguessableInSts('subresource-mismatch'),
  },
  {
    id: 'OSS reads "+" in a signed query value as a space',
    family: 'transit',
    forms: FORMS,
    rand: queryValueArb,
    shape: (s, v: string) => ({ ...s, params: [...s.params.filter((p) => p.name !== 'response-content-disposition'), { name: 'response-content-disposition', value: `a+${v}` }] }),
    // A form decoder reads every "+" of the query as a space, not only this parameter's.
    receive: (v) => ({ ...v, params: v.params.map((p) => (p.value === null ? p : { ...p, value: p.value.split('+').join(' ') })) }),
    expect: always('subresource-mismatch'),
  },
  // ---- host, bucket, path
  {
    id: 'proxy rewrites Host, which AdditionalHeaders lists, to the bucket\'s OSS endpoint',
    family: 'transit',
    forms: V4_FORMS,
    rand: fc.boolean(),
    shape: (s) => ({ ...s, additional: [...new Set([...s.additional, 'host'])] }),
    receive: (v, s, internal: boolean) => {
      const endpoint = `${s.bucket}.oss-${s.region}${internal ? '-internal' : ''}.aliyuncs.com`;
      const host = endpoint === v.host ? `${s.bucket}.oss-${s.region}${internal ? '' : '-internal'}.aliyuncs.com` : endpoint;
      return { ...v, host, headers: setHeader(v.headers, 'Host', host) };
    },
    expect: always('v4-additional-headers-mismatch'),
  },
  {
    id: 'proxy rewrites an AdditionalHeaders header other than Host (any value)',
    family: 'transit',
    forms: V4_FORMS,
    rand: asciiValueArb,
    shape: (s) => ({ ...s, headers: setHeader(s.headers, 'Cache-Control', 'no-cache'), additional: [...new Set([...s.additional, 'Cache-Control'])] }),
    receive: (v, _s, value: string) => ({ ...v, headers: setHeader(v.headers, 'Cache-Control', value === 'no-cache' ? 'no-store' : value) }),
    expect: unguessableInSts('v4-additional-headers-mismatch'),
  },
  {
    id: 'the request reaches another bucket (Host rewritten, or a custom domain bound elsewhere)',
    family: 'transit',
    forms: FORMS,
    rand: fc.stringMatching(/^[a-z0-9]{3,12}$/),
    receive: (v, _s, other: string) => ({ ...v, bucket: `${other}-other` }),
    // A custom domain resolved to another bucket is a CNAME binding problem; an OSS host, a resource difference.
    expect: (variant, _secret, s) => ({ verdict: 'problem', causes: [variant === 'v4-sts' ? 'unexplained-difference' : s.style === 'custom-domain' ? 'cname-not-enabled' : 'resource-mismatch'] }),
  },
  {
    id: 'a gateway adds a path prefix',
    family: 'transit',
    forms: FORMS,
    rand: fc.constantFrom('api/', 'oss/', 'v1/files/'),
    receive: (v, _s, prefix: string) => ({ ...v, key: prefix + v.key }),
    expect: unguessableInSts('resource-mismatch'),
  },
  {
    id: 'CNAME mode off: path-style request to a custom domain bound to the bucket',
    family: 'client',
    forms: FORMS,
    rand: fc.constant(null),
    shape: (s) => ({ ...s, style: 'path-style', key: s.key === '' ? 'k' : s.key, additional: s.additional.filter((n) => lower(n) !== 'host') }),
    send: (sent) => ({ ...sent, headers: setHeader(sent.headers, 'Host', CUSTOM_DOMAIN) }),
    receive: (v, s) => ({ ...v, host: CUSTOM_DOMAIN, headers: setHeader(v.headers, 'Host', CUSTOM_DOMAIN), key: `${s.bucket}/${s.key}` }),
    expect: always('cname-not-enabled'),
  },
  // ---- what the client signed differs from what it sent (only the secret can tell)
  {
    id: 'after signing, the runtime adds a Content-Type',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.constantFrom(...RUNTIME_CONTENT_TYPES),
    shape: (s, ct: string) => ({ ...s, headers: setHeader(s.headers, 'Content-Type', ct) }),
    signedAs: (s) => ({ ...s, headers: withoutHeader(s.headers, 'content-type') }),
    expect: provenWithSecret('content-type-mismatch'),
  },
  {
    id: 'after signing, a Content-MD5 is added',
    family: 'after-signing',
    forms: FORMS,
    rand: md5Arb,
    shape: (s, md5: string) => ({ ...s, headers: setHeader(s.headers, 'Content-MD5', md5) }),
    signedAs: (s) => ({ ...s, headers: withoutHeader(s.headers, 'content-md5') }),
    expect: provenWithSecret('content-md5-mismatch'),
  },
  {
    id: 'after signing, middleware adds an x-oss-meta-* header',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.tuple(metaNameArb, asciiValueArb),
    shape: (s, [name, value]: [string, string]) => ({ ...s, headers: [...s.headers, { name, value }] }),
    signedAs: (s, [name]: [string, string]) => ({ ...s, headers: withoutHeader(s.headers, name) }),
    expect: provenWithSecret('proxy-modified-headers'),
  },
  {
    id: 'the STS token is sent but was not signed',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.stringMatching(/^[A-Za-z0-9+/=]{12,40}$/),
    shape: (s, token: string) => ({ ...s, stsToken: token }),
    signedAs: (s) => ({ ...s, stsToken: null }),
    expect: provenWithSecret('security-token-not-signed'),
  },
  {
    id: 'a URL signed for one method is used with another',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.tuple(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'), fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD')),
    shape: (s, [, sent]: [string, string]) => ({ ...s, method: sent }),
    signedAs: (s, [signed, sent]: [string, string]) => ({ ...s, method: signed === sent ? (sent === 'GET' ? 'PUT' : 'GET') : signed }),
    expect: provenWithSecret('method-mismatch'),
  },
  {
    id: 'after signing, a sub-resource is added to the URL',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
    shape: (s, id: string) => ({ ...s, params: [...s.params.filter((p) => p.name !== 'versionId'), { name: 'versionId', value: id }] }),
    signedAs: (s) => ({ ...s, params: s.params.filter((p) => p.name !== 'versionId') }),
    expect: provenWithSecret('subresource-mismatch'),
  },
  {
    id: 'the client signed "+" in the key but the URL carries a space',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.nat(),
    shape: (s, at: number) => {
      const k = keyWith(s, ' ', at);
      return { ...k, key: k.key.split('+').join('') };
    },
    signedAs: (s) => ({ ...s, key: s.key.split(' ').join('+') }),
    expect: provenWithSecret('key-encoding-mismatch'),
  },
  {
    id: 'the client signed the key percent-encoded as in the URL',
    family: 'after-signing',
    forms: FORMS,
    rand: fc.tuple(fc.nat(), fc.constantFrom(' ', 'é', '中', '(', '+')),
    shape: (s, [at, c]: [number, string]) => keyWith(s, c, at),
    signedAs: (s) => ({ ...s, key: rfc3986(s.key, true) }),
    expect: provenWithSecret('key-encoding-mismatch'),
  },
  {
    id: 'the client signed a sub-resource value URL-encoded (V1 signs it decoded)',
    family: 'after-signing',
    forms: V1_FORMS,
    rand: fc.constantFrom('text/plain', 'attachment; filename="a b.txt"', 'image/resize,w_100'),
    // Such a signer encodes every sub-resource value; no STS token (the signer under test adds it, decoded).
    shape: (s, value: string) => ({ ...s, stsToken: null, params: [...s.params.filter((p) => p.name !== 'response-content-type'), { name: 'response-content-type', value }] }),
    signedAs: (s) => ({ ...s, params: s.params.map((p) => (SUBRESOURCE_NAMES.includes(p.name) && p.value !== null ? { ...p, value: rfc3986(p.value, false) } : p)) }),
    expect: provenWithSecret('subresource-mismatch'),
  },
  // ---- OSS refuses before comparing strings
  {
    id: 'the signed URL is used after it expired',
    family: 'answer',
    forms: QUERY_FORMS,
    rand: fc.integer({ min: 1, max: 86400 * 30 }),
    answer: (s, sent, late: number) => {
      const q = new URLSearchParams(sent.target.slice(sent.target.indexOf('?') + 1));
      const end = isV1(s.form) ? Number(q.get('Expires')) * 1000 : s.now + s.expiresIn * 1000;
      return expiredXml({ v1: isV1(s.form), host: hostOf(s), expires: new Date(end).toISOString(), serverTime: new Date(end + late * 1000).toISOString() });
    },
    expect: always('request-expired'),
  },
  {
    id: 'V4 scope: the client signs another region than the Host\'s',
    family: 'answer',
    forms: V4_FORMS,
    // (sigdoctor's signer strips an `oss-` prefix from --region, so only "another region" is produced here.)
    rand: fc.constantFrom('cn-hangzhou', 'cn-shanghai', 'us-west-1'),
    shape: (s, other: string) => ({ ...s, style: s.style === 'custom-domain' ? 'virtual-hosted' : s.style, signRegion: other === s.region ? 'eu-west-1' : other }),
    // DOC-EC/0002-00000226: "The region embedded in the Host header … does not match", "The oss- prefix is not valid".
    answer: (s) => otherErrorXml({ host: hostOf(s), code: 'InvalidArgument', message: 'Invalid signing region in Authorization header.', ec: '0002-00000226' }),
    expect: always('v4-scope-mismatch'),
  },
  {
    id: 'V4: a proxy drops a header listed in AdditionalHeaders (OSS answers EC 0002-00000211)',
    family: 'answer',
    forms: V4_FORMS,
    rand: fc.constant(null),
    shape: (s) => ({ ...s, headers: setHeader(s.headers, 'Cache-Control', 'no-cache'), additional: [...new Set([...s.additional, 'Cache-Control'])] }),
    answer: (s) => otherErrorXml({ host: hostOf(s), code: 'InvalidArgument', message: 'Invalid additional header Cache-Control in request.', ec: '0002-00000211' }),
    expect: always('v4-additional-headers-mismatch'),
  },
  {
    id: 'the client clock is more than 15 minutes off',
    family: 'answer',
    forms: HEADER_FORMS,
    rand: fc.tuple(fc.integer({ min: 901, max: 86400 * 3 }), fc.boolean()),
    answer: (s, _sent, [skew, ahead]: [number, boolean]) =>
      skewedXml({ host: hostOf(s), requestTime: new Date(s.now).toISOString(), serverTime: new Date(s.now + (ahead ? -1 : 1) * skew * 1000).toISOString() }),
    expect: always('clock-skew'),
  },
];

// ---------------------------------------------------------------- the properties

describe('the table in this file\'s header', () => {
  it('has one row per mutation, in catalogue order', () => {
    const rows = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith(' * | ') && !l.startsWith(' * | mutation |'));
    expect(rows.map((r) => r.split(' | ')[1])).toEqual(MUTATIONS.map((m) => m.id));
  });
});

describe.each(MUTATIONS.map((m) => [m.id, m] as const))('%s', (_id, m) => {
  it.each(m.forms.map((f) => [f] as const))(`%s: ${RUNS} random requests, diagnosed with and without the secret`, (form) => {
    let runs = 0;
    fc.assert(
      fc.property(caseArb(m, form), ([spec, r]) => {
        const b = build(m, spec, r);
        fc.pre(b !== null);
        for (const { variant, xml } of b!.answers) {
          for (const secret of [false, true]) {
            const expected = m.expect(variant, secret, b!.spec);
            expect({ variant, secret, ...diagnoseSent(b!, xml, secret) }).toEqual({ variant, secret, ...expected });
          }
        }
        runs++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(runs).toBe(RUNS);
  });
});
