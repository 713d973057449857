/**
 * A raw HTTP request and/or response as people paste them (INPUTS.md §4):
 * CRLF or LF, any header case, repeated headers, an optional body, absolute-form
 * request lines (mitmproxy), HTTP/2 pseudo-header lines (Fiddler), a request and
 * its response back to back (mitmproxy `export raw`), and the docs' habit of
 * omitting the HTTP version (`PUT /bucket/abc?acl`).
 */
import type { Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { parseRequestLine, parseStatusLine, stripTrailingCr } from './text-lines.js';

const METHODS = new Set(['GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT']);

/**
 * A request line as people paste it: `GET /key HTTP/1.1`, `PUT https://h/k HTTP/2.0`, or
 * `PUT /bucket/abc?acl` without a version (as the docs write it). Stricter than curl's
 * request lines (a known method, a path or absolute URL) because it also decides whether
 * pasted text is an HTTP message at all.
 */
export function parsePastedRequestLine(line: string): { method: string; target: string; httpVersion?: string } | null {
  const rl = parseRequestLine(line.trim().split(/ +/).join(' '), false);
  if (!rl || !METHODS.has(rl.method)) return null;
  if (!(rl.target.startsWith('/') || /^https?:\/\//i.test(rl.target) || rl.target === '*') || rl.target.includes(' ')) return null;
  return rl;
}

/** A status line, tolerating the trailing blanks of a terminal copy. */
function parsePastedStatusLine(line: string): { status: number; reason?: string; httpVersion: string } | null {
  return parseStatusLine(line.trimEnd()) ?? null;
}

/** True when the first non-blank line is a request line or a status line. */
export function looksLikeRawHttp(text: string): boolean {
  const first = firstNonBlankLine(text);
  return first !== null && (parsePastedRequestLine(first) !== null || parsePastedStatusLine(first) !== null || /^:method:/i.test(first));
}

function firstNonBlankLine(text: string): string | null {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = stripTrailingCr(text.slice(start, end));
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return null;
}

/** Split text into lines, tolerating `\r\n`, `\r\r\n` (script(1)) and `\n`. */
function toLines(text: string): string[] {
  return text.split('\n').map(stripTrailingCr);
}

interface HeaderBlock {
  headers: HeaderField[];
  /** Index of the line after the blank line that ends the block (or lines.length). */
  next: number;
  ended: boolean;
}

/**
 * Read `Name: value` lines from `start` up to the first blank line.
 * A line starting with space/tab continues the previous value (obs-fold).
 * A line without a colon is skipped (docs sometimes glue prose onto headers).
 */
function readHeaderBlock(lines: string[], start: number, stopAt: (line: string) => boolean): HeaderBlock {
  const headers: HeaderField[] = [];
  /** The header whose value is already trimmed by an earlier continuation line. */
  let folded: HeaderField | undefined;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') return { headers, next: i + 1, ended: true };
    if (stopAt(line)) return { headers, next: i, ended: false };
    if ((line.startsWith(' ') || line.startsWith('\t')) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      const piece = line.trim();
      // `${value} ${piece}`.trim(), without re-trimming the whole value for every
      // continuation line (quadratic in a long fold): once folded, it is trimmed.
      if (folded !== last) last.value = `${last.value} ${piece}`.trim();
      else if (piece !== '') last.value = last.value === '' ? piece : `${last.value} ${piece}`;
      folded = last;
      continue;
    }
    // HTTP/2 pseudo-headers as Fiddler shows them: `:authority: host`.
    const colon = line.startsWith(':') ? line.indexOf(':', 1) : line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (name === '' || /\s/.test(name)) continue;
    // Keep the value as pasted but for the one space after the colon (as curl shows it):
    // canonicalization trims, and the hypothesis search needs the untrimmed value.
    let value = line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    headers.push({ name, value });
  }
  return { headers, next: i, ended: false };
}

const isStatusLine = (l: string): boolean => parsePastedStatusLine(l) !== null;

/**
 * Parse raw HTTP text into one exchange: a request, a response, or both (in
 * that order). Returns null when the text does not start with a request line,
 * a status line or HTTP/2 pseudo-headers.
 */
export function parseRawHttp(text: string): Exchange | null {
  const lines = toLines(text);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) return null;
  const exchange: Exchange = { notes: [] };

  const requestLine = parsePastedRequestLine(lines[i]!);
  const pseudoStart = /^:(method|path|authority|scheme):/i.test(lines[i]!.trim());
  if (requestLine || pseudoStart) {
    const block = readHeaderBlock(lines, requestLine ? i + 1 : i, isStatusLine);
    const request = buildRequest(requestLine, block.headers);
    if (!request) return null;
    i = block.next;
    // The body runs until a status line (request and response pasted together) or the end.
    let j = i;
    while (j < lines.length && !isStatusLine(lines[j]!)) j++;
    const body = lines.slice(i, j).join('\n');
    if (block.ended && body.trim() !== '') request.body = body.trimEnd();
    exchange.request = request;
    i = j;
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i < lines.length) {
    const status = parsePastedStatusLine(lines[i]!);
    if (status) {
      const block = readHeaderBlock(lines, i + 1, () => false);
      const response: HttpResponseMessage = { status: status.status, httpVersion: status.httpVersion, headers: block.headers };
      if (status.reason !== undefined) response.reason = status.reason;
      const body = lines.slice(block.next).join('\n');
      if (body.trim() !== '') response.body = body;
      exchange.response = response;
    }
  }
  return exchange.request || exchange.response ? exchange : null;
}

function buildRequest(
  line: { method: string; target: string; httpVersion?: string } | null,
  headers: HeaderField[],
): HttpRequestMessage | null {
  const pseudo = (n: string): string | undefined => headers.find((h) => h.name.toLowerCase() === n)?.value;
  const method = line?.method ?? pseudo(':method');
  const target = line?.target ?? pseudo(':path');
  if (!method || !target) return null;
  const request: HttpRequestMessage = { method: method.toUpperCase(), target, headers };
  if (line?.httpVersion) request.httpVersion = line.httpVersion;
  return request;
}
