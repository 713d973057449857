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

export function maskerFor(sensitive: readonly SensitiveValue[]): (s: string) => string {
  const pairs = new Map<string, string>();
  for (const { value, kind } of sensitive) {
    if (value.length < 4 || pairs.has(value)) continue;
    pairs.set(value, kind === 'access-key-id' ? maskAccessKeyId(value) : maskCredential(value));
  }
  // Longest first, so a token is masked before any id that happens to be inside it.
  const ordered = [...pairs.entries()].sort((a, b) => b[0].length - a[0].length);
  return (s: string) => {
    let out = s;
    for (const [value, mask] of ordered) if (out.includes(value)) out = out.split(value).join(mask);
    return out;
  };
}

export function mapStrings<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapStrings(x, f);
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
