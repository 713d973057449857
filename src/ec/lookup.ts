/**
 * `sigdoctor ec QUERY`: find the OSS error code in whatever the user typed or pasted.
 *
 * Accepted queries, tried in this order:
 * 1. A bare EC, optionally prefixed with `EC`, `EC:`, `x-oss-ec:` (any case, any surrounding
 *    white space). Besides the full `FFFF-NNNNNNNN` form, a bare query may drop leading zeros
 *    (`2-40`, `0002-40` → `0002-00000040`), omit the hyphen (`000200000040`, exactly 12 digits)
 *    or use a Unicode dash. The shorthand is accepted only when the query is nothing but the code:
 *    inside longer text only the full form counts, so dates and ranges are not mistaken for ECs.
 * 2. An OSS error `Code` name (`SignatureDoesNotMatch`, …), case-insensitive.
 * 3. Any text holding an EC in full form: error XML (`<EC>…</EC>`), an HTTP response or
 *    `curl -v` output (`x-oss-ec:` header), a log line, a RecommendDoc URL. When several ECs
 *    appear, `<EC>` wins over `x-oss-ec:`, which wins over an `x-oss-err` document, which wins
 *    over any other occurrence; ties go to the first.
 * 4. An `x-oss-err` value (base64 of the error XML), after an `x-oss-err` header name, as a bare
 *    base64 blob starting like `<?xml` or `<Error`, or as the whole query.
 * 5. No EC anywhere: the `<Code>` element, then a known Code name appearing as a word.
 *
 * All scanning is linear in the input size: plain `indexOf` loops and character checks; the few
 * regular expressions run only on short, bounded strings or are literal searches.
 */
import { EC_CATALOGUE, ERROR_CODES, isDocumentationGap, type EcEntry } from './catalogue.js';

export type EcLookupResult =
  | { kind: 'ec'; entry: EcEntry }
  | { kind: 'code'; code: string; meaning: string; entries: EcEntry[] }
  /** A well-formed EC sigdoctor has no entry for; `family` is its 4-digit family. */
  | { kind: 'unknown-ec'; ec: string; family: string | null; note: string }
  | { kind: 'not-found'; query: string };

export const GAP_NOTE = 'no documentation page was found for this code (SIGNING.md §9 gap list)';
export const UNKNOWN_NOTE = "not in sigdoctor's catalogue";

const FAMILY_NAMES: Readonly<Record<string, string>> = {
  '0002': 'authentication / signature',
  '0003': 'permission',
  '0026': 'object existence (NoSuchKey)',
};

/**
 * A short name for an EC family (the `FFFF` part), as far as SIGNING.md §8.4 supports one;
 * `unknown family` otherwise.
 */
export function ecFamilyName(family: string): string {
  return FAMILY_NAMES[family.trim()] ?? 'unknown family';
}

const BY_EC: ReadonlyMap<string, EcEntry> = new Map(EC_CATALOGUE.map((e) => [e.ec, e]));

/** The catalogue entry for a full-form EC, if any. */
export function findEcEntry(ec: string): EcEntry | undefined {
  return BY_EC.get(ec);
}

/** Longest query treated as a bare EC or Code name. */
const BARE_MAX = 64;
/** How far after an `x-oss-err` name its base64 value may start (HAR/JSON puts `", "value": "` in between). */
const ERR_VALUE_WINDOW = 128;
/** Largest base64 run decoded (an `x-oss-err` header is a few KiB at most). */
const BASE64_MAX = 1 << 20;
/** At most this many `x-oss-err` values / blobs are decoded per query… */
const MAX_DECODES = 16;
/** …out of at most this many `x-oss-err` names and base64 markers examined. */
const MAX_ATTEMPTS = 64;
const MIN_BASE64_RUN = 16;

/** Look up an EC, an error Code name, or the EC inside a pasted error response. */
export function lookupEc(query: string): EcLookupResult {
  const q = query.trim();
  if (q === '') return { kind: 'not-found', query };

  if (q.length <= BARE_MAX) {
    const bare = parseBareEc(q);
    if (bare !== null) return resultForEc(bare);
    const code = findCodeName(q);
    if (code !== null) return resultForCode(code);
  }

  const direct = scanForEc(q);
  if (direct !== null && direct.priority <= PRIORITY_HEADER) return resultForEc(direct.ec);

  const decoded = decodeErrDocuments(q);
  for (const doc of decoded) {
    const inner = scanForEc(doc); // ranks below <EC> / x-oss-ec in the text itself, above the rest
    if (inner !== null) return resultForEc(inner.ec);
  }
  if (direct !== null) return resultForEc(direct.ec);

  for (const text of [q, ...decoded]) {
    const code = codeElement(text) ?? codeWord(text);
    if (code !== null) return resultForCode(code);
  }
  return { kind: 'not-found', query };
}

function resultForEc(ec: string): EcLookupResult {
  const entry = BY_EC.get(ec);
  if (entry !== undefined) return { kind: 'ec', entry };
  return {
    kind: 'unknown-ec',
    ec,
    family: ec.slice(0, 4),
    note: isDocumentationGap(ec) ? GAP_NOTE : UNKNOWN_NOTE,
  };
}

function resultForCode(code: string): EcLookupResult {
  const info = ERROR_CODES[code];
  if (info === undefined) throw new Error(`unknown error code ${code}`);
  const entries = info.ecs.map((ec) => BY_EC.get(ec)).filter((e): e is EcEntry => e !== undefined);
  return { kind: 'code', code, meaning: info.meaning, entries };
}

// ---------------------------------------------------------------------------------------------
// Bare queries (at most BARE_MAX characters, so these regular expressions stay cheap).

const BARE_PREFIX = /^(?:x-oss-ec|ec)(?=[\s:=\d])\s*[:=]?\s*/i;
const BARE_EC = /^(\d{1,4})\s*[-\u2010-\u2015\u2212]\s*(\d{1,8})$/;
const BARE_EC_NO_DASH = /^\d{12}$/;

function parseBareEc(q: string): string | null {
  const s = q.replace(BARE_PREFIX, '').replace(/^["'<]+|["'>]+$/g, '').trim();
  if (BARE_EC_NO_DASH.test(s)) return `${s.slice(0, 4)}-${s.slice(4)}`;
  const m = BARE_EC.exec(s);
  if (m === null) return null;
  return `${m[1]!.padStart(4, '0')}-${m[2]!.padStart(8, '0')}`;
}

const CODE_NAMES: readonly string[] = Object.keys(ERROR_CODES);
const CODE_BY_LOWER: ReadonlyMap<string, string> = new Map(CODE_NAMES.map((c) => [c.toLowerCase(), c]));

function findCodeName(q: string): string | null {
  return CODE_BY_LOWER.get(q.replace(/^code\s*[:=]\s*/i, '').trim().toLowerCase()) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Full-text scan for `DDDD-DDDDDDDD`.

const PRIORITY_ELEMENT = 0; // <EC>…</EC>
const PRIORITY_HEADER = 1; // x-oss-ec: …
const PRIORITY_OTHER = 2; // anywhere else (a decoded x-oss-err document ranks between 1 and 2)

interface Found {
  ec: string;
  priority: number;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN outside the string
  return c >= 48 && c <= 57;
}

/** The best full-form EC in `text`: one pass over the hyphens, constant work per hyphen. */
function scanForEc(text: string): Found | null {
  let best: Found | null = null;
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) {
    const start = i - 4;
    const end = i + 9;
    if (start < 0 || end > text.length) continue;
    if (isDigitAt(text, start - 1) || isDigitAt(text, end)) continue;
    let ok = true;
    for (let j = start; j < end && ok; j++) if (j !== i && !isDigitAt(text, j)) ok = false;
    if (!ok) continue;
    const ec = text.slice(start, end);
    const priority = contextPriority(text, start);
    if (best === null || priority < best.priority) best = { ec, priority };
    if (priority === PRIORITY_ELEMENT) break;
  }
  return best;
}

/** What precedes the EC at `start`: an `<EC>` tag, an `x-oss-ec` header name, or anything else. */
function contextPriority(text: string, start: number): number {
  let k = start - 1;
  let skipped = 0;
  while (k >= 0 && skipped < 16 && isSpace(text.charCodeAt(k))) {
    k--;
    skipped++;
  }
  if (endsWithCI(text, k + 1, '<ec>')) return PRIORITY_ELEMENT;
  if (k >= 0 && text[k] === ':') {
    let n = k - 1;
    while (n >= 0 && (text[n] === ' ' || text[n] === '\t')) n--;
    if (endsWithCI(text, n + 1, 'x-oss-ec')) return PRIORITY_HEADER;
  }
  return PRIORITY_OTHER;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Does `text.slice(0, end)` end with the lower-case ASCII `suffix`, ignoring ASCII case? */
function endsWithCI(text: string, end: number, suffix: string): boolean {
  const from = end - suffix.length;
  if (from < 0) return false;
  for (let j = 0; j < suffix.length; j++) {
    let c = text.charCodeAt(from + j);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== suffix.charCodeAt(j)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// x-oss-err: base64 of the error document.

function isBase64Char(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61
  );
}

/** The end of the base64 run starting at `from` (exclusive), capped at BASE64_MAX characters. */
function base64RunEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + BASE64_MAX);
  let k = from;
  while (k < limit && isBase64Char(text.charCodeAt(k))) k++;
  return k;
}

/** Error documents hidden in base64: the whole query, values after `x-oss-err` names, bare blobs. */
function decodeErrDocuments(text: string): string[] {
  // The whole query is a base64 value, possibly wrapped over several lines.
  if (text.length <= BASE64_MAX && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const doc = decodeBase64Text(text.replace(/\s+/g, ''));
    if (doc !== null) return [doc];
  }

  const docs: string[] = [];
  const seen = new Set<number>();
  let attempts = 0;
  const more = (): boolean => docs.length < MAX_DECODES && attempts++ < MAX_ATTEMPTS;
  const take = (from: number): void => {
    if (seen.has(from)) return;
    seen.add(from);
    const end = base64RunEnd(text, from);
    if (end - from < MIN_BASE64_RUN) return;
    const doc = decodeBase64Text(text.slice(from, end));
    if (doc !== null) docs.push(doc);
  };

  // After each `x-oss-err` header name (not `x-oss-error-type`): the first long base64 run nearby.
  const nameRe = /x-oss-err(?![a-z0-9-])/gi;
  for (let m = nameRe.exec(text); m !== null && more(); m = nameRe.exec(text)) {
    const windowEnd = Math.min(text.length, nameRe.lastIndex + ERR_VALUE_WINDOW);
    let k = nameRe.lastIndex;
    while (k < windowEnd) {
      if (!isBase64Char(text.charCodeAt(k))) {
        k++;
        continue;
      }
      const end = base64RunEnd(text, k);
      if (end - k >= MIN_BASE64_RUN) {
        take(k);
        break;
      }
      k = end;
    }
  }

  // Bare blobs: base64 of `<?xml ` and of `<Error>`.
  for (const marker of ['PD94bWwg', 'PEVycm9y']) {
    for (let i = text.indexOf(marker); i !== -1 && more(); i = text.indexOf(marker, i + 1)) {
      if (i > 0 && isBase64Char(text.charCodeAt(i - 1))) continue; // inside a longer run
      take(i);
    }
  }

  return docs;
}

/** Lenient base64 → UTF-8 text, kept only when it looks like an error document. */
function decodeBase64Text(b64: string): string | null {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return text.includes('<') ? text : null;
}

// ---------------------------------------------------------------------------------------------
// Code names, when no EC is present (e.g. pre-2022 responses).

/** The text of the first `<Code>` element, if it is a Code sigdoctor knows. */
function codeElement(text: string): string | null {
  const re = /<code>\s*([A-Za-z]{1,64})\s*<\/code>/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const code = CODE_BY_LOWER.get(m[1]!.toLowerCase());
    if (code !== undefined) return code;
  }
  return null;
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** The earliest known Code name appearing as a whole word, spelled as OSS spells it. */
function codeWord(text: string): string | null {
  let best: { code: string; at: number } | null = null;
  for (const code of CODE_NAMES) {
    for (let i = text.indexOf(code); i !== -1; i = text.indexOf(code, i + 1)) {
      if (best !== null && i >= best.at) break;
      const after = i + code.length;
      // `SignatureDoesNotMatchError` (ali-oss error names) still counts; `xSignatureDoesNotMatch` does not.
      if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      if (after < text.length && isWordChar(text.charCodeAt(after)) && !text.startsWith('Error', after)) continue;
      best = { code, at: i };
      break;
    }
  }
  return best?.code ?? null;
}
