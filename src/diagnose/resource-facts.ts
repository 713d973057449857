/** Reading the resource lines of a diff as bucket/key/sub-resources on both sides. */
import { decodeUtf8 } from '../compare/bytes.js';
import type { AlignedLine } from '../compare/lines.js';
import type { ParsedResource } from '../compare/v1-resource.js';
import { parseV1Resource } from '../compare/v1-resource.js';
import { percentDecode } from '../request/url-parts.js';
import type { Analysis } from './analyze.js';

export interface ResourcePair {
  line: AlignedLine;
  client: ParsedResource;
  server: ParsedResource;
  clientText: string;
  serverText: string;
}

export function resourcePair(a: Analysis, line: AlignedLine | undefined): ResourcePair | null {
  if (!line?.client || !line.server || !a.addressing) return null;
  const clientText = decodeUtf8(line.client.bytes);
  const serverText = decodeUtf8(line.server.bytes);
  if (line.role === 'uri') return { line, clientText, serverText, client: parseV4Uri(clientText), server: parseV4Uri(serverText) };
  const hint = { bucket: a.addressing.bucket, key: a.addressing.key };
  return { line, clientText, serverText, client: parseV1Resource(clientText, hint), server: parseV1Resource(serverText, hint) };
}

/** The resource line of either scheme: V1 `resource`, V4 canonical `uri`. */
export function resourceLine(unclaimed: (role: 'resource' | 'uri') => AlignedLine[]): AlignedLine | undefined {
  return unclaimed('resource')[0] ?? unclaimed('uri')[0];
}

/** A V4 canonical URI `/bucket/encoded-key` read as bucket and decoded key (no sub-resources: those are in the query). */
export function parseV4Uri(uri: string): ParsedResource {
  const rest = uri.startsWith('/') ? uri.slice(1) : uri;
  if (rest === '') return { bucket: null, key: '', subresources: [], path: uri };
  const slash = rest.indexOf('/');
  const bucket = percentDecode(slash < 0 ? rest : rest.slice(0, slash));
  return { bucket, key: slash < 0 ? '' : percentDecode(rest.slice(slash + 1)), subresources: [], path: uri };
}

/**
 * Undo the encodings a key goes through: %XX (repeatedly), `+`/space, doubled
 * and trailing slashes. Decoding is lenient (a `%` that starts no escape stays,
 * as in `100%`), so one stray `%` does not stop the other escapes from decoding.
 */
export function normalizeKey(key: string): string {
  let k = key;
  for (let i = 0; i < 3 && /%[0-9A-Fa-f]{2}/.test(k); i++) k = percentDecode(k);
  k = k.split('+').join(' ');
  while (k.includes('//')) k = k.split('//').join('/');
  return k.endsWith('/') ? k.slice(0, -1) : k;
}
