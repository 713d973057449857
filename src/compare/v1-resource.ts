/**
 * Read a V1 CanonicalizedResource back into bucket, key and sub-resources
 * (the inverse of sign/v1.ts buildV1Resource) so differences can be named.
 */
import type { V1Subresource } from '../sign/v1.js';
import { isV1Subresource } from '../sign/v1-subresources.js';

export interface ParsedResource {
  /** null for the service-level resource `/`. */
  bucket: string | null;
  key: string;
  subresources: V1Subresource[];
  /** The part before `?` (or the whole resource). */
  path: string;
}

/**
 * Where the sub-resources start, for a resource that does not begin with the
 * hinted `/bucket/key` (OSS's key differs from the client's, which is what is
 * being diagnosed): the first `?` followed only by sub-resource names; failing
 * that, the `?` after as many as the hinted key holds (none left: no
 * sub-resources); without a hint, the first `?`.
 */
function queryStart(resource: string, keyHint?: { bucket: string | null; key: string }): number {
  const marks: number[] = [];
  for (let i = resource.indexOf('?'); i >= 0; i = resource.indexOf('?', i + 1)) marks.push(i);
  const tailIsSubresources = (i: number): boolean => resource.slice(i + 1).split('&').every((p) => isV1Subresource(p.split('=')[0]!));
  const bySubresources = marks.find(tailIsSubresources);
  if (bySubresources !== undefined) return bySubresources;
  const inKey = keyHint ? keyHint.key.split('?').length - 1 : 0;
  return marks[inKey] ?? -1;
}

/**
 * The key itself may contain `?` (V1 signs it raw), so a known key can be
 * passed to split at the right `?`; otherwise see queryStart.
 */
export function parseV1Resource(resource: string, keyHint?: { bucket: string | null; key: string }): ParsedResource {
  let path = resource;
  let query = '';
  const hinted = keyHint && keyHint.bucket !== null ? `/${keyHint.bucket}/${keyHint.key}` : null;
  if (hinted !== null && resource.startsWith(hinted) && (resource.length === hinted.length || resource[hinted.length] === '?')) {
    path = hinted;
    query = resource.slice(hinted.length + 1);
  } else {
    const q = queryStart(resource, keyHint);
    if (q >= 0) {
      path = resource.slice(0, q);
      query = resource.slice(q + 1);
    }
  }
  const subresources: V1Subresource[] = query === ''
    ? []
    : query.split('&').map((piece) => {
        const eq = piece.indexOf('=');
        return eq < 0 ? { name: piece, value: null } : { name: piece.slice(0, eq), value: piece.slice(eq + 1) };
      });
  if (path === '/' || path === '') return { bucket: null, key: '', subresources, path };
  const rest = path.slice(1);
  const slash = rest.indexOf('/');
  return slash < 0
    ? { bucket: rest, key: '', subresources, path }
    : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1), subresources, path };
}
