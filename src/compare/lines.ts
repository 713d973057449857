/**
 * Labelled lines of a string to sign or canonical request, and their
 * alignment into pairs (yours vs OSS's). Shared by the V1 and V4 diffs.
 */
import { compareUtf8 } from '../sign/byte-order.js';
import { bytesEqual, displayBytes, splitLines } from './bytes.js';

export type LineRole =
  // V1 string to sign
  | 'verb' | 'content-md5' | 'content-type' | 'date' | 'header' | 'resource'
  // V4 canonical request (`verb`, the header roles and `date` for x-oss-date are shared)
  | 'uri' | 'query' | 'blank' | 'additional-headers' | 'payload'
  // V4 string to sign
  | 'algorithm' | 'timestamp' | 'scope' | 'hash'
  // a string without a known shape
  | 'line';

export interface LabelledLine {
  role: LineRole;
  /** `verb`, `Content-Type`, a header name, `resource`, `canonical URI`, `line N` … */
  label: string;
  /** For header lines: the lower-case name before the first `:`. */
  headerName?: string;
  /** The part a rule compares: the value after `name:` for header lines, else the whole line. */
  value: Uint8Array;
  bytes: Uint8Array;
  /** 1-based line number in its own string. */
  lineNumber: number;
  /** Alignment: lines pair up by (section, key); sections keep their order, keys sort inside one. */
  section: number;
  key: string;
}

export interface AlignedLine {
  role: LineRole;
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
  /** Both strings have the expected shape, so lines could be labelled by role. */
  structured: boolean;
  firstDifference: FirstDifference | null;
  lines: AlignedLine[];
}

/** Split `name:value` bytes at the first colon. */
export function headerLine(bytes: Uint8Array): { name: string; value: Uint8Array } {
  const colon = bytes.indexOf(0x3a);
  return colon < 0
    ? { name: Buffer.from(bytes).toString('utf8'), value: new Uint8Array(0) }
    : { name: Buffer.from(bytes.subarray(0, colon)).toString('utf8'), value: bytes.subarray(colon + 1) };
}

export function unstructured(bytes: Uint8Array): LabelledLine[] {
  return splitLines(bytes).map((line, i) => ({ role: 'line', label: `line ${i + 1}`, value: line, bytes: line, lineNumber: i + 1, section: 0, key: String(i).padStart(8, '0') }));
}

/** Pair lines with the same (section, key, occurrence); order by section, then key. */
export function alignLines(c: readonly LabelledLine[], s: readonly LabelledLine[]): AlignedLine[] {
  const group = (lines: readonly LabelledLine[]): Map<string, LabelledLine[]> => {
    const m = new Map<string, LabelledLine[]>();
    for (const l of lines) {
      const k = `${String(l.section).padStart(4, '0')}\u0000${l.key}`;
      const list = m.get(k);
      if (list) list.push(l);
      else m.set(k, [l]);
    }
    return m;
  };
  const cg = group(c);
  const sg = group(s);
  const keys = [...new Set([...cg.keys(), ...sg.keys()])].sort(compareUtf8);
  const out: AlignedLine[] = [];
  for (const k of keys) {
    const cl = cg.get(k) ?? [];
    const sl = sg.get(k) ?? [];
    for (let i = 0; i < Math.max(cl.length, sl.length); i++) {
      const a = cl[i] ?? null;
      const b = sl[i] ?? null;
      const first = (a ?? b)!;
      const aligned: AlignedLine = { role: first.role, label: first.label, client: a, server: b, same: a !== null && b !== null && bytesEqual(a.bytes, b.bytes) };
      if (first.headerName !== undefined) aligned.headerName = first.headerName;
      out.push(aligned);
    }
  }
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

export function firstDifference(client: Uint8Array, server: Uint8Array): FirstDifference | null {
  const offset = firstDifferingByte(client, server);
  if (offset < 0) return null;
  const cl = lineAt(client, offset);
  const sl = lineAt(server, offset);
  return { offset, line: cl.line, client: displayBytes(cl.text), server: displayBytes(sl.text) };
}

/** Diff two strings with a labeller for their shape (null when a string does not have it). */
export function diffLabelled(client: Uint8Array, server: Uint8Array, label: (b: Uint8Array) => LabelledLine[] | null): StringDiff {
  const c = label(client);
  const s = label(server);
  const structured = c !== null && s !== null;
  const lines = alignLines(structured ? c : unstructured(client), structured ? s : unstructured(server));
  const first = firstDifference(client, server);
  return { identical: first === null, structured, firstDifference: first, lines };
}
