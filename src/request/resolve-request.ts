/**
 * Turn a pasted HTTP request into the facts signing needs: method, host,
 * path and query as sent, regular headers, and the signature it carries.
 */
import type { HeaderField, HttpRequestMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import type { AuthFacts } from './auth.js';
import { readAuth } from './auth.js';
import { normalizeHost } from './addressing.js';
import type { QueryParam, TargetParts } from './url-parts.js';
import { parseQuery, splitTarget } from './url-parts.js';

export interface ResolvedRequest extends AuthFacts {
  message: HttpRequestMessage;
  method: string;
  methodAssumed: boolean;
  /** Lower-case host without port; null when the input names none. */
  host: string | null;
  hostSource: 'Host' | ':authority' | 'url' | null;
  target: TargetParts;
  query: QueryParam[];
  /** Headers without HTTP/2 pseudo-headers (`:method` …), in input order. */
  headers: HeaderField[];
}

export function resolveRequest(message: HttpRequestMessage): ResolvedRequest {
  const target = splitTarget(message.target);
  const headers = message.headers.filter((h) => !h.name.startsWith(':'));
  let host: string | null = null;
  let hostSource: ResolvedRequest['hostSource'] = null;
  const hostHeader = findHeader(headers, 'host');
  const authority = findHeader(message.headers, ':authority');
  if (hostHeader !== undefined && hostHeader.trim() !== '') {
    host = normalizeHost(hostHeader);
    hostSource = 'Host';
  } else if (authority !== undefined && authority.trim() !== '') {
    host = normalizeHost(authority);
    hostSource = ':authority';
  } else if (target.authority) {
    host = normalizeHost(target.authority);
    hostSource = 'url';
  }
  const query = parseQuery(target.rawQuery);
  return {
    message,
    method: message.method.toUpperCase(),
    methodAssumed: message.methodAssumed === true,
    host,
    hostSource,
    target,
    query,
    headers,
    ...readAuth(headers, query),
  };
}
