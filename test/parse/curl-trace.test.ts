import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHeader, findHeaders } from '../../src/model/http.js';
import type { Exchange } from '../../src/model/http.js';
import { InputError } from '../../src/model/input-error.js';
import { looksLikeCurlTrace, parseCurlTrace } from '../../src/parse/curl-trace.js';

const FIXTURES = new URL('../../fixtures/samples/', import.meta.url);
const SHARED = new URL('../../../shared/samples/', import.meta.url);

/** Reads a capture from fixtures/samples/, falling back to the shared sample folder. */
function sample(name: string): string {
  const local = new URL(name, FIXTURES);
  return readFileSync(existsSync(local) ? local : new URL(name, SHARED), 'utf8');
}

function sampleNames(): string[] {
  const dir = existsSync(FIXTURES) ? FIXTURES : SHARED;
  return readdirSync(dir).filter((n) => n.startsWith('curl-') && n.endsWith('.txt'));
}

/** The stdout copy of the error XML after the dump, found independently of the parser. */
function xmlInCapture(raw: string): string {
  const start = raw.indexOf('\n<?xml') + 1;
  const end = raw.indexOf('</Error>\n', start) + '</Error>\n'.length;
  return raw.slice(start, end);
}

/** The capture as if `--trace-ascii FILE` had been used: no stdout copy of the body. */
function withoutStdoutCopy(raw: string): string {
  const copy = xmlInCapture(raw);
  return raw.replace(copy, '');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

// ---------------------------------------------------------------------------
// A faithful copy of curl's dump() (src/tool_cb_dbg.c) to build synthetic traces.

function dumpBlock(label: string, data: Uint8Array, hex: boolean): string {
  const width = hex ? 16 : 64;
  const size = data.length;
  let out = `${label}, ${size} bytes (0x${size.toString(16)})\n`;
  for (let i = 0; i < size; i += width) {
    out += i.toString(16).padStart(4, '0') + ': ';
    if (hex) {
      for (let c = 0; c < width; c++) {
        out += i + c < size ? (data[i + c] ?? 0).toString(16).padStart(2, '0') + ' ' : '   ';
      }
    }
    for (let c = 0; c < width && i + c < size; c++) {
      if (!hex && i + c + 1 < size && data[i + c] === 0x0d && data[i + c + 1] === 0x0a) {
        i += c + 2 - width;
        break;
      }
      const b = data[i + c] ?? 0;
      out += b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
      if (!hex && i + c + 2 < size && data[i + c + 1] === 0x0d && data[i + c + 2] === 0x0a) {
        i += c + 3 - width;
        break;
      }
    }
    out += '\n';
  }
  return out;
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

interface SynthOptions {
  hex?: boolean;
  /** `==` for ≤ 8.16 info lines, `*` for 8.17+. */
  info?: '==' | '*';
}

/** A whole trace of one HTTP/1.1 exchange, the way curl prints it. */
function synthTrace(
  requestHead: string,
  requestBody: Uint8Array | undefined,
  responseHeadLines: string[],
  responseBody: Uint8Array | undefined,
  opts: SynthOptions = {},
): string {
  const hex = opts.hex ?? false;
  const info = (t: string): string => (opts.info === '*' ? `* ${t}\n` : `== Info: ${t}\n`);
  let out = info('Connected to h (127.0.0.1) port 80');
  out += dumpBlock('=> Send header', utf8(requestHead), hex);
  if (requestBody) out += dumpBlock('=> Send data', requestBody, hex);
  for (const l of responseHeadLines) out += dumpBlock('<= Recv header', utf8(l + '\r\n'), hex);
  out += dumpBlock('<= Recv header', utf8('\r\n'), hex);
  if (responseBody) out += dumpBlock('<= Recv data', responseBody, hex);
  out += info('Connection #0 to host h left intact');
  return out;
}

const HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
const AK = 'LTAI5tExampleKeyId0000';

interface Case {
  file: string;
  method: 'GET' | 'PUT';
  auth: string;
  requestId: string;
  hex: boolean;
}

const CASES: Case[] = [
  { file: 'curl-trace-ascii-7.88.1-get-403.txt', method: 'GET', auth: `OSS ${AK}:KTDrJxnktBip+cfb//tlqEpT5o0=`, requestId: '6650B1A4D11E553933CCDE0E', hex: false },
  { file: 'curl-trace-ascii-8.5.0-get-403.txt', method: 'GET', auth: `OSS ${AK}:SzSrgu0asW35zksVfa6qjNTurSM=`, requestId: '6650B1A4D11E553933CCDE21', hex: false },
  { file: 'curl-trace-ascii-8.21.0-get-403.txt', method: 'GET', auth: `OSS ${AK}:SzSrgu0asW35zksVfa6qjNTurSM=`, requestId: '6650B1A4D11E553933CCDE34', hex: false },
  { file: 'curl-trace-ascii-7.88.1-put-403.txt', method: 'PUT', auth: `OSS ${AK}:BePyYGqhgaRQlehi1q1GUH1sb8o=`, requestId: '6650B1A4D11E553933CCDE0F', hex: false },
  { file: 'curl-trace-ascii-8.5.0-put-403.txt', method: 'PUT', auth: `OSS ${AK}:bSgShpvmMPfCiZdFJEYnY7G8++A=`, requestId: '6650B1A4D11E553933CCDE22', hex: false },
  { file: 'curl-trace-ascii-8.21.0-put-403.txt', method: 'PUT', auth: `OSS ${AK}:bSgShpvmMPfCiZdFJEYnY7G8++A=`, requestId: '6650B1A4D11E553933CCDE35', hex: false },
  { file: 'curl-trace-hex-7.88.1-get-403.txt', method: 'GET', auth: `OSS ${AK}:KTDrJxnktBip+cfb//tlqEpT5o0=`, requestId: '6650B1A4D11E553933CCDE10', hex: true },
  { file: 'curl-trace-hex-8.5.0-get-403.txt', method: 'GET', auth: `OSS ${AK}:SzSrgu0asW35zksVfa6qjNTurSM=`, requestId: '6650B1A4D11E553933CCDE23', hex: true },
  { file: 'curl-trace-hex-8.21.0-get-403.txt', method: 'GET', auth: `OSS ${AK}:SzSrgu0asW35zksVfa6qjNTurSM=`, requestId: '6650B1A4D11E553933CCDE36', hex: true },
];

function only(exchanges: Exchange[]): Exchange {
  expect(exchanges).toHaveLength(1);
  return exchanges[0] as Exchange;
}

describe('curl --trace samples', () => {
  it('has a table row for every --trace sample', () => {
    const traceSamples = sampleNames().filter((n) => n.startsWith('curl-trace-'));
    expect(traceSamples.sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  it.each(CASES)('$file', (c) => {
    const raw = sample(c.file);
    expect(looksLikeCurlTrace(raw)).toBe(true);
    const ex = only(parseCurlTrace(raw));
    const req = ex.request;
    const res = ex.response;
    if (!req || !res) throw new Error('request and response expected');

    expect(req.method).toBe(c.method);
    expect(req.target).toBe(c.method === 'PUT' ? '/upload/hello.txt' : '/exampleobject.txt');
    expect(req.httpVersion).toBe('HTTP/1.1');
    expect(findHeaders(req.headers, 'Host')).toEqual([HOST]);
    // The Authorization header is split across two rows in every one of these dumps.
    expect(req.headers.filter((h) => h.name === 'Authorization')).toEqual([{ name: 'Authorization', value: c.auth }]);
    if (c.method === 'PUT') {
      expect(req.body).toBe('hello oss.');
      expect(findHeader(req.headers, 'Content-Length')).toBe('10');
      expect(findHeader(req.headers, 'Content-Type')).toBe('text/plain');
    } else {
      expect(req.body).toBeUndefined();
    }

    expect(res.status).toBe(403);
    expect(res.reason).toBe('Forbidden');
    expect(res.httpVersion).toBe('HTTP/1.1');
    expect(findHeaders(res.headers, 'x-oss-request-id')).toEqual([c.requestId]);
    expect(findHeaders(res.headers, 'x-oss-ec')).toEqual(['0002-00000040']);
    const body = res.body ?? '';
    expect(count(body, '<Error>')).toBe(1);
    expect(count(body, '</Error>')).toBe(1);
    expect(body).toBe(xmlInCapture(raw));
    expect(res.bodyLossy).toBe(false);
  });

  it('reads every request header of the 8.21.0 ascii PUT exactly, in order', () => {
    const ex = only(parseCurlTrace(sample('curl-trace-ascii-8.21.0-put-403.txt')));
    expect(ex.request?.headers).toEqual([
      { name: 'Host', value: HOST },
      { name: 'User-Agent', value: 'curl/8.21.0' },
      { name: 'Accept', value: '*/*' },
      { name: 'Date', value: 'Sun, 22 Nov 2026 14:02:21 GMT' },
      { name: 'Content-Type', value: 'text/plain' },
      { name: 'Authorization', value: 'OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=' },
      { name: 'Content-Length', value: '10' },
    ]);
    expect(ex.notes).toContain('response body taken from the copy curl printed on stdout after the trace');
  });

  it.each(CASES.filter((c) => !c.hex))('$file without the stdout copy: lossy body from the dump', (c) => {
    const raw = withoutStdoutCopy(sample(c.file));
    const ex = only(parseCurlTrace(raw));
    const exact = xmlInCapture(sample(c.file));
    expect(ex.response?.body).toBe(exact.replace(/\n/g, '.'));
    expect(ex.response?.bodyLossy).toBe(true);
    expect(ex.notes).toContain("--trace-ascii prints line feeds and non-ASCII bytes as '.', so the response body text is damaged");
  });

  it.each(CASES.filter((c) => c.hex))('$file without the stdout copy: exact body from the hex columns', (c) => {
    const ex = only(parseCurlTrace(withoutStdoutCopy(sample(c.file))));
    expect(ex.response?.body).toBe(xmlInCapture(sample(c.file)));
    expect(ex.response?.bodyLossy).toBe(false);
  });

  it('the dump() emulator used below reproduces a real Send header block', () => {
    const raw = sample('curl-trace-ascii-8.21.0-put-403.txt');
    const head =
      'PUT /upload/hello.txt HTTP/1.1\r\nHost: examplebucket.oss-cn-hangzhou.aliyuncs.com\r\nUser-Agent: curl/8.21.0\r\n' +
      'Accept: */*\r\nDate: Sun, 22 Nov 2026 14:02:21 GMT\r\nContent-Type: text/plain\r\n' +
      'Authorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\nContent-Length: 10\r\n\r\n';
    expect(raw).toContain(dumpBlock('=> Send header', utf8(head), false));
    const hexRaw = sample('curl-trace-hex-8.21.0-get-403.txt');
    expect(hexRaw).toContain(dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n'), true));
  });

  it('is recognised only for trace dumps', () => {
    for (const file of sampleNames().filter((n) => !n.startsWith('curl-trace-'))) {
      expect(looksLikeCurlTrace(sample(file)), file).toBe(false);
    }
  });
});

const HEAD_GET = 'GET /k HTTP/1.1\r\nHost: h\r\nAuthorization: OSS a:b=\r\n\r\n';

describe('curl --trace synthetic inputs', () => {
  it('round-trips header values and bodies through --trace-ascii (values exact, body lossy)', () => {
    const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,30}$/);
    const valueArb = fc
      .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 200 })
      .map((codes) => String.fromCharCode(...codes));
    const bodyArb = fc.uint8Array({ minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(fc.array(fc.tuple(nameArb, valueArb), { maxLength: 8 }), bodyArb, (headers, body) => {
        const head = `PUT /o HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
        const text = synthTrace(head, body, ['HTTP/1.1 403 Forbidden', 'x-oss-ec: 0002-00000040'], body);
        const ex = only(parseCurlTrace(text));
        // only the single space curl's own `name: value` layout puts after the colon is removed
        expect(ex.request?.headers).toEqual(headers.map(([name, value]) => ({ name, value })));
        // CR LF pairs survive as row breaks; every other unprintable byte is a dot
        let expected = '';
        for (let i = 0; i < body.length; i++) {
          const b = body[i] ?? 0;
          if (b === 0x0d && body[i + 1] === 0x0a) {
            expected += '\r\n';
            i++;
          } else expected += b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
        }
        expect(ex.request?.body).toBe(expected);
        expect(ex.response?.body).toBe(expected);
        expect(ex.response?.bodyLossy).toBe(expected.includes('.'));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips any bytes exactly through --trace (hex)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const body = utf8(s);
        const text = synthTrace(`PUT /${encodeURIComponent('文件')} HTTP/1.1\r\nx-oss-meta-name: 文件 \r\n\r\n`, body, ['HTTP/1.1 403 Forbidden'], body, { hex: true, info: '*' });
        const ex = only(parseCurlTrace(text));
        expect(ex.request?.target).toBe('/%E6%96%87%E4%BB%B6');
        expect(ex.request?.headers).toEqual([{ name: 'x-oss-meta-name', value: '文件 ' }]);
        expect(ex.request?.body).toBe(s === '' ? undefined : s);
        expect(ex.response?.body).toBe(s === '' ? undefined : s);
        if (s !== '') expect(ex.response?.bodyLossy).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps an ascii body without dots as not lossy', () => {
    const text = synthTrace(HEAD_GET, undefined, ['HTTP/1.1 403 Forbidden'], utf8('<Error><Code>X</Code></Error>'));
    const ex = only(parseCurlTrace(text));
    expect(ex.response?.body).toBe('<Error><Code>X</Code></Error>');
    expect(ex.response?.bodyLossy).toBe(false);
  });

  it('restores trailing blanks that a terminal copy stripped, using the offsets', () => {
    // row 1 is cut by width right after three blanks; row 2 ends with two blanks before CR LF
    const head = 'GET /k HTTP/1.1\r\n' + 'x-oss-meta-long: ' + 'v'.repeat(30) + '   ' + 'w'.repeat(20) + '\r\nx-oss-meta-a: b  \r\n\r\n';
    const dumped = synthTrace(head, undefined, ['HTTP/1.1 403 Forbidden'], undefined);
    const trimmed = dumped
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
    expect(trimmed).not.toBe(dumped);
    const ex = only(parseCurlTrace(trimmed));
    expect(ex.request?.headers).toEqual([
      { name: 'x-oss-meta-long', value: 'v'.repeat(30) + '   ' + 'w'.repeat(20) },
      { name: 'x-oss-meta-a', value: 'b  ' },
    ]);
    expect(ex.notes).toContain('trace rows had lost trailing blanks; they were restored from the row offsets');
  });

  it('strips --trace-time / --trace-ids prefixes and \\r\\r\\n line ends', () => {
    const text = synthTrace(HEAD_GET, undefined, ['HTTP/1.1 403 Forbidden', 'x-oss-ec: 0002-00000040'], utf8('<Error/>'), { info: '*' })
      .split('\n')
      .map((l) => (/^(?:=>|<=|\* )/.test(l) ? `14:02:21.834024 [0-0] ${l}` : l))
      .join('\r\r\n');
    expect(looksLikeCurlTrace(text)).toBe(true);
    const ex = only(parseCurlTrace(text));
    expect(ex.request?.headers).toEqual([
      { name: 'Host', value: 'h' },
      { name: 'Authorization', value: 'OSS a:b=' },
    ]);
    expect(ex.response?.headers).toEqual([{ name: 'x-oss-ec', value: '0002-00000040' }]);
    expect(ex.response?.body).toBe('<Error/>');
  });

  it('skips 100 Continue (with or without its blank line) and pairs the final response', () => {
    for (const blank of [true, false]) {
      let text = dumpBlock('=> Send header', utf8('PUT /big HTTP/1.1\r\nExpect: 100-continue\r\n\r\n'), false);
      text += dumpBlock('<= Recv header', utf8('HTTP/1.1 100 Continue\r\n'), false);
      if (blank) text += dumpBlock('<= Recv header', utf8('\r\n'), false);
      text += dumpBlock('=> Send data', utf8('abc'), false);
      text += dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n'), false);
      text += dumpBlock('<= Recv header', utf8('\r\n'), false);
      text += dumpBlock('<= Recv data', utf8('<Error/>'), false);
      const ex = only(parseCurlTrace(text));
      expect(ex.request?.body).toBe('abc');
      expect(ex.response?.status).toBe(403);
      expect(ex.response?.body).toBe('<Error/>');
      expect(ex.notes).toContain('skipped interim response "HTTP/1.1 100 Continue"');
    }
  });

  it('makes one exchange per hop of a redirect', () => {
    let text = dumpBlock('=> Send header', utf8('GET /r HTTP/1.1\r\n\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('HTTP/1.1 302 Found\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('Location: /k\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('\r\n'), false);
    text += "== Info: Issue another request to this URL: 'http://h/k'\n";
    text += dumpBlock('=> Send header', utf8('GET /k HTTP/1.1\r\n\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('HTTP/2 403 \r\n'), false);
    text += dumpBlock('<= Recv header', utf8('\r\n'), false);
    const exchanges = parseCurlTrace(text);
    expect(exchanges.map((e) => [e.request?.target, e.response?.status, e.response?.reason])).toEqual([
      ['/r', 302, 'Found'],
      ['/k', 403, undefined],
    ]);
    expect(exchanges[1]?.notes).toContain('hop 2 of 2 of a redirect chain (curl -L)');
  });

  it('takes a stdout body copy split around later trace lines and glued to them', () => {
    let text = dumpBlock('=> Send header', utf8(HEAD_GET), false);
    text += dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('\r\n'), false);
    text += dumpBlock('<= Recv data', utf8('<?xml version="1.0"?>\n<Error>\n  <Co'), false);
    text += '<?xml version="1.0"?>\n<Error>\n  <Co';
    text += dumpBlock('<= Recv data', utf8('de>X</Code>\n</Error>'), false);
    text += 'de>X</Code>\n</Error>';
    text += '== Info: Connection #0 to host h left intact\n';
    const ex = only(parseCurlTrace(text));
    expect(ex.response?.body).toBe('<?xml version="1.0"?>\n<Error>\n  <Code>X</Code>\n</Error>');
    expect(ex.response?.bodyLossy).toBe(false);
    expect(ex.notes).not.toContain('the stdout body copy differs from the trace dump');
  });

  it('ignores SSL data blocks and strips a progress meter glued to block lines', () => {
    const meter = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
    let text = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n';
    text += meter + dumpBlock('=> Send SSL data', new Uint8Array([0x16, 0x03, 0x01, 0x02, 0x00]), false);
    text += meter + dumpBlock('=> Send header', utf8(HEAD_GET), false);
    text += dumpBlock('<= Recv SSL data', new Uint8Array([0x17, 0x03, 0x03]), false);
    text += dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n'), false);
    text += dumpBlock('<= Recv header', utf8('\r\n'), false);
    const ex = only(parseCurlTrace(text));
    expect(ex.request?.target).toBe('/k');
    expect(ex.response?.status).toBe(403);
  });

  it('detects hex mode even when the first block is TLS', () => {
    let text = dumpBlock('=> Send SSL data', new Uint8Array([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]), true);
    text += dumpBlock('=> Send header', utf8(HEAD_GET), true);
    text += dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n'), true);
    text += dumpBlock('<= Recv header', utf8('\r\n'), true);
    const ex = only(parseCurlTrace(text));
    expect(findHeader(ex.request?.headers ?? [], 'authorization')).toBe('OSS a:b=');
  });

  it('never throws on odd lines, and throws InputError only when nothing is usable', () => {
    expect(() => parseCurlTrace('')).toThrow(InputError);
    expect(() => parseCurlTrace('== Info: Trying 1.2.3.4\n')).toThrow(InputError);
    expect(() => parseCurlTrace('=> Send SSL data, 5 bytes (0x5)\n0000: .....\n')).toThrow(InputError);
    const odd = '=> Send header, 20 bytes (0x14)\nzzzz: nope\n0000: GET / HTTP/1.1\n0010: garbage that overlaps\n<= Recv header, 9 bytes\n0000: HTTP/1.1 403\n';
    expect(() => parseCurlTrace(odd)).not.toThrow();
    expect(looksLikeCurlTrace('GET / HTTP/1.1\r\n\r\n')).toBe(false);
    expect(looksLikeCurlTrace('> GET / HTTP/1.1\r\n> \r\n< HTTP/1.1 403 Forbidden\r\n')).toBe(false);
  });

  it('stays linear on large and hostile inputs', () => {
    const bigBody = utf8('<Error>' + 'x'.repeat(3_000_000) + '</Error>');
    const big = synthTrace(HEAD_GET, bigBody, ['HTTP/1.1 403 Forbidden'], bigBody, { hex: false });
    const hostile =
      dumpBlock('=> Send header', utf8(HEAD_GET), false) +
      dumpBlock('<= Recv header', utf8('HTTP/1.1 403 Forbidden\r\n\r\n'), false) +
      'x'.concat('== Info: '.repeat(200_000)) +
      '\n' +
      '=> Send header, 5 bytes (0x5)\n'.repeat(20_000);
    // Their time is measured by the fuzz script (long-line sweep: "curl --trace row"); here, what is read.
    const [a] = parseCurlTrace(big);
    const [b] = parseCurlTrace(hostile);
    expect(a?.response?.body?.length).toBe(bigBody.length);
    expect(b?.response?.status).toBe(403);
  });
});
