/**
 * OSS V4 (OSS4-HMAC-SHA256) canonical request, string to sign and signing
 * key, byte-exact (SIGNING.md §4–§6). Pure functions; the request-level
 * assembly is in v4-request.ts.
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n
 *                      AdditionalHeaders \n HashedPayload
 *   StringToSign     = "OSS4-HMAC-SHA256" \n Timestamp \n Scope \n hex(SHA256(CanonicalRequest))
 *
 * Sources: go-v2 oss/signer/v4.go (calcCanonicalRequest, calcStringToSign,
 * calcSignature); py-v2 signer/v4.py; java-v1 OSSV4Signer; php-v1 SignerV4;
 * cpp SignerV4.cc; ali-oss signUtils.js (getCanonicalRequest, getStringToSign, getSignatureV4).
 */
import { nodeCrypto } from './crypto.js';
import type { HeaderField } from '../model/http.js';
import { compareUtf8 } from './byte-order.js';

export const V4_ALGORITHM = 'OSS4-HMAC-SHA256';
export const V4_TERMINATOR = 'aliyun_v4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * RFC 3986 UriEncode of the UTF-8 bytes: everything but `A–Z a–z 0–9 - . _ ~`
 * is `%XX` with upper-case hex; space is `%20`, never `+` (SIGNING.md §4.3;
 * go-v2 escapePath noEscape table; oss2 __v4_uri_encode). `/` is kept only
 * when `keepSlash` (the URI; the query encodes it as `%2F`).
 */
export function uriEncode(s: string, keepSlash: boolean): string {
  // Runs of characters that stay as they are are copied in one piece; only the rest is encoded.
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && (UNRESERVED[c] === 1 || (keepSlash && c === 0x2f))) continue;
    if (run < i) out += s.slice(run, i);
    if (c < 0x80) {
      out += PERCENT[c];
      run = i + 1;
      continue;
    }
    // Everything from here to the next ASCII character, as UTF-8 bytes (a lone surrogate is U+FFFD, as Buffer.from writes it).
    let end = i + 1;
    while (end < s.length && s.charCodeAt(end) >= 0x80) end++;
    for (const b of Buffer.from(s.slice(i, end), 'utf8')) out += PERCENT[b];
    i = end - 1;
    run = end;
  }
  return run === 0 ? s : run < s.length ? out + s.slice(run) : out;
}

/** 1 for the RFC 3986 unreserved ASCII characters `A–Z a–z 0–9 - . _ ~`. */
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e) UNRESERVED[c] = 1;
}
/** `%XX` (upper-case hex) for every byte. */
const PERCENT = Array.from({ length: 256 }, (_, b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'));

/**
 * CanonicalURI: `/bucket/key` (`/bucket/` bucket-level, `/` service-level) with
 * the DECODED key UriEncoded, `/` kept. The bucket is always in it, whatever the
 * addressing style (SIGNING.md §4.3).
 */
export function canonicalUri(bucket: string | null, key: string): string {
  if (bucket === null || bucket === '') return '/';
  return uriEncode(`/${bucket}/${key}`, true);
}

export interface V4QueryParam {
  /** Decoded name and value; value null or '' means the name is written alone. */
  name: string;
  value: string | null;
}

/**
 * CanonicalQueryString: every parameter (not a whitelist), name and value
 * UriEncoded with `/` encoded, sorted by encoded name in byte order, `name`
 * alone when the value is empty, joined with `&` (SIGNING.md §4.3; oss2
 * __get_canonical_query, php-v1 ksort + key-only when empty). Equal names keep
 * both pairs, ordered by encoded value.
 */
export function canonicalQuery(params: readonly V4QueryParam[]): string {
  return params
    .map((p) => ({ k: uriEncode(p.name, false), v: p.value === null || p.value === '' ? null : uriEncode(p.value, false) }))
    .sort((a, b) => compareUtf8(a.k, b.k) || compareUtf8(a.v ?? '', b.v ?? ''))
    .map((p) => (p.v === null ? p.k : `${p.k}=${p.v}`))
    .join('&');
}

/** Headers every V4 request signs whether or not AdditionalHeaders lists them (go-v2 isDefaultSignedHeader). */
export function isDefaultSignedV4Header(lowerName: string): boolean {
  return lowerName.startsWith('x-oss-') || lowerName === 'content-type' || lowerName === 'content-md5';
}

export interface V4CanonicalHeader {
  name: string;
  value: string;
}

/**
 * CanonicalHeaders: the default-signed headers plus each AdditionalHeaders
 * name, `lowercase(name):trim(value)`, repeated values joined with `,`
 * (go-v2), sorted by name (SIGNING.md §4.3). An additional header absent from
 * the request is skipped (SDKs drop those names, §4.1).
 */
export function canonicalizeV4Headers(headers: readonly HeaderField[], additional: readonly string[]): V4CanonicalHeader[] {
  const extra = new Set(additional.map((n) => n.toLowerCase()));
  const byName = new Map<string, string[]>();
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name.startsWith(':') || !(isDefaultSignedV4Header(name) || extra.has(name))) continue;
    const list = byName.get(name);
    if (list) list.push(h.value.trim());
    else byName.set(name, [h.value.trim()]);
  }
  return [...byName.entries()].map(([name, v]) => ({ name, value: v.join(',') })).sort((a, b) => compareUtf8(a.name, b.name));
}

export interface V4CanonicalParts {
  method: string;
  uri: string;
  query: string;
  headers: V4CanonicalHeader[];
  /** The `;`-joined AdditionalHeaders line ('' when none). */
  additionalHeaders: string;
  payload: string;
}

export function renderV4CanonicalRequest(p: V4CanonicalParts): string {
  const headers = p.headers.map((h) => `${h.name}:${h.value}\n`).join('');
  return `${p.method}\n${p.uri}\n${p.query}\n${headers}\n${p.additionalHeaders}\n${p.payload}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return (typeof data === 'string' ? nodeCrypto().createHash('sha256').update(data, 'utf8') : nodeCrypto().createHash('sha256').update(data)).digest('hex');
}

/** `<yyyymmdd>/<region>/<product>/aliyun_v4_request` (SIGNING.md §4.1, §4.4). */
export function v4Scope(date: string, region: string, product: string): string {
  return `${date}/${region}/${product}/${V4_TERMINATOR}`;
}

/** StringToSign (SIGNING.md §4.4): algorithm, timestamp, scope, hex SHA-256 of the canonical request. */
export function renderV4StringToSign(timestamp: string, scope: string, canonicalRequest: string | Uint8Array): string {
  return `${V4_ALGORITHM}\n${timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

export interface V4SigningKeyChain {
  kDate: Buffer;
  kRegion: Buffer;
  kProduct: Buffer;
  kSigning: Buffer;
}

/**
 * k_date = HMAC-SHA256("aliyun_v4" + secret, date); then region, product,
 * "aliyun_v4_request" (SIGNING.md §4.5; go-v2 calcSignature; java-v1
 * buildSigningKey). Every step is a credential: never print them unmasked.
 */
export function v4SigningKey(secret: string, date: string, region: string, product: string): V4SigningKeyChain {
  const h = (key: Buffer | string, msg: string): Buffer => nodeCrypto().createHmac('sha256', key).update(msg, 'utf8').digest();
  const kDate = h(Buffer.from(`aliyun_v4${secret}`, 'utf8'), date);
  const kRegion = h(kDate, region);
  const kProduct = h(kRegion, product);
  return { kDate, kRegion, kProduct, kSigning: h(kProduct, V4_TERMINATOR) };
}

/** Signature = lower-case hex HMAC-SHA256(k_signing, StringToSign) (SIGNING.md §4.5). */
export function signV4(kSigning: Buffer, stringToSign: string | Uint8Array): string {
  const hmac = nodeCrypto().createHmac('sha256', kSigning);
  return (typeof stringToSign === 'string' ? hmac.update(stringToSign, 'utf8') : hmac.update(stringToSign)).digest('hex');
}
