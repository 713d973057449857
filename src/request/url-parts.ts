/**
 * Splitting a request-target into path and query, and percent-decoding, done by
 * hand rather than with WHATWG `URL`: `URL` re-encodes and normalises (`/a/../b`,
 * spaces, `%7e`), and sigdoctor needs the bytes exactly as the client sent them.
 */

/** One query parameter. `rawValue`/`value` are null when the pair had no `=` (`?acl`). */
export interface QueryParam {
  rawName: string;
  rawValue: string | null;
  /** Percent-decoded; `+` is kept as `+` (see decodeQueryComponent). */
  name: string;
  value: string | null;
}

export interface TargetParts {
  scheme?: string;
  /** Authority from an absolute-form target (`GET https://host/key HTTP/1.1`), without userinfo. */
  authority?: string;
  /** Path as sent, still percent-encoded; always starts with `/`. */
  rawPath: string;
  /** Query as sent, without the leading `?`; '' when there is none. */
  rawQuery: string;
  /** The fragment, if the user pasted one (never sent on the wire). */
  fragment?: string;
}

/** Split `https://host/p?q#f`, `//host/p`, `/p?q` or `*` into its parts, without decoding. */
export function splitTarget(target: string): TargetParts {
  let rest = target;
  let fragment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let scheme: string | undefined;
  let authority: string | undefined;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]{0,15}):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
    const end = firstIndexOf(rest, ['/', '?']);
    authority = rest.slice(0, end);
    rest = rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.slice(at + 1);
  }
  const q = rest.indexOf('?');
  let rawPath = q >= 0 ? rest.slice(0, q) : rest;
  const rawQuery = q >= 0 ? rest.slice(q + 1) : '';
  if (!rawPath.startsWith('/')) rawPath = '/' + rawPath;
  const parts: TargetParts = { rawPath, rawQuery };
  if (scheme !== undefined) parts.scheme = scheme;
  if (authority !== undefined) parts.authority = authority;
  if (fragment !== undefined) parts.fragment = fragment;
  return parts;
}

function firstIndexOf(s: string, chars: string[]): number {
  let best = s.length;
  for (const c of chars) {
    const i = s.indexOf(c);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Percent-decode `%XX` escapes into bytes and read the result as UTF-8.
 * A `%` not followed by two hex digits stays literal (servers and SDKs are
 * lenient here too). `+` is NOT turned into a space: that is form-encoding,
 * not URL path encoding, and OSS paths carry `+` literally (SIGNING.md §10.7).
 * The text between escapes is written as UTF-8 in one go (a lone surrogate
 * becomes U+FFFD, as Buffer.from writes it).
 */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  // At most 3 UTF-8 bytes per UTF-16 code unit; an escape is 3 units for 1 byte.
  const buf = Buffer.allocUnsafe(s.length * 3);
  let n = 0;
  let run = 0;
  for (let i = 0; i < s.length; ) {
    if (s.charCodeAt(i) === 0x25 /* % */ && i + 2 < s.length) {
      const hi = hexDigit(s.charCodeAt(i + 1));
      const lo = hi < 0 ? -1 : hexDigit(s.charCodeAt(i + 2));
      if (lo >= 0) {
        if (run < i) n += buf.write(s.slice(run, i), n, 'utf8');
        buf[n++] = hi * 16 + lo;
        i += 3;
        run = i;
        continue;
      }
    }
    i++;
  }
  if (run < s.length) n += buf.write(s.slice(run), n, 'utf8');
  return buf.toString('utf8', 0, n);
}

/**
 * Decode a query name or value the way the V1 signers do (SIGNING.md §2.4:
 * "Sub-resource values are URL-decoded"). A bare `+` is ambiguous between
 * decoders (go-v2 reads it as a space, py-v2 keeps it; §12.4); sigdoctor keeps
 * it and the diagnosis reports the ambiguity when the server read a space.
 */
export function decodeQueryComponent(s: string): string {
  return percentDecode(s);
}

/**
 * `encodeURIComponent` that cannot throw: a lone surrogate (from UTF-16 input or
 * a JSON `\ud800` escape) is encoded as U+FFFD, as Buffer and TextEncoder do,
 * instead of raising URIError.
 */
export function encodeUriComponentSafe(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
  }
}

/** Split a raw query string into parameters, keeping order and repeats. Empty pieces (`a&&b`) are skipped. */
export function parseQuery(rawQuery: string): QueryParam[] {
  if (rawQuery === '') return [];
  const out: QueryParam[] = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq >= 0 ? piece.slice(0, eq) : piece;
    const rawValue = eq >= 0 ? piece.slice(eq + 1) : null;
    out.push({
      rawName,
      rawValue,
      name: decodeQueryComponent(rawName),
      value: rawValue === null ? null : decodeQueryComponent(rawValue),
    });
  }
  return out;
}

/** First parameter with this exact (decoded) name — OSS uses the first occurrence (DOC-V1U-md). */
export function firstParam(params: readonly QueryParam[], name: string): QueryParam | undefined {
  return params.find((p) => p.name === name);
}

/** The ways copying damages a query's `&` separators (CAUSES.md html-escaped-url). */
export const QUERY_ESCAPES = ['&amp;', '\\u0026', '&#38;', '%26amp%3B'] as const;
export type QueryEscape = (typeof QUERY_ESCAPES)[number];

/**
 * The query as its signer produced it, with copy-damaged separators turned
 * back into `&`. `&#38;` puts a `#` in the URL, so what follows it landed in
 * the fragment; it is joined back.
 */
export function repairDamagedQuery(target: TargetParts): { query: string; escapes: QueryEscape[] } {
  const full = target.fragment !== undefined && target.fragment.includes('38;') ? `${target.rawQuery}#${target.fragment}` : target.rawQuery;
  const escapes = QUERY_ESCAPES.filter((e) => full.includes(e));
  let query = full;
  for (const e of escapes) query = query.split(e).join('&');
  return { query, escapes };
}
