/**
 * HAR 1.2 (INPUTS.md §5): one exchange per entry. Part 1 reads the fields a
 * diagnosis needs; browser-specific detection (sanitised exports) comes later.
 */
import type { Exchange, HeaderField, HttpRequestMessage, HttpResponseMessage } from '../model/http.js';
import { InputError } from '../model/input-error.js';

export interface HarExchange extends Exchange {
  /** 0-based entry index. */
  index: number;
  url: string;
  /** log.creator.name: "WebInspector" (Chrome), "Firefox", "WebKit Web Inspector", "Charles Proxy", mitmproxy … */
  creator: string | null;
  /** The browser's own failure (`_error`, e.g. net::ERR_FAILED) for entries without a response. */
  failure?: string;
}

export function looksLikeHar(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && t.slice(0, 4096).includes('"log"');
}

export function parseHar(text: string, name: string): HarExchange[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(`${name}: not valid HAR JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const entries = get(get(doc, 'log'), 'entries');
  if (!Array.isArray(entries)) throw new InputError(`${name}: a HAR file needs log.entries (an array)`);
  const creator = str(get(get(get(doc, 'log'), 'creator'), 'name')) ?? null;
  const out: HarExchange[] = [];
  entries.forEach((entry: unknown, index: number) => {
    const req = get(entry, 'request');
    const resp = get(entry, 'response');
    const url = str(get(req, 'url'));
    const method = str(get(req, 'method'));
    if (!url || !method) return;
    const request: HttpRequestMessage = { method: method.toUpperCase(), target: url, headers: headers(get(req, 'headers')) };
    const body = str(get(get(req, 'postData'), 'text'));
    if (body) request.body = body;
    const ex: HarExchange = { index, url, request, notes: [], creator };
    const failure = str(get(entry, '_error'));
    if (failure) ex.failure = failure;
    const status = get(resp, 'status');
    if (typeof status === 'number' && status > 0) {
      const response: HttpResponseMessage = { status, headers: headers(get(resp, 'headers')) };
      const content = get(resp, 'content');
      let text = str(get(content, 'text'));
      if (text && get(content, 'encoding') === 'base64') text = Buffer.from(text, 'base64').toString('utf8');
      if (text) response.body = text;
      ex.response = response;
    }
    out.push(ex);
  });
  return out;
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
    const value = str(get(h, 'value'));
    if (name !== undefined && value !== undefined) out.push({ name, value });
  }
  return out;
}
