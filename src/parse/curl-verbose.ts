/**
 * `curl -v` output (also `-sv`, `-v 2>&1`, `--trace-time`, `--trace-ids`,
 * terminal copies) → request/response pairs.
 *
 * Line grammar (src/tool_cb_dbg.c, same in 7.x and 8.x): `* ` info, `> `
 * request header block, `< ` response header block, `{ [N bytes data]` /
 * `} [N bytes data]` data markers; everything else is stdout (the response
 * body, or the headers `-i`/`-I` print a second time). See
 * docs/INPUTS.md §2 for the quirks handled here.
 */
import type { Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import { InputError } from '../model/input-error.js';
import { cleanCurlLine, forEachCurlLineAt, internShort, parseHeaderField, parseRequestLine, parseStatusLine, stripTrailingCr } from './text-lines.js';

/** How much of the input the sniffer looks at. */
const SNIFF_LIMIT = 4 * 1024 * 1024;

type Kind = 'info' | 'req' | 'res' | 'data' | 'plain';

interface Line {
  kind: Kind;
  /** For `req`/`res`: the text after the two-character tag; otherwise the whole line. */
  text: string;
}

/**
 * Untagged (stdout) lines, in order. A line that is in the input verbatim is
 * kept as two numbers — its offset, and its length with whether a newline
 * ended it — and only a line that clean-up changed keeps a string of its own:
 * a body of a million lines costs a few megabytes until it is joined, and
 * then it is a slice of the input, not a copy.
 */
class Lines {
  /**
   * Two numbers per line: its offset in the input when it is there verbatim
   * (forEachCurlLineAt's `at`), else -1; and its length × 2, plus 1 when a
   * newline ended it.
   */
  private data: number[] | undefined;
  /** Lines that clean-up changed, by index (created on first use: most captures have none). */
  private changed: Map<number, string> | undefined;

  constructor(private readonly input: string) {}

  get length(): number {
    return this.data === undefined ? 0 : this.data.length / 2;
  }

  push(text: string, terminated: boolean, at: number): void {
    const size = text.length * 2 + (terminated ? 1 : 0);
    if (at < 0) (this.changed ??= new Map()).set(this.length, text);
    if (this.data === undefined) this.data = [at, size];
    else this.data.push(at, size);
  }

  private offset(i: number): number {
    return this.data![2 * i]!;
  }

  private size(i: number): number {
    return this.data![2 * i + 1]!;
  }

  text(i: number): string {
    const at = this.offset(i);
    return at < 0 ? this.changed!.get(i)! : this.input.slice(at, at + Math.floor(this.size(i) / 2));
  }

  /**
   * Lines `index(0…count-1)` joined, each one that ended with a newline
   * followed by `\n`; a slice of the input when they lie there back to back.
   */
  join(count: number, index: (k: number) => number): string {
    if (count === 0) return '';
    let contiguous = this.offset(index(0)) >= 0;
    for (let k = 0; contiguous && k < count - 1; k++) {
      const a = index(k);
      const size = this.size(a);
      contiguous = size % 2 === 1 && this.offset(index(k + 1)) === this.offset(a) + Math.floor(size / 2) + 1;
    }
    if (contiguous) {
      const last = index(count - 1);
      const size = this.size(last);
      return this.input.slice(this.offset(index(0)), this.offset(last) + Math.floor(size / 2) + (size % 2));
    }
    let out = '';
    for (let k = 0; k < count; k++) {
      const i = index(k);
      out += this.size(i) % 2 === 1 ? this.text(i) + '\n' : this.text(i);
    }
    return out;
  }
}

const NO_LINES = new Lines('');

interface BodySink {
  exchange: Exchange;
  response: HttpResponseMessage;
  /** Created with the first line (most responses of a long capture have a short body or none). */
  segments: Lines | undefined;
  /** Untagged lines were interleaved with the `< ` block (`-i` on a terminal). */
  sawBareInHeaderBlock: boolean;
  /** A line starts with `HTTP/`: it may be the stdout copy of a status line (finalizeBody). */
  mayHoldStatusLine: boolean;
}

function isDataMarker(line: string): boolean {
  if (line.length < 5 || line.charCodeAt(1) !== 32 || line.charCodeAt(2) !== 91) return false;
  const c = line.charCodeAt(0);
  if (c !== 123 && c !== 125) return false;
  if (!line.endsWith(']')) return false;
  const inner = line.slice(3, -1);
  if (inner === 'data not shown') return true;
  if (!inner.endsWith(' bytes data')) return false;
  const num = inner.slice(0, -' bytes data'.length);
  if (num.length === 0 || num.length > 20) return false;
  for (let i = 0; i < num.length; i++) {
    const d = num.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

function classify(line: string): Line {
  const c = line.charCodeAt(0);
  if (c === 42 /* * */ && (line.length === 1 || line.charCodeAt(1) === 32)) {
    return { kind: 'info', text: line.slice(2) };
  }
  if ((c === 62 /* > */ || c === 60) /* < */ && (line.length === 1 || line.charCodeAt(1) === 32)) {
    return { kind: c === 62 ? 'req' : 'res', text: line.slice(2) };
  }
  if ((c === 123 || c === 125) && isDataMarker(line)) return { kind: 'data', text: line };
  return { kind: 'plain', text: line };
}

/** Info lines curl prints right after a body; when the body has no final newline they are glued to it. */
const GLUED_INFO_MARKERS = [
  '* Connection #',
  '* Closing connection',
  '* closing connection',
  '* shutting down connection',
  '* we are done reading',
  '* Operation timed out',
];

/**
 * Index where a curl tag line starts inside an untagged line (stdout text
 * without a final newline followed by a stderr line), or -1.
 */
function findGluedTag(line: string): number {
  let best = -1;
  for (const marker of GLUED_INFO_MARKERS) {
    const i = line.indexOf(marker);
    if (i > 0 && (best < 0 || i < best)) best = i;
  }
  if (line.endsWith(' bytes data]')) {
    const open = line.lastIndexOf('[');
    const start = open - 2;
    if (start > 0 && (best < 0 || start < best) && isDataMarker(line.slice(start))) best = start;
  }
  return best;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Cheap content sniff: a `> METHOD target HTTP/x` or `< HTTP/x NNN` line. */
export function looksLikeCurlVerbose(text: string): boolean {
  const limit = Math.min(text.length, SNIFF_LIMIT);
  // Line by line, stopping at the first hit: no array of every line of the sniffed head.
  for (let start = 0; start < limit; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > limit ? limit : nl;
    const raw = stripTrailingCr(text.slice(start, end));
    start = end + 1;
    const line = cleanCurlLine(raw);
    if (line === undefined) continue;
    // A trace dump is a different format even though 8.17+ info lines look alike.
    if (line.startsWith('=> Send header,') || line.startsWith('<= Recv header,')) return false;
    const l = classify(line);
    if (l.kind === 'req' && parseRequestLine(l.text) !== undefined) return true;
    if (l.kind === 'res' && parseStatusLine(l.text) !== undefined) return true;
  }
  return false;
}

/** The header fields of `lines[from…]`; names and short values shared, the array without spare room (a long capture keeps thousands). */
function parseHeaderLines(lines: readonly string[], from: number, notes: string[]): HeaderField[] {
  const headers: HeaderField[] = [];
  let skipped = 0;
  for (let i = from; i < lines.length; i++) {
    const h = parseHeaderField(lines[i]!);
    if (h) headers.push({ name: internShort(h.name), value: internShort(h.value) });
    else skipped++;
  }
  if (skipped > 0) notes.push(`ignored ${skipped} header line(s) that are not "name: value"`);
  return headers.slice();
}

function positiveLength(headers: readonly HeaderField[]): boolean {
  const cl = findHeader(headers, 'content-length');
  if (cl !== undefined && /^[0-9]{1,20}$/.test(cl.trim()) && Number(cl.trim()) > 0) return true;
  const te = findHeader(headers, 'transfer-encoding');
  return te !== undefined && te.toLowerCase().includes('chunked');
}

export function parseCurlVerbose(text: string): Exchange[] {
  const exchanges: Exchange[] = [];
  let current: Exchange | undefined;
  let reqLines: string[] | undefined;
  let resLines: string[] | undefined;
  let sink: BodySink | undefined;
  const sinks: BodySink[] = [];
  /** Status lines (trimmed) of every `< ` block, to recognise their `-i` copies on stdout. */
  const knownStatusLines = new Set<string>();
  /** Notes that arrive before there is an exchange to hold them. */
  let pendingNotes: string[] = [];
  /** Untagged lines not attached to any response, in runs broken by tagged lines. */
  const orphanRuns: Lines[] = [];
  let orphanRun: Lines | undefined;
  let sawBareInBlock = false;
  let sawRedirectInfo = false;

  const noteOn = (ex: Exchange | undefined, note: string): void => {
    if (ex) {
      if (!ex.notes.includes(note)) ex.notes.push(note);
    } else if (!pendingNotes.includes(note)) pendingNotes.push(note);
  };

  const newExchange = (): Exchange => {
    const ex: Exchange = { notes: pendingNotes };
    pendingNotes = [];
    exchanges.push(ex);
    return ex;
  };

  const finishRequest = (): void => {
    const lines = reqLines;
    reqLines = undefined;
    if (!lines || lines.length === 0) return;
    const first = lines[0] ?? '';
    const rl = parseRequestLine(first, false);
    if (!rl) {
      noteOn(current, 'a "> " block did not start with a request line; it was ignored');
      return;
    }
    const ex = newExchange();
    const request: HttpRequestMessage = {
      method: internShort(rl.method),
      target: rl.target,
      headers: parseHeaderLines(lines, 1, ex.notes),
    };
    if (rl.httpVersion !== undefined) request.httpVersion = internShort(rl.httpVersion);
    ex.request = request;
    if (rl.httpVersion === 'HTTP/2' || rl.httpVersion === 'HTTP/3') {
      ex.notes.push(`request headers are curl's HTTP/1-style rendering of an ${rl.httpVersion} request`);
    }
    if (positiveLength(request.headers)) ex.notes.push('curl -v does not print the request body');
    current = ex;
  };

  const finishResponse = (): void => {
    const lines = resLines;
    resLines = undefined;
    const bareSeen = sawBareInBlock;
    sawBareInBlock = false;
    if (!lines || lines.length === 0) return;
    const statusText = lines[0] ?? '';
    const st = parseStatusLine(statusText);
    if (!st) return;
    knownStatusLines.add(statusText.trimEnd());
    if (st.status >= 100 && st.status < 200) {
      noteOn(current, `skipped interim response "${statusText.trimEnd()}"`);
      return;
    }
    const ex = current && !current.response ? current : newExchange();
    const response: HttpResponseMessage = {
      status: st.status,
      httpVersion: internShort(st.httpVersion),
      headers: parseHeaderLines(lines, 1, ex.notes),
    };
    if (st.reason !== undefined) response.reason = internShort(st.reason);
    ex.response = response;
    current = ex;
    closeSink();
    sink = { exchange: ex, response, segments: undefined, sawBareInHeaderBlock: bareSeen, mayHoldStatusLine: false };
  };

  /**
   * No more lines go to the current sink. Its body is built now when nothing
   * later can change it (no line that could be a stdout copy of a status line,
   * no note to add): a long capture then does not keep every exchange's lines
   * until the end. The others wait for every status line to be known.
   */
  const closeSink = (): void => {
    const s = sink;
    sink = undefined;
    if (!s) return;
    if (!s.mayHoldStatusLine && !s.sawBareInHeaderBlock) finalizeBody(s, knownStatusLines);
    else sinks.push(s);
  };

  const breakOrphanRun = (): void => {
    orphanRun = undefined;
  };

  const onPlain = (textLine: string, terminated: boolean, at: number): void => {
    if (reqLines) return; // junk inside a request block
    if (resLines) {
      // `-i` on a terminal interleaves its stdout copy with the `< ` lines
      if (isBlank(textLine) || parseStatusLine(textLine.trimEnd()) || parseHeaderField(textLine)) {
        sawBareInBlock = true;
        return;
      }
      // Anything else means the blank `< ` line that ends the block is missing (cut from a paste).
      finishResponse();
    }
    if (sink) {
      (sink.segments ??= new Lines(text)).push(textLine, terminated, at);
      if (textLine.startsWith('HTTP/')) sink.mayHoldStatusLine = true;
      return;
    }
    if (!orphanRun) {
      orphanRun = new Lines(text);
      orphanRuns.push(orphanRun);
    }
    orphanRun.push(textLine, terminated, at);
  };

  const onInfo = (info: string): void => {
    if (info.startsWith('Operation timed out')) {
      const ex = current;
      if (ex?.request?.method === 'HEAD' && ex.response) {
        noteOn(ex, 'curl timed out waiting for a body after a HEAD response (curl -X HEAD instead of -I)');
      } else {
        noteOn(ex, 'curl timed out before the transfer completed');
      }
    } else if (info.startsWith('Issue another request to this URL')) {
      sawRedirectInfo = true;
    }
  };

  const feed = (line: string, terminated: boolean, at: number, mayBeGlued = true): void => {
    const l = classify(line);
    if (l.kind === 'plain') {
      const glued = mayBeGlued ? findGluedTag(line) : -1;
      if (glued > 0) {
        onPlain(line.slice(0, glued), false, -1);
        feed(line.slice(glued), terminated, -1, false);
        return;
      }
      onPlain(line, terminated, at);
      return;
    }
    breakOrphanRun();
    switch (l.kind) {
      case 'req': {
        if (resLines) finishResponse();
        closeSink();
        if (isBlank(l.text)) {
          finishRequest();
          return;
        }
        if (reqLines && reqLines.length > 0 && parseRequestLine(l.text) !== undefined) finishRequest();
        if (!reqLines) reqLines = [];
        reqLines.push(l.text);
        return;
      }
      case 'res': {
        if (reqLines) finishRequest();
        if (parseStatusLine(l.text) !== undefined) {
          if (resLines) finishResponse();
          closeSink();
          resLines = [l.text];
          return;
        }
        if (!resLines) return; // trailers or a stray `<` line: not part of a header block
        if (isBlank(l.text)) {
          finishResponse();
          return;
        }
        resLines.push(l.text);
        return;
      }
      case 'info':
        onInfo(l.text);
        return;
      case 'data':
        return;
    }
  };

  forEachCurlLineAt(text, (line, terminated, at) => feed(line, terminated, at));
  if (reqLines) finishRequest();
  if (resLines) finishResponse();
  closeSink();

  for (const s of sinks) finalizeBody(s, knownStatusLines);
  attachOrphanBody(exchanges, orphanRuns);

  if (exchanges.length === 0) {
    throw new InputError('no curl -v request ("> ") or response ("< ") lines were found');
  }

  const hasRedirect = exchanges.some((e) => {
    const st = e.response?.status;
    return st !== undefined && st >= 300 && st < 400 && e.response && findHeader(e.response.headers, 'location') !== undefined;
  });
  if (exchanges.length > 1 && (sawRedirectInfo || hasRedirect)) {
    exchanges.forEach((e, i) => e.notes.push(`hop ${i + 1} of ${exchanges.length} of a redirect chain (curl -L)`));
  }
  for (const e of exchanges) {
    const res = e.response;
    if (res && res.body === undefined && e.request?.method !== 'HEAD' && positiveLength(res.headers)) {
      e.notes.push('the response body is not in the capture (curl wrote it to stdout or a file)');
    }
  }
  if (pendingNotes.length > 0) {
    const lastEx = exchanges[exchanges.length - 1];
    if (lastEx) for (const n of pendingNotes) noteOn(lastEx, n);
  }
  return exchanges;
}

/**
 * Builds the body from the untagged lines after a response block: drops the
 * status-line-and-headers copy that `-i`/`-I` print on stdout, and leading
 * blank lines.
 */
function finalizeBody(sink: BodySink, knownStatusLines: ReadonlySet<string>): void {
  const segs = sink.segments ?? NO_LINES;
  const kept: number[] = [];
  let droppedCopy = false;
  let i = 0;
  while (i < segs.length) {
    const t = segs.text(i).trimEnd();
    if (t.startsWith('HTTP/') && knownStatusLines.has(t) && parseStatusLine(t)) {
      let j = i + 1;
      while (j < segs.length && parseHeaderField(segs.text(j)) !== undefined) j++;
      if (j >= segs.length || isBlank(segs.text(j))) {
        droppedCopy = true;
        i = j >= segs.length ? j : j + 1;
        continue;
      }
    }
    kept.push(i);
    i++;
  }
  let start = 0;
  while (start < kept.length && isBlank(segs.text(kept[start]!))) start++;
  const body = segs.join(kept.length - start, (k) => kept[start + k]!);
  if (droppedCopy || sink.sawBareInHeaderBlock) {
    sink.exchange.notes.push('dropped the status line and headers that curl -i/-I printed again on stdout');
  }
  if (!isBlank(body)) sink.response.body = body;
}

function startsLikeXmlError(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('<?xml') || t.startsWith('<Error');
}

/**
 * The body is normally after the response block, but stdout and stderr can
 * be pasted in either order: if the last final response has no body and an
 * XML error sits in untagged text elsewhere, use it.
 */
function attachOrphanBody(exchanges: readonly Exchange[], runs: readonly Lines[]): void {
  let target: Exchange | undefined;
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const e = exchanges[i];
    if (e?.response) {
      target = e;
      break;
    }
  }
  const res = target?.response;
  if (!target || !res || res.body !== undefined || target.request?.method === 'HEAD') return;
  for (const run of runs) {
    let at = 0;
    while (at < run.length && !startsLikeXmlError(run.text(at))) at++;
    if (at >= run.length) continue;
    const body = run.join(run.length - at, (k) => at + k);
    if (isBlank(body)) continue;
    res.body = body;
    target.notes.push('the response body was found away from its response block');
    return;
  }
}
