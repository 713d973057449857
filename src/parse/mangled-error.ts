/**
 * Recovering an OSS `<Error>` document from text where it was mangled on its
 * way to the user (INPUTS.md §1.2, §7.4, §7.6):
 *
 * - inside a quoted string literal: JSON (`"<?xml version=\"1.0\" …\n<Error>\n…"`,
 *   Node/PicGo logs), a Python repr (`b'<?xml …\n<Error>…'`) or Node's
 *   `util.inspect` (`'<Error>\n' +\n  '  <Code>…'`);
 * - an oss2 exception's `str(e)`: a Python dict repr whose `details` hold the
 *   error fields (`'StringToSign': 'PUT\n\n…'`), rebuilt here into XML;
 * - a Java SDK `ServiceException.getMessage()` (`[ErrorCode]: …`, `[ResponseError]:`
 *   followed by the raw XML);
 * - a copy from a browser's XML viewer (StringToSign newlines collapsed to spaces).
 *
 * Only text is located or rebuilt here; the XML still goes through
 * `parseErrorXml`. Literal `\n` inside an otherwise plain XML (the Alibaba docs)
 * is handled downstream and left alone. Nothing here throws, evaluates code, or
 * does more than linear work per candidate (candidates and lengths are bounded).
 */
import { findErrorXml, MAX_ERROR_XML_BYTES } from './error-xml.js';

/** Longest stretch of text looked at when sniffing. */
const SNIFF_CHARS = 1024 * 1024;
/** How many `<Error` candidates are tried before giving up. */
const MAX_CANDIDATES = 32;
/** Longest string literal (in source characters) that is decoded. */
const MAX_LITERAL_CHARS = 4 * MAX_ERROR_XML_BYTES;
/** Python literals nest this deep at most (dicts in dicts …). */
const MAX_DEPTH = 16;

const BROWSER_VIEWER_HEADER = 'This XML file does not appear to have any style information';
export const BROWSER_VIEWER_NOTE = 'StringToSign newlines were collapsed by a browser XML viewer; only StringToSignBytes is reliable';

export interface RecoveredErrorXml {
  xml: string;
  notes: string[];
}

/** Cheap test: does this text hold an OSS error in one of the mangled shapes above? */
export function looksLikeMangledError(text: string): boolean {
  try {
    const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
    if (head.includes(BROWSER_VIEWER_HEADER) && findErrorXml(head).length > 0) return true;
    if (head.includes('\n[ErrorCode]: ') && head.includes('\n[RequestId]: ')) return true;
    if (hasPythonErrorDict(head)) return true;
    return findQuotedErrorLiteral(head) !== null;
  } catch {
    return false;
  }
}

/**
 * The error XML hidden in mangled text, with notes saying what was recovered
 * and how; null when the text holds none of the shapes above (plain XML is
 * left to `findErrorXml`). Never throws.
 */
export function recoverErrorXml(text: string): RecoveredErrorXml | null {
  try {
    return recoverUnchecked(text);
  } catch {
    return null;
  }
}

function recoverUnchecked(text: string): RecoveredErrorXml | null {
  const quoted = findQuotedErrorLiteral(text);
  if (quoted) return quoted;
  const py = recoverPythonErrorDict(text);
  if (py) {
    const notes = [
      py.lenient
        ? 'rebuilt the error XML from a Python dict repr (an oss2 exception) that is not a complete literal; its fields were read one by one'
        : 'rebuilt the error XML from the details of a Python dict repr (an oss2 exception, str(e)); \\n and \\xNN escapes were decoded',
    ];
    return { xml: buildErrorXml(py.fields), notes };
  }
  const java = recoverJavaMessage(text);
  if (java) return java;
  return recoverBrowserViewer(text);
}

// ---------------------------------------------------------------------------
// XML building (also used by the SDK log parsers)

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Escape element text: `& < >`, and CR / other control characters as character references (XML would normalise a raw CR away). */
export function escapeXmlText(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c < 32 && c !== 9 && c !== 10) rep = `&#${c};`;
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * An OSS-shaped error document (INPUTS.md §1.1 layout: prolog, LF, two-space
 * indent, final LF) from `[element, text]` pairs in the given order. A null
 * text gives an empty element; names that are not XML names are skipped.
 */
export function buildErrorXml(fields: ReadonlyArray<readonly [string, string | null]>): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Error>'];
  for (const [name, value] of fields) {
    if (!ELEMENT_NAME.test(name) || name === 'Error') continue;
    lines.push(`  <${name}>${escapeXmlText(value ?? '')}</${name}>`);
  }
  lines.push('</Error>');
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Quoted string literals holding the XML (JSON, Python repr, util.inspect)

function isEscaped(text: string, at: number): boolean {
  let n = 0;
  for (let j = at - 1; j >= 0 && text.charCodeAt(j) === 92; j--) n++;
  return n % 2 === 1;
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** Positions of `<Error` (raw or as the JSON escape `\u003cError`), at most MAX_CANDIDATES. */
function errorOpenCandidates(text: string): number[] {
  const out: number[] = [];
  for (const needle of ['<Error', '\\u003cError', '\\u003CError', '\\x3cError', '\\x3CError']) {
    let i = text.indexOf(needle);
    while (i >= 0 && out.length < MAX_CANDIDATES) {
      out.push(i);
      i = text.indexOf(needle, i + needle.length);
    }
  }
  return out.sort((a, b) => a - b).slice(0, MAX_CANDIDATES);
}

/** The unescaped `quote` before `at` on the same physical line, or -1. */
function openingQuote(text: string, at: number, quote: string): number {
  const lo = Math.max(0, at - MAX_LITERAL_CHARS);
  for (let j = at - 1; j >= lo; j--) {
    const c = text.charAt(j);
    if (isLineBreak(c)) return -1;
    if (c === quote && !isEscaped(text, j)) return j;
  }
  return -1;
}

/** The unescaped `quote` closing a literal whose body starts at `from`, or -1 (a raw line break ends the search). */
function closingQuote(text: string, from: number, quote: string): number {
  const hi = Math.min(text.length, from + MAX_LITERAL_CHARS);
  for (let j = from; j < hi; j++) {
    const c = text.charAt(j);
    if (c === '\\') {
      j++;
      continue;
    }
    if (isLineBreak(c)) return -1;
    if (c === quote) return j;
  }
  return -1;
}

interface DecodedLiteral {
  value: string;
  /** True when the source had escapes (so the text really was escaped). */
  hadEscapes: boolean;
  lenient: boolean;
  pieces: number;
  /** The first piece was a Python bytes literal (`b'…'`). */
  bytes?: boolean;
}

function decodeJsonLiteral(literal: string): DecodedLiteral {
  const body = literal.slice(1, -1);
  try {
    const v: unknown = JSON.parse(literal);
    if (typeof v === 'string') return { value: v, hadEscapes: body.includes('\\'), lenient: false, pieces: 1 };
  } catch {
    // fall through to the lenient decoder
  }
  const d = decodeEscapes(body, 'str');
  return { value: d.text, hadEscapes: body.includes('\\'), lenient: true, pieces: 1 };
}

/**
 * A single-quoted literal (Python repr, Node util.inspect) starting at `open`,
 * joined with the literals that directly follow it (`'…' +\n  '…'` in
 * util.inspect, `'…'\n b'…'` in pprint). Returns null when unterminated.
 */
function decodeSingleQuotedRun(text: string, open: number): DecodedLiteral | null {
  let hadEscapes = false;
  let pieces = 0;
  let pos = open;
  let length = 0;
  const bytesPrefix = open > 0 && /[bB]/.test(text.charAt(open - 1)) && !/[A-Za-z0-9_]/.test(text.charAt(open - 2) || ' ');
  let mode: 'str' | 'bytes' = bytesPrefix ? 'bytes' : 'str';
  // Bytes pieces are kept as bytes until the end: pprint cuts a bytes repr at
  // any byte, also inside a UTF-8 sequence.
  const chunks: Array<string | Uint8Array> = [];
  for (;;) {
    const close = closingQuote(text, pos + 1, "'");
    if (close < 0) break;
    const body = text.slice(pos + 1, close);
    if (body.includes('\\')) hadEscapes = true;
    const chunk = mode === 'bytes' ? bytesOf(body) : decodeEscapes(body, 'str').text;
    chunks.push(chunk);
    length += chunk.length;
    pieces++;
    if (length > MAX_LITERAL_CHARS) break;
    // Another literal right after: optional `+`, whitespace/newlines, optional `b`.
    let j = close + 1;
    let sawGap = 0;
    while (j < text.length && sawGap < 256 && /[ \t\r\n+]/.test(text.charAt(j))) {
      j++;
      sawGap++;
    }
    let nextMode: 'str' | 'bytes' = 'str';
    if (text.charAt(j) === 'b' || text.charAt(j) === 'B') {
      nextMode = 'bytes';
      j++;
    }
    if (j === close + 1 || text.charAt(j) !== "'") break;
    pos = j;
    mode = nextMode;
  }
  if (pieces === 0) return null;
  let value = '';
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length > 0) value += utf8(Uint8Array.from(pending)).text;
    pending = [];
  };
  for (const c of chunks) {
    if (typeof c === 'string') {
      flush();
      value += c;
    } else for (const b of c) pending.push(b);
  }
  flush();
  return { value, hadEscapes, lenient: false, pieces, bytes: bytesPrefix };
}

/**
 * Walk back from a single-quoted literal opening at `open` over the pieces
 * joined to it (`'<?xml …?>\n' +\n    '<Error>\n'`), so the run starts at its
 * first piece. Each step looks at one line; at most 4096 steps.
 */
function firstPieceOfRun(text: string, open: number): number {
  let first = open;
  for (let step = 0; step < 4096; step++) {
    let j = first - 1;
    if (j >= 0 && (text.charAt(j) === 'b' || text.charAt(j) === 'B')) j--;
    let gap = 0;
    let sawPlusOrBreak = false;
    while (j >= 0 && gap < 256 && /[ \t\r\n+]/.test(text.charAt(j))) {
      if (text.charAt(j) !== ' ' && text.charAt(j) !== '\t') sawPlusOrBreak = true;
      j--;
      gap++;
    }
    if (j < 0 || !sawPlusOrBreak || text.charAt(j) !== "'" || isEscaped(text, j)) return first;
    const prevOpen = openingQuote(text, j, "'");
    if (prevOpen < 0) return first;
    first = prevOpen;
  }
  return first;
}

/**
 * Find an `<Error` that sits inside an escaped string literal and decode the
 * literal. Tries the JSON (`"`) reading first, then the single-quoted one.
 * Escaped twice (a JSON string inside a JSON string) is decoded twice.
 */
function findQuotedErrorLiteral(text: string): RecoveredErrorXml | null {
  for (const at of errorOpenCandidates(text)) {
    for (const quote of ['"', "'"]) {
      const open = openingQuote(text, at, quote);
      if (open < 0) continue;
      let decoded: DecodedLiteral | null;
      if (quote === '"') {
        const close = closingQuote(text, at, '"');
        if (close < 0) continue;
        decoded = decodeJsonLiteral(text.slice(open, close + 1));
      } else {
        decoded = decodeSingleQuotedRun(text, firstPieceOfRun(text, open));
      }
      if (!decoded || !decoded.hadEscapes) continue;
      let value = decoded.value;
      let rounds = 1;
      // Doubly escaped: `<Error>\n` still literal after one decode and no real newline.
      while (rounds < 3 && !value.includes('\n') && value.includes('\\n') && value.includes('<Error')) {
        const again = decodeEscapes(value, 'str').text;
        if (again === value) break;
        value = again;
        rounds++;
      }
      const span = findErrorXml(value).find((s) => s.xml.includes('</Error>'));
      if (!span) continue;
      const notes: string[] = [];
      if (quote === '"') {
        notes.push(
          decoded.lenient
            ? 'recovered the error XML from a quoted string that is not valid JSON; its escapes (\\n, \\", \\uXXXX …) were decoded leniently'
            : 'recovered the error XML from a JSON string literal (escapes such as \\n and \\" decoded with JSON.parse)',
        );
      } else {
        const what = decoded.bytes ? "a Python bytes literal b'…'" : 'a Python repr or Node util.inspect output';
        notes.push(
          `recovered the error XML from a single-quoted string literal (${what}${decoded.pieces > 1 ? `, ${decoded.pieces} pieces joined` : ''}); its escapes were decoded`,
        );
      }
      if (rounds > 1) notes.push(`the XML was escaped ${rounds} times over; it was decoded ${rounds} times`);
      return { xml: span.xml, notes };
    }
  }
  return null;
}

/**
 * Decode backslash escapes: JSON / JavaScript / Python ones. In `bytes` mode
 * `\xNN` is a byte and the result is read as UTF-8; in `str` mode `\xNN` is a
 * code point (Python str repr). Unknown escapes keep their backslash (Python's
 * rule). Reports whether UTF-8 decoding had to replace invalid bytes.
 */
export function decodeEscapes(body: string, mode: 'str' | 'bytes'): { text: string; invalidUtf8: boolean } {
  if (!body.includes('\\')) return { text: body, invalidUtf8: false };
  const bytes: number[] = [];
  let out = '';
  const pushCodePoint = (cp: number): void => {
    if (mode === 'bytes') {
      if (cp < 0x80) bytes.push(cp);
      else for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
    } else out += String.fromCodePoint(cp);
  };
  const pushByte = (b: number): void => {
    if (mode === 'bytes') bytes.push(b);
    else out += String.fromCharCode(b);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== '\\' || i + 1 >= body.length) {
      pushCodePoint(body.codePointAt(i)!);
      if (body.codePointAt(i)! > 0xffff) i++;
      continue;
    }
    const e = body.charAt(++i);
    switch (e) {
      case 'n':
        pushByte(10);
        break;
      case 'r':
        pushByte(13);
        break;
      case 't':
        pushByte(9);
        break;
      case 'b':
        pushByte(8);
        break;
      case 'f':
        pushByte(12);
        break;
      case 'v':
        pushByte(11);
        break;
      case 'a':
        pushByte(7);
        break;
      case '\\':
      case "'":
      case '"':
      case '/':
        pushByte(e.charCodeAt(0));
        break;
      case 'x': {
        const hex = body.slice(i + 1, i + 3);
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
          pushByte(parseInt(hex, 16));
          i += 2;
        } else {
          pushByte(92);
          pushByte(120);
        }
        break;
      }
      case 'u':
      case 'U': {
        const len = e === 'u' ? 4 : 8;
        const hex = body.slice(i + 1, i + 1 + len);
        if (new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex) && parseInt(hex, 16) <= 0x10ffff) {
          let cp = parseInt(hex, 16);
          i += len;
          // JSON surrogate pair: \uD83D\uDE00
          if (cp >= 0xd800 && cp <= 0xdbff && body.slice(i + 1, i + 3) === '\\u') {
            const lo = body.slice(i + 3, i + 7);
            if (/^[0-9A-Fa-f]{4}$/.test(lo)) {
              const l = parseInt(lo, 16);
              if (l >= 0xdc00 && l <= 0xdfff) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (l - 0xdc00);
                i += 6;
              }
            }
          }
          pushCodePoint(cp);
        } else {
          pushByte(92);
          pushCodePoint(e.charCodeAt(0));
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let j = i;
          while (j < body.length && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') j++;
          pushByte(parseInt(body.slice(i, j), 8) & 0xff);
          i = j - 1;
        } else {
          pushByte(92);
          pushCodePoint(body.codePointAt(i)!);
          if (body.codePointAt(i)! > 0xffff) i++;
        }
    }
  }
  if (mode === 'str') return { text: out, invalidUtf8: false };
  return utf8(Uint8Array.from(bytes));
}

/** UTF-8 text of bytes; invalid sequences become U+FFFD and are reported. */
export function utf8(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
  }
}

// ---------------------------------------------------------------------------
// Python literals (dict reprs in oss2 logs and exceptions). A small
// recursive-descent reader; never eval.

export type PyValue =
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'num'; text: string }
  | { type: 'const'; value: 'None' | 'True' | 'False' }
  | { type: 'list'; items: PyValue[] }
  | { type: 'dict'; entries: Array<{ key: PyValue; value: PyValue }> };

export interface PyRead {
  value: PyValue;
  /** Index just after the literal. */
  end: number;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s.charAt(i) === ' ' || s.charAt(i) === '\t' || s.charAt(i) === '\n' || s.charAt(i) === '\r')) i++;
  return i;
}

/** Read one Python literal (repr output) starting at `start` (leading blanks allowed). Null when it is not one. */
export function readPythonLiteral(s: string, start: number): PyRead | null {
  const budget = { steps: 0 };
  return readPy(s, start, 0, budget);
}

function readPy(s: string, start: number, depth: number, budget: { steps: number }): PyRead | null {
  if (depth > MAX_DEPTH || ++budget.steps > 100_000) return null;
  let i = skipSpace(s, start);
  const c = s.charAt(i);
  if (c === '{') {
    const entries: Array<{ key: PyValue; value: PyValue }> = [];
    i = skipSpace(s, i + 1);
    if (s.charAt(i) === '}') return { value: { type: 'dict', entries }, end: i + 1 };
    for (;;) {
      const k = readPy(s, i, depth + 1, budget);
      if (!k) return null;
      i = skipSpace(s, k.end);
      if (s.charAt(i) !== ':') return null;
      const v = readPy(s, i + 1, depth + 1, budget);
      if (!v) return null;
      entries.push({ key: k.value, value: v.value });
      i = skipSpace(s, v.end);
      if (s.charAt(i) === ',') {
        i = skipSpace(s, i + 1);
        if (s.charAt(i) === '}') return { value: { type: 'dict', entries }, end: i + 1 };
        continue;
      }
      if (s.charAt(i) === '}') return { value: { type: 'dict', entries }, end: i + 1 };
      return null;
    }
  }
  if (c === '[' || c === '(') {
    const closer = c === '[' ? ']' : ')';
    const items: PyValue[] = [];
    i = skipSpace(s, i + 1);
    if (s.charAt(i) === closer) return { value: { type: 'list', items }, end: i + 1 };
    for (;;) {
      const v = readPy(s, i, depth + 1, budget);
      if (!v) return null;
      items.push(v.value);
      i = skipSpace(s, v.end);
      if (s.charAt(i) === ',') {
        i = skipSpace(s, i + 1);
        if (s.charAt(i) === closer) return { value: { type: 'list', items }, end: i + 1 };
        continue;
      }
      if (s.charAt(i) === closer) return { value: { type: 'list', items }, end: i + 1 };
      return null;
    }
  }
  const str = readPyString(s, i);
  if (str) return str;
  const word = /^(None|True|False)(?![A-Za-z0-9_])/.exec(s.slice(i, i + 6));
  if (word) return { value: { type: 'const', value: word[1] as 'None' | 'True' | 'False' }, end: i + word[1]!.length };
  const num = /^-?[0-9]{1,40}(?:\.[0-9]{1,40})?(?:[eE][+-]?[0-9]{1,4})?/.exec(s.slice(i, i + 90));
  if (num) return { value: { type: 'num', text: num[0] }, end: i + num[0].length };
  return null;
}

/** A Python string or bytes literal (`'…'`, `"…"`, `b'…'`, `u'…'`) at `i`. */
function readPyString(s: string, i: number): PyRead | null {
  let j = i;
  let bytes = false;
  let raw = false;
  for (let k = 0; k < 2; k++) {
    const p = s.charAt(j);
    if (p === 'b' || p === 'B') bytes = true;
    else if (p === 'r' || p === 'R') raw = true;
    else if (p !== 'u' && p !== 'U') break;
    j++;
  }
  const quote = s.charAt(j);
  if (quote !== "'" && quote !== '"') return null;
  const close = closingQuote(s, j + 1, quote);
  if (close < 0) return null;
  const body = s.slice(j + 1, close);
  if (bytes) {
    const decoded = raw ? Uint8Array.from(Buffer.from(body, 'utf8')) : bytesOf(body);
    return { value: { type: 'bytes', value: decoded }, end: close + 1 };
  }
  return { value: { type: 'str', value: raw ? body : decodeEscapes(body, 'str').text }, end: close + 1 };
}

/** The bytes a Python bytes literal body stands for (`\xNN` are bytes). */
const SIMPLE_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, v: 11, a: 7, '\\': 92, "'": 39, '"': 34 };

export function bytesOf(body: string): Uint8Array {
  if (!body.includes('\\')) return Uint8Array.from(Buffer.from(body, 'utf8'));
  // decodeEscapes in bytes mode reads the result as UTF-8; re-encoding would
  // lose invalid bytes, so collect them directly. Text between escapes is
  // encoded a run at a time (a Buffer per character made a 300 KB literal slow).
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const bs = body.indexOf('\\', i);
    const runEnd = bs < 0 || bs + 1 >= body.length ? body.length : bs;
    if (runEnd > i) {
      for (const b of Buffer.from(body.slice(i, runEnd), 'utf8')) out.push(b);
      i = runEnd - 1;
      continue;
    }
    const e = body.charAt(++i);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) out.push(simple);
    else if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e >= '0' && e <= '7') {
      let j = i;
      while (j < body.length && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') j++;
      out.push(parseInt(body.slice(i, j), 8) & 0xff);
      i = j - 1;
    } else {
      out.push(92);
      for (const b of Buffer.from(e, 'utf8')) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

/** Text of a Python scalar (str, bytes as UTF-8, number, True/False); null for None; undefined for containers. */
export function pyText(v: PyValue): string | null | undefined {
  switch (v.type) {
    case 'str':
      return v.value;
    case 'bytes':
      return utf8(v.value).text;
    case 'num':
      return v.text;
    case 'const':
      return v.value === 'None' ? null : v.value;
    default:
      return undefined;
  }
}

/** Value of a string key in a Python dict. */
export function pyGet(d: PyValue, key: string): PyValue | undefined {
  if (d.type !== 'dict') return undefined;
  for (const e of d.entries) if (e.key.type === 'str' && e.key.value === key) return e.value;
  return undefined;
}

// ---------------------------------------------------------------------------
// oss2 exception: {'status': 403, 'x-oss-request-id': '…', 'details': {'Code': …}}

export interface PythonErrorDict {
  /** Error fields in the dict's order (Code, Message, …, StringToSign, StringToSignBytes, EC …). */
  fields: Array<[string, string | null]>;
  status?: number;
  requestId?: string;
  /** True when the dict was not a complete literal and fields were read one by one. */
  lenient: boolean;
  /** Where the dict starts and ends in the text. */
  start: number;
  end: number;
}

function hasPythonErrorDict(text: string): boolean {
  return text.includes("'StringToSignBytes': '") || text.includes("'StringToSign': '") || (text.includes("'details': {") && text.includes("'Code': "));
}

const PY_ERROR_DICT_STARTS = ["{'status': ", "'details': {", "{'Code': "];

/**
 * Read the first oss2-style error dict in `text` (INPUTS.md §7.4,
 * aliyun-oss-python-sdk#186). Falls back to reading `'Name': '…'` pairs one by
 * one when the dict is not a complete literal (cut, or edited by hand: #186
 * ends in a curly quote). Null when there is none.
 */
export function recoverPythonErrorDict(text: string): PythonErrorDict | null {
  if (!hasPythonErrorDict(text)) return null;
  let first = -1;
  let firstNeedle = '';
  for (const needle of PY_ERROR_DICT_STARTS) {
    const i = text.indexOf(needle);
    if (i >= 0 && (first < 0 || i < first)) {
      first = i;
      firstNeedle = needle;
    }
  }
  if (first >= 0) {
    const at = firstNeedle === "'details': {" ? text.indexOf('{', first) : first;
    const read = readPythonLiteral(text, at);
    if (read && read.value.type === 'dict') {
      const outer = read.value;
      const details = pyGet(outer, 'details');
      const errorDict = details && details.type === 'dict' ? details : pyGet(outer, 'Code') ? outer : undefined;
      if (errorDict && errorDict.type === 'dict') {
        const out: PythonErrorDict = { fields: dictFields(errorDict), lenient: false, start: at, end: read.end };
        const status = pyGet(outer, 'status');
        if (status && status.type === 'num' && /^[0-9]{3}$/.test(status.text)) out.status = Number(status.text);
        const rid = pyGet(outer, 'x-oss-request-id') ?? pyGet(outer, 'request_id');
        const ridText = rid ? pyText(rid) : undefined;
        if (typeof ridText === 'string' && ridText !== '') out.requestId = ridText;
        if (out.fields.length > 0) return out;
      }
    }
  }
  return readFieldsOneByOne(text);
}

function dictFields(d: Extract<PyValue, { type: 'dict' }>): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  for (const { key, value } of d.entries) {
    if (key.type !== 'str' || !ELEMENT_NAME.test(key.value)) continue;
    const t = pyText(value);
    if (t === undefined) continue;
    out.push([key.value, t]);
  }
  return out;
}

const PY_FIELD_RE = /'([A-Z][A-Za-z0-9]{0,63})': /g;

function readFieldsOneByOne(text: string): PythonErrorDict | null {
  // The repr is one line: read from the first error-dict marker to the end of its line.
  let startAt = -1;
  for (const needle of ["'details'", "'Code': ", "'StringToSign': ", "'StringToSignBytes': "]) {
    const i = text.indexOf(needle);
    if (i >= 0 && (startAt < 0 || i < startAt)) startAt = i;
  }
  if (startAt < 0) return null;
  const lineEnd = text.indexOf('\n', startAt);
  const region = text.slice(startAt, Math.min(lineEnd < 0 ? text.length : lineEnd, startAt + 4 * MAX_ERROR_XML_BYTES));
  const fields: Array<[string, string | null]> = [];
  let status: number | undefined;
  const st = /'status': ([0-9]{3})\b/.exec(text.slice(Math.max(0, startAt - 200), startAt + 200));
  if (st) status = Number(st[1]);
  let firstAt = -1;
  let lastEnd = 0;
  PY_FIELD_RE.lastIndex = 0;
  for (let m = PY_FIELD_RE.exec(region); m !== null && fields.length < 64; m = PY_FIELD_RE.exec(region)) {
    const name = m[1]!;
    const valueAt = m.index + m[0].length;
    const read = readPythonLiteral(region, valueAt);
    let value: string | null | undefined;
    if (read) {
      value = pyText(read.value);
      lastEnd = read.end;
    } else if (name.endsWith('Bytes')) {
      // Unterminated: keep the run of hex pairs.
      const hex = /^'((?:[0-9A-Fa-f]{2} ?){1,65536})/.exec(region.slice(valueAt, valueAt + 3 * 65536 + 2));
      if (hex) {
        value = hex[1]!;
        lastEnd = valueAt + hex[0].length;
      }
    }
    if (value === undefined) continue;
    if (firstAt < 0) firstAt = m.index;
    fields.push([name, value]);
  }
  if (!fields.some(([n]) => n === 'Code' || n === 'StringToSign' || n === 'StringToSignBytes')) return null;
  const out: PythonErrorDict = { fields, lenient: true, start: startAt + firstAt, end: startAt + lastEnd };
  if (status !== undefined) out.status = status;
  const rid = /'x-oss-request-id': '([^'\n]{1,128})'/.exec(text);
  if (rid) out.requestId = rid[1]!;
  return out;
}

// ---------------------------------------------------------------------------
// Java SDK: ServiceException.getMessage()

const JAVA_FIELD_RE = /^\[(ErrorCode|RequestId|HostId|EC)\]: ?(.{0,512})$/;

function recoverJavaMessage(text: string): RecoveredErrorXml | null {
  const codeAt = text.indexOf('\n[ErrorCode]: ');
  if (codeAt < 0 || !text.includes('\n[RequestId]: ')) return null;
  const marker = text.indexOf('[ResponseError]:', codeAt);
  if (marker >= 0) {
    const span = findErrorXml(text.slice(marker)).find((s) => s.xml.includes('</Error>'));
    if (span) return { xml: span.xml, notes: ['took the raw error XML that follows "[ResponseError]:" in a Java SDK exception message'] };
  }
  // No XML: rebuild what the [Field] lines say.
  const lineStart = text.lastIndexOf('\n', codeAt - 1) + 1;
  const messageLine = text.slice(lineStart, codeAt).replace(/\r$/, '');
  const message = messageLine.replace(/^(?:Exception in thread "[^"]{0,128}" )?(?:[A-Za-z_$][\w$.]{0,200}(?:Exception|Error): )?/, '').trim();
  const fields: Array<[string, string | null]> = [];
  const seen = new Set<string>();
  const block = text.slice(codeAt + 1, codeAt + 1 + 8192).split('\n');
  for (const raw of block) {
    const line = raw.replace(/\r$/, '');
    const m = JAVA_FIELD_RE.exec(line);
    if (!m) {
      if (line.startsWith('[')) continue; // [ResourceType], [Header], [Method] …
      break;
    }
    const name = m[1] === 'ErrorCode' ? 'Code' : m[1]!;
    const value = m[2]!.trim();
    if (seen.has(name) || value === '' || value === 'null') continue;
    seen.add(name);
    fields.push([name, value]);
  }
  if (!seen.has('Code')) return null;
  const ordered: Array<[string, string | null]> = [];
  const get = (n: string): string | undefined => fields.find(([k]) => k === n)?.[1] ?? undefined;
  ordered.push(['Code', get('Code')!]);
  if (message !== '') ordered.push(['Message', message]);
  for (const n of ['RequestId', 'HostId', 'EC']) {
    const v = get(n);
    if (v !== undefined) ordered.push([n, v]);
  }
  return {
    xml: buildErrorXml(ordered),
    notes: ['rebuilt the error XML from the [ErrorCode]/[RequestId]/[HostId]/[EC] lines of a Java SDK exception message; it has no [ResponseError] XML, so no StringToSign'],
  };
}

// ---------------------------------------------------------------------------
// Browser XML viewer copies

function recoverBrowserViewer(text: string): RecoveredErrorXml | null {
  const header = text.indexOf(BROWSER_VIEWER_HEADER);
  if (header < 0) return null;
  const span = findErrorXml(text.slice(header)).find((s) => s.xml.includes('</Error>'));
  if (!span) return null;
  const notes = [BROWSER_VIEWER_NOTE];
  if (!span.xml.includes('<StringToSignBytes>')) notes.push('this copy has no StringToSignBytes, so the exact string OSS signed is not known');
  return { xml: span.xml, notes };
}
