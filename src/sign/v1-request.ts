/**
 * The V1 string-to-sign for a request as it was sent (header or URL form).
 * This is sigdoctor's "client" side: what a correct signer produces for
 * exactly these method, headers, bucket, key and query.
 */
import { findHeader } from '../model/http.js';
import type { Addressing } from '../request/addressing.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import type { V1StringToSignParts, V1Subresource } from './v1.js';
import { buildV1Resource, canonicalizeV1Headers, renderV1StringToSign, selectV1Subresources } from './v1.js';

export type V1Mode = 'header' | 'query';

export interface V1Computation {
  mode: V1Mode;
  parts: V1StringToSignParts;
  stringToSign: string;
  /** Which input filled the date line. */
  dateSource: 'x-oss-date' | 'Date' | 'Expires' | 'none';
  subresources: V1Subresource[];
}

/**
 * The date line (SIGNING.md §2.2, §3.2): URL form → the `Expires` value;
 * header form → `x-oss-date` when present and non-empty ("当这两个字段同时存在时，
 * 以x-oss-date为准", DOC-V1H zh; java-v2 getDateFromHeaders), else `Date`.
 */
function dateLine(req: ResolvedRequest, mode: V1Mode): { date: string; source: V1Computation['dateSource'] } {
  if (mode === 'query') {
    const expires = req.auth.kind === 'v1-query' ? req.auth.expires : null;
    return expires === null ? { date: '', source: 'none' } : { date: expires, source: 'Expires' };
  }
  const xOssDate = findHeader(req.headers, 'x-oss-date');
  if (xOssDate !== undefined && xOssDate.trim() !== '') return { date: xOssDate, source: 'x-oss-date' };
  const date = findHeader(req.headers, 'date');
  if (date !== undefined) return { date, source: 'Date' };
  return { date: '', source: 'none' };
}

export function computeV1(req: ResolvedRequest, addressing: Addressing, mode: V1Mode, verbOverride?: string): V1Computation {
  const { date, source } = dateLine(req, mode);
  const subresources = selectV1Subresources(req.query);
  const parts: V1StringToSignParts = {
    verb: verbOverride ?? req.method,
    // Content-MD5 and Content-Type: the header values verbatim, or empty (DOC-V1H). "Verbatim"
    // is the field value, which excludes the optional white space around it (RFC 9110 §5.5):
    // OSS's HTTP layer strips it, as go-v2's req.Header.Get does.
    contentMd5: (findHeader(req.headers, 'content-md5') ?? '').trim(),
    contentType: (findHeader(req.headers, 'content-type') ?? '').trim(),
    date: date.trim(),
    ossHeaders: canonicalizeV1Headers(req.headers),
    resource: buildV1Resource(addressing.bucket, addressing.key, subresources),
  };
  return { mode, parts, stringToSign: renderV1StringToSign(parts), dateSource: source, subresources };
}
