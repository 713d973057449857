/**
 * `curl --trace-ascii` and `curl --trace` (hex) dumps → request/response pairs.
 *
 * Grammar (`dump()` in src/tool_cb_dbg.c, docs/INPUTS.md §3): block lines
 * `=> Send header, 277 bytes (0x115)`, `=> Send data`, `<= Recv header`,
 * `<= Recv data`, `=> Send SSL data` / `<= Recv SSL data`; info lines
 * `== Info: …` (≤ 8.16) or `* …` (≥ 8.17); rows `OOOO: …` with the offset
 * in lowercase hex relative to the block.
 *  - ascii mode: up to 64 bytes per row; a CR LF pair ends the row and is
 *    not printed; any other byte outside 0x20–0x7F is printed as `.`.
 *  - hex mode: 16 bytes per row as `xx ` columns, then the ascii rendering.
 * With `--trace-ascii -` the body is also written to stdout right after its
 * `Recv data` block; that verbatim copy beats the lossy dump.
 */
import type { Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import { InputError } from '../model/input-error.js';
import { cleanCurlLine, forEachCurlLine, stripTrailingCr, parseHeaderField, parseRequestLine, parseStatusLine, splitLines } from './text-lines.js';

const SNIFF_LIMIT = 4 * 1024 * 1024;
const ASCII_WIDTH = 64;
const HEX_WIDTH = 16;

const BLOCK_RE = /^(=>|<=) (Send|Recv) (header|data|SSL data), ([0-9]{1,15}) bytes(?: \(0x[0-9a-fA-F]{1,15}\))?$/;
const ROW_RE = /^([0-9a-f]{4,12}):(?: (.*))?$/;

type BlockKind = 'header' | 'data' | 'ssl';

interface Row {
  offset: number;
  text: string;
}

interface Block {
  dir: 'send' | 'recv';
  kind: BlockKind;
  size: number;
  rows: Row[];
}

interface Segment {
  text: string;
  terminated: boolean;
}

type Mode = 'ascii' | 'hex';

/** Per-exchange accumulation; turned into `Exchange` at the end. */
interface Pending {
  exchange: Exchange;
  requestBody: Chunk[];
  /** Lines of the response header block being read (status line first). */
  resLines: string[] | undefined;
  response: HttpResponseMessage | undefined;
  responseBody: Chunk[];
  /** Untagged stdout lines after the final response's headers (`--trace-ascii -` body copy). */
  stray: Segment[];
}

/** Text (ascii mode) or bytes (hex mode) of one block. */
type Chunk = string | Uint8Array;

function parseBlockHeader(line: string): Block | undefined {
  if (!(line.startsWith('=> ') || line.startsWith('<= '))) return undefined;
  const m = BLOCK_RE.exec(line.trimEnd());
  if (!m) return undefined;
  const kind: BlockKind = m[3] === 'header' ? 'header' : m[3] === 'data' ? 'data' : 'ssl';
  return { dir: m[2] === 'Send' ? 'send' : 'recv', kind, size: Number(m[4]), rows: [] };
}

function parseRow(line: string): Row | undefined {
  const c = line.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined;
  const m = ROW_RE.exec(line);
  if (!m) return undefined;
  return { offset: parseInt(m[1] ?? '0', 16), text: m[2] ?? '' };
}

function isInfoLine(line: string): boolean {
  return line.startsWith('== Info:') || line === '*' || line.startsWith('* ');
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Bytes of a hex-mode row (`47 45 54 20 … GET `), or undefined when the row
 * does not have the hex-column shape. `strict` also checks that the ascii
 * column is no longer than the number of bytes (used to detect the mode).
 */
function parseHexRow(text: string, strict: boolean): number[] | undefined {
  const bytes: number[] = [];
  let blank = false;
  for (let g = 0; g < HEX_WIDTH; g++) {
    const p = g * 3;
    const a = text.charCodeAt(p);
    const b = text.charCodeAt(p + 1);
    const sep = text.charCodeAt(p + 2);
    const hi = hexVal(a);
    const lo = hexVal(b);
    if (!blank && hi >= 0 && lo >= 0 && (sep === 32 || Number.isNaN(sep))) {
      bytes.push(hi * 16 + lo);
      continue;
    }
    const isSpaceOrEnd = (x: number): boolean => x === 32 || Number.isNaN(x);
    if (isSpaceOrEnd(a) && isSpaceOrEnd(b) && isSpaceOrEnd(sep)) {
      blank = true;
      continue;
    }
    return undefined;
  }
  if (bytes.length === 0) return undefined;
  if (strict) {
    const asciiCol = text.slice(HEX_WIDTH * 3);
    if (asciiCol.length > bytes.length) return undefined;
    if (bytes.length < HEX_WIDTH && asciiCol.length === 0 && text.length > bytes.length * 3) return undefined;
  }
  return bytes;
}

/** Cheap content sniff: a `=> Send header,` / `<= Recv header,` block line. */
export function looksLikeCurlTrace(text: string): boolean {
  const head = text.length > SNIFF_LIMIT ? text.slice(0, SNIFF_LIMIT) : text;
  for (const marker of ['=> Send header, ', '<= Recv header, ']) {
    let from = 0;
    for (let tries = 0; tries < 50; tries++) {
      const at = head.indexOf(marker, from);
      if (at < 0) break;
      const lineStart = head.lastIndexOf('\n', at) + 1;
      let lineEnd = head.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = head.length;
      const line = cleanCurlLine(stripTrailingCr(head.slice(lineStart, lineEnd)));
      if (line !== undefined && parseBlockHeader(line)) return true;
      from = at + marker.length;
    }
  }
  return false;
}

interface AsciiText {
  text: string;
  /** Offsets showed lost trailing blanks that had to be restored. */
  padded: boolean;
}

/** Re-joins ascii rows using their offsets: `+len` → cut by width, `+len+2` → a CR LF was there. */
function joinAsciiRows(block: Block): AsciiText {
  let text = '';
  let padded = false;
  const rows = block.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    text += row.text;
    const isLast = i === rows.length - 1;
    const next = isLast ? block.size : (rows[i + 1]?.offset ?? block.size);
    const gap = next - (row.offset + row.text.length);
    if (gap === 0) continue;
    if (gap === 2) {
      text += '\r\n';
      continue;
    }
    if (gap < 0 || gap > ASCII_WIDTH + 2) continue; // inconsistent offsets: keep what is shown
    // The copy lost trailing blanks (terminals strip them): put them back.
    padded = true;
    if (!isLast && row.text.length + gap === ASCII_WIDTH) text += ' '.repeat(gap);
    else if (gap > 2) text += ' '.repeat(gap - 2) + '\r\n';
    else text += ' '.repeat(gap);
  }
  return { text, padded };
}

function hexRowsToBytes(block: Block): Uint8Array {
  const out: number[] = [];
  for (const row of block.rows) {
    const bytes = parseHexRow(row.text, false);
    if (bytes) for (const b of bytes) out.push(b);
  }
  return Uint8Array.from(out);
}

function chunksToString(chunks: readonly Chunk[]): string {
  if (chunks.length === 0) return '';
  if (typeof chunks[0] === 'string') return (chunks as string[]).join('');
  const bufs = chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c)));
  return Buffer.concat(bufs).toString('utf8');
}

/** What `--trace-ascii` would print for this text, with CR LF kept as a pair. */
function renderAsciiDump(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      out += '\r\n';
      i++;
    } else out += b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
  }
  return out;
}

function startsLikeXmlError(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('<?xml') || t.startsWith('<Error');
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Markers of trace lines that can be glued to the end of a stdout body without a final newline. */
const GLUED_MARKERS = ['<= Recv ', '=> Send ', '== Info: ', '* Connection #', '* closing connection', '* shutting down connection'];

function findGluedMarker(line: string): number {
  let best = -1;
  for (const m of GLUED_MARKERS) {
    const i = line.indexOf(m);
    if (i > 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

export function parseCurlTrace(text: string): Exchange[] {
  const pendings: Pending[] = [];
  let current: Pending | undefined;
  let mode: Mode | undefined;
  let block: Block | undefined;
  let sawBlock = false;
  let paddedRows = false;
  let preNotes: string[] = [];

  const newPending = (): Pending => {
    const p: Pending = {
      exchange: { notes: preNotes },
      requestBody: [],
      resLines: undefined,
      response: undefined,
      responseBody: [],
      stray: [],
    };
    preNotes = [];
    pendings.push(p);
    return p;
  };

  const note = (p: Pending | undefined, n: string): void => {
    const list = p ? p.exchange.notes : preNotes;
    if (!list.includes(n)) list.push(n);
  };

  /** Request header text of the Send header block(s) not yet parsed. */
  let reqHeaderText: Chunk[] = [];
  /** Last characters of `reqHeaderText`, to see the blank line that ends it without re-joining. */
  let reqHeaderTail = '';

  const flushRequestHeaders = (): void => {
    if (reqHeaderText.length === 0) return;
    const headerText = chunksToString(reqHeaderText);
    reqHeaderText = [];
    reqHeaderTail = '';
    const lines = splitLines(headerText);
    const first = lines[0] ?? '';
    const rl = parseRequestLine(first, false);
    if (!rl) {
      note(current, 'a "Send header" block did not start with a request line; it was ignored');
      return;
    }
    const p = newPending();
    const headers: HeaderField[] = [];
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l === '') break;
      const h = parseHeaderField(l);
      if (h) headers.push(h);
    }
    const request: HttpRequestMessage = { method: rl.method, target: rl.target, headers };
    if (rl.httpVersion !== undefined) request.httpVersion = rl.httpVersion;
    p.exchange.request = request;
    current = p;
  };

  const finishResponseHeaders = (): void => {
    const p = current;
    const lines = p?.resLines;
    if (!p || !lines) return;
    p.resLines = undefined;
    const statusText = lines[0] ?? '';
    const st = parseStatusLine(statusText);
    if (!st) return;
    if (st.status >= 100 && st.status < 200) {
      note(p, `skipped interim response "${statusText.trimEnd()}"`);
      return;
    }
    const headers: HeaderField[] = [];
    for (let i = 1; i < lines.length; i++) {
      const h = parseHeaderField(lines[i] ?? '');
      if (h) headers.push(h);
    }
    const response: HttpResponseMessage = { status: st.status, httpVersion: st.httpVersion, headers };
    if (st.reason !== undefined) response.reason = st.reason;
    p.response = response;
  };

  const onResponseHeaderLine = (line: string): void => {
    if (parseStatusLine(line)) {
      if (current?.resLines) finishResponseHeaders();
      // A second final response without a new request (or none at all) gets its own exchange.
      if (!current || current.response) current = newPending();
      current.resLines = [line];
      current.responseBody = [];
      current.stray = [];
      return;
    }
    if (!current?.resLines) return;
    if (line === '') {
      finishResponseHeaders();
      return;
    }
    current.resLines.push(line);
  };

  const blockChunk = (b: Block): Chunk => {
    if (mode === 'hex') return hexRowsToBytes(b);
    const joined = joinAsciiRows(b);
    if (joined.padded) paddedRows = true;
    return joined.text;
  };

  const handleBlock = (b: Block): void => {
    if (b.kind === 'ssl') return;
    if (b.dir === 'send' && b.kind === 'header') {
      if (current?.resLines) finishResponseHeaders();
      // Headers of one request can span several blocks: join until the blank line.
      const chunk = blockChunk(b);
      reqHeaderText.push(chunk);
      const tail = typeof chunk === 'string' ? chunk.slice(-4) : Buffer.from(chunk.subarray(-4)).toString('latin1');
      reqHeaderTail = (reqHeaderTail + tail).slice(-4);
      if (reqHeaderTail.endsWith('\r\n\r\n') || reqHeaderTail.endsWith('\n\n')) flushRequestHeaders();
      return;
    }
    flushRequestHeaders();
    if (b.dir === 'send') {
      // e.g. the upload after `HTTP/1.1 100 Continue` when no blank header block followed it
      if (current?.resLines) finishResponseHeaders();
      if (current?.exchange.request && !current.response && !current.resLines) {
        current.requestBody.push(blockChunk(b));
      }
      return;
    }
    if (b.kind === 'header') {
      const chunk = blockChunk(b);
      const t = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const lines = splitLines(t);
      // Each HTTP/1.1 header line is its own block; a block's final line end closes its last line.
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) onResponseHeaderLine(l);
      return;
    }
    // Recv data
    if (current?.response && !current.resLines) current.responseBody.push(blockChunk(b));
  };

  const closeBlock = (): void => {
    if (!block) return;
    const b = block;
    block = undefined;
    handleBlock(b);
  };

  const onStray = (line: string, terminated: boolean): void => {
    if (current?.response && !current.resLines && reqHeaderText.length === 0) {
      current.stray.push({ text: line, terminated });
    }
  };

  const feed = (line: string, terminated: boolean, mayBeGlued = true): void => {
    if (block) {
      const row = parseRow(line);
      if (row && acceptRow(block, row)) {
        block.rows.push(row);
        return;
      }
      closeBlock();
    }
    const header = parseBlockHeader(line);
    if (header) {
      block = header;
      sawBlock = true;
      return;
    }
    if (isInfoLine(line)) return;
    const glued = mayBeGlued ? findGluedMarker(line) : -1;
    if (glued > 0) {
      onStray(line.slice(0, glued), false);
      feed(line.slice(glued), terminated, false);
      return;
    }
    onStray(line, terminated);
  };

  const acceptRow = (b: Block, row: Row): boolean => {
    if (mode === undefined) mode = parseHexRow(row.text, true) ? 'hex' : 'ascii';
    const prev = b.rows[b.rows.length - 1];
    if (!prev) return row.offset === 0;
    if (mode === 'hex') return row.offset === prev.offset + HEX_WIDTH && parseHexRow(row.text, false) !== undefined;
    return row.offset >= prev.offset + prev.text.length && row.offset <= prev.offset + ASCII_WIDTH + 2 && row.offset > prev.offset;
  };

  forEachCurlLine(text, feed);
  closeBlock();
  flushRequestHeaders();
  if (current?.resLines) finishResponseHeaders();

  if (!sawBlock) throw new InputError('no curl --trace block lines ("=> Send header" / "<= Recv header") were found');

  const exchanges: Exchange[] = [];
  for (const p of pendings) {
    const ex = p.exchange;
    if (!ex.request && !p.response) continue;
    const body = chunksToString(p.requestBody);
    if (ex.request && body !== '') {
      ex.request.body = body;
      if (mode === 'ascii' && body.includes('.')) {
        ex.notes.push("--trace-ascii prints line feeds and non-ASCII bytes as '.', so the request body text may differ from what was sent");
      }
    }
    if (p.response) {
      finalizeResponseBody(p, mode ?? 'ascii');
      ex.response = p.response;
    }
    exchanges.push(ex);
  }
  if (exchanges.length === 0) {
    throw new InputError('the curl --trace output holds no HTTP request or response');
  }
  if (paddedRows) {
    const first = exchanges[0];
    if (first) first.notes.push('trace rows had lost trailing blanks; they were restored from the row offsets');
  }
  if (exchanges.length > 1) {
    const redirect = exchanges.some((e) => {
      const st = e.response?.status;
      return st !== undefined && st >= 300 && st < 400 && e.response !== undefined && findHeader(e.response.headers, 'location') !== undefined;
    });
    if (redirect) exchanges.forEach((e, i) => e.notes.push(`hop ${i + 1} of ${exchanges.length} of a redirect chain (curl -L)`));
  }
  return exchanges;
}

function segmentsToText(segs: readonly Segment[]): string {
  let start = 0;
  while (start < segs.length && isBlank(segs[start]?.text ?? '')) start++;
  // `-i` also prints the status line and headers on stdout: skip that copy.
  const first = segs[start];
  if (first && parseStatusLine(first.text.trimEnd())) {
    let j = start + 1;
    while (j < segs.length && parseHeaderField(segs[j]?.text ?? '') !== undefined) j++;
    if (j < segs.length && isBlank(segs[j]?.text ?? '')) {
      start = j + 1;
      while (start < segs.length && isBlank(segs[start]?.text ?? '')) start++;
    }
  }
  let out = '';
  for (let k = start; k < segs.length; k++) {
    const s = segs[k];
    if (s) out += s.terminated ? s.text + '\n' : s.text;
  }
  return out;
}

function finalizeResponseBody(p: Pending, mode: Mode): void {
  const res = p.response;
  if (!res) return;
  const notes = p.exchange.notes;
  const hasDump = p.responseBody.length > 0;
  const dump = hasDump ? chunksToString(p.responseBody) : undefined;
  if (mode === 'hex') {
    if (dump !== undefined && dump !== '') {
      res.body = dump;
      res.bodyLossy = false;
    }
    return;
  }
  const copy = segmentsToText(p.stray);
  if (!isBlank(copy)) {
    const matches = dump !== undefined && renderAsciiDump(copy).replace(/\r/g, '') === dump.replace(/\r/g, '');
    if (matches || startsLikeXmlError(copy)) {
      res.body = copy;
      res.bodyLossy = false;
      notes.push('response body taken from the copy curl printed on stdout after the trace');
      if (!matches && dump !== undefined) notes.push('the stdout body copy differs from the trace dump');
      return;
    }
  }
  if (dump !== undefined && dump !== '') {
    res.body = dump;
    const lossy = dump.includes('.');
    res.bodyLossy = lossy;
    if (lossy) {
      notes.push("--trace-ascii prints line feeds and non-ASCII bytes as '.', so the response body text is damaged");
    }
  }
}
