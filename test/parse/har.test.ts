/**
 * The HAR reader, producer by producer (INPUTS.md §5). Each case is a HAR in
 * the structure its producer writes — mirrored from mitmproxy's
 * test/mitmproxy/data/har_files (chrome.har, firefox.har, safari.har,
 * charles.har, insomnia.har, with-bom.har), Firefox's netmonitor
 * har-builder.js and mitmproxy's savehar.py — with OSS-shaped content, and the
 * exact exchanges it must give.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/index.js';
import { InputError } from '../../src/model/input-error.js';
import type { HarExchange } from '../../src/parse/har.js';
import { looksLikeHar, parseHar } from '../../src/parse/har.js';
import { assembleCases } from '../../src/parse/assemble-cases.js';
import { readHarExchanges, readInput } from '../../src/parse/read-input.js';

const HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
const URL_ = `https://${HOST}/exampleobject.txt`;
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <EC>0002-00000040</EC>\n</Error>\n';
const NO_HOST_NOTE = 'the HAR entry lists no Host header (only the headers the page set, e.g. Chrome\'s "provisional headers"): the host of its URL is taken as the Host header';
const NO_HEADERS_NOTE = 'the HAR entry lists no request headers: the host of its URL is taken as the Host header';
const BODY_LEFT_OUT_NOTE = 'the HAR export left this response\'s body out (content.comment: "Response bodies are not included.")';

const h = (pairs: Array<[string, string]>): Array<{ name: string; value: string }> => pairs.map(([name, value]) => ({ name, value }));
const har = (creator: string, entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } }, null, 2);

interface Case {
  name: string;
  text: string;
  want: HarExchange[];
}

const cases: Case[] = [
  {
    name: 'Chrome h2: pseudo-headers first, lowercase names, base64 content.text',
    text: har('WebInspector', [
      {
        _resourceType: 'fetch',
        request: { method: 'PUT', url: URL_, httpVersion: 'http/2.0', headers: h([[':authority', HOST], [':method', 'PUT'], [':path', '/exampleobject.txt'], [':scheme', 'https'], ['authorization', 'OSS LTAI5tExampleKeyId0000:abc='], ['content-type', 'text/plain;charset=UTF-8'], ['x-oss-date', 'Sun, 22 Nov 2026 14:02:21 GMT']]), queryString: [], cookies: [], headersSize: -1, bodySize: 5, postData: { mimeType: 'text/plain;charset=UTF-8', text: 'hello' } },
        response: { status: 403, statusText: '', httpVersion: 'http/2.0', headers: h([['content-type', 'application/xml'], ['x-oss-ec', '0002-00000040']]), cookies: [], content: { size: XML.length, mimeType: 'application/xml', text: Buffer.from(XML).toString('base64'), encoding: 'base64' }, redirectURL: '', headersSize: -1, bodySize: -1, _transferSize: 900, _error: null },
      },
    ]),
    want: [{
      index: 0, url: URL_, creator: 'WebInspector', notes: [],
      request: { method: 'PUT', target: URL_, httpVersion: 'http/2.0', body: 'hello', headers: h([[':authority', HOST], [':method', 'PUT'], [':path', '/exampleobject.txt'], [':scheme', 'https'], ['authorization', 'OSS LTAI5tExampleKeyId0000:abc='], ['content-type', 'text/plain;charset=UTF-8'], ['x-oss-date', 'Sun, 22 Nov 2026 14:02:21 GMT']]) },
      response: { status: 403, httpVersion: 'http/2.0', headers: h([['content-type', 'application/xml'], ['x-oss-ec', '0002-00000040']]), body: XML },
    }],
  },
  {
    name: 'Chrome h3 HEAD: the error only in x-oss-err, content without text',
    text: har('WebInspector', [
      {
        request: { method: 'HEAD', url: URL_, httpVersion: 'h3', headers: h([[':authority', HOST], [':method', 'HEAD']]) },
        response: { status: 403, statusText: '', httpVersion: 'h3', headers: h([['x-oss-ec', '0002-00000040'], ['x-oss-err', 'PD94bWw=']]), content: { size: 0, mimeType: 'application/xml' }, _error: null },
      },
    ]),
    want: [{
      index: 0, url: URL_, creator: 'WebInspector', notes: [],
      request: { method: 'HEAD', target: URL_, httpVersion: 'h3', headers: h([[':authority', HOST], [':method', 'HEAD']]) },
      response: { status: 403, httpVersion: 'h3', headers: h([['x-oss-ec', '0002-00000040'], ['x-oss-err', 'PD94bWw=']]) },
    }],
  },
  {
    name: 'Chrome failed entry: provisional headers (no Host), status 0, response._error',
    text: har('WebInspector', [
      {
        request: { method: 'GET', url: URL_, httpVersion: '', headers: h([['Referer', 'https://app.example.com/'], ['User-Agent', 'Mozilla/5.0'], ['sec-ch-ua-mobile', '?0']]) },
        response: { status: 0, statusText: '', httpVersion: '', headers: [], content: { size: 0, mimeType: 'x-unknown' }, _transferSize: 0, _error: 'net::ERR_FAILED' },
      },
    ]),
    want: [{
      index: 0, url: URL_, creator: 'WebInspector', notes: [NO_HOST_NOTE], failure: 'net::ERR_FAILED',
      request: { method: 'GET', target: URL_, headers: h([['Referer', 'https://app.example.com/'], ['User-Agent', 'Mozilla/5.0'], ['sec-ch-ua-mobile', '?0']]) },
    }],
  },
  {
    name: 'an older export with _error on the entry',
    text: har('WebInspector', [
      { request: { method: 'GET', url: URL_, headers: [] }, response: { status: 0, headers: [], content: {} }, _error: 'net::ERR_INTERNET_DISCONNECTED' },
    ]),
    want: [{ index: 0, url: URL_, creator: 'WebInspector', notes: [NO_HEADERS_NOTE], failure: 'net::ERR_INTERNET_DISCONNECTED', request: { method: 'GET', target: URL_, headers: [] } }],
  },
  {
    name: 'Firefox: Capitalised request headers with Host on HTTP/3, lowercase response headers, body left out',
    text: har('Firefox', [
      {
        request: { bodySize: 0, method: 'GET', url: URL_, httpVersion: 'HTTP/3', headers: h([['Host', HOST], ['User-Agent', 'Mozilla/5.0 Firefox/145.0'], ['x-oss-date', '20261122T140221Z'], ['Authorization', 'OSS4-HMAC-SHA256 Credential=x']]), cookies: [], queryString: [], headersSize: 400 },
        response: { status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/3', headers: h([['content-type', 'application/xml'], ['x-oss-ec', '0002-00000201']]), cookies: [], content: { mimeType: 'application/xml', size: 1200, comment: 'Response bodies are not included.' }, redirectURL: '', headersSize: 300, bodySize: 1200 },
      },
      {
        request: { bodySize: 0, method: 'HEAD', url: URL_, httpVersion: 'HTTP/2', headers: h([['Host', HOST]]) },
        response: { status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/2', headers: h([['x-oss-err', 'PD94bWw=']]), content: { mimeType: 'application/xml', size: 0, comment: 'Response bodies are not included.' } },
      },
      {
        request: { bodySize: 0, method: 'GET', url: 'https://app.example.com/api', httpVersion: '', headers: h([['Host', 'app.example.com']]) },
        response: { status: 0, statusText: '', httpVersion: '', headers: [], content: { mimeType: '', size: 0, comment: 'Response bodies are not included.' } },
      },
    ]),
    want: [
      {
        index: 0, url: URL_, creator: 'Firefox', notes: [BODY_LEFT_OUT_NOTE], responseBodyComment: 'Response bodies are not included.',
        request: { method: 'GET', target: URL_, httpVersion: 'HTTP/3', headers: h([['Host', HOST], ['User-Agent', 'Mozilla/5.0 Firefox/145.0'], ['x-oss-date', '20261122T140221Z'], ['Authorization', 'OSS4-HMAC-SHA256 Credential=x']]) },
        response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/3', headers: h([['content-type', 'application/xml'], ['x-oss-ec', '0002-00000201']]) },
      },
      {
        index: 1, url: URL_, creator: 'Firefox', notes: [],
        request: { method: 'HEAD', target: URL_, httpVersion: 'HTTP/2', headers: h([['Host', HOST]]) },
        response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/2', headers: h([['x-oss-err', 'PD94bWw=']]) },
      },
      { index: 2, url: 'https://app.example.com/api', creator: 'Firefox', notes: [], request: { method: 'GET', target: 'https://app.example.com/api', headers: h([['Host', 'app.example.com']]) } },
    ],
  },
  {
    name: 'Safari: empty request header list, httpVersion "", content.compression',
    text: har('WebKit Web Inspector', [
      {
        pageref: 'page0', _fetchType: 'Network Load', _priority: 'low', _serverPort: 443,
        request: { method: 'GET', url: URL_, httpVersion: '', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
        response: { status: 403, statusText: 'Forbidden', httpVersion: '', cookies: [], headers: h([['Content-Type', 'application/xml'], ['X-Oss-Ec', '0002-00000040']]), content: { mimeType: 'application/xml', size: XML.length, compression: 0, text: XML }, redirectURL: '', headersSize: -1, bodySize: XML.length },
      },
    ]),
    want: [{
      index: 0, url: URL_, creator: 'WebKit Web Inspector', notes: [NO_HEADERS_NOTE],
      request: { method: 'GET', target: URL_, headers: [] },
      response: { status: 403, reason: 'Forbidden', headers: h([['Content-Type', 'application/xml'], ['X-Oss-Ec', '0002-00000040']]), body: XML },
    }],
  },
  {
    name: 'Charles: "<\\/" escapes in the body, _charlesStatus',
    text: har('Charles Proxy', [
      {
        request: { method: 'GET', url: URL_, httpVersion: 'HTTP/1.1', cookies: [], headers: h([['Host', HOST]]), queryString: [] },
        response: { _charlesStatus: 'COMPLETE', status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/1.1', headers: h([['x-oss-ec', '0002-00000040']]), content: { size: XML.length, mimeType: 'application/xml', text: XML } },
      },
    ]).replace(/<\//g, '<\\/'),
    want: [{
      index: 0, url: URL_, creator: 'Charles Proxy', notes: [],
      request: { method: 'GET', target: URL_, httpVersion: 'HTTP/1.1', headers: h([['Host', HOST]]) },
      response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/1.1', headers: h([['x-oss-ec', '0002-00000040']]), body: XML },
    }],
  },
  {
    name: 'mitmproxy export: postData with params, a flow without response',
    text: har('mitmproxy exporthar', [
      {
        request: { method: 'PUT', url: URL_, httpVersion: 'HTTP/1.1', cookies: [], headers: h([['Host', HOST], ['Content-Type', 'text/csv']]), queryString: [], headersSize: 80, bodySize: 4, postData: { mimeType: 'text/csv', text: 'a,b\n', params: [] } },
        response: { status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/1.1', cookies: [], headers: h([['x-oss-ec', '0002-00000201']]), content: { size: XML.length, compression: 0, mimeType: 'application/xml', text: XML }, redirectURL: '', headersSize: 40, bodySize: XML.length },
      },
      {
        request: { method: 'GET', url: URL_, httpVersion: 'HTTP/1.1', cookies: [], headers: h([['Host', HOST]]), queryString: [], headersSize: 40, bodySize: 0 },
        response: { status: 0, statusText: '', httpVersion: '', headers: [], cookies: [], content: {}, redirectURL: '', headersSize: -1, bodySize: -1, _transferSize: 0, _error: 'Connection killed.' },
      },
    ]),
    want: [
      {
        index: 0, url: URL_, creator: 'mitmproxy exporthar', notes: [],
        request: { method: 'PUT', target: URL_, httpVersion: 'HTTP/1.1', body: 'a,b\n', headers: h([['Host', HOST], ['Content-Type', 'text/csv']]) },
        response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/1.1', headers: h([['x-oss-ec', '0002-00000201']]), body: XML },
      },
      { index: 1, url: URL_, creator: 'mitmproxy exporthar', notes: [], failure: 'Connection killed.', request: { method: 'GET', target: URL_, httpVersion: 'HTTP/1.1', headers: h([['Host', HOST]]) } },
    ],
  },
  {
    name: 'Insomnia: a GET with postData {mimeType: "", text: "", params: []} and no headers',
    text: JSON.stringify({ log: { version: '1.2', creator: { name: 'Insomnia REST Client', version: 'insomnia.desktop.app:v2023.5.8' }, entries: [{ request: { method: 'GET', url: URL_, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], postData: { mimeType: '', text: '', params: [] }, headersSize: -1, bodySize: -1, settingEncodeUrl: true }, response: { status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: XML.length, mimeType: 'application/xml', text: XML }, redirectURL: '', headersSize: -1, bodySize: -1 }, comment: '' }] } }, null, '\t'),
    want: [{
      index: 0, url: URL_, creator: 'Insomnia REST Client', notes: [NO_HEADERS_NOTE],
      request: { method: 'GET', target: URL_, httpVersion: 'HTTP/1.1', headers: [] },
      response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/1.1', headers: [], body: XML },
    }],
  },
  {
    name: 'Fiddler: UTF-8 BOM, compact one-line JSON with creator last',
    text: `\ufeff{"log":{"pages":[], "entries":[{"time":97, "request":{"postData":{"text":"", "mimeType":""}, "headers":[{"name":"Host", "value":"${HOST}"}], "url":"${URL_}", "method":"get", "httpVersion":"HTTP/1.1"}, "response":{"statusText":"Forbidden", "status":403, "httpVersion":"HTTP/1.1", "content":{"compression":0, "text":"<Error/>", "mimeType":"application/xml"}, "headers":[]}}], "creator":{"version":"5.0", "name":"Fiddler"}, "version":"1.2"}}\n`,
    want: [{
      index: 0, url: URL_, creator: 'Fiddler', notes: [],
      request: { method: 'GET', target: URL_, httpVersion: 'HTTP/1.1', headers: h([['Host', HOST]]) },
      response: { status: 403, reason: 'Forbidden', httpVersion: 'HTTP/1.1', headers: [], body: '<Error/>' },
    }],
  },
  {
    name: 'hand-made oddities: entries without url or method are left out (indexes kept), numeric header values, a status as text, nameless headers',
    text: har('hand-made', [
      { request: { method: 'GET' }, response: { status: 200 } },
      { request: { method: 'GET', url: URL_, headers: [{ name: 'Host', value: HOST }, { name: 'Content-Length', value: 0 }, { name: '', value: 'x' }, { value: 'y' }, 'junk'] }, response: { status: '403', headers: [], content: { text: '' } } },
    ]),
    want: [{ index: 1, url: URL_, creator: 'hand-made', notes: [], request: { method: 'GET', target: URL_, headers: h([['Host', HOST], ['Content-Length', '0']]) }, response: { status: 403, headers: [] } }],
  },
];

describe('parseHar', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(looksLikeHar(c.text.replace(/^\ufeff/, ''))).toBe(true);
    expect(parseHar(c.text, 'export.har')).toEqual(c.want);
  });

  it.each([
    ['{"log": {"entries": {}}}', 'export.har: a HAR file needs log.entries (an array)'],
    ['{"log": null}', 'export.har: a HAR file needs log.entries (an array)'],
  ])('rejects %s with one line', (text, message) => {
    expect(() => parseHar(text, 'export.har')).toThrow(new InputError(message));
  });

  it('rejects broken JSON with the parser\'s first line', () => {
    const text = '{"log": {"entries": [}';
    let parserMessage = '';
    try {
      JSON.parse(text);
    } catch (e) {
      parserMessage = (e as Error).message.split('\n')[0]!;
    }
    expect(parserMessage).not.toBe('');
    expect(() => parseHar(text, 'export.har')).toThrow(new InputError(`export.har: not valid HAR JSON (${parserMessage})`));
  });
});

describe('looksLikeHar', () => {
  it.each([
    ['compact', '{"log":{"version":"1.2"}}', true],
    ['indented after blank lines', '\n  {\n  "log": {', true],
    ['an error XML', '<?xml version="1.0"?><Error/>', false],
    ['JSON without log', '{"Error":{"Code":"SignatureDoesNotMatch"}}', false],
    ['"log" beyond the first 4 KB', `{"padding": "${'x'.repeat(5000)}", "log": {}}`, false],
  ])('%s', (_name, text, want) => {
    expect(looksLikeHar(text)).toBe(want);
  });
});

describe('HAR entries as inputs', () => {
  it('labels each exchange with its entry index and URL and keeps what the export said about it', () => {
    const text = har('Firefox', [
      { request: { method: 'GET', url: 'https://app.example.com/', headers: h([['Host', 'app.example.com']]) }, response: { status: 200, headers: [], content: { comment: 'Response bodies are not included.' } } },
      { request: { method: 'PUT', url: URL_, headers: h([['Host', HOST]]) }, response: { status: 403, headers: h([['x-oss-ec', '0002-00000040']]), content: { comment: 'Response bodies are not included.' } } },
    ]);
    const input = readInput(text, 'notes.har');
    expect(input.format).toBe('har');
    // Entry 0 is a plain success: read no further than its skip reason (see the fast-path tests below).
    expect(input.exchanges.map((e) => ({ label: e.label, har: e.har, skip: e.skip }))).toEqual([
      { label: 'entry 0 https://app.example.com/', har: undefined, skip: '200: not an error' },
      { label: `entry 1 ${URL_}`, har: { creator: 'Firefox', responseBodyComment: 'Response bodies are not included.' }, skip: undefined },
    ]);
  });

  it('skips what is not a signature error, each with its reason', () => {
    const text = har('WebInspector', [
      { request: { method: 'GET', url: 'https://app.example.com/', headers: [] }, response: { status: 200, headers: [] } },
      { _resourceType: 'preflight', request: { method: 'OPTIONS', url: URL_, headers: [] }, response: { status: 200, headers: [] } },
      { request: { method: 'GET', url: `https://${HOST}/missing.txt`, headers: [] }, response: { status: 404, headers: h([['x-oss-ec', '0026-00000001']]), content: { text: '<Error><Code>NoSuchKey</Code><EC>0026-00000001</EC></Error>' } } },
      { request: { method: 'GET', url: 'https://app.example.com/api', headers: [] }, response: { status: 0, headers: [], _error: 'net::ERR_FAILED' } },
      { request: { method: 'GET', url: 'https://app.example.com/favicon.ico', headers: [] }, response: { status: 404, headers: [] } },
      { request: { method: 'GET', url: URL_, headers: h([['Host', HOST]]) }, response: { status: 403, headers: h([['x-oss-ec', '0002-00000040']]) } },
    ]);
    const report = diagnose([{ name: 'page.har', bytes: Buffer.from(text) }], {});
    expect(report.results.map((r) => r.source)).toEqual([`page.har (entry 5 ${URL_})`]);
    expect(report.skipped).toEqual([
      { source: 'page.har (entry 0 https://app.example.com/)', reason: '200: not an error' },
      { source: `page.har (entry 1 ${URL_})`, reason: 'CORS preflight (200)' },
      { source: `page.har (entry 2 https://${HOST}/missing.txt)`, reason: '404 NoSuchKey (EC 0026-00000001): not a signature error' },
      { source: 'page.har (entry 3 https://app.example.com/api)', reason: 'no response (net::ERR_FAILED)' },
      { source: 'page.har (entry 4 https://app.example.com/favicon.ico)', reason: '404: not a signature error' },
    ]);
  });

  it('takes the Host from the URL when the entry lists none (Chrome provisional headers, Insomnia, Safari)', () => {
    const text = har('WebInspector', [
      { request: { method: 'GET', url: `${URL_}?OSSAccessKeyId=LTAI5tExampleKeyId0000&Expires=1795359741&Signature=abc%3D`, httpVersion: '', headers: h([['Referer', 'https://app.example.com/'], ['User-Agent', 'Mozilla/5.0']]) }, response: { status: 403, headers: h([['x-oss-ec', '0002-00000040']]) } },
    ]);
    const report = diagnose([{ name: 'page.har', bytes: Buffer.from(text) }], {});
    expect(report.results.map((r) => ({ host: r.request?.host, notes: r.notes }))).toEqual([{ host: HOST, notes: [NO_HOST_NOTE] }]);
  });
});

/**
 * The fast path for plain successes (parseHar's plainSuccess) must change
 * nothing a user sees: the cases and the skipped list are the same as when
 * every entry is read in full — on every HAR fixture and sample, and on
 * generated entries that sit on each side of the fast path's conditions.
 */
describe('HAR fast path for plain successes', () => {
  const both = (text: string, name: string) => {
    const input = (fastSkip: boolean) => ({ name, format: 'har' as const, exchanges: readHarExchanges(text, name, fastSkip), errors: [] });
    return { fast: assembleCases([input(true)]), full: assembleCases([input(false)]), fastSkipped: input(true).exchanges.filter((e) => e.skip !== undefined).length };
  };

  it('gives the same cases and skipped entries as the full read on every HAR fixture and sample', () => {
    const files = [...walk('fixtures'), ...walk('../shared/samples').filter((f) => existsSync(f))].filter((f) => f.endsWith('.har'));
    expect(files.length).toBeGreaterThan(10);
    let skippedFast = 0;
    for (const f of files) {
      const { fast, full, fastSkipped } = both(readFileSync(f, 'utf8'), f);
      expect(fast, f).toEqual(full);
      skippedFast += fastSkipped;
    }
    // The property is not vacuous: the fixtures do hold plain successes.
    expect(skippedFast).toBeGreaterThan(0);
  });

  it('gives the same cases and skipped entries as the full read on generated entries', () => {
    const header = fc.oneof(
      fc.constantFrom('x-oss-err', 'X-Oss-Err', 'x-oss-ec', 'content-type', 'x-oss-request-id', 'Date', 'x-oss-errs'),
      fc.string({ maxLength: 12 }),
    );
    const xmlBody = fc.constantFrom(XML, '<Error><Code>NoSuchKey</Code></Error>', '<Errors>x</Errors>', 'hello world\n', '', '<Error');
    const content = fc.oneof(
      fc.constant(undefined),
      xmlBody.map((t) => ({ text: t })),
      xmlBody.map((t) => ({ text: Buffer.from(t).toString('base64'), encoding: 'base64' })),
      fc.constant({ comment: 'Response bodies are not included.' }),
    );
    const errHeaderValue = fc.constantFrom(Buffer.from(XML).toString('base64'), 'not-base64', '');
    const entry = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'PUT', 'OPTIONS', 'options', ''),
      status: fc.oneof(fc.constantFrom(0, 100, 200, 204, 206, 302, 304, 399, 400, 403, 404, 500), fc.constant('200'), fc.constant(null)),
      headers: fc.array(fc.tuple(header, errHeaderValue), { maxLength: 4 }),
      content,
    }).map(({ method, status, headers, content }) => ({
      request: { method, url: URL_, headers: h([['Host', HOST], ['Authorization', 'OSS LTAI5tExampleKeyId0000:abc=']]) },
      response: { status, headers: headers.map(([name, value]) => ({ name, value })), ...(content ? { content } : {}) },
    }));
    let fastSeen = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
        const text = har('WebInspector', entries);
        let fast: unknown;
        let full: unknown;
        let fastErr: unknown;
        let fullErr: unknown;
        try { fast = both(text, 'gen.har').fast; } catch (e) { fastErr = e; }
        try { full = both(text, 'gen.har').full; } catch (e) { fullErr = e; }
        expect(String(fastErr)).toBe(String(fullErr));
        expect(fast).toEqual(full);
        if (fast !== undefined) fastSeen += both(text, 'gen.har').fastSkipped;
      }),
      { numRuns: 2000, seed: 20261122 },
    );
    expect(fastSeen).toBeGreaterThan(500);
  });
});

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
