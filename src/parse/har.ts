/**
 * HAR 1.2 (INPUTS.md §5): one exchange per entry, whoever wrote the file.
 * What differs between producers and matters for a diagnosis (INPUTS.md §5.2,
 * checked against mitmproxy's test/mitmproxy/data/har_files/*.har, Chrome
 * DevTools front_end/models/har/Log.ts and Firefox's netmonitor har-builder.js):
 *
 * - request header names: Chrome lists HTTP/2-3 pseudo-headers first
 *   (`:authority` stands for Host); Firefox, Safari, Charles and Fiddler list
 *   Capitalised names with `Host`; Chrome's "provisional headers" (DevTools
 *   never saw what went on the wire) and Insomnia (only what the user typed)
 *   have no Host at all, Safari sometimes no headers — then the URL's host is
 *   the Host, as it was on the wire;
 * - a request that got no answer: `status: 0`, with the browser's reason in
 *   `response._error` (Chrome, mitmproxy) or on the entry (older exports);
 * - the response body: `content.text`, base64 when `content.encoding` is
 *   "base64", or left out with a `content.comment` (Firefox: "Response bodies
 *   are not included.");
 * - a UTF-8 BOM (Fiddler writes one; mitmproxy keeps `with-bom.har`).
 */
import type { Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import { InputError } from '../model/input-error.js';
import { skipReason } from './skip-reason.js';

export interface HarExchange extends Exchange {
  /** 0-based entry index. */
  index: number;
  url: string;
  /** log.creator.name: "WebInspector" (Chrome), "Firefox", "WebKit Web Inspector", "Charles Proxy", "mitmproxy exporthar" … */
  creator: string | null;
  /** The browser's own failure (`_error`, e.g. net::ERR_FAILED) for entries without a response. */
  failure?: string;
  /** `content.comment` of a response exported without its body (Firefox: "Response bodies are not included."). */
  responseBodyComment?: string;
  /**
   * Set instead of request/response for an entry that plainly is no signature
   * error (see plainSuccess): why it is skipped (skipReason, as for every other entry).
   */
  skip?: string;
}

export function looksLikeHar(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && t.slice(0, 4096).includes('"log"');
}

/** `fastSkip: false` reads every entry in full (tests check the fast path against it). */
export function parseHar(text: string, name: string, fastSkip = true): HarExchange[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(`${name}: not valid HAR JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const log = get(doc, 'log');
  const entries = get(log, 'entries');
  if (!Array.isArray(entries)) throw new InputError(`${name}: a HAR file needs log.entries (an array)`);
  const creator = str(get(get(log, 'creator'), 'name')) ?? null;
  const out: HarExchange[] = [];
  entries.forEach((entry: unknown, index: number) => {
    const ex = readEntry(entry, index, creator, fastSkip);
    if (ex) out.push(ex);
  });
  return out;
}

function readEntry(entry: unknown, index: number, creator: string | null, fastSkip: boolean): HarExchange | null {
  const req = get(entry, 'request');
  const resp = get(entry, 'response');
  const url = str(get(req, 'url'));
  const method = str(get(req, 'method'));
  if (!url || !method) return null;
  const success = fastSkip ? plainSuccess(resp) : null;
  if (success !== null) {
    return { index, url, notes: [], creator, skip: skipReason(method.toUpperCase(), success) };
  }
  const request: HttpRequestMessage = { method: method.toUpperCase(), target: url, headers: headers(get(req, 'headers')) };
  const reqVersion = str(get(req, 'httpVersion'));
  if (reqVersion) request.httpVersion = reqVersion;
  // Insomnia writes `postData: {mimeType: "", text: "", params: []}` on a GET: an empty text is no body.
  const body = str(get(get(req, 'postData'), 'text'));
  if (body) request.body = body;
  const ex: HarExchange = { index, url, request, notes: [], creator };
  if (findHeader(request.headers, 'host') === undefined && findHeader(request.headers, ':authority') === undefined) {
    ex.notes.push(
      request.headers.length === 0
        ? 'the HAR entry lists no request headers: the host of its URL is taken as the Host header'
        : 'the HAR entry lists no Host header (only the headers the page set, e.g. Chrome\'s "provisional headers"): the host of its URL is taken as the Host header',
    );
  }
  // Chrome and mitmproxy put the failure in the response; older exports on the entry.
  const failure = str(get(resp, '_error')) ?? str(get(entry, '_error'));
  if (failure) ex.failure = failure;
  const status = statusOf(get(resp, 'status'));
  if (status !== null) {
    const response: HttpResponseMessage = { status, headers: headers(get(resp, 'headers')) };
    const reason = str(get(resp, 'statusText'));
    if (reason) response.reason = reason;
    const respVersion = str(get(resp, 'httpVersion'));
    if (respVersion) response.httpVersion = respVersion;
    const content = get(resp, 'content');
    let text = str(get(content, 'text'));
    if (text && get(content, 'encoding') === 'base64') text = Buffer.from(text, 'base64').toString('utf8');
    if (text) response.body = text;
    else if (request.method !== 'HEAD') {
      // A HEAD response has no body to leave out (its error travels in x-oss-err).
      const comment = str(get(content, 'comment'));
      if (comment) {
        ex.responseBodyComment = comment;
        ex.notes.push(`the HAR export left this response's body out (content.comment: "${comment}")`);
      }
    }
    ex.response = response;
  }
  return ex;
}

/**
 * The status of a response that is plainly no signature error: a 1xx–3xx
 * status, no x-oss-err header and no `<Error` in a plain-text body — what
 * extractServerError would find nothing in. A page load is mostly such
 * entries; reading them no further (no header copies, no error search) keeps a
 * 10,000-entry HAR close to the cost of JSON.parse. Null: read it all.
 */
function plainSuccess(resp: unknown): number | null {
  const status = statusOf(get(resp, 'status'));
  if (status === null || status >= 400) return null;
  const hs = get(resp, 'headers');
  if (Array.isArray(hs)) {
    for (const h of hs) {
      const name = str(get(h, 'name'));
      if (name !== undefined && name.length === 9 && name.toLowerCase() === 'x-oss-err') return null;
    }
  }
  const content = get(resp, 'content');
  const text = str(get(content, 'text'));
  if (text) {
    // A base64 body would have to be decoded to be searched: the full path does that.
    if (get(content, 'encoding') === 'base64' || text.includes('<Error')) return null;
  }
  return status;
}

/** HTTP status of a response that arrived; `0` (no response) and junk give null. */
function statusOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[0-9]{3}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 999 ? n : null;
}

function get(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function headers(v: unknown): HeaderField[] {
  if (!Array.isArray(v)) return [];
  const out: HeaderField[] = [];
  for (const h of v) {
    const name = str(get(h, 'name'));
    const value = get(h, 'value');
    // A value written as a number (hand-made exports) is still the header's text.
    if (name !== undefined && name !== '' && (typeof value === 'string' || typeof value === 'number')) out.push({ name, value: String(value) });
  }
  return out;
}
