/**
 * SDK debug logs as users paste them (INPUTS.md §6, §7.1–§7.5), read into
 * exchanges: the request the SDK logged, the response it logged, and — the
 * point of these formats — the string the client says it signed
 * (`Exchange.clientSigned`).
 *
 * - `ali-oss-debug`: `DEBUG=ali-oss` output of ali-oss (Node) through the
 *   `debug` package, piped (`<ISO time> ali-oss …`) or from a colour terminal
 *   (ANSI namespace prefix, ` +0ms` after the last line of a message).
 * - `oss2`: Python oss2 `set_stream_logger()` / `set_file_logger()` lines.
 * - `go-v1`: aliyun-oss-go-sdk (v1) debug lines, also what ossutil 1.x writes to
 *   `ossutil.log`, plus the `oss: service returned error: …` line it prints.
 * - `go-v2`: alibabacloud-oss-go-sdk-v2 debug lines (also ossutil 2.x).
 *
 * What cannot be known from these logs is said in the exchange notes, never
 * guessed silently. Work is linear in the input: lines are scanned once with
 * anchored patterns and bounded literal readers.
 *
 * Limits of the formats themselves (decided here, tested in sdk-logs.test.ts):
 * - Go SDK v1 writes every LF of `signStr:` / `CanonicalRequest:` as the two
 *   characters `\n` (`EscapeLFString`); a real backslash followed by `n` in a
 *   signed value looks the same and is read as a newline.
 * - Some Go SDK v1 versions log the V4 canonical request as a second
 *   `signStr:`; a `signStr:` is a canonical request when its exchange is V4
 *   (OSS4 Authorization or an `OSS4-HMAC-SHA256` string beside it).
 * - Go logs headers from a map: random order, repeated headers joined with a
 *   space (kept as one field). `Path:` is decoded (`url.URL.Path`); it is
 *   re-encoded the way Go's `EscapedPath` does. The scheme is not logged, so
 *   the target is origin-form and `Host` comes from the log's `Host:` field.
 * - A raw multi-line string to sign (go-v2, oss2 str) ends at the next log
 *   line; trailing empty lines are dropped (the logger added one newline).
 * - oss2's request query is rebuilt from the `params` dict the way requests
 *   encodes it; the `Send request` line is preferred over `Init request`
 *   (logged before signing).
 * - SDK error text (Go `service returned error`, go-v2 `Error returned by
 *   Service`, oss2 `str(e)`) becomes the response body only when the log has
 *   no body and no `x-oss-err` header; a note says it was rebuilt.
 * - OSS signature V2 (`OSS2 …`) strings are reported as `v1-string-to-sign`
 *   (the model has no V2 kind), with a note.
 */
import type { ClientSignedString, Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import { decodeOssErrHeader } from './error-xml.js';
import {
  buildErrorXml,
  bytesOf,
  pyGet,
  pyText,
  readPythonLiteral,
  recoverPythonErrorDict,
  utf8,
  type PyValue,
} from './mangled-error.js';
import { splitLines, stripAnsi } from './text-lines.js';

export type SdkLogKind = 'ali-oss-debug' | 'oss2' | 'go-v1' | 'go-v2';

const SNIFF_CHARS = 64 * 1024;
/** Exchanges kept per input; a log with more is cut (a note says so). */
const MAX_EXCHANGES = 5000;

const SOURCE: Record<SdkLogKind, string> = {
  'ali-oss-debug': 'ali-oss DEBUG log',
  oss2: 'oss2 DEBUG log',
  'go-v1': 'Go SDK v1 / ossutil 1.x debug log',
  'go-v2': 'Go SDK v2 debug log',
};

const ALI_OSS_SNIFF = /ali-oss (?:request|response) [A-Z]{1,16} \S{1,4096}, (?:with headers \{|got [0-9]{3}, headers: \{)|ali-oss request response error data: /;
const OSS2_SNIFF = /Make signature: (?:string to be signed|canonical_request) = |(?:Init|Send) request, method: [A-Za-z]{1,16}, url: |Get response headers, req-id:/;
const GO_V2_SNIFF = /sendHttpRequestOnce::Sign request\[|http\.request\[0x[0-9a-fA-F]{1,16}\](?:Method:|\|http\.response\[)/;
const GO_V1_SNIFF = /\[(?:Req|Resp):0x[0-9a-fA-F]{1,16}\](?:signStr:|Method:|CanonicalRequest:|StatusCode:)/;

/** Which SDK log this is, from the first 64 KB; null when none. */
export function detectSdkLog(text: string): SdkLogKind | null {
  const head = stripAnsi(text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text);
  if (ALI_OSS_SNIFF.test(head)) return 'ali-oss-debug';
  if (OSS2_SNIFF.test(head)) return 'oss2';
  if (GO_V2_SNIFF.test(head)) return 'go-v2';
  if (GO_V1_SNIFF.test(head)) return 'go-v1';
  return null;
}

/** Read every request/response pair the log shows, in log order. */
export function parseSdkLog(text: string, kind: SdkLogKind): Exchange[] {
  let out: Exchange[];
  switch (kind) {
    case 'ali-oss-debug':
      out = parseAliOss(text);
      break;
    case 'oss2':
      out = parseOss2(text);
      break;
    case 'go-v1':
      out = parseGo(text, 'go-v1');
      break;
    case 'go-v2':
      out = parseGo(text, 'go-v2');
      break;
  }
  if (out.length > MAX_EXCHANGES) {
    out = out.slice(0, MAX_EXCHANGES);
    out[out.length - 1]!.notes.push(`the log has more than ${MAX_EXCHANGES} exchanges; the rest were not read`);
  }
  return out;
}

// ---------------------------------------------------------------------------
// shared helpers

/** Lines of the text; the empty remainder after a final newline is not a line. */
function lines(text: string): string[] {
  const all = splitLines(text);
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

/** Lines joined back, without trailing empty lines (a log line ends with one newline; see each format). */
function joinMessage(parts: string[]): string {
  let end = parts.length;
  while (end > 1 && parts[end - 1] === '') end--;
  return parts.slice(0, end).join('\n');
}

function signedKindOf(text: string): ClientSignedString['kind'] {
  return text.startsWith('OSS4-HMAC-SHA256\n') ? 'v4-string-to-sign' : 'v1-string-to-sign';
}

/** When the request used OSS signature V2 (`OSS2 …`), say that its string is reported as a V1-style string. */
function noteSignatureV2(ex: Exchange): void {
  const auth = ex.request ? findHeader(ex.request.headers, 'authorization') : undefined;
  if (auth !== undefined && auth.startsWith('OSS2 ') && ex.clientSigned?.some((c) => c.kind === 'v1-string-to-sign')) {
    ex.notes.push('the request is signed with OSS signature V2 (OSS2); its logged string to sign is reported as a V1-style string to sign');
  }
}

function addSigned(ex: Exchange, s: ClientSignedString): void {
  (ex.clientSigned ??= []).push(s);
}

function hasOssErr(resp: HttpResponseMessage): boolean {
  const v = findHeader(resp.headers, 'x-oss-err');
  return v !== undefined && decodeOssErrHeader(v) !== null;
}

/** An error the SDK printed (not a log line): what it says about one response. */
interface SdkErrorText {
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
  ec?: string;
  /** A whole body to use instead of one built from the fields above (oss2 details). */
  body?: string;
  bodyNote: string;
}

/**
 * Attach a printed error to its exchange: by request id (the response's
 * `x-oss-request-id`), else the last error response without a body, else a new
 * response-only exchange. The body is filled in only when the response has
 * neither a body nor a decodable `x-oss-err` header (those are byte-exact).
 */
function attachErrorText(exchanges: Exchange[], err: SdkErrorText): void {
  let target: Exchange | undefined;
  if (err.requestId) {
    target = exchanges.find((ex) => ex.response && findHeader(ex.response.headers, 'x-oss-request-id')?.trim() === err.requestId);
  }
  if (!target) {
    for (let i = exchanges.length - 1; i >= 0; i--) {
      const r = exchanges[i]!.response;
      if (r && r.status >= 300 && r.body === undefined && (err.status === undefined || r.status === err.status)) {
        target = exchanges[i];
        break;
      }
    }
  }
  if (!target) {
    target = { response: { status: err.status ?? 0, headers: [] }, notes: ['only the error text the SDK printed shows this response; the log has no response line for it'] };
    if (err.status === undefined) target.notes.push('the error text does not give the HTTP status');
    exchanges.push(target);
  }
  const resp = (target.response ??= { status: err.status ?? 0, headers: [] });
  if (resp.body !== undefined || hasOssErr(resp)) return;
  if (err.body !== undefined) {
    resp.body = err.body;
  } else {
    const fields: Array<[string, string | null]> = [];
    if (err.code !== undefined) fields.push(['Code', err.code]);
    if (err.message !== undefined) fields.push(['Message', err.message]);
    if (err.requestId !== undefined) fields.push(['RequestId', err.requestId]);
    if (err.ec !== undefined) fields.push(['EC', err.ec]);
    if (fields.length === 0) return;
    resp.body = buildErrorXml(fields);
  }
  target.notes.push(err.bodyNote);
}

// ---------------------------------------------------------------------------
// ali-oss (INPUTS.md §7.5)

const ISO_PREFIX = /^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?Z) /;
/** `debug`'s colour prefix: two spaces, an SGR colour, the namespace, a space, the reset. */
const COLOUR_PREFIX = /^ {0,8}\x1b\[[0-9;]{1,16}m(\S{1,128}) \x1b\[0m/;
/** The same after the colours were lost (a copy from a terminal). */
const PLAIN_PREFIX = /^ {0,8}(ali-oss) /;
/** `debug`'s elapsed-time suffix after the last line of a coloured message. */
const ELAPSED_SUFFIX = / \+[0-9]{1,9}(?:\.[0-9]{1,3})?(?:ms|s|m|h|d)$/;

interface DebugEntry {
  namespace: string;
  /** Message lines (prefix removed, ANSI removed, elapsed suffix removed). */
  lines: string[];
}

function debugEntries(text: string): DebugEntry[] {
  const entries: DebugEntry[] = [];
  let current: DebugEntry | undefined;
  let coloured = false;
  const finish = (): void => {
    if (!current) return;
    if (coloured && current.lines.length > 0) {
      const last = current.lines.length - 1;
      current.lines[last] = current.lines[last]!.replace(ELAPSED_SUFFIX, '');
    }
    entries.push(current);
    current = undefined;
  };
  for (const raw of lines(text)) {
    const iso = ISO_PREFIX.exec(raw);
    if (iso) {
      finish();
      const rest = stripAnsi(raw.slice(iso[0].length));
      const sp = rest.indexOf(' ');
      current = { namespace: sp < 0 ? rest : rest.slice(0, sp), lines: [sp < 0 ? '' : rest.slice(sp + 1)] };
      coloured = false;
      continue;
    }
    const colour = COLOUR_PREFIX.exec(raw);
    const plain = colour ? null : PLAIN_PREFIX.exec(raw);
    if (colour || plain) {
      finish();
      const m = (colour ?? plain)!;
      current = { namespace: m[1]!, lines: [stripAnsi(raw.slice(m[0].length))] };
      coloured = true;
      continue;
    }
    if (current) current.lines.push(stripAnsi(raw));
  }
  finish();
  return entries;
}

/** Headers from a JSON object: string values only, in order; names of skipped ones are returned. */
function headersFromJson(json: string): { headers: HeaderField[]; skipped: string[]; ok: boolean } {
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return { headers: [], skipped: [], ok: false };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { headers: [], skipped: [], ok: false };
  const headers: HeaderField[] = [];
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(obj as Record<string, unknown>)) {
    if (typeof value === 'string') headers.push({ name, value });
    else skipped.push(name);
  }
  return { headers, skipped, ok: true };
}

function hostOfUrl(url: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/([^/?#]{1,255})/.exec(url);
  return m ? m[1]!.replace(/^[^@]{0,255}@/, '') : undefined;
}

function parseAliOss(text: string): Exchange[] {
  const exchanges: Exchange[] = [];
  const open: Exchange[] = [];
  let lastWithResponse: Exchange | undefined;
  let pendingStringToSign: string | undefined;
  for (const entry of debugEntries(text)) {
    if (entry.namespace !== 'ali-oss') continue;
    const message = joinMessage(entry.lines);
    const pending = pendingStringToSign;
    pendingStringToSign = undefined;
    if (message.startsWith('request response error data: ')) {
      // The raw body, over several lines; `debug` adds one newline after it.
      const body = entry.lines.join('\n').slice('request response error data: '.length);
      const ex = lastWithResponse;
      if (ex?.response && ex.response.body === undefined) ex.response.body = body;
      else exchanges.push({ response: { status: 0, headers: [], body }, notes: ['ali-oss logged an error body with no response line before it; the status is unknown'] });
      continue;
    }
    if (message.startsWith('authorization stringToSign: ')) {
      // Logged by proto.signature(): for every request in older ali-oss, only for RTMP URLs in 6.x.
      pendingStringToSign = message.slice('authorization stringToSign: '.length);
      continue;
    }
    const req = /^request ([A-Za-z]{1,16}) (\S{1,65536}), with headers /.exec(message);
    if (req) {
      const jsonStart = req[0].length;
      const streamAt = message.lastIndexOf(', !!stream: ');
      const json = message.slice(jsonStart, streamAt > jsonStart ? streamAt : message.length);
      const h = headersFromJson(json);
      const url = req[2]!.replace(/,$/, '');
      const ex: Exchange = { request: { method: req[1]!, target: url, headers: h.headers }, notes: [] };
      if (!h.ok) ex.notes.push('the request headers logged by ali-oss are not valid JSON; they were not read');
      if (h.skipped.length > 0) ex.notes.push(`ali-oss logged non-string values for header(s) ${h.skipped.join(', ')}; they were skipped`);
      const hostHeader = findHeader(h.headers, 'host');
      const urlHost = hostOfUrl(url);
      if (hostHeader !== undefined && urlHost !== undefined && urlHost.toLowerCase() !== hostHeader.toLowerCase()) {
        ex.notes.push(`ali-oss sent the request to ${urlHost} with the header host: ${hostHeader} (the endpoint is an IP address); the host header is the Host OSS saw`);
      }
      if (pending !== undefined) {
        addSigned(ex, { kind: signedKindOf(pending), text: pending, source: SOURCE['ali-oss-debug'] });
        ex.notes.push('the string to sign comes from ali-oss\'s "authorization stringToSign" debug line logged just before this request');
      }
      exchanges.push(ex);
      open.push(ex);
      continue;
    }
    const resp = /^response ([A-Za-z]{1,16}) (\S{1,65536}), got ([0-9]{1,3}), headers: /.exec(message);
    if (resp) {
      const h = headersFromJson(message.slice(resp[0].length));
      const response: HttpResponseMessage = { status: Number(resp[3]), headers: h.headers };
      const url = resp[2]!.replace(/,$/, '');
      let idx = -1;
      for (let i = open.length - 1; i >= 0; i--) {
        const r = open[i]!.request!;
        if (r.method === resp[1] && r.target === url) {
          idx = i;
          break;
        }
      }
      let ex: Exchange;
      if (idx >= 0) {
        ex = open[idx]!;
        open.splice(idx, 1);
      } else {
        ex = { notes: ['ali-oss logged this response without its request'] };
        exchanges.push(ex);
      }
      ex.response = response;
      if (!h.ok) ex.notes.push('the response headers logged by ali-oss are not valid JSON; they were not read');
      lastWithResponse = ex;
    }
  }
  return exchanges;
}

// ---------------------------------------------------------------------------
// Python oss2 (INPUTS.md §7.4; oss2/http.py, oss2/auth.py, oss2/exceptions.py)

/** `%(asctime)s` (`2026-11-22 14:10:33,488 `) or logging.basicConfig's `DEBUG:oss2.auth:`. */
const PY_LOG_START = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}[,.][0-9]{1,6} |(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[A-Za-z0-9_.]{1,128}:)/;
const PY_OTHER_START = /^(?:Traceback \(most recent call last\):|oss2\.exceptions\.|[A-Za-z_][A-Za-z0-9_.]{0,128}(?:Error|Exception|NotMatch): )/;

const OSS2_STS = 'Make signature: string to be signed = ';
const OSS2_CR = 'Make signature: canonical_request = ';
const OSS2_INIT = 'Init request, method: ';
const OSS2_SEND = 'Send request, method: ';
const OSS2_RESP = 'Get response headers, req-id:';

interface PyEntry {
  lines: string[];
}

function pyEntries(text: string): PyEntry[] {
  const out: PyEntry[] = [];
  let current: PyEntry | undefined;
  for (const line of lines(text)) {
    if (PY_LOG_START.test(line)) {
      current = { lines: [line] };
      out.push(current);
    } else if (PY_OTHER_START.test(line)) {
      current = undefined;
      out.push({ lines: [line] });
    } else if (current) current.lines.push(line);
    else out.push({ lines: [line] });
  }
  return out;
}

interface Oss2State {
  ex: Exchange;
  hasInit: boolean;
  hasSign: boolean;
  hasSend: boolean;
  hasResp: boolean;
}

/**
 * What `Make signature: … = ` logged: a bytes literal `b'…'` (Python 3: oss2
 * signs bytes), or the str itself over several lines (Python 2, and V4 strings
 * some oss2 versions build as str).
 */
function readSignedValue(first: string, rest: string[]): { text: string; notes: string[] } | null {
  const notes: string[] = [];
  const t = first.trimStart();
  if (/^[bB]['"]/.test(t)) {
    const read = readPythonLiteral(t, 0);
    if (!read || read.value.type !== 'bytes') return null;
    const d = utf8(read.value.value);
    if (d.invalidUtf8) notes.push('the logged bytes are not valid UTF-8; invalid bytes were replaced with U+FFFD');
    return { text: d.text, notes };
  }
  // A raw str: runs to the next log line; logging adds one newline after it.
  return { text: joinMessage([first, ...rest]), notes };
}

/** Split the text after a marker at `, name: ` boundaries we know the order of. */
function afterField(s: string, name: string, from = 0): number {
  const i = s.indexOf(`, ${name}: `, from);
  return i < 0 ? -1 : i + name.length + 4;
}

/** `quote_plus` as Python's urlencode applies it (requests encodes `params` this way). */
function quotePlus(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9_.~-]/.test(c)) out += c;
    else if (b === 32) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function pyHeaders(v: PyValue | undefined): HeaderField[] {
  const out: HeaderField[] = [];
  if (!v || v.type !== 'dict') return out;
  for (const { key, value } of v.entries) {
    const name = pyText(key);
    const text = pyText(value);
    if (typeof name !== 'string' || typeof text !== 'string') continue; // None: requests drops the header
    out.push({ name, value: text });
  }
  return out;
}

/** `method: PUT, url: …, params: {…}, headers: {…}` after the Init/Send marker. */
function readOss2Request(s: string): { request: HttpRequestMessage; notes: string[] } | null {
  const urlAt = afterField(s, 'url');
  if (urlAt < 0) return null;
  const method = s.slice(0, urlAt - ', url: '.length).trim();
  if (!/^[A-Za-z]{1,16}$/.test(method)) return null;
  const paramsAt = afterField(s, 'params', urlAt);
  if (paramsAt < 0) return null;
  const url = s.slice(urlAt, paramsAt - ', params: '.length);
  const params = readPythonLiteral(s, paramsAt);
  let headersValue: PyValue | undefined;
  const notes: string[] = [];
  if (params) {
    const headersAt = afterField(s, 'headers', params.end);
    if (headersAt >= 0) headersValue = readPythonLiteral(s, headersAt)?.value;
  }
  if (!params || (headersValue === undefined && afterField(s, 'headers', paramsAt) >= 0)) notes.push('the params/headers dicts in the oss2 log line could not be read completely');
  const pairs: string[] = [];
  if (params?.value.type === 'dict') {
    for (const { key, value } of params.value.entries) {
      const k = pyText(key);
      const v = pyText(value);
      if (typeof k !== 'string' || v === null || v === undefined) continue;
      pairs.push(`${quotePlus(k)}=${quotePlus(v)}`);
    }
  }
  let target = url;
  if (pairs.length > 0) {
    target += (url.includes('?') ? '&' : '?') + pairs.join('&');
    notes.push('the query was rebuilt from the params dict the way requests encodes it (urlencode: name=value, spaces as +)');
  }
  return { request: { method: method.toUpperCase(), target, headers: pyHeaders(headersValue) }, notes };
}

function parseOss2(text: string): Exchange[] {
  const exchanges: Exchange[] = [];
  let st: Oss2State | undefined;
  const fresh = (): Oss2State => {
    const s: Oss2State = { ex: { notes: [] }, hasInit: false, hasSign: false, hasSend: false, hasResp: false };
    exchanges.push(s.ex);
    return s;
  };
  const initOnly = new Set<Exchange>();
  const errors: SdkErrorText[] = [];
  for (const entry of pyEntries(text)) {
    const first = entry.lines[0]!;
    let at: number;
    if ((at = first.indexOf(OSS2_CR)) >= 0 || (at = first.indexOf(OSS2_STS)) >= 0) {
      const isCr = first.startsWith(OSS2_CR, at);
      const value = readSignedValue(first.slice(at + (isCr ? OSS2_CR : OSS2_STS).length), entry.lines.slice(1));
      if (!st || st.hasSend || st.hasResp) st = fresh();
      st.hasSign = true;
      if (!value) {
        st.ex.notes.push('oss2 logged a string to sign that could not be read (an unterminated bytes literal?)');
        continue;
      }
      const kind: ClientSignedString['kind'] = isCr ? 'v4-canonical-request' : signedKindOf(value.text);
      addSigned(st.ex, { kind, text: value.text, source: SOURCE.oss2 });
      st.ex.notes.push(...value.notes);
      continue;
    }
    if ((at = first.indexOf(OSS2_INIT)) >= 0) {
      if (!st || st.hasInit || st.hasSign || st.hasSend || st.hasResp) st = fresh();
      st.hasInit = true;
      const r = readOss2Request(first.slice(at + OSS2_INIT.length));
      if (r) {
        st.ex.request = r.request;
        st.ex.notes.push(...r.notes);
        initOnly.add(st.ex);
      }
      continue;
    }
    if ((at = first.indexOf(OSS2_SEND)) >= 0) {
      if (!st || st.hasSend || st.hasResp) st = fresh();
      st.hasSend = true;
      const r = readOss2Request(first.slice(at + OSS2_SEND.length));
      if (r) {
        // The Init line's notes are about the Init copy; the Send line replaces it.
        if (initOnly.has(st.ex)) st.ex.notes = st.ex.notes.filter((n) => !n.startsWith('the query was rebuilt') && !n.startsWith('the params/headers'));
        initOnly.delete(st.ex);
        st.ex.request = r.request;
        st.ex.notes.push(...r.notes);
      }
      continue;
    }
    if ((at = first.indexOf(OSS2_RESP)) >= 0) {
      if (!st || st.hasResp) st = fresh();
      st.hasResp = true;
      const rest = first.slice(at + OSS2_RESP.length);
      const status = /, status: ([0-9]{1,3}), headers: /.exec(rest);
      if (!status) continue;
      const headers = readPythonLiteral(rest, status.index + status[0].length);
      st.ex.response = { status: Number(status[1]), headers: pyHeaders(headers?.value) };
      if (!headers) st.ex.notes.push('the response headers dict in the oss2 log line could not be read');
      continue;
    }
    // The exception, printed by Python after the log: one line per exception.
    for (const line of entry.lines) {
      if (!line.includes("'details'") && !line.includes("'StringToSign")) continue;
      const d = recoverPythonErrorDict(line);
      if (!d) continue;
      const err: SdkErrorText = {
        body: buildErrorXml(d.fields),
        bodyNote: d.lenient
          ? "response body rebuilt from the oss2 exception's details (an incomplete Python dict; fields read one by one)"
          : "response body rebuilt from the oss2 exception's details dict (str(e)); OSS's own XML is not in the log",
      };
      if (d.status !== undefined) err.status = d.status;
      const rid = d.requestId ?? d.fields.find(([n]) => n === 'RequestId')?.[1] ?? undefined;
      if (rid) err.requestId = rid;
      errors.push(err);
    }
  }
  for (const ex of initOnly) {
    ex.notes.push('the request comes from the "Init request" line, logged before signing: it lacks the Authorization and Date headers oss2 added');
  }
  for (const err of errors) attachErrorText(exchanges, err);
  for (const ex of exchanges) noteSignatureV2(ex);
  return exchanges.filter((ex) => ex.request || ex.response || ex.clientSigned);
}

// ---------------------------------------------------------------------------
// Go SDK v1 / ossutil 1.x (INPUTS.md §7.1) and Go SDK v2 (§7.3)

/** `log` package prefix: `2024/07/15 14:45:45 ` or with `Lmicroseconds` `2024/07/15 14:45:45.123456 `. */
const GO_LOG_START = /^[0-9]{4}\/[0-9]{2}\/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})? /;
/** go-v2's level tag at a line start when the printer has no timestamp. */
const GO_V2_TAG_START = /^(?:DEBUG|INFO|WARNING|ERROR) /;

const V1_REQ = /\[Req:(0x[0-9a-fA-F]{1,16})\](signStr:|CanonicalRequest:|Method:)/;
const V1_RESP = /\[Resp:(0x[0-9a-fA-F]{1,16})\](StatusCode:|http error:)/;
const V2_SIGN = /sendHttpRequestOnce::Sign request\[(0x[0-9a-fA-F]{1,16})\], StringToSign:/;
const V2_REQ = /(?:^|[ \]])http\.request\[(0x[0-9a-fA-F]{1,16})\]Method:/;
const V2_RESP = /http\.request\[(0x[0-9a-fA-F]{1,16})\]\|http\.response\[(?:0x[0-9a-fA-F]{1,16}|nil|<nil>)\](StatusCode:)/;

const V1_ERROR = /service returned error: StatusCode=([0-9]{3}), ErrorCode=([^,]{0,128}), ErrorMessage=(?:"(.{0,2048}?)"|([^,]{0,2048})), RequestId=([A-Za-z0-9-]{0,128})(?:, Endpoint=[^,\s]{0,255})?(?:, Ec=([0-9A-Za-z-]{1,64}))?/;

/** Go's `url.URL.EscapedPath` for a path without RawPath (shouldEscape, encodePath mode). */
function goEscapedPath(path: string): string {
  let out = '';
  for (const b of Buffer.from(path, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c)) out += c;
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** `Name:value` fields after `Header info:`, tab-separated (values were joined with a space when repeated). */
function goHeaders(dump: string): HeaderField[] {
  const out: HeaderField[] = [];
  for (const part of dump.split('\t')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    out.push({ name: part.slice(0, colon), value: part.slice(colon + 1) });
  }
  return out;
}

/** `Method:PUT\tHost:…\tPath:/key\tQuery:…\tHeader info:\tName:value…` */
function readGoRequest(s: string): { request: HttpRequestMessage; notes: string[] } | null {
  const hostAt = s.indexOf('\tHost:');
  const pathAt = s.indexOf('\tPath:', hostAt + 1);
  const queryAt = s.indexOf('\tQuery:', pathAt + 1);
  const headersAt = s.indexOf('Header info:', queryAt + 1);
  if (hostAt < 0 || pathAt < 0 || queryAt < 0 || headersAt < 0) return null;
  const method = s.slice(0, hostAt);
  const host = s.slice(hostAt + 6, pathAt);
  const path = s.slice(pathAt + 6, queryAt);
  let query = s.slice(queryAt + 7, headersAt);
  if (query.endsWith('\t')) query = query.slice(0, -1);
  const notes: string[] = [];
  const escaped = goEscapedPath(path === '' ? '/' : path);
  if (escaped !== path && path !== '') {
    notes.push('the log shows the path decoded (Go url.URL.Path); it was percent-encoded again the way Go does by default, which may differ from the exact bytes sent');
  }
  const headers = goHeaders(s.slice(headersAt + 'Header info:'.length));
  if (findHeader(headers, 'host') === undefined && host !== '') {
    headers.push({ name: 'Host', value: host });
    notes.push('the Host header comes from the log\'s "Host:" field (Go keeps the host out of the header map)');
  }
  return { request: { method, target: escaped + (query !== '' ? `?${query}` : ''), headers }, notes };
}

/** `StatusCode:403\tHeader info:\tName:value…` */
function readGoResponse(s: string): HttpResponseMessage | null {
  const m = /^([0-9]{1,3})\t/.exec(s);
  if (!m) return null;
  const at = s.indexOf('Header info:');
  return { status: Number(m[1]), headers: at < 0 ? [] : goHeaders(s.slice(at + 'Header info:'.length)) };
}

/** Unescape Go SDK v1's `EscapeLFString`: only LF was written as `\n`. */
function unescapeGoLf(s: string): string {
  return s.split('\\n').join('\n');
}

interface GoSigned {
  text: string;
  /** `signStr:` lines are resolved once the exchange is complete (V1 string, V4 canonical request or V4 string). */
  kind: ClientSignedString['kind'] | 'signStr';
}

interface GoState {
  ex: Exchange;
  signed: GoSigned[];
}

function parseGo(text: string, kind: 'go-v1' | 'go-v2'): Exchange[] {
  const all = lines(text);
  const states: GoState[] = [];
  const byPointer = new Map<string, GoState>();
  const errors: SdkErrorText[] = [];
  const fresh = (ptr: string): GoState => {
    const s: GoState = { ex: { notes: [] }, signed: [] };
    states.push(s);
    byPointer.set(ptr, s);
    return s;
  };
  for (let i = 0; i < all.length; i++) {
    const line = stripAnsi(all[i]!);
    let m: RegExpExecArray | null;
    if (kind === 'go-v1') {
      if ((m = V1_REQ.exec(line))) {
        const ptr = m[1]!;
        const rest = line.slice(m.index + m[0].length);
        let s = byPointer.get(ptr);
        if (m[2] === 'Method:') {
          if (!s || s.ex.request || s.ex.response) s = fresh(ptr);
          const r = readGoRequest(rest);
          if (r) {
            s.ex.request = r.request;
            s.ex.notes.push(...r.notes);
          } else s.ex.notes.push('the request line in the Go SDK log could not be read');
        } else {
          if (!s || s.ex.request || s.ex.response) s = fresh(ptr);
          s.signed.push({ text: unescapeGoLf(rest), kind: m[2] === 'CanonicalRequest:' ? 'v4-canonical-request' : 'signStr' });
        }
        continue;
      }
      if ((m = V1_RESP.exec(line))) {
        const ptr = m[1]!;
        let s = byPointer.get(ptr);
        if (!s || s.ex.response) s = fresh(ptr);
        const rest = line.slice(m.index + m[0].length);
        if (m[2] === 'http error:') {
          s.ex.notes.push(`the Go SDK got no HTTP response: ${rest.slice(0, 300)}`);
          continue;
        }
        const resp = readGoResponse(rest);
        if (resp) s.ex.response = resp;
        continue;
      }
      if ((m = V1_ERROR.exec(line))) {
        const err: SdkErrorText = {
          status: Number(m[1]),
          code: m[2]!,
          message: m[3] ?? m[4] ?? '',
          bodyNote: "response body rebuilt from the SDK's error text (Code, Message, RequestId, EC); the log has no StringToSign from OSS",
        };
        if (m[5]) err.requestId = m[5];
        if (m[6]) err.ec = m[6];
        errors.push(err);
      }
      continue;
    }
    // go-v2
    if ((m = V2_SIGN.exec(line))) {
      const ptr = m[1]!;
      let s = byPointer.get(ptr);
      if (!s || s.ex.request || s.ex.response) s = fresh(ptr);
      // The string follows raw, over several lines, up to the next log line.
      const parts = [line.slice(m.index + m[0].length)];
      while (i + 1 < all.length && !GO_LOG_START.test(all[i + 1]!) && !GO_V2_TAG_START.test(all[i + 1]!)) parts.push(all[++i]!);
      const sts = joinMessage(parts);
      s.signed.push({ text: sts, kind: signedKindOf(sts) });
      continue;
    }
    if ((m = V2_RESP.exec(line))) {
      const ptr = m[1]!;
      let s = byPointer.get(ptr);
      if (!s || s.ex.response) s = fresh(ptr);
      const resp = readGoResponse(line.slice(m.index + m[0].length));
      if (resp) s.ex.response = resp;
      continue;
    }
    if ((m = V2_REQ.exec(line))) {
      const ptr = m[1]!;
      let s = byPointer.get(ptr);
      if (!s || s.ex.request || s.ex.response) s = fresh(ptr);
      const r = readGoRequest(line.slice(m.index + m[0].length));
      if (r) {
        s.ex.request = r.request;
        s.ex.notes.push(...r.notes);
      } else s.ex.notes.push('the request line in the Go SDK log could not be read');
      continue;
    }
    if (/Http Status Code: [0-9]{3}\. ?$/.test(line)) {
      const err = readV2ErrorText(all, i);
      if (err) errors.push(err);
    }
  }
  const exchanges = states.map((s) => finishGo(s, kind));
  const seen = new Set<string>();
  for (const err of errors) {
    const key = `${err.status}|${err.code}|${err.requestId}|${err.ec}`;
    if (seen.has(key)) continue;
    seen.add(key);
    attachErrorText(exchanges, err);
  }
  for (const ex of exchanges) noteSignatureV2(ex);
  return exchanges;
}

/**
 * go-v2 `ServiceError.Error()` (oss/errors.go): one field per line, each
 * ending in `. ` or `.` — `Http Status Code: 403. `, `Error Code: X. `,
 * `Request Id: X. `, `Message: X.`, `EC: X.` — possibly inside a log line
 * (`err:'…'`). `i` is the `Http Status Code` line.
 */
function readV2ErrorText(all: string[], i: number): SdkErrorText | null {
  const status = /Http Status Code: ([0-9]{3})\. ?$/.exec(all[i]!);
  if (!status) return null;
  const err: SdkErrorText = {
    status: Number(status[1]),
    bodyNote: "response body rebuilt from the SDK's error text (Code, Message, RequestId, EC); the log has no StringToSign from OSS",
  };
  const field = (line: string, name: string): string | undefined => {
    if (!line.startsWith(name)) return undefined;
    let v = line.slice(name.length);
    if (v.endsWith(' ')) v = v.slice(0, -1);
    return v.endsWith('.') ? v.slice(0, -1) : v;
  };
  for (let j = i + 1; j < all.length && j <= i + 8; j++) {
    const line = all[j]!;
    const code = field(line, 'Error Code: ');
    const rid = field(line, 'Request Id: ');
    const msg = field(line, 'Message: ');
    const ec = field(line, 'EC: ');
    if (code !== undefined) err.code = code;
    else if (rid !== undefined) {
      if (rid !== '') err.requestId = rid;
    } else if (msg !== undefined) err.message = msg;
    else if (ec !== undefined) {
      if (ec !== '') err.ec = ec;
    } else if (!line.startsWith('Timestamp: ') && !line.startsWith('Request Endpoint: ')) break;
  }
  return err;
}

function finishGo(s: GoState, kind: 'go-v1' | 'go-v2'): Exchange {
  const ex = s.ex;
  const auth = ex.request ? findHeader(ex.request.headers, 'authorization') : undefined;
  const v4 = (auth !== undefined && auth.startsWith('OSS4-HMAC-SHA256')) || s.signed.some((g) => g.text.startsWith('OSS4-HMAC-SHA256\n'));
  for (const g of s.signed) {
    let k: ClientSignedString['kind'];
    if (g.kind !== 'signStr') k = g.kind;
    else if (g.text.startsWith('OSS4-HMAC-SHA256\n')) k = 'v4-string-to-sign';
    // Go SDK v1 versions that log the V4 canonical request as a second `signStr:` line (oss/auth.go getSignedStrV4).
    else k = v4 ? 'v4-canonical-request' : 'v1-string-to-sign';
    addSigned(ex, { kind: k, text: g.text, source: SOURCE[kind] });
  }
  return ex;
}
