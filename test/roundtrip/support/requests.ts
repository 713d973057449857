/**
 * Random requests for the round-trip tests, as structured data that can be
 * (1) handed to sigdoctor's signer (`signRequest`, the code behind `sigdoctor sign`),
 * (2) rendered as the raw HTTP request a user would paste, and
 * (3) turned into what OSS sees (server.ts), independently of sigdoctor's parser.
 *
 * The bucket, key and query are kept decoded; the wire forms are rendered
 * here with RFC 3986 encoding (the way the SDKs send them, SIGNING.md §10.6–10.7).
 */
import fc from 'fast-check';
import type { HeaderField, HttpRequestMessage } from '../../../src/model/http.js';
import type { SignOptions, SignResult } from '../../../src/signer/sign-request.js';
import { signRequest } from '../../../src/signer/sign-request.js';

export const AK = 'LTAI5tExampleKeyId0000';
/** A fake secret: never printed (the tests compare verdicts and cause ids, not report text). */
export const SECRET = 'roundtrip-fake-secret-0000';

export type Form = 'v1-header' | 'v1-query' | 'v4-header' | 'v4-query';
export const FORMS: readonly Form[] = ['v1-header', 'v1-query', 'v4-header', 'v4-query'];
export const isV1 = (f: Form): boolean => f.startsWith('v1');
export const isQueryForm = (f: Form): boolean => f.endsWith('query');

export interface Param {
  /** Decoded name and value; null value: the name alone (`?acl`). */
  name: string;
  value: string | null;
}

export type Style = 'virtual-hosted' | 'path-style' | 'custom-domain';

/** One request before signing. */
export interface Spec {
  form: Form;
  /** Signing time (ms). */
  now: number;
  method: string;
  bucket: string;
  /** Decoded object key; '' for a bucket-level request. */
  key: string;
  style: Style;
  region: string;
  internal: boolean;
  /** Caller headers (no Host, no Authorization, no date for V4 — the signer adds those). */
  headers: HeaderField[];
  params: Param[];
  /** V1 header form: which date header carries the time. */
  dateHeader: 'x-oss-date' | 'Date';
  stsToken: string | null;
  /** V4 AdditionalHeaders, as given to the signer (any case). */
  additional: string[];
  /** Presigned forms: validity in seconds. */
  expiresIn: number;
  /** V4: the region to sign with, when not the Host's (a client misconfiguration). */
  signRegion?: string;
}

export const CUSTOM_DOMAIN = 'static.example.com';

export function hostOf(s: Pick<Spec, 'style' | 'bucket' | 'region' | 'internal'>): string {
  const endpoint = `oss-${s.region}${s.internal ? '-internal' : ''}.aliyuncs.com`;
  if (s.style === 'virtual-hosted') return `${s.bucket}.${endpoint}`;
  if (s.style === 'path-style') return endpoint;
  return CUSTOM_DOMAIN;
}

/** RFC 3986: everything but `A–Z a–z 0–9 - . _ ~` as upper-case `%XX` of the UTF-8 bytes; `/` kept in paths. */
export function rfc3986(s: string, keepSlash: boolean): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/') ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function pathOf(s: Pick<Spec, 'style' | 'bucket' | 'key'>, key = s.key): string {
  return s.style === 'path-style' ? `/${s.bucket}/${rfc3986(key, true)}` : `/${rfc3986(key, true)}`;
}

export function queryOf(params: readonly Param[]): string {
  return params.map((p) => (p.value === null ? rfc3986(p.name, false) : `${rfc3986(p.name, false)}=${rfc3986(p.value, false)}`)).join('&');
}

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** What is handed to `signRequest`: the request as the caller builds it. */
export function messageOf(s: Spec): HttpRequestMessage {
  const q = queryOf(s.params);
  const headers: HeaderField[] = [{ name: 'Host', value: hostOf(s) }, ...s.headers];
  if (s.form === 'v1-header' && s.dateHeader === 'x-oss-date') headers.push({ name: 'x-oss-date', value: httpDate(s.now) });
  return { method: s.method, target: pathOf(s) + (q ? `?${q}` : ''), headers };
}

export function signOptionsOf(s: Spec): SignOptions {
  const o: SignOptions = {
    version: isV1(s.form) ? 'v1' : 'v4',
    query: isQueryForm(s.form),
    accessKeyId: AK,
    secret: SECRET,
    now: new Date(s.now),
    expiresIn: s.expiresIn,
    product: 'oss',
    additionalHeaders: s.additional,
  };
  if (s.stsToken !== null) o.securityToken = s.stsToken;
  if (s.style === 'custom-domain') {
    o.bucket = s.bucket;
    o.cname = true;
    o.region = s.region;
  }
  if (s.signRegion !== undefined) o.region = s.signRegion;
  return o;
}

export function sign(s: Spec): SignResult {
  return signRequest(messageOf(s), signOptionsOf(s));
}

/** The raw HTTP/1.1 request text a user would paste (origin-form target, Host first). */
export function renderRequest(method: string, target: string, headers: readonly HeaderField[]): string {
  const t = target.replace(/^[a-z]+:\/\/[^/?#]*/i, '') || '/';
  return [`${method} ${t} HTTP/1.1`, ...headers.map((h) => `${h.name}: ${h.value}`), '', ''].join('\r\n');
}

/** The query of a target as decoded pairs, in order — a plain reader, not sigdoctor's. */
export function readQuery(target: string): Param[] {
  const q = target.indexOf('?');
  if (q < 0) return [];
  return target.slice(q + 1).split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? { name: decodeURIComponent(p), value: null } : { name: decodeURIComponent(p.slice(0, eq)), value: decodeURIComponent(p.slice(eq + 1)) };
  });
}

// ---------------------------------------------------------------- generators

export const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'eu-central-1'];

export const bucketArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,18}[a-z0-9]$/);

/** Key pieces: reserved and unreserved ASCII, `+`, space, `%` and escape look-alikes, tab and DEL, non-ASCII incl. astral. */
export const KEY_TOKENS = [
  ...'abcxyzABCXYZ0189',
  ' ', '  ', '+', '-', '_', '.', '~', '!', '*', "'", '(', ')', '%', '&', '=', '?', '#', ',', ';', '@', '$', ':',
  '[', ']', '{', '}', '|', '\\', '^', '`', '"', '<', '>', '\t', '\u007f',
  'é', 'ü', 'ñ', 'Å', 'ß', '中', '文', '件', 'ア', '한', '😀', '🎉', '\u00a0',
  '%2B', '%20', '%2F', '%25', '%zz',
];

const segmentArb = fc.array(fc.constantFrom(...KEY_TOKENS), { minLength: 1, maxLength: 8 }).map((t) => t.join(''));
export const objectKeyArb = fc
  .tuple(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '', '.txt', '.jpg', '.json'), fc.boolean())
  .map(([segments, ext, trailingSlash]) => segments.join('/') + (trailingSlash ? '/' : ext));
export const keyArb = fc.oneof({ arbitrary: objectKeyArb, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 });

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const VALUE_UNITS = [...PRINTABLE, 'é', '中', '😀', 'ß'];
/** Header values: printable ASCII and some non-ASCII; sometimes padded with spaces/tabs, sometimes inner runs, rarely empty. */
export const headerValueArb = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== ''), weight: 6 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...VALUE_UNITS), minLength: 1, maxLength: 16 }).map((s) => s.trim()).filter((s) => s !== ''), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom(' ', '\t', '  '), fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength: 1, maxLength: 12 }), fc.constantFrom('', ' ', '\t')).map(([a, b, c]) => a + b.trim() + c).filter((s) => s.trim() !== ''), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

/** `x-oss-meta-*` headers in random case, names unique. */
export const metaHeadersArb = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), headerValueArb), { selector: ([n]) => n, maxLength: 3 })
  .chain((pairs) => fc.tuple(...pairs.map(([n, v]) => fc.tuple(fc.mixedCase(fc.constant(`x-oss-meta-${n}`)), fc.constant(v)))))
  .map((pairs) => pairs.map(([name, value]): HeaderField => ({ name, value })));

export const OTHER_OSS_HEADERS: Array<[string, string[]]> = [
  ['x-oss-object-acl', ['private', 'public-read']],
  ['x-oss-storage-class', ['Standard', 'IA']],
  ['x-oss-tagging', ['a=1&b=2', 'k=v']],
  ['x-oss-content-type-hint', ['x']],
];
const otherOssHeadersArb = fc.subarray(OTHER_OSS_HEADERS, { maxLength: 2 }).chain((hs) =>
  fc.tuple(...hs.map(([n, vs]) => fc.tuple(fc.mixedCase(fc.constant(n)), fc.constantFrom(...vs)))).map((pairs) => pairs.map(([name, value]): HeaderField => ({ name, value }))),
);

export const CONTENT_TYPES = ['text/plain', 'text/html; charset=utf-8', 'application/octet-stream', 'image/jpeg', 'application/xml', 'video/mp4'];
export const contentTypeArb = fc.option(fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.constantFrom('Content-Type', 'content-type', 'CONTENT-TYPE'), fc.constantFrom('', '', ' ')), { nil: undefined, freq: 2 });
export const md5Arb = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64'));

/** Headers signed in V4 only when listed in AdditionalHeaders. */
export const EXTRA_HEADER_NAMES = ['Cache-Control', 'Content-Disposition', 'Content-Language', 'Range', 'X-Request-Tag', 'abc'];
const extraHeadersArb = fc.subarray(EXTRA_HEADER_NAMES, { maxLength: 3 }).chain((ns) =>
  fc.tuple(...ns.map((n) => fc.tuple(fc.constant(n), headerValueArb.filter((v) => v.trim() !== '')))).map((pairs) => pairs.map(([name, value]): HeaderField => ({ name, value }))),
);

/**
 * Sub-resources OSS signs in V1 (DOC-V1H-md list, SIGNING.md §2.5 — on every SDK's list).
 * Values: flags (null), ids, numbers, values with `+`, spaces, `/`, `%`, `&`, `=`, non-ASCII.
 */
export const QUERY_VALUE_TOKENS = [...'abcXYZ019', ' ', ';', '=', '"', '/', ',', '&', '+', '%', "'", '.', '-', '*', '!', '(', ')', '~', '_', '?', '#', '中', 'é', '😀'];
export const queryValueArb = fc.array(fc.constantFrom(...QUERY_VALUE_TOKENS), { minLength: 1, maxLength: 20 }).map((t) => t.join(''));
const idArb = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,24}$/), fc.stringMatching(/^[A-Za-z0-9+/=.\-_]{1,32}$/));

export const SUBRESOURCE_ARBS: Record<string, fc.Arbitrary<string | null>> = {
  acl: fc.constant(null),
  uploads: fc.constant(null),
  tagging: fc.constant(null),
  symlink: fc.constant(null),
  append: fc.constant(null),
  uploadId: idArb,
  partNumber: fc.integer({ min: 1, max: 10000 }).map(String),
  position: fc.integer({ min: 0, max: 1e9 }).map(String),
  versionId: idArb,
  'response-content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), queryValueArb),
  'response-content-disposition': fc.oneof(queryValueArb, queryValueArb.map((n) => `attachment; filename="${n}"`)),
  'response-cache-control': fc.constantFrom('no-cache', 'max-age=60'),
  'x-oss-process': fc.constantFrom('image/resize,w_100', 'image/rotate,90/format,png', 'video/snapshot,t_1000,f_jpg'),
  'x-oss-traffic-limit': fc.integer({ min: 819200, max: 838860800 }).map(String),
  'continuation-token': idArb,
};
export const SUBRESOURCE_NAMES = Object.keys(SUBRESOURCE_ARBS);
/** Query parameters OSS does not sign in V1 (list options, caller extras): lower-case names, so that every sort agrees. */
export const PLAIN_NAMES = ['prefix', 'marker', 'max-keys', 'delimiter', 'encoding-type', 'list-type', 'start-after', 'fetch-owner', 'foo', 'abc1'];

/** A query: sub-resources and plain parameters, unique names, sometimes empty values (`name` or `name=`). */
export const paramsArb: fc.Arbitrary<Param[]> = fc
  .tuple(
    fc.subarray(SUBRESOURCE_NAMES, { maxLength: 3 }),
    fc.subarray(PLAIN_NAMES, { maxLength: 3 }),
  )
  .chain(([subs, plain]) =>
    fc.tuple(
      ...subs.map((n) => SUBRESOURCE_ARBS[n]!.map((value): Param => ({ name: n, value }))),
      ...plain.map((n) => fc.oneof(queryValueArb, fc.constant('')).map((value): Param => ({ name: n, value }))),
    ),
  )
  .chain((params) => fc.shuffledSubarray(params, { minLength: params.length, maxLength: params.length }));

const stsTokenArb = fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{12,48}$/), { nil: null, freq: 3 });

/** 2000 … 2099, whole seconds (headers carry seconds). */
export const nowArb = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => s * 1000);

export function specArb(form: Form): fc.Arbitrary<Spec> {
  return fc
    .record({
      now: nowArb,
      method: fc.constantFrom(...METHODS),
      bucket: bucketArb,
      key: keyArb,
      style: fc.constantFrom<Style>('virtual-hosted', 'virtual-hosted', 'path-style', 'custom-domain'),
      region: fc.constantFrom(...REGIONS),
      internal: fc.boolean(),
      contentType: contentTypeArb,
      contentMd5: fc.option(md5Arb, { nil: undefined, freq: 3 }),
      meta: metaHeadersArb,
      other: otherOssHeadersArb,
      extra: extraHeadersArb,
      params: paramsArb,
      dateHeader: fc.constantFrom<Spec['dateHeader']>('x-oss-date', 'Date'),
      stsToken: stsTokenArb,
      additionalPicks: fc.array(fc.nat(), { maxLength: 3 }),
      hostAdditional: fc.boolean(),
      expiresIn: fc.integer({ min: 1, max: 604800 }),
    })
    .map((r): Spec => {
      const headers: HeaderField[] = [];
      if (r.contentType) headers.push({ name: r.contentType[1], value: r.contentType[2] + r.contentType[0] });
      if (r.contentMd5 !== undefined) headers.push({ name: 'Content-MD5', value: r.contentMd5 });
      headers.push(...r.other, ...r.meta);
      headers.push(...r.extra);
      // V4: additional headers picked from the extra headers really sent, plus sometimes host.
      const additional = isV1(form) ? [] : [...new Set(r.additionalPicks.filter(() => r.extra.length > 0).map((i) => r.extra[i % r.extra.length]!.name))];
      if (!isV1(form) && r.hostAdditional) additional.push('host');
      return {
        form,
        now: r.now,
        method: r.method,
        bucket: r.bucket,
        key: r.key,
        style: r.style,
        region: r.region,
        internal: r.style !== 'custom-domain' && r.internal,
        headers,
        params: r.params,
        dateHeader: r.dateHeader,
        stsToken: r.stsToken,
        additional,
        expiresIn: r.expiresIn,
      };
    });
}
