/**
 * Byte diff of two V1 strings to sign, with every line labelled by its role
 * (SIGNING.md §2.1 layout: verb, Content-MD5, Content-Type, date, one line per
 * x-oss-* header, resource). Facts only; naming causes is diagnose/'s job.
 */
import { compareUtf8 } from '../sign/byte-order.js';
import { bytesEqual, decodeUtf8, displayBytes, splitLines } from './bytes.js';

export type V1LineRole = 'verb' | 'content-md5' | 'content-type' | 'date' | 'header' | 'resource' | 'line';

export interface LabelledLine {
  role: V1LineRole;
  /** `verb`, `Content-MD5`, `Content-Type`, `Date`/`Expires`, the header name, `resource`, or `line N`. */
  label: string;
  /** For header lines: the name before the first `:`. */
  headerName?: string;
  /** For header lines: the bytes after the first `:`. */
  headerValue?: Uint8Array;
  bytes: Uint8Array;
  /** 1-based line number in its own string. */
  lineNumber: number;
}

export interface AlignedLine {
  role: V1LineRole;
  label: string;
  headerName?: string;
  client: LabelledLine | null;
  server: LabelledLine | null;
  same: boolean;
}

export interface FirstDifference {
  /** Byte offset into the UTF-8 bytes (CONTRACT.md). */
  offset: number;
  /** 1-based line number. */
  line: number;
  /** The whole differing line on each side, invisible bytes escaped. */
  client: string;
  server: string;
}

export interface StringDiff {
  identical: boolean;
  /** Both strings have the five-part V1 shape, so lines could be labelled by role. */
  structured: boolean;
  firstDifference: FirstDifference | null;
  lines: AlignedLine[];
}

const FIXED: Array<{ role: V1LineRole; label: string }> = [
  { role: 'verb', label: 'verb' },
  { role: 'content-md5', label: 'Content-MD5' },
  { role: 'content-type', label: 'Content-Type' },
  { role: 'date', label: 'Date' },
];

/** Label the lines of a V1 string to sign; null when it does not have the V1 shape (< 5 lines). */
export function labelV1Lines(bytes: Uint8Array, dateLabel = 'Date'): LabelledLine[] | null {
  const lines = splitLines(bytes);
  if (lines.length < 5) return null;
  return lines.map((line, i): LabelledLine => {
    const lineNumber = i + 1;
    if (i < 4) {
      const f = FIXED[i]!;
      return { role: f.role, label: f.role === 'date' ? dateLabel : f.label, bytes: line, lineNumber };
    }
    if (i === lines.length - 1) return { role: 'resource', label: 'resource', bytes: line, lineNumber };
    const colon = line.indexOf(0x3a);
    const headerName = decodeUtf8(colon < 0 ? line : line.subarray(0, colon));
    const headerValue = colon < 0 ? new Uint8Array(0) : line.subarray(colon + 1);
    return { role: 'header', label: headerName, headerName, headerValue, bytes: line, lineNumber };
  });
}

function unstructured(bytes: Uint8Array): LabelledLine[] {
  return splitLines(bytes).map((line, i) => ({ role: 'line' as const, label: `line ${i + 1}`, bytes: line, lineNumber: i + 1 }));
}

function pair(role: V1LineRole, label: string, client: LabelledLine | null, server: LabelledLine | null, headerName?: string): AlignedLine {
  const same = client !== null && server !== null && bytesEqual(client.bytes, server.bytes);
  const a: AlignedLine = { role, label, client, server, same };
  if (headerName !== undefined) a.headerName = headerName;
  return a;
}

/** Align two labelled V1 strings: fixed lines by position, header lines by name, resource last. */
function alignStructured(c: LabelledLine[], s: LabelledLine[]): AlignedLine[] {
  const out: AlignedLine[] = [];
  for (let i = 0; i < 4; i++) out.push(pair(c[i]!.role, c[i]!.label, c[i]!, s[i]!));
  const headerMap = (lines: LabelledLine[]): Map<string, LabelledLine[]> => {
    const m = new Map<string, LabelledLine[]>();
    for (const l of lines) if (l.role === 'header') m.set(l.headerName!, [...(m.get(l.headerName!) ?? []), l]);
    return m;
  };
  const ch = headerMap(c);
  const sh = headerMap(s);
  const names = [...new Set([...ch.keys(), ...sh.keys()])].sort(compareUtf8);
  for (const name of names) {
    const cl = ch.get(name) ?? [];
    const sl = sh.get(name) ?? [];
    for (let k = 0; k < Math.max(cl.length, sl.length); k++) out.push(pair('header', name, cl[k] ?? null, sl[k] ?? null, name));
  }
  out.push(pair('resource', 'resource', c[c.length - 1]!, s[s.length - 1]!));
  return out;
}

function alignByIndex(c: LabelledLine[], s: LabelledLine[]): AlignedLine[] {
  const out: AlignedLine[] = [];
  for (let i = 0; i < Math.max(c.length, s.length); i++) out.push(pair('line', `line ${i + 1}`, c[i] ?? null, s[i] ?? null));
  return out;
}

/** Offset of the first differing byte, or -1 when equal. A prefix differs at the shorter length. */
export function firstDifferingByte(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function lineAt(bytes: Uint8Array, offset: number): { line: number; text: Uint8Array } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < Math.min(offset, bytes.length); i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  let end = bytes.indexOf(0x0a, start);
  if (end < 0) end = bytes.length;
  return { line, text: bytes.subarray(start, end) };
}

export function diffV1Strings(client: Uint8Array, server: Uint8Array, dateLabel = 'Date'): StringDiff {
  const offset = firstDifferingByte(client, server);
  const c = labelV1Lines(client, dateLabel);
  const s = labelV1Lines(server, dateLabel);
  const structured = c !== null && s !== null;
  const lines = structured ? alignStructured(c, s) : alignByIndex(c ?? unstructured(client), s ?? unstructured(server));
  if (offset < 0) return { identical: true, structured, firstDifference: null, lines };
  const cl = lineAt(client, offset);
  const sl = lineAt(server, offset);
  return {
    identical: false,
    structured,
    firstDifference: { offset, line: cl.line, client: displayBytes(cl.text), server: displayBytes(sl.text) },
    lines,
  };
}
