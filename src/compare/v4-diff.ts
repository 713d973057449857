/**
 * The V4 canonical request and string to sign, labelled line by line
 * (SIGNING.md §4.3, §4.4) and diffed byte by byte.
 */
import { splitLines } from './bytes.js';
import type { LabelledLine, LineRole, StringDiff } from './lines.js';
import { diffLabelled, headerLine } from './lines.js';

/** Header lines whose cause is named by their own rule, not as a generic header. */
const HEADER_ROLES: Record<string, LineRole> = { 'content-type': 'content-type', 'content-md5': 'content-md5', 'x-oss-date': 'date' };

/**
 * Label a canonical request: method, URI, query, one line per header, the
 * blank line that ends the headers, the AdditionalHeaders line, the payload
 * hash. null when it has fewer than the 6 lines every canonical request has.
 */
export function labelV4CanonicalRequest(bytes: Uint8Array): LabelledLine[] | null {
  const lines = splitLines(bytes);
  const n = lines.length;
  if (n < 6) return null;
  return lines.map((line, i): LabelledLine => {
    const lineNumber = i + 1;
    const fixed = (role: LineRole, label: string, section: number): LabelledLine => ({ role, label, value: line, bytes: line, lineNumber, section, key: '' });
    if (i === 0) return fixed('verb', 'method', 0);
    if (i === 1) return fixed('uri', 'canonical URI', 1);
    if (i === 2) return fixed('query', 'canonical query', 2);
    if (i === n - 1) return fixed('payload', 'payload hash', 7);
    if (i === n - 2) return fixed('additional-headers', 'additional headers', 6);
    if (i === n - 3) return fixed('blank', 'end of headers', 5);
    const h = headerLine(line);
    return { role: HEADER_ROLES[h.name] ?? 'header', label: h.name, headerName: h.name, value: h.value, bytes: line, lineNumber, section: 4, key: h.name };
  });
}

/** Label a V4 string to sign: algorithm, timestamp, scope, canonical-request hash (exactly 4 lines). */
export function labelV4StringToSign(bytes: Uint8Array): LabelledLine[] | null {
  const lines = splitLines(bytes);
  if (lines.length !== 4) return null;
  const roles: Array<[LineRole, string]> = [['algorithm', 'algorithm'], ['timestamp', 'timestamp'], ['scope', 'scope'], ['hash', 'canonical request hash']];
  return lines.map((line, i) => ({ role: roles[i]![0], label: roles[i]![1], value: line, bytes: line, lineNumber: i + 1, section: i, key: '' }));
}

const V4_FIRST_LINE = 'OSS4-HMAC-SHA256\n';

export function isV4StringToSign(bytes: Uint8Array): boolean {
  // Compared in place: called for every case of a large HAR, so no copy.
  if (bytes.length < V4_FIRST_LINE.length) return false;
  for (let i = 0; i < V4_FIRST_LINE.length; i++) if (bytes[i] !== V4_FIRST_LINE.charCodeAt(i)) return false;
  return true;
}

export function diffV4CanonicalRequests(client: Uint8Array, server: Uint8Array): StringDiff {
  return diffLabelled(client, server, labelV4CanonicalRequest);
}

export function diffV4StringsToSign(client: Uint8Array, server: Uint8Array): StringDiff {
  return diffLabelled(client, server, labelV4StringToSign);
}
