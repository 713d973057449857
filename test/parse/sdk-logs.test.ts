import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exchange, HeaderField } from '../../src/model/http.js';
import { findHeader } from '../../src/model/http.js';
import { decodeOssErrHeader, findErrorXml, parseErrorXml } from '../../src/parse/error-xml.js';
import { detectSdkLog, parseSdkLog } from '../../src/parse/sdk-logs.js';
import { stripAnsi } from '../../src/parse/text-lines.js';
import { ossErrorXml, OSS_HOST, OSS_AK, SIGNATURE_MISMATCH_MESSAGE } from '../support/oss-error-xml.js';

const INPUTS = new URL('../../fixtures/inputs/', import.meta.url);

function input(name: string): string {
  return readFileSync(new URL(name, INPUTS), 'utf8');
}

const HOST = OSS_HOST;
const AK = OSS_AK;
const MSG = SIGNATURE_MISMATCH_MESSAGE;

/** The OSS error document layout (INPUTS.md §1.1), built independently of the code under test. */

/** What the parsers build from an SDK's one-line error text: Code, Message, RequestId, EC only. */
function shortErrorXml(requestId: string, ec: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n' +
    `  <Message>${MSG}</Message>\n  <RequestId>${requestId}</RequestId>\n  <EC>${ec}</EC>\n</Error>\n`
  );
}

function h(pairs: Array<[string, string]>): HeaderField[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

/** The body text between `error data: ` and the blank line after `</Error>`, cut out of the capture by hand. */
function aliOssBodyInCapture(raw: string, nth: number): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = raw.indexOf('request response error data: ', at + 1);
  const start = at + 'request response error data: '.length;
  const end = raw.indexOf('</Error>\n', start) + '</Error>\n'.length;
  return raw.slice(start, end);
}

const NOTE_ALI_HOST = (urlHost: string): string =>
  `ali-oss sent the request to ${urlHost} with the header host: ${HOST} (the endpoint is an IP address); the host header is the Host OSS saw`;
const NOTE_SHORT_BODY = "response body rebuilt from the SDK's error text (Code, Message, RequestId, EC); the log has no StringToSign from OSS";
const NOTE_OSS2_BODY = "response body rebuilt from the oss2 exception's details dict (str(e)); OSS's own XML is not in the log";

describe('detectSdkLog', () => {
  it.each([
    ['sdk-ali-oss-6.23.0-DEBUG-stderr.txt', 'ali-oss-debug'],
    ['ali-oss-6.23.0-DEBUG-colour-stderr.txt', 'ali-oss-debug'],
    ['oss2-v1-put-object-403-debug.log', 'oss2'],
    ['oss2-v4-get-object-403-debug.log', 'oss2'],
    ['ossutil-1.x-stat-head-403-debug.log', 'go-v1'],
    ['go-sdk-v1-v4-put-object-403-debug.log', 'go-v1'],
    ['go-sdk-v2-v4-put-object-403-debug.log', 'go-v2'],
    // Not SDK debug logs: error objects and mangled error text are for other readers.
    ['sdk-ali-oss-6.23.0-console-log-err.txt', null],
    ['oss2-exception-str.txt', null],
    ['picgo-json-escaped-error.log', null],
    ['java-oss-exception-stacktrace.txt', null],
    ['node-util-inspect-error-body.txt', null],
  ])('%s → %s', (name, kind) => {
    expect(detectSdkLog(input(name))).toBe(kind);
  });

  it('ignores a plain error XML, a curl capture and empty text', () => {
    expect(detectSdkLog(ossErrorXml('X', 'sig', 'GET\n\n\n1\n/b/k'))).toBeNull();
    expect(detectSdkLog(readFileSync(new URL('../../fixtures/samples/curl-v-8.21.0-put-403.txt', import.meta.url), 'utf8'))).toBeNull();
    expect(detectSdkLog('')).toBeNull();
  });

  it('sniffs a terminal copy of the colour output (ANSI codes already gone)', () => {
    expect(detectSdkLog(stripAnsi(input('ali-oss-6.23.0-DEBUG-colour-stderr.txt')))).toBe('ali-oss-debug');
  });
});

describe('ali-oss DEBUG output (real capture, piped: ISO-time prefix)', () => {
  const raw = input('sdk-ali-oss-6.23.0-DEBUG-stderr.txt');
  const exchanges = parseSdkLog(raw, 'ali-oss-debug');
  const date = 'Sun, 22 Nov 2026 14:12:19 GMT';
  const ua = 'aliyun-sdk-nodejs/6.23.0 Node.js 20.20.2 on Linux 64-bit';

  it('pairs every request with its response', () => {
    expect(exchanges.map((e) => [e.request?.method, e.request?.target, e.response?.status])).toEqual([
      ['PUT', 'http://127.0.0.1/upload/hello.txt', 403],
      ['HEAD', 'http://127.0.0.1/exampleobject.txt', 403],
      ['GET', 'http://127.0.0.1/exampleobject.txt', 403],
    ]);
    for (const ex of exchanges) {
      expect(ex.notes).toEqual([NOTE_ALI_HOST('127.0.0.1')]);
      expect(ex.clientSigned).toBeUndefined();
    }
  });

  it('reads the PUT request headers from the JSON, in order, with the real host', () => {
    expect(exchanges[0]!.request).toEqual({
      method: 'PUT',
      target: 'http://127.0.0.1/upload/hello.txt',
      headers: h([
        ['x-oss-date', date],
        ['User-Agent', ua],
        ['x-oss-meta-author', 'Alice'],
        ['Content-Type', 'text/plain'],
        ['Content-MD5', 'S0EUoYu/KkxURvmvzPmSPw=='],
        ['Content-Length', '10'],
        ['authorization', `OSS ${AK}:vSgGlJSFPcEaq/4/k+o1YjJZ7MU=`],
        ['host', HOST],
      ]),
    });
  });

  it('reads the PUT response headers and the error body logged over several lines', () => {
    expect(exchanges[0]!.response).toEqual({
      status: 403,
      headers: h([
        ['server', 'AliyunOSS'],
        ['date', date],
        ['content-type', 'application/xml'],
        ['content-length', '1314'],
        ['connection', 'keep-alive'],
        ['x-oss-request-id', '6650B1A4D11E553933CCDE01'],
        ['x-oss-server-time', '3'],
        ['x-oss-ec', '0002-00000040'],
      ]),
      body: aliOssBodyInCapture(raw, 0),
    });
    const sts = `PUT\nS0EUoYu/KkxURvmvzPmSPw==\ntext/plain\n${date}\nx-oss-date:${date}\nx-oss-meta-author:Alice\n/examplebucket/upload/hello.txt`;
    expect(exchanges[0]!.response!.body).toBe(ossErrorXml('6650B1A4D11E553933CCDE01', 'vSgGlJSFPcEaq/4/k+o1YjJZ7MU=', sts));
  });

  it('keeps the HEAD error in the x-oss-err header (no body logged)', () => {
    const resp = exchanges[1]!.response!;
    expect(resp.body).toBeUndefined();
    const xml = decodeOssErrHeader(findHeader(resp.headers, 'x-oss-err')!);
    const sts = `HEAD\n\ntext/plain\n${date}\nx-oss-date:${date}\n/examplebucket/exampleobject.txt`;
    expect(xml).toBe(ossErrorXml('6650B1A4D11E553933CCDE02', 'dJ7MlQazWVViJWcGLZYb2hIvnNg=', sts));
    expect(exchanges[1]!.request!.headers).toEqual(
      h([
        ['x-oss-date', date],
        ['User-Agent', ua],
        ['Content-Type', 'text/plain'],
        ['authorization', `OSS ${AK}:dJ7MlQazWVViJWcGLZYb2hIvnNg=`],
        ['host', HOST],
      ]),
    );
  });

  it('reads the GET body exactly as the capture holds it', () => {
    expect(exchanges[2]!.response!.body).toBe(aliOssBodyInCapture(raw, 1));
    const sts = `GET\n\ntext/plain\n${date}\nx-oss-date:${date}\n/examplebucket/exampleobject.txt`;
    expect(exchanges[2]!.response!.body).toBe(ossErrorXml('6650B1A4D11E553933CCDE03', 'VQZ6vMoxYwalq8r1qtel+rcMK9E=', sts));
  });
});

describe('ali-oss DEBUG output from a colour terminal (capture)', () => {
  const raw = input('ali-oss-6.23.0-DEBUG-colour-stderr.txt');
  const exchanges = parseSdkLog(raw, 'ali-oss-debug');
  const date = /"x-oss-date":"([^"]+)"/.exec(raw)![1]!;

  it('drops the ANSI prefix and the +Nms suffix of the last line', () => {
    expect(exchanges).toHaveLength(2);
    const put = exchanges[0]!;
    expect(put.request!.target).toBe('http://127.0.0.1:18080/upload/hello.txt');
    expect(put.request!.headers.at(-1)).toEqual({ name: 'host', value: HOST });
    expect(put.request!.headers.find((x) => x.name === 'authorization')).toEqual({ name: 'authorization', value: `OSS ${AK}:` + /OSS LTAI5tExampleKeyId0000:([^"]+)"/.exec(raw)![1] });
    expect(put.notes).toEqual([NOTE_ALI_HOST('127.0.0.1:18080')]);
    // The XML ended with a newline, so debug's " +0ms" sat alone on the last line: it is gone, the body ends in "</Error>\n".
    const sig = /<SignatureProvided>([^<]+)</.exec(raw)![1]!;
    const sts = `PUT\nS0EUoYu/KkxURvmvzPmSPw==\ntext/plain\n${date}\nx-oss-date:${date}\nx-oss-meta-author:Alice\n/examplebucket/upload/hello.txt`;
    expect(put.response!.body).toBe(ossErrorXml('6650B1A4D11E553933CCDF01', sig, sts));
    expect(put.response!.headers.map((x) => x.name)).toEqual(['server', 'date', 'content-type', 'content-length', 'connection', 'x-oss-request-id', 'x-oss-server-time', 'x-oss-ec']);
  });

  it('keeps the last header value intact where the suffix followed it', () => {
    const head = exchanges[1]!;
    expect(head.request!.method).toBe('HEAD');
    const err = findHeader(head.response!.headers, 'x-oss-err')!;
    expect(err.endsWith('=')).toBe(true);
    expect(parseErrorXml(findErrorXml(decodeOssErrHeader(err)!)[0]!.xml, 't', 'x-oss-err').requestId).toBe('6650B1A4D11E553933CCDF02');
  });

  it('reads a terminal copy (colours lost, "  ali-oss " prefix and " +0ms" kept) the same way', () => {
    expect(parseSdkLog(stripAnsi(raw), 'ali-oss-debug')).toEqual(exchanges);
  });
});

describe('ali-oss DEBUG output: other shapes', () => {
  const iso = '2026-11-22T14:12:19.639Z ali-oss ';

  it('attaches an older ali-oss "authorization stringToSign" (multi-line) to the request logged right after it', () => {
    const log =
      `${iso}authorization stringToSign: GET\n\n\nSun, 22 Nov 2026 14:12:19 GMT\n/examplebucket/a.txt\n` +
      `${iso}request GET https://${HOST}/a.txt, with headers {"Date":"Sun, 22 Nov 2026 14:12:19 GMT","authorization":"OSS ${AK}:abc="}, !!stream: false\n`;
    const [ex] = parseSdkLog(log, 'ali-oss-debug');
    expect(ex!.clientSigned).toEqual([{ kind: 'v1-string-to-sign', text: 'GET\n\n\nSun, 22 Nov 2026 14:12:19 GMT\n/examplebucket/a.txt', source: 'ali-oss DEBUG log' }]);
    expect(ex!.notes).toEqual(['the string to sign comes from ali-oss\'s "authorization stringToSign" debug line logged just before this request']);
    expect(ex!.response).toBeUndefined();
  });

  it('does not attach a string to sign that is not followed by a request (RTMP URL signing in 6.x)', () => {
    const log =
      `${iso}authorization stringToSign: 1767225600\n/examplebucket/live\n` +
      `${iso}generate error {"name":"X"}\n` +
      `${iso}request GET https://${HOST}/a.txt, with headers {}, !!stream: false\n`;
    expect(parseSdkLog(log, 'ali-oss-debug')[0]!.clientSigned).toBeUndefined();
  });

  it('skips non-string header values and says which', () => {
    const log = `${iso}request PUT https://${HOST}/k, with headers {"Content-Length":10,"x-oss-meta-a":"b","x-list":["1","2"]}, !!stream: true\n`;
    const [ex] = parseSdkLog(log, 'ali-oss-debug');
    expect(ex!.request!.headers).toEqual(h([['x-oss-meta-a', 'b']]));
    expect(ex!.notes).toEqual(['ali-oss logged non-string values for header(s) Content-Length, x-list; they were skipped']);
  });

  it('pairs responses by method and URL, also when requests interleave, and ignores other namespaces', () => {
    const log =
      `${iso}request PUT https://${HOST}/a, with headers {}, !!stream: false\n` +
      `${iso}request PUT https://${HOST}/b, with headers {}, !!stream: false\n` +
      `2026-11-22T14:12:19.700Z urllib request done\n` +
      `${iso}response PUT https://${HOST}/b, got 200, headers: {}\n` +
      `${iso}response PUT https://${HOST}/a, got 403, headers: {"x-oss-ec":"0002-00000040"}\n` +
      `${iso}request response error data: <Error>\n<Code>X</Code>\n</Error>\n\n`;
    const out = parseSdkLog(log, 'ali-oss-debug');
    expect(out.map((e) => [e.request!.target, e.response!.status, e.response!.body])).toEqual([
      [`https://${HOST}/a`, 403, '<Error>\n<Code>X</Code>\n</Error>\n'],
      [`https://${HOST}/b`, 200, undefined],
    ]);
  });
});

describe('oss2 DEBUG log (written from §7.4)', () => {
  const date = 'Sun, 22 Nov 2026 14:10:33 GMT';
  const ua = 'aliyun-sdk-python/2.19.1(Linux/6.1.0-18-amd64/x86_64;3.11.7)';

  it('V1 put_object: unescapes the bytes literal to the real UTF-8 string, reads the Send request and the exception', () => {
    const [ex, ...rest] = parseSdkLog(input('oss2-v1-put-object-403-debug.log'), 'oss2');
    expect(rest).toEqual([]);
    const sts = `PUT\n\ntext/plain\n${date}\nx-oss-meta-author:Alice\n/examplebucket/upload/文件.txt`;
    expect(ex!.clientSigned).toEqual([{ kind: 'v1-string-to-sign', text: sts, source: 'oss2 DEBUG log' }]);
    expect(ex!.request).toEqual({
      method: 'PUT',
      target: `http://${HOST}/upload%2F%E6%96%87%E4%BB%B6.txt`,
      // 'Accept-Encoding': None is dropped: requests does not send it.
      headers: h([
        ['x-oss-meta-author', 'Alice'],
        ['Content-Type', 'text/plain'],
        ['User-Agent', ua],
        ['date', date],
        ['authorization', `OSS ${AK}:mBEQGJza7YR/LMLJ9pkQp/rlUH8=`],
      ]),
    });
    expect(ex!.response!.status).toBe(403);
    expect(ex!.response!.headers).toEqual(
      h([
        ['Server', 'AliyunOSS'],
        ['Date', date],
        ['Content-Type', 'application/xml'],
        ['Content-Length', '1058'],
        ['Connection', 'keep-alive'],
        ['x-oss-request-id', '6650B1A4D11E553933CC7001'],
        ['x-oss-server-time', '3'],
        ['x-oss-ec', '0002-00000040'],
      ]),
    );
    // Rebuilt from the details dict: the same document OSS sent, byte for byte (UTF-8 key included).
    expect(ex!.response!.body).toBe(ossErrorXml('6650B1A4D11E553933CC7001', 'mBEQGJza7YR/LMLJ9pkQp/rlUH8=', sts));
    expect(ex!.notes).toEqual([NOTE_OSS2_BODY]);
    const parsed = parseErrorXml(ex!.response!.body!, 't', 'body');
    expect(Buffer.from(parsed.stringToSignBytes!).toString('utf8')).toBe(sts);
  });

  it('V4 get_object: canonical request from b\'…\', string to sign raw over several lines, query rebuilt from params', () => {
    const [ex, ...rest] = parseSdkLog(input('oss2-v4-get-object-403-debug.log'), 'oss2');
    expect(rest).toEqual([]);
    const vid = 'CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFmZjI3ZjQ5OTQ3';
    const cr = `GET\n/examplebucket/reports/2026/q3%20final.csv\nversionId=${vid}\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20261122T141502Z\n\n\nUNSIGNED-PAYLOAD`;
    const sts = 'OSS4-HMAC-SHA256\n20261122T141502Z\n20261122/cn-hangzhou/oss/aliyun_v4_request\n7035171062bbd8ff31c7f7d216513377535c8425672f21af66e27ca088289823';
    expect(ex!.clientSigned).toEqual([
      { kind: 'v4-canonical-request', text: cr, source: 'oss2 DEBUG log' },
      { kind: 'v4-string-to-sign', text: sts, source: 'oss2 DEBUG log' },
    ]);
    const sig = '7dfce8758f7c5d51bbbe4e97370fbee765672c93ae13b5974abc7af6c6429ca5';
    expect(ex!.request).toEqual({
      method: 'GET',
      target: `http://${HOST}/reports%2F2026%2Fq3%20final.csv?versionId=${vid}`,
      headers: h([
        ['User-Agent', ua],
        ['x-oss-date', '20261122T141502Z'],
        ['x-oss-content-sha256', 'UNSIGNED-PAYLOAD'],
        ['authorization', `OSS4-HMAC-SHA256 Credential=${AK}/20261122/cn-hangzhou/oss/aliyun_v4_request, Signature=${sig}`],
      ]),
    });
    expect(ex!.response!.body).toBe(ossErrorXml('6650B1A4D11E553933CC7002', sig, sts, '0002-00000201'));
    expect(ex!.notes).toEqual(['the query was rebuilt from the params dict the way requests encodes it (urlencode: name=value, spaces as +)', NOTE_OSS2_BODY]);
  });

  const line = (name: string, msg: string): string => `2026-11-22 14:10:33,483 ${name} [DEBUG] 140579704781696 : ${msg}\n`;

  it.each([
    ["b'PUT\\n\\ntext/plain\\n1767225600\\n/b/caf\\xc3\\xa9'", 'PUT\n\ntext/plain\n1767225600\n/b/café'],
    ["b'GET\\n\\n\\n1767225600\\nx-oss-meta-q:it\\'s\\ta \\\\ b\\n/b/k'", "GET\n\n\n1767225600\nx-oss-meta-q:it's\ta \\ b\n/b/k"],
    // Python switches to double quotes when the bytes hold a single quote and no double quote.
    ['b"GET\\n\\n\\n1767225600\\nx-oss-meta-q:it\'s\\n/b/k"', "GET\n\n\n1767225600\nx-oss-meta-q:it's\n/b/k"],
    // Python 2 (and any str): the raw string over several lines, up to the next log line.
    ['GET\n\n\n1767225600\n/b/k', 'GET\n\n\n1767225600\n/b/k'],
  ])('string to be signed = %s', (literal, text) => {
    const log = line('oss2.auth', `Make signature: string to be signed = ${literal}`) + line('oss2.http', 'Send request, method: GET, url: http://h/k, params: {}, headers: {}, timeout: 60, proxies: None');
    const [ex] = parseSdkLog(log, 'oss2');
    expect(ex!.clientSigned).toEqual([{ kind: 'v1-string-to-sign', text, source: 'oss2 DEBUG log' }]);
    expect(ex!.request!.target).toBe('http://h/k');
  });

  it('replaces invalid UTF-8 in a bytes literal and says so', () => {
    const [ex] = parseSdkLog(line('oss2.auth', "Make signature: string to be signed = b'GET\\n/b/\\xff'"), 'oss2');
    expect(ex!.clientSigned![0]!.text).toBe('GET\n/b/\uFFFD');
    expect(ex!.notes).toEqual(['the logged bytes are not valid UTF-8; invalid bytes were replaced with U+FFFD']);
  });

  it('falls back to the Init request line (before signing) and says what it lacks; reads logging.basicConfig lines', () => {
    const log =
      "DEBUG:oss2.http:Init request, method: PUT, url: http://h/a%2Fb, params: {'acl': '', 'x': None, 'n': 'a b/c'}, headers: {'Content-Type': 'text/plain', 'Accept-Encoding': None}\n" +
      "DEBUG:oss2.auth:Make signature: string to be signed = b'PUT\\n\\ntext/plain\\n1767225600\\n/b/a/b?acl'\n";
    const [ex] = parseSdkLog(log, 'oss2');
    expect(ex!.request).toEqual({ method: 'PUT', target: 'http://h/a%2Fb?acl=&n=a+b%2Fc', headers: h([['Content-Type', 'text/plain']]) });
    expect(ex!.clientSigned![0]!.text).toBe('PUT\n\ntext/plain\n1767225600\n/b/a/b?acl');
    expect(ex!.notes).toEqual([
      'the query was rebuilt from the params dict the way requests encodes it (urlencode: name=value, spaces as +)',
      'the request comes from the "Init request" line, logged before signing: it lacks the Authorization and Date headers oss2 added',
    ]);
  });

  it('splits two calls into two exchanges and notes signature V2', () => {
    const log =
      line('oss2.auth', "Make signature: string to be signed = b'GET\\n\\n\\nd\\n\\n/b/1'") +
      line('oss2.http', "Send request, method: GET, url: http://h/1, params: {}, headers: {'authorization': 'OSS2 AccessKeyId:ak,Signature:s'}, timeout: 60, proxies: None") +
      line('oss2.http', "Get response headers, req-id:R1, status: 200, headers: {'x-oss-request-id': 'R1'}") +
      line('oss2.auth', "Make signature: string to be signed = b'GET\\n\\n\\nd\\n/b/2'") +
      line('oss2.http', "Send request, method: GET, url: http://h/2, params: {}, headers: {}, timeout: 60, proxies: None") +
      line('oss2.http', "Get response headers, req-id:R2, status: 403, headers: {'x-oss-request-id': 'R2'}");
    const out = parseSdkLog(log, 'oss2');
    expect(out.map((e) => [e.request!.target, e.response!.status, e.clientSigned![0]!.text])).toEqual([
      ['http://h/1', 200, 'GET\n\n\nd\n\n/b/1'],
      ['http://h/2', 403, 'GET\n\n\nd\n/b/2'],
    ]);
    expect(out[0]!.notes).toEqual(['the request is signed with OSS signature V2 (OSS2); its logged string to sign is reported as a V1-style string to sign']);
    expect(out[1]!.notes).toEqual([]);
  });
});

describe('Go SDK v1 / ossutil 1.x debug log (written from §7.1)', () => {
  it('ossutil stat (HEAD): unescapes signStr, reads the request and keeps X-Oss-Err instead of the stdout error', () => {
    const out = parseSdkLog(input('ossutil-1.x-stat-head-403-debug.log'), 'go-v1');
    expect(out).toHaveLength(1);
    const ex = out[0]!;
    const date = 'Sun, 22 Nov 2026 14:20:05 GMT';
    const sts = `HEAD\n\n\n${date}\n/examplebucket/reports/2026/q3.csv`;
    expect(ex.clientSigned).toEqual([{ kind: 'v1-string-to-sign', text: sts, source: 'Go SDK v1 / ossutil 1.x debug log' }]);
    expect(ex.request).toEqual({
      method: 'HEAD',
      target: '/reports/2026/q3.csv',
      headers: h([
        ['User-Agent', 'aliyun-sdk-go/3.0.2 (Linux/6.1.0-18-amd64/amd64;go1.20.14)/ossutil-v1.7.19'],
        ['Authorization', `OSS ${AK}:yhe3mSnDqTkO2Jf3wBjcwgn4UlY=`],
        ['Content-Length', '0'],
        ['Date', date],
        ['Host', HOST],
      ]),
    });
    expect(ex.response!.status).toBe(403);
    expect(ex.response!.body).toBeUndefined();
    expect(ex.response!.headers.map((x) => x.name)).toEqual(['X-Oss-Server-Time', 'Server', 'Date', 'Content-Type', 'Content-Length', 'Connection', 'X-Oss-Request-Id', 'X-Oss-Ec', 'X-Oss-Err']);
    expect(decodeOssErrHeader(findHeader(ex.response!.headers, 'x-oss-err')!)).toBe(ossErrorXml('6650B1A4D11E553933CC7003', 'yhe3mSnDqTkO2Jf3wBjcwgn4UlY=', sts));
    expect(ex.notes).toEqual([]);
  });

  it('V4 PutObject: CanonicalRequest and signStr, and a body rebuilt from the error text in a log line', () => {
    const [ex, ...rest] = parseSdkLog(input('go-sdk-v1-v4-put-object-403-debug.log'), 'go-v1');
    expect(rest).toEqual([]);
    expect(ex!.clientSigned).toEqual([
      {
        kind: 'v4-canonical-request',
        text: 'PUT\n/examplebucket/reports/2026/q3.csv\n\ncontent-type:text/csv\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20261122T142510Z\nx-oss-meta-owner:finance\n\n\nUNSIGNED-PAYLOAD',
        source: 'Go SDK v1 / ossutil 1.x debug log',
      },
      {
        kind: 'v4-string-to-sign',
        text: 'OSS4-HMAC-SHA256\n20261122T142510Z\n20261122/cn-hangzhou/oss/aliyun_v4_request\nd472614d68078737cb71d16d3b9fa8522399ba3559d0aa9e7f4f290b5d3611af',
        source: 'Go SDK v1 / ossutil 1.x debug log',
      },
    ]);
    expect(ex!.request!.method).toBe('PUT');
    expect(ex!.request!.target).toBe('/reports/2026/q3.csv');
    expect(findHeader(ex!.request!.headers, 'authorization')).toMatch(/^OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000\/20261122\/cn-hangzhou\/oss\/aliyun_v4_request,Signature=[0-9a-f]{64}$/);
    expect(ex!.request!.headers).toHaveLength(9);
    expect(ex!.response!.body).toBe(shortErrorXml('6650B1A4D11E553933CC7004', '0002-00000201'));
    expect(ex!.notes).toEqual([NOTE_SHORT_BODY]);
  });

  const p = '0xc000123400';
  const ts = '2026/11/22 14:20:05 ';

  it('older SDKs log the V4 canonical request as a second signStr: it is told apart by the OSS4 string after it', () => {
    const log =
      `${ts}[debug][Req:${p}]signStr:GET\\n/b/k\\n\\nx-oss-date:20261122T142005Z\\n\\n\\nUNSIGNED-PAYLOAD\n` +
      `${ts}[debug][Req:${p}]signStr:OSS4-HMAC-SHA256\\n20261122T142005Z\\n20261122/cn-hangzhou/oss/aliyun_v4_request\\nabc\n`;
    const [ex] = parseSdkLog(log, 'go-v1');
    expect(ex!.clientSigned!.map((c) => [c.kind, c.text])).toEqual([
      ['v4-canonical-request', 'GET\n/b/k\n\nx-oss-date:20261122T142005Z\n\n\nUNSIGNED-PAYLOAD'],
      ['v4-string-to-sign', 'OSS4-HMAC-SHA256\n20261122T142005Z\n20261122/cn-hangzhou/oss/aliyun_v4_request\nabc'],
    ]);
  });

  it('a backslash-n inside a value cannot be told from an escaped newline (EscapeLFString): it is read as a newline', () => {
    const [ex] = parseSdkLog(`${ts}[debug][Req:${p}]signStr:PUT\\n\\n\\nd\\nx-oss-meta-path:C:\\new\\n/b/k\n`, 'go-v1');
    expect(ex!.clientSigned![0]!.text).toBe('PUT\n\n\nd\nx-oss-meta-path:C:\new\n/b/k');
  });

  it('a reused request pointer starts a new exchange; an error line alone gives a response-only exchange', () => {
    const req = (m: string): string => `${ts}[debug][Req:${p}]Method:${m}\tHost:${HOST}\tPath:/k\tQuery:acl\tHeader info:\tDate:d\n`;
    const resp = (s: number, rid: string): string => `${ts}[debug][Resp:${p}]StatusCode:${s}\tHeader info:\tX-Oss-Request-Id:${rid}\n`;
    const log =
      req('GET') +
      resp(200, 'R1') +
      req('PUT') +
      resp(403, 'R2') +
      `Error: oss: service returned error: StatusCode=403, ErrorCode=AccessDenied, ErrorMessage="You have no right to access this object.", RequestId=R9, Endpoint=${HOST}, Ec=0003-00000001\n`;
    const out = parseSdkLog(log, 'go-v1');
    expect(out.map((e) => [e.request?.method, e.request?.target, e.response?.status])).toEqual([
      ['GET', '/k?acl', 200],
      ['PUT', '/k?acl', 403],
    ]);
    // R9 matches no logged response: it goes to the last error response without a body.
    expect(out[1]!.response!.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>You have no right to access this object.</Message>\n  <RequestId>R9</RequestId>\n  <EC>0003-00000001</EC>\n</Error>\n',
    );
    const alone = parseSdkLog('Error: oss: service returned error: StatusCode=403, ErrorCode=SignatureDoesNotMatch, ErrorMessage="m", RequestId=R3\n', 'go-v1');
    expect(alone).toEqual([
      {
        response: {
          status: 403,
          headers: [],
          body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>m</Message>\n  <RequestId>R3</RequestId>\n</Error>\n',
        },
        notes: ['only the error text the SDK printed shows this response; the log has no response line for it', NOTE_SHORT_BODY],
      },
    ] satisfies Exchange[]);
  });
});

describe('Go SDK v2 debug log (written from §7.3)', () => {
  it('reads the raw multi-line StringToSign, the request (path re-encoded, Host from the log) and the error text once', () => {
    const out = parseSdkLog(input('go-sdk-v2-v4-put-object-403-debug.log'), 'go-v2');
    expect(out).toHaveLength(1);
    const ex = out[0]!;
    expect(ex.clientSigned).toEqual([
      {
        kind: 'v4-string-to-sign',
        text: 'OSS4-HMAC-SHA256\n20261122T143040Z\n20261122/cn-hangzhou/oss/aliyun_v4_request\n0468fd3669a150951915d8483eeee64c9378f5d572fd1ea834b0f42d98efbf5b',
        source: 'Go SDK v2 debug log',
      },
    ]);
    expect(ex.request).toEqual({
      method: 'PUT',
      target: '/reports/2026/q3%20final.csv',
      headers: h([
        ['User-Agent', 'alibabacloud-go-sdk-v2/linux/amd64/go1.22.5/1.2.3'],
        ['X-Oss-Date', '20261122T143040Z'],
        ['Date', 'Sun, 22 Nov 2026 14:30:40 GMT'],
        ['X-Oss-Content-Sha256', 'UNSIGNED-PAYLOAD'],
        ['Authorization', `OSS4-HMAC-SHA256 Credential=${AK}/20261122/cn-hangzhou/oss/aliyun_v4_request,Signature=${findHeader(ex.request!.headers, 'authorization')!.slice(-64)}`],
        ['Content-Type', 'text/csv'],
        ['X-Oss-Meta-Owner', 'finance'],
        ['Host', HOST],
      ]),
    });
    expect(ex.response!.status).toBe(403);
    expect(findHeader(ex.response!.headers, 'x-oss-request-id')).toBe('6650B1A4D11E553933CC7005');
    expect(ex.response!.body).toBe(shortErrorXml('6650B1A4D11E553933CC7005', '0002-00000201'));
    expect(ex.notes).toEqual([
      'the log shows the path decoded (Go url.URL.Path); it was percent-encoded again the way Go does by default, which may differ from the exact bytes sent',
      'the Host header comes from the log\'s "Host:" field (Go keeps the host out of the header map)',
      NOTE_SHORT_BODY,
    ]);
  });

  it('V1 signer, a printer without timestamps, and a retry on the same request pointer', () => {
    const r = '0xc0001b2000';
    const sign = `DEBUG sendHttpRequestOnce::Sign request[${r}], StringToSign:GET\n\n\nSun, 22 Nov 2026 14:30:40 GMT\nx-oss-meta-a:1\n/examplebucket/k\n`;
    const req = `DEBUG http.request[${r}]Method:GET\tHost:${HOST}\tPath:/k\tQuery:\tHeader info:\tAuthorization:OSS ${AK}:x\n`;
    const resp = (s: number): string => `DEBUG http.request[${r}]|http.response[0xc0001d4000]StatusCode:${s}\tHeader info:\tX-Oss-Ec:0002-00000040\n`;
    const out = parseSdkLog(sign + req + resp(503) + 'INFO Attempt retry, request[0xc0001b2000], tries:2, retry delay:200ms\n' + sign + req + resp(403), 'go-v2');
    expect(out).toHaveLength(2);
    for (const ex of out) {
      expect(ex.clientSigned).toEqual([{ kind: 'v1-string-to-sign', text: 'GET\n\n\nSun, 22 Nov 2026 14:30:40 GMT\nx-oss-meta-a:1\n/examplebucket/k', source: 'Go SDK v2 debug log' }]);
      expect(ex.request!.target).toBe('/k');
      expect(ex.notes).toEqual(['the Host header comes from the log\'s "Host:" field (Go keeps the host out of the header map)']);
    }
    expect(out.map((e) => e.response!.status)).toEqual([503, 403]);
  });
});
