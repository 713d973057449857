/**
 * Masking of AccessKey ids, signatures and security tokens (CONTRACT.md
 * --no-redact). Masks keep the value's length, so byte offsets in the report
 * (firstDifference.offset) stay valid for ASCII credentials.
 */
import type { Report, SensitiveValue } from '../model/report.js';

/** `LTAI5tExampleKeyId0000` → `LTAI**************0000`: first 4 and last 4 characters kept. */
export function maskAccessKeyId(v: string): string {
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** Signatures and tokens are live credentials: only the first 4 characters are kept. */
export function maskCredential(v: string): string {
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 4);
}

/** Window of the rolling hash: every value sensitiveValues keeps has at least 8 characters. */
const WINDOW = 8;
const BASE = 0x01000193;
/** Up to this many values, one indexOf per value beats one hashed window per character. */
const FEW_VALUES = 24;
const BASE_POW_WINDOW = (() => {
  let p = 1;
  for (let i = 0; i < WINDOW; i++) p = Math.imul(p, BASE);
  return p;
})();

function windowHash(s: string, from: number): number {
  let h = 0;
  for (let i = from; i < from + WINDOW; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * A function that masks every occurrence of every sensitive value in a string.
 *
 * A HAR of thousands of signed URLs gives thousands of values, and a report of
 * thousands of strings: testing each value against each string (split/join per
 * value) was quadratic — 4 s for 5,000 presigned image URLs. Here each string
 * is scanned once with a rolling hash of its 8-character windows, and a window
 * whose hash starts some value is looked up by its text, once per length. Every match stars
 * the characters its own mask stars (masks keep the value's length, and keep
 * only characters of the value itself visible), so overlapping values — a
 * token that contains an AccessKey id — end up masked as much as either mask
 * says, never less.
 */
/** `fewValues`: tests set 0 to check the hashed scan on small lists. */
export function maskerFor(sensitive: readonly SensitiveValue[], fewValues = FEW_VALUES): (s: string) => string {
  const pairs = new Map<string, string>();
  for (const { value, kind } of sensitive) {
    if (value.length < 4 || pairs.has(value)) continue;
    pairs.set(value, kind === 'access-key-id' ? maskAccessKeyId(value) : maskCredential(value));
  }
  // Values by the hash of their first 8 characters, then by length and text: AccessKey ids
  // share their first characters (LTAI5t…), so a window may start thousands of values,
  // but only a few lengths — one lookup per length, not one comparison per value.
  const byWindow = new Map<number, { lengths: number[]; masks: Map<string, string> }>();
  // Values looked for one by one with indexOf (native, faster than the JS scan while they
  // are few): all of them when there are few, else those shorter than the window.
  const short: Array<[string, string]> = [];
  const few = pairs.size <= fewValues;
  for (const pair of pairs) {
    if (few || pair[0].length < WINDOW) {
      short.push(pair);
      continue;
    }
    const h = windowHash(pair[0], 0);
    let bucket = byWindow.get(h);
    if (bucket === undefined) byWindow.set(h, (bucket = { lengths: [], masks: new Map() }));
    if (!bucket.lengths.includes(pair[0].length)) bucket.lengths.push(pair[0].length);
    bucket.masks.set(pair[0], pair[1]);
  }
  let shortest = Infinity;
  for (const value of pairs.keys()) shortest = Math.min(shortest, value.length);
  return (s: string) => {
    // Most report strings (labels, line roles, short values) cannot hold any value.
    if (s.length < shortest) return s;
    let stars: Uint8Array | null = null;
    const mark = (at: number, mask: string): void => {
      stars ??= new Uint8Array(s.length);
      for (let j = 0; j < mask.length; j++) if (mask.charCodeAt(j) === 42 /* * */) stars[at + j] = 1;
    };
    if (byWindow.size > 0 && s.length >= WINDOW) {
      let h = 0;
      for (let i = 0; i < s.length; i++) {
        h = Math.imul(h, BASE) + s.charCodeAt(i);
        if (i >= WINDOW) h -= Math.imul(s.charCodeAt(i - WINDOW), BASE_POW_WINDOW);
        h >>>= 0;
        if (i < WINDOW - 1) continue;
        const bucket = byWindow.get(h);
        if (bucket === undefined) continue;
        const at = i - WINDOW + 1;
        for (const length of bucket.lengths) {
          if (at + length > s.length) continue;
          const mask = bucket.masks.get(s.slice(at, at + length));
          if (mask !== undefined) mark(at, mask);
        }
      }
    }
    for (const [value, mask] of short) {
      for (let at = s.indexOf(value); at >= 0; at = s.indexOf(value, at + 1)) mark(at, mask);
    }
    if (stars === null) return s;
    const starred: Uint8Array = stars;
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      if (starred[i] === 0) continue;
      out += s.slice(from, i) + '*';
      from = i + 1;
    }
    return out + s.slice(from);
  };
}

export function mapStrings<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f)) as T;
  if (v !== null && typeof v === 'object') {
    // for…in over own keys, not Object.entries: a 1,000-result report has a few hundred
    // thousand nodes, and the entry arrays were most of this copy's garbage.
    const out: Record<string, unknown> = {};
    const o = v as Record<string, unknown>;
    for (const k in o) if (Object.hasOwn(o, k)) out[k] = mapStrings(o[k], f);
    return out as T;
  }
  return v;
}

/** A copy of the report with every sensitive value masked wherever it appears. */
export function redactReport(report: Report): Report {
  const mask = maskerFor(report.sensitive);
  const out: Report = { ...report, results: mapStrings(report.results, mask) };
  if (report.skipped) out.skipped = mapStrings(report.skipped, mask);
  return out;
}
