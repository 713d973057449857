/**
 * The V1 string to sign, labelled line by line (SIGNING.md §2.1 layout: verb,
 * Content-MD5, Content-Type, date, one line per x-oss-* header, resource) and
 * diffed byte by byte. Facts only; naming causes is diagnose/'s job.
 */
import { splitLines } from './bytes.js';
import type { LabelledLine, StringDiff } from './lines.js';
import { diffLabelled, headerLine } from './lines.js';

export type { AlignedLine, FirstDifference, LabelledLine, LineRole, StringDiff } from './lines.js';
export { firstDifferingByte } from './lines.js';

const FIXED = [
  { role: 'verb', label: 'verb' },
  { role: 'content-md5', label: 'Content-MD5' },
  { role: 'content-type', label: 'Content-Type' },
  { role: 'date', label: 'Date' },
] as const;

/** Label the lines of a V1 string to sign; null when it does not have the V1 shape (< 5 lines). */
export function labelV1Lines(bytes: Uint8Array, dateLabel = 'Date'): LabelledLine[] | null {
  const lines = splitLines(bytes);
  if (lines.length < 5) return null;
  return lines.map((line, i): LabelledLine => {
    const lineNumber = i + 1;
    if (i < 4) {
      const f = FIXED[i]!;
      return { role: f.role, label: f.role === 'date' ? dateLabel : f.label, value: line, bytes: line, lineNumber, section: i, key: '' };
    }
    if (i === lines.length - 1) return { role: 'resource', label: 'resource', value: line, bytes: line, lineNumber, section: 6, key: '' };
    const h = headerLine(line);
    return { role: 'header', label: h.name, headerName: h.name, value: h.value, bytes: line, lineNumber, section: 5, key: h.name };
  });
}

export function diffV1Strings(client: Uint8Array, server: Uint8Array, dateLabel = 'Date'): StringDiff {
  return diffLabelled(client, server, (b) => labelV1Lines(b, dateLabel));
}
