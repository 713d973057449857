/**
 * Which signing scheme a request uses and the credentials it carries
 * (SIGNING.md §1 table). Pure facts; judging them is the rules' job.
 */
import type { HeaderField } from '../model/http.js';
import { findHeader } from '../model/http.js';
import type { QueryParam } from './url-parts.js';
import { firstParam } from './url-parts.js';

export type SignatureVersion = 'v1-header' | 'v1-query' | 'v4-header' | 'v4-query' | 'unknown';

export type AuthInfo =
  | {
      kind: 'v1-header';
      /** The full header value, e.g. `OSS LTAI…:sig=`. */
      authorization: string;
      accessKeyId: string;
      signature: string;
    }
  | {
      kind: 'v1-query';
      accessKeyId: string;
      /** `Signature` percent-decoded, as OSS reads it (a bare `+` stays `+` here; OSS may read a space). */
      signature: string;
      /** `Signature` exactly as it appears in the URL. */
      signatureRaw: string;
      /** `Expires` as sent (decoded). */
      expires: string | null;
      securityToken: string | null;
    }
  | {
      /** `Authorization: OSS …` that breaks the V1 grammar (ECs 0002-00000061…65). */
      kind: 'v1-header-malformed';
      authorization: string;
      problem: string;
      ec: string;
    }
  | { kind: 'v4-header' | 'v2-header' | 'aws-v2-header' | 'aws-v4-header' | 'other-header'; authorization: string }
  | { kind: 'v4-query' | 'v2-query' | 'aws-v2-query' | 'aws-v4-query' }
  | { kind: 'none' };

export interface AuthFacts {
  auth: AuthInfo;
  /** The request carries a signature both in Authorization and in the query (EC 0002-00000039). */
  signatureInBoth: boolean;
}

export function signatureVersionOf(auth: AuthInfo): SignatureVersion {
  switch (auth.kind) {
    case 'v1-header':
    case 'v1-header-malformed':
      return 'v1-header';
    case 'v1-query':
      return 'v1-query';
    case 'v4-header':
      return 'v4-header';
    case 'v4-query':
      return 'v4-query';
    default:
      return 'unknown';
  }
}

/**
 * Split `OSS <AccessKeyId>:<Signature>` (DOC-V1H: one space after `OSS`, `:`
 * between id and signature). The malformed shapes and their ECs come from the
 * DOC-EC pages 0002-00000061…65 (SIGNING.md §2.1).
 */
export function parseV1Authorization(value: string): AuthInfo {
  const rest = value.slice(4);
  const colon = rest.indexOf(':');
  if (colon < 0) return { kind: 'v1-header-malformed', authorization: value, problem: 'no ":" between the AccessKeyId and the signature', ec: '0002-00000062' };
  const accessKeyId = rest.slice(0, colon).trim();
  const signature = rest.slice(colon + 1).trim();
  if (accessKeyId === '') return { kind: 'v1-header-malformed', authorization: value, problem: 'the AccessKeyId is empty', ec: '0002-00000063' };
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(accessKeyId)) return { kind: 'v1-header-malformed', authorization: value, problem: 'the AccessKeyId contains control characters', ec: '0002-00000064' };
  if (signature === '') return { kind: 'v1-header-malformed', authorization: value, problem: 'the signature is empty', ec: '0002-00000065' };
  return { kind: 'v1-header', authorization: value, accessKeyId, signature };
}

function classifyAuthorization(value: string): AuthInfo {
  if (value.startsWith('OSS4-HMAC-SHA256')) return { kind: 'v4-header', authorization: value };
  if (value.startsWith('OSS2 ')) return { kind: 'v2-header', authorization: value };
  if (value.startsWith('OSS ')) return parseV1Authorization(value);
  if (value.startsWith('AWS4-HMAC-SHA256')) return { kind: 'aws-v4-header', authorization: value };
  if (value.startsWith('AWS ')) return { kind: 'aws-v2-header', authorization: value };
  return { kind: 'other-header', authorization: value };
}

function classifyQuery(query: readonly QueryParam[]): AuthInfo {
  const has = (n: string): boolean => firstParam(query, n) !== undefined;
  const version = firstParam(query, 'x-oss-signature-version')?.value ?? null;
  if (version === 'OSS4-HMAC-SHA256' || has('x-oss-credential')) return { kind: 'v4-query' };
  if (version === 'OSS2') return { kind: 'v2-query' };
  if (has('X-Amz-Signature') || has('X-Amz-Credential')) return { kind: 'aws-v4-query' };
  if (has('AWSAccessKeyId')) return { kind: 'aws-v2-query' };
  if (has('OSSAccessKeyId') || has('Signature')) {
    const sig = firstParam(query, 'Signature'); // the first occurrence wins (DOC-V1U-md)
    return {
      kind: 'v1-query',
      accessKeyId: firstParam(query, 'OSSAccessKeyId')?.value ?? '',
      signature: sig?.value ?? '',
      signatureRaw: sig?.rawValue ?? '',
      expires: firstParam(query, 'Expires')?.value ?? null,
      securityToken: firstParam(query, 'security-token')?.value ?? null,
    };
  }
  return { kind: 'none' };
}

/** Read the scheme from the Authorization header and the query. The header wins when both are present. */
export function readAuth(headers: readonly HeaderField[], query: readonly QueryParam[]): AuthFacts {
  const authorization = findHeader(headers, 'authorization');
  const fromQuery = classifyQuery(query);
  if (authorization !== undefined && authorization.trim() !== '') {
    return { auth: classifyAuthorization(authorization.trim()), signatureInBoth: fromQuery.kind !== 'none' };
  }
  return { auth: fromQuery, signatureInBoth: false };
}
