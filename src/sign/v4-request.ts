/**
 * The V4 canonical request and string to sign for a request as it was sent
 * (header or presigned form) — sigdoctor's "client" side for V4.
 */
import { findHeader } from '../model/http.js';
import type { HeaderField } from '../model/http.js';
import type { V4AuthFacts } from '../model/v4-auth.js';
import type { Addressing } from '../request/addressing.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import type { V4CanonicalParts, V4QueryParam } from './v4.js';
import { UNSIGNED_PAYLOAD, canonicalizeV4Headers, canonicalQuery, canonicalUri, renderV4CanonicalRequest, renderV4StringToSign, v4Scope } from './v4.js';

export interface V4Computation {
  mode: 'header' | 'query';
  parts: V4CanonicalParts;
  canonicalRequest: string;
  /** x-oss-date: the header (header form) or the query parameter (presigned form). */
  timestamp: string;
  /** The scope as the request's credential states it; null without a credential. */
  scope: string | null;
  /** null when the credential or the timestamp is missing. */
  stringToSign: string | null;
  /** AdditionalHeaders names, lower-cased, as used for the canonical headers. */
  additional: string[];
}

export interface V4Variation {
  method?: string;
  headers?: HeaderField[];
  query?: V4QueryParam[];
  uri?: string;
}

/** The query parameters that go into the canonical query: all of them; in the presigned form all but x-oss-signature (SIGNING.md §5.2). */
export function v4QueryParams(req: ResolvedRequest, mode: 'header' | 'query'): V4QueryParam[] {
  return req.query.filter((p) => !(mode === 'query' && p.name === 'x-oss-signature')).map((p) => ({ name: p.name, value: p.value }));
}

/**
 * The headers a V4 signer sees: the request's, plus `Host` from the URL when a
 * pasted URL carries no Host header but AdditionalHeaders lists `host` (every
 * HTTP client sends it).
 */
export function v4Headers(req: ResolvedRequest, additional: readonly string[]): HeaderField[] {
  if (additional.includes('host') && findHeader(req.headers, 'host') === undefined) {
    const host = req.target.authority ?? req.host;
    if (host) return [...req.headers, { name: 'host', value: host }];
  }
  return req.headers;
}

export function computeV4(req: ResolvedRequest, addressing: Addressing, facts: V4AuthFacts, vary: V4Variation = {}): V4Computation {
  const mode = facts.form;
  const given = facts.additionalHeaders ?? [];
  const additional = given.map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  const headers = vary.headers ?? v4Headers(req, additional);
  const parts: V4CanonicalParts = {
    method: vary.method ?? req.method,
    uri: vary.uri ?? canonicalUri(addressing.bucket, addressing.key),
    query: canonicalQuery(vary.query ?? v4QueryParams(req, mode)),
    headers: canonicalizeV4Headers(headers, additional),
    // The line OSS builds from the request's own AdditionalHeaders value (SIGNING.md §4.3).
    additionalHeaders: given.join(';'),
    // x-oss-content-sha256 when sent, else UNSIGNED-PAYLOAD (go-v2, py-v2, java-v1 …); never in the presigned form.
    payload: mode === 'header' ? (findHeader(headers, 'x-oss-content-sha256')?.trim() ?? UNSIGNED_PAYLOAD) : UNSIGNED_PAYLOAD,
  };
  const canonicalRequest = renderV4CanonicalRequest(parts);
  const timestamp = (mode === 'header' ? findHeader(req.headers, 'x-oss-date') : facts.timestamp ?? undefined)?.trim() ?? '';
  const c = facts.credential;
  const scope = c ? v4Scope(c.date, c.region, c.product) : null;
  const stringToSign = scope !== null && timestamp !== '' ? renderV4StringToSign(timestamp, scope, canonicalRequest) : null;
  return { mode, parts, canonicalRequest, timestamp, scope, stringToSign, additional };
}
