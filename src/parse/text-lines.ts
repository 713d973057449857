/**
 * Small line-level helpers shared by the curl parsers: line splitting that
 * survives `\r\n` / `\r\r\n` / `\n`, ANSI colour removal, curl progress-meter
 * removal, curl's `--trace-time` / `--trace-ids` prefixes, and the three
 * HTTP line shapes (request line, status line, header field).
 *
 * Everything here is linear in the input: no regex with nested or
 * overlapping quantifiers, and no regex run over the whole text.
 */

const CR = 13;

/**
 * Splits text into lines. A line ends at `\n`; any run of `\r` right before
 * it belongs to the line end (`\r\n`, `\r\r\n` from script(1)). A bare `\r`
 * inside a line is kept (the progress meter uses it). The last element is
 * the text after the final `\n`, so it is `''` when the text ends with a
 * newline: every element but the last was terminated by a newline.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let stop = end;
    while (stop > start && text.charCodeAt(stop - 1) === CR) stop--;
    lines.push(text.slice(start, stop));
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const INTERNED = new Map<string, string>();
const INTERN_MAX_LENGTH = 64;
const INTERN_MAX_ENTRIES = 4096;

/**
 * One shared copy of a short string that repeats (header names, common
 * values, `HTTP/1.1`): a capture of thousands of exchanges then does not hold
 * thousands of copies of `Content-Type`. Bounded: at most 4096 strings of at
 * most 64 characters are remembered.
 */
export function internShort(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return s;
  const known = INTERNED.get(s);
  if (known !== undefined) return known;
  if (INTERNED.size < INTERN_MAX_ENTRIES) INTERNED.set(s, s);
  return s;
}

/** Strips trailing CR characters (what `splitLines` removes at a line end). */
export function stripTrailingCr(line: string): string {
  let stop = line.length;
  while (stop > 0 && line.charCodeAt(stop - 1) === CR) stop--;
  return stop === line.length ? line : line.slice(0, stop);
}

/*
 * CSI: ESC [ params(0x30-0x3F)* intermediates(0x20-0x2F)* final(0x40-0x7E);
 * the three classes are disjoint, so matching cannot backtrack badly.
 * OSC: ESC ] text (BEL | ESC \), bounded so an unterminated one stays cheap.
 * Then any other two-byte escape (ESC + 0x40-0x5F).
 */
const ANSI_RE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,1024}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Removes ANSI colour / cursor escape sequences. */
export function stripAnsi(line: string): string {
  if (line.indexOf('\x1b') < 0) return line;
  return line.replace(ANSI_RE, '');
}

/** `  % Total    % Received % Xferd  Average Speed …` and the `Dload  Upload …` line under it. */
export function isProgressMeterHeading(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('% Total') && t.includes('% Received')) return true;
  if (t.startsWith('Dload') && t.includes('Upload') && t.includes('Speed')) return true;
  return false;
}

function isMeterChar(c: number): boolean {
  // digits, space, . : - and the size/time unit letters curl prints (k M G T P E B)
  return (
    (c >= 48 && c <= 57) ||
    c === 32 ||
    c === 46 ||
    c === 58 ||
    c === 45 ||
    c === 107 ||
    c === 77 ||
    c === 71 ||
    c === 84 ||
    c === 80 ||
    c === 69 ||
    c === 66
  );
}

/**
 * Length of a progress-meter update at the start of `seg` (the text after a
 * `\r`), or 0 when `seg` does not start with one. The meter is a run of
 * right-aligned numeric columns (12 in 7.x/8.5, 9+ in 8.21); the real text
 * glued after it starts right after the last non-blank meter character.
 */
export function progressMeterPrefixLength(seg: string): number {
  let i = 0;
  let lastNonSpace = -1;
  let tokens = 0;
  let inToken = false;
  const n = seg.length;
  while (i < n) {
    const c = seg.charCodeAt(i);
    if (!isMeterChar(c)) break;
    if (c === 32) {
      inToken = false;
    } else {
      if (!inToken) tokens++;
      inToken = true;
      lastNonSpace = i;
    }
    i++;
  }
  if (tokens < 6 || lastNonSpace < 0) return 0;
  return lastNonSpace + 1;
}

/**
 * Removes curl progress-meter output from one line (already split, ANSI-free).
 * Returns `undefined` when the line held nothing but meter output (drop it),
 * otherwise the line with meter fragments removed. Meter updates are
 * `\r`-separated and can be glued in front of the next real line:
 * `\r  0     0 … 0*   Trying 127.0.0.1:80...` → `*   Trying 127.0.0.1:80...`.
 */
export function stripProgressMeter(line: string): string | undefined {
  if (isProgressMeterHeading(line)) return undefined;
  if (line.indexOf('\r') < 0) return line;
  const segs = line.split('\r');
  let out = segs[0] ?? '';
  let sawMeter = false;
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i] ?? '';
    if (seg === '') continue;
    const cut = progressMeterPrefixLength(seg);
    if (cut > 0) {
      sawMeter = true;
      out += seg.slice(cut);
    } else {
      out += '\r' + seg;
    }
  }
  if (sawMeter && out.trim() === '') return undefined;
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TRACE_IDS_RE = /^\[[0-9]{1,20}-(?:[0-9]{1,20}|x)\] /;

/** Characters that start a curl verbose/trace tag line (`* > < { } =`). */
function startsWithTagChar(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  return c === 42 || c === 62 || c === 60 || c === 123 || c === 125 || c === 61;
}

/**
 * Strips `--trace-time` (`14:02:21.834024 `) and 8.x `--trace-ids`
 * (`[0-0] `, `[0-x] `) prefixes, but only in front of a tag character, so a
 * body line that happens to start with a time is left alone.
 */
export function stripCurlLinePrefixes(line: string): string {
  let s = line;
  if (
    s.length >= 16 &&
    isDigit(s.charCodeAt(0)) &&
    isDigit(s.charCodeAt(1)) &&
    s.charCodeAt(2) === 58 &&
    isDigit(s.charCodeAt(3)) &&
    isDigit(s.charCodeAt(4)) &&
    s.charCodeAt(5) === 58 &&
    isDigit(s.charCodeAt(6)) &&
    isDigit(s.charCodeAt(7)) &&
    s.charCodeAt(8) === 46
  ) {
    let j = 9;
    while (j < s.length && j < 9 + 9 && isDigit(s.charCodeAt(j))) j++;
    if (j > 9 && s.charCodeAt(j) === 32) {
      const rest = s.slice(j + 1);
      if (startsWithTagChar(rest) || rest.startsWith('[')) s = rest;
    }
  }
  if (s.charCodeAt(0) === 91 /* [ */) {
    const m = TRACE_IDS_RE.exec(s);
    if (m) {
      const rest = s.slice(m[0].length);
      if (startsWithTagChar(rest)) s = rest;
    }
  }
  return s;
}

/** The per-line clean-up both curl parsers apply: ANSI, progress meter, prefixes. */
export function cleanCurlLine(raw: string): string | undefined {
  const noAnsi = stripAnsi(raw);
  const noMeter = stripProgressMeter(noAnsi);
  if (noMeter === undefined) return undefined;
  return stripCurlLinePrefixes(noMeter);
}

// ---------------------------------------------------------------------------
// HTTP line shapes

const TOKEN_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HTTP_VERSION_RE = /^HTTP\/[0-9](?:\.[0-9])?$/;
const STATUS_RE = /^(HTTP\/[0-9](?:\.[0-9])?) ([0-9]{3})(?: (.*))?$/;

export interface RequestLine {
  method: string;
  target: string;
  httpVersion?: string;
}

/**
 * `GET /key?acl HTTP/1.1`, `HEAD /x HTTP/2`. With `requireVersion` false a
 * version-less `METHOD target` is accepted too.
 */
export function parseRequestLine(line: string, requireVersion = true): RequestLine | undefined {
  const parts = line.split(' ');
  if (parts.length < 2) return undefined;
  const method = parts[0] ?? '';
  if (!TOKEN_RE.test(method)) return undefined;
  const last = parts[parts.length - 1] ?? '';
  if (parts.length >= 3 && HTTP_VERSION_RE.test(last)) {
    const target = parts.slice(1, -1).join(' ');
    if (target === '') return undefined;
    return { method, target, httpVersion: last };
  }
  if (requireVersion || parts.length !== 2 || last === '') return undefined;
  return { method, target: last };
}

export interface StatusLine {
  httpVersion: string;
  status: number;
  reason?: string;
}

/** `HTTP/1.1 403 Forbidden`, `HTTP/2 403 ` (trailing space, no reason). */
export function parseStatusLine(line: string): StatusLine | undefined {
  const m = STATUS_RE.exec(line);
  if (!m) return undefined;
  const out: StatusLine = { httpVersion: m[1] ?? '', status: Number(m[2]) };
  const reason = m[3];
  if (reason !== undefined && reason !== '') out.reason = reason;
  return out;
}

/**
 * `Name: value` → name as written, value with only the single space after the
 * colon removed. `undefined` when the line is not a header field.
 */
export function parseHeaderField(line: string): { name: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const name = line.slice(0, colon);
  if (!TOKEN_RE.test(name)) return undefined;
  let value = line.slice(colon + 1);
  if (value.charCodeAt(0) === 32) value = value.slice(1);
  return { name, value };
}

/** Quick test for an HTTP status line without building the result. */
export function isStatusLine(line: string): boolean {
  return line.startsWith('HTTP/') && STATUS_RE.test(line);
}

/**
 * Feed every cleaned curl line to `feed`, with whether it ended in a newline
 * (the last, unterminated line of a capture may be cut mid-way).
 */
export function forEachCurlLine(text: string, feed: (line: string, terminated: boolean) => void): void {
  forEachCurlLineAt(text, (line, terminated) => feed(line, terminated));
}

/**
 * `forEachCurlLine`, plus where the line sits in `text` when it is there
 * verbatim: `at` is its offset when clean-up changed nothing and no CR was
 * dropped before its newline (so `text.slice(at, at + line.length) === line`,
 * followed by `\n` when terminated), otherwise -1. Lets a parser take a long
 * body as one slice of the input instead of a copy. Walks the text with
 * indexOf: no array of every line of a multi-megabyte capture.
 */
export function forEachCurlLineAt(text: string, feed: (line: string, terminated: boolean, at: number) => void): void {
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let stop = end;
    while (stop > start && text.charCodeAt(stop - 1) === CR) stop--;
    const raw = text.slice(start, stop);
    const terminated = nl >= 0;
    if (!terminated && raw === '') break;
    const line = cleanCurlLine(raw);
    if (line !== undefined) feed(line, terminated, line === raw && stop === end ? start : -1);
    if (!terminated) break;
    start = nl + 1;
  }
}
