/** Reading the times that appear in requests and error responses. */

/** Parse an HTTP date (`Sun, 22 Nov 2026 14:02:21 GMT`), ISO 8601 (`2026-11-22T14:02:21.000Z`) or ISO basic (`20261122T140221Z`). */
export function parseTime(s: string | undefined | null): number | null {
  if (!s) return null;
  const t = s.trim();
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(t);
  if (basic) {
    const [, y, mo, d, h, mi, se] = basic;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  }
  if (t.length > 64) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `3 h 12 min`, `45 s` */
export function span(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.round(h / 24)} days`;
}

/** OSS allows 15 minutes between the request time and its clock (DOC-V1H; EC 0002-00000504). */
export const MAX_SKEW_MS = 15 * 60 * 1000;
