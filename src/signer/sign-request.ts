/**
 * `sigdoctor sign`: the correct V1 or V4 signature for a request, as an
 * Authorization header or a signed URL — so a user can compare it with what
 * their code produced, and CI can smoke-test a signer. Uses the same
 * canonicalization as the diagnosis (SIGNING.md §2–§5).
 */
import type { HeaderField, HttpRequestMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import { InputError } from '../model/input-error.js';
import type { V4AuthFacts } from '../model/v4-auth.js';
import { resolveAddressing } from '../request/addressing.js';
import { resolveRequest } from '../request/resolve-request.js';
import { percentDecode, splitTarget } from '../request/url-parts.js';
import { parseTime } from '../diagnose/time.js';
import { signV1 } from '../sign/v1.js';
import { computeV1 } from '../sign/v1-request.js';
import { signV4, uriEncode, v4SigningKey } from '../sign/v4.js';
import { computeV4 } from '../sign/v4-request.js';

export interface SignOptions {
  version: 'v1' | 'v4';
  /** Put the signature in the URL (signed/presigned URL) instead of the Authorization header. */
  query: boolean;
  accessKeyId: string;
  secret: string;
  securityToken?: string;
  /** Signing time; default now. */
  now: Date;
  /** V1 URL: absolute Expires (Unix seconds); V4 URL: x-oss-expires (seconds). Derived from `expiresIn` when absent. */
  expiresAt?: number;
  expiresIn: number;
  /** V4: region and product; the region defaults to the Host's. */
  region?: string;
  product: string;
  /** V4: AdditionalHeaders names. */
  additionalHeaders: string[];
  bucket?: string;
  cname?: boolean;
}

export interface SignResult {
  version: 'v1' | 'v4';
  form: 'header' | 'query';
  method: string;
  /** The request target to send: path + query (with the signature when `form` is query). */
  target: string;
  /** The full URL when the host is known. */
  url: string | null;
  /** Headers to send, including the ones signing added (Date/x-oss-date, x-oss-content-sha256, token, Authorization). */
  headers: HeaderField[];
  authorization: string | null;
  stringToSign: string;
  canonicalRequest: string | null;
}

const httpDate = (d: Date): string => d.toUTCString();
const isoBasic = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

function withHeader(headers: HeaderField[], name: string, value: string): HeaderField[] {
  return findHeader(headers, name) === undefined ? [...headers, { name, value }] : headers;
}

/** Percent-encode a query value for a signed URL (RFC 3986: `+` → `%2B`, `/` → `%2F`, `=` → `%3D`). */
const enc = (s: string): string => uriEncode(s, false);

export function signRequest(message: HttpRequestMessage, o: SignOptions): SignResult {
  const parts = splitTarget(message.target);
  // Drop any signature the request already carries: we produce a new one.
  const headers0 = message.headers.filter((h) => h.name.toLowerCase() !== 'authorization');
  const stripped = parts.rawQuery.split('&').filter((p) => {
    const name = percentDecode(p.split('=')[0] ?? '');
    return p !== '' && !['OSSAccessKeyId', 'Expires', 'Signature', 'security-token'].includes(name) && !name.startsWith('x-oss-signature') && !['x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-additional-headers', 'x-oss-security-token'].includes(name);
  });
  const base = `${parts.scheme ? `${parts.scheme}://${parts.authority ?? ''}` : ''}${parts.rawPath}`;
  const withQuery = (extra: string[]): string => {
    const q = [...stripped, ...extra].join('&');
    return q === '' ? base : `${base}?${q}`;
  };
  const hostOf = (): string | null => findHeader(headers0, 'host') ?? parts.authority ?? null;
  const urlOf = (target: string): string | null => {
    if (parts.scheme) return target;
    const host = hostOf();
    return host ? `https://${host}${target}` : null;
  };

  if (o.version === 'v1') {
    let headers = headers0;
    if (o.query) {
      const expires = o.expiresAt ?? Math.floor(o.now.getTime() / 1000) + o.expiresIn;
      const extra = [`OSSAccessKeyId=${enc(o.accessKeyId)}`, `Expires=${expires}`];
      if (o.securityToken) extra.push(`security-token=${enc(o.securityToken)}`);
      const unsigned = { ...message, target: withQuery(extra), headers };
      const req = resolveRequest(unsigned);
      const addressing = resolveAddressing(req.host, req.target.rawPath, { ...(o.bucket ? { bucket: o.bucket } : {}), ...(o.cname ? { cname: true } : {}) });
      // computeV1 reads Expires from the URL form of the request (SIGNING.md §3.2).
      const fake = resolveRequest({ ...unsigned, target: withQuery([...extra, 'Signature=x']) });
      const c = computeV1(fake, addressing, 'query');
      const signature = signV1(o.secret, c.stringToSign);
      const target = withQuery([...extra, `Signature=${enc(signature)}`]);
      return { version: 'v1', form: 'query', method: message.method, target, url: urlOf(target), headers, authorization: null, stringToSign: c.stringToSign, canonicalRequest: null };
    }
    if (findHeader(headers, 'x-oss-date') === undefined && findHeader(headers, 'date') === undefined) headers = [...headers, { name: 'Date', value: httpDate(o.now) }];
    if (o.securityToken) headers = withHeader(headers, 'x-oss-security-token', o.securityToken);
    const req = resolveRequest({ ...message, target: withQuery([]), headers });
    const addressing = resolveAddressing(req.host, req.target.rawPath, { ...(o.bucket ? { bucket: o.bucket } : {}), ...(o.cname ? { cname: true } : {}) });
    const c = computeV1(req, addressing, 'header');
    const authorization = `OSS ${o.accessKeyId}:${signV1(o.secret, c.stringToSign)}`;
    const target = withQuery([]);
    return { version: 'v1', form: 'header', method: message.method, target, url: urlOf(target), headers: [...headers, { name: 'Authorization', value: authorization }], authorization, stringToSign: c.stringToSign, canonicalRequest: null };
  }

  // V4 (SIGNING.md §4–§5).
  const probe = resolveRequest({ ...message, target: withQuery([]), headers: headers0 });
  const addressing = resolveAddressing(probe.host, probe.target.rawPath, { ...(o.bucket ? { bucket: o.bucket } : {}), ...(o.cname ? { cname: true } : {}) });
  const region = (o.region ?? addressing.region)?.replace(/^oss-/, '');
  if (!region) throw new InputError('sign: the region is unknown (a custom domain or no Host): pass --region, e.g. --region cn-hangzhou');
  if (addressing.bucket === null && addressing.style === 'custom-domain') throw new InputError('sign: the bucket is unknown for a custom domain: pass --bucket NAME');
  // An x-oss-date the request already carries is the signing time (the header is signed as sent).
  const sentDate = o.query ? undefined : findHeader(headers0, 'x-oss-date');
  const sentTime = sentDate !== undefined ? parseTime(sentDate) : null;
  // The header is signed as sent, so one that is not a time cannot be signed (an empty one crashed).
  if (sentDate !== undefined && sentTime === null) {
    const shown = JSON.stringify(sentDate.length > 40 ? `${sentDate.slice(0, 40)}…` : sentDate);
    throw new InputError(`sign: the request's x-oss-date ${shown} is not a time; fix it (e.g. 20261122T140221Z) or remove the header`);
  }
  const timestamp = sentTime !== null ? isoBasic(new Date(sentTime)) : isoBasic(o.now);
  const date = timestamp.slice(0, 8);
  const additional = [...new Set(o.additionalHeaders.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))].sort();
  const credential = `${o.accessKeyId}/${date}/${region}/${o.product}/aliyun_v4_request`;
  const key = v4SigningKey(o.secret, date, region, o.product).kSigning;
  const factsFor = (form: 'header' | 'query', extra: Partial<V4AuthFacts>): V4AuthFacts => ({
    form, raw: '', credential: { accessKeyId: o.accessKeyId, date, region, product: o.product, terminator: 'aliyun_v4_request' },
    additionalHeaders: additional.length ? additional : null, signature: null, timestamp, expires: null, securityToken: null, problems: [], corrected: null, ...extra,
  });
  if (o.query) {
    const expires = o.expiresAt ?? o.expiresIn;
    const extra = [
      'x-oss-signature-version=OSS4-HMAC-SHA256',
      `x-oss-credential=${enc(credential)}`,
      `x-oss-date=${timestamp}`,
      `x-oss-expires=${expires}`,
      ...(additional.length ? [`x-oss-additional-headers=${enc(additional.join(';'))}`] : []),
      ...(o.securityToken ? [`x-oss-security-token=${enc(o.securityToken)}`] : []),
    ];
    const req = resolveRequest({ ...message, target: withQuery(extra), headers: headers0 });
    const c = computeV4(req, addressing, factsFor('query', { expires: String(expires) }));
    const signature = signV4(key, c.stringToSign!);
    const target = withQuery([...extra, `x-oss-signature=${signature}`]);
    return { version: 'v4', form: 'query', method: message.method, target, url: urlOf(target), headers: headers0, authorization: null, stringToSign: c.stringToSign!, canonicalRequest: c.canonicalRequest };
  }
  let headers = withHeader(headers0, 'x-oss-date', timestamp);
  headers = withHeader(headers, 'x-oss-content-sha256', 'UNSIGNED-PAYLOAD');
  if (o.securityToken) headers = withHeader(headers, 'x-oss-security-token', o.securityToken);
  const req = resolveRequest({ ...message, target: withQuery([]), headers });
  const c = computeV4(req, addressing, factsFor('header', {}));
  const signature = signV4(key, c.stringToSign!);
  const authorization = `OSS4-HMAC-SHA256 Credential=${credential},${additional.length ? `AdditionalHeaders=${additional.join(';')},` : ''}Signature=${signature}`;
  const target = withQuery([]);
  return { version: 'v4', form: 'header', method: message.method, target, url: urlOf(target), headers: [...headers, { name: 'Authorization', value: authorization }], authorization, stringToSign: c.stringToSign!, canonicalRequest: c.canonicalRequest };
}
