/**
 * OSS V1 (HMAC-SHA1) string-to-sign, byte-exact. Header form and URL form share
 * everything except the date line (SIGNING.md §2.1, §3.2).
 *
 *   StringToSign = VERB + "\n" + Content-MD5 + "\n" + Content-Type + "\n" + Date + "\n"
 *                + CanonicalizedOSSHeaders + CanonicalizedResource
 *
 * Sources: DOC-V1H / DOC-V1H-md; go-v2 oss/signer/v1.go calcStringToSign;
 * java-v1 SignUtils.buildCanonicalString; oss2 auth.py __get_bytes_to_sign.
 */
import { nodeCrypto } from './crypto.js';
import type { HeaderField } from '../model/http.js';
import type { QueryParam } from '../request/url-parts.js';
import { compareUtf8 } from './byte-order.js';
import { isV1Subresource } from './v1-subresources.js';

/** One line of CanonicalizedOSSHeaders, already lower-cased and trimmed. */
export interface V1CanonicalHeader {
  name: string;
  value: string;
}

/** A sub-resource in CanonicalizedResource; `value` null means the key is written alone. */
export interface V1Subresource {
  name: string;
  value: string | null;
}

/** The parts of a V1 string-to-sign, one field per line (headers are several lines). */
export interface V1StringToSignParts {
  verb: string;
  contentMd5: string;
  contentType: string;
  /** `x-oss-date`/`Date` value (header form) or the `Expires` value (URL form). */
  date: string;
  ossHeaders: V1CanonicalHeader[];
  /** CanonicalizedResource, rendered. */
  resource: string;
}

/**
 * CanonicalizedOSSHeaders (SIGNING.md §2.3): every header whose lower-cased
 * name starts with `x-oss-`; names lower-cased; values trimmed (go-v2
 * strings.TrimSpace, java-v1 trim(), ali-oss .trim()); repeated headers joined
 * with `,` and no space (go-v2; RFC 2616 §4.2 per the 2014 API doc); sorted by
 * name in byte order (go-v2 sort.Strings). An empty value is kept as `name:`
 * (go-v2; java-v2 drops it — an open question, SIGNING.md §12.3).
 */
export function canonicalizeV1Headers(headers: readonly HeaderField[]): V1CanonicalHeader[] {
  const byName = new Map<string, string[]>();
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (!name.startsWith('x-oss-')) continue;
    const list = byName.get(name);
    const value = h.value.trim();
    if (list) list.push(value);
    else byName.set(name, [value]);
  }
  return [...byName.entries()]
    .map(([name, values]) => ({ name, value: values.join(',') }))
    .sort((a, b) => compareUtf8(a.name, b.name));
}

/**
 * The sub-resources of a V1 resource (SIGNING.md §2.4–2.5): query keys on the
 * union list or starting with `x-oss-`, with DECODED names and values (go-v2
 * query.Get, py-v2 unquote, java-v2 urlDecode); an empty value is written as
 * the key alone (`?acl=` → `acl`); one entry per key, the first value wins
 * (go-v2 url.Values.Get); sorted by key in byte order (`uploadId` < `uploads`).
 */
export function selectV1Subresources(
  params: readonly QueryParam[],
  isSubresource: (name: string) => boolean = isV1Subresource,
): V1Subresource[] {
  const seen = new Map<string, string | null>();
  for (const p of params) {
    if (!isSubresource(p.name) || seen.has(p.name)) continue;
    seen.set(p.name, p.value === null || p.value === '' ? null : p.value);
  }
  return [...seen.entries()]
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => compareUtf8(a.name, b.name));
}

/** Render the `?a&b=c` tail of a resource; '' when there are no sub-resources. */
export function renderSubresources(subresources: readonly V1Subresource[]): string {
  if (subresources.length === 0) return '';
  return '?' + subresources.map((s) => (s.value === null ? s.name : `${s.name}=${s.value}`)).join('&');
}

/**
 * CanonicalizedResource (DOC-V1H-md "构建CanonicalizedResource的方法"):
 * `/bucket/key` with the RAW (decoded, UTF-8) key — never percent-encoded
 * (java-v1 OSSRequestSigner, go-v2 test `/bucket/key+123`); `/bucket/` for a
 * bucket-level request; `/` for a service-level request; then the sub-resources.
 * The bucket stays in the resource whatever the addressing style (§2.4).
 */
export function buildV1Resource(bucket: string | null, key: string, subresources: readonly V1Subresource[]): string {
  const base = bucket === null || bucket === '' ? '/' : `/${bucket}/${key}`;
  return base + renderSubresources(subresources);
}

/** Join the parts into the exact string that is HMAC'd. No trailing newline after the resource (§2.1). */
export function renderV1StringToSign(p: V1StringToSignParts): string {
  let s = `${p.verb}\n${p.contentMd5}\n${p.contentType}\n${p.date}\n`;
  for (const h of p.ossHeaders) s += `${h.name}:${h.value}\n`;
  return s + p.resource;
}

/**
 * Signature = base64(HMAC-SHA1(AccessKeySecret, UTF-8(StringToSign))) (DOC-V1H;
 * go-v2 v1.go, base64.StdEncoding). Accepts bytes so the server's
 * StringToSignBytes can be signed as-is, even when it is not valid UTF-8.
 */
export function signV1(secret: string, stringToSign: string | Uint8Array): string {
  const hmac = nodeCrypto().createHmac('sha1', Buffer.from(secret, 'utf8'));
  return (typeof stringToSign === 'string' ? hmac.update(stringToSign, 'utf8') : hmac.update(stringToSign)).digest('base64');
}
