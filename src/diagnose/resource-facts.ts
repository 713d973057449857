/** Reading the resource lines of a diff as bucket/key/sub-resources on both sides. */
import { decodeUtf8 } from '../compare/bytes.js';
import type { AlignedLine } from '../compare/lines.js';
import type { ParsedResource } from '../compare/v1-resource.js';
import { parseV1Resource } from '../compare/v1-resource.js';
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
  const hint = { bucket: a.addressing.bucket, key: a.addressing.key };
  return { line, clientText, serverText, client: parseV1Resource(clientText, hint), server: parseV1Resource(serverText, hint) };
}

/** Undo the encodings a key goes through: %XX (repeatedly), `+`/space, doubled and trailing slashes. */
export function normalizeKey(key: string): string {
  let k = key;
  for (let i = 0; i < 3 && /%[0-9A-Fa-f]{2}/.test(k); i++) {
    try {
      k = decodeURIComponent(k);
    } catch {
      break;
    }
  }
  k = k.split('+').join(' ');
  while (k.includes('//')) k = k.split('//').join('/');
  return k.endsWith('/') ? k.slice(0, -1) : k;
}
