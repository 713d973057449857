/**
 * fast-check generators for hostile and broken input: random bytes, the seed
 * corpus truncated / bit-flipped / spliced, and structure-aware generators that
 * build each input format sigdoctor reads (raw HTTP, curl -v, --trace-ascii,
 * --trace hex, HAR JSON, OSS error XML, x-oss-err, Copy as cURL, SDK logs,
 * mangled/quoted errors) from random parts, so the fuzzing reaches the code
 * behind format detection and not only the "cannot tell what this is" exit.
 */
import fc from 'fast-check';
import { ellipsizeTarget } from '../../src/parse/powershell-error-records.js';
import { corpus } from './corpus.js';

const enc = new TextEncoder();
export const utf8 = (s: string): Uint8Array => enc.encode(s);
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

// ---------------------------------------------------------------------------
// Small value generators

/** Characters that make parsers' lives hard: delimiters of every format here. */
const NASTY = ['\r', '\n', '\r\n', '\t', ' ', '\u0000', '\u001b[31m', '<', '>', '&', '&amp;', '&#10;', '"', "'", '\\', '\\n', '\\x', '\\u00', '%', '%2F', '%E4%B8', '+', '=', '&', '?', '#', ':', ';', ',', '/', '*', '{', '}', '[', ']', '^', '`', '$', "$'", '\u2028', '\ufeff', '\ufffd', '中文', '\ud800', 'é', '0A', ' 0A ', '=> Send header, ', '<= Recv data, ', '> ', '< ', '* ', '{ [5 bytes data]', '0000: ', '<Error>', '</Error>', '<![CDATA[', ']]>', '<!DOCTYPE', '<?xml', '?>', '<!--', '-->'];

export const nastyText = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[!-~][ -~]{0,30}$/).map((v) => v.slice(0, Math.max(1, maxLength))) },
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
  );

const token = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
const b64 = fc.stringMatching(/^[A-Za-z0-9+/]{0,40}={0,2}$/);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const method = fc.oneof(fc.constantFrom('GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'OPTIONS', 'get', 'PATCH'), token);
const bucket = fc.oneof(fc.constantFrom('examplebucket', 'b', 'my-bucket-01', 'UPPER', 'a.b'), token);
const region = fc.oneof(fc.constantFrom('cn-hangzhou', 'oss-cn-hangzhou', 'us-west-1', 'ap-southeast-1'), token);
const host = fc.oneof(
  fc.tuple(bucket, region).map(([b, r]) => `${b}.oss-${r}.aliyuncs.com`),
  fc.tuple(bucket, region).map(([b, r]) => `${b}.oss-${r}-internal.aliyuncs.com`),
  region.map((r) => `oss-${r}.aliyuncs.com`),
  fc.constantFrom('127.0.0.1', '[::1]:8080', 'cdn.example.com', 'static.example.com:443', ''),
  nastyText(16),
);
const keySegment = fc.oneof(fc.constantFrom('a.txt', 'dir', '文件.txt', 'q3 final.csv', 'a+b', '%E6%96%87', '..', '', 'x%2Fy', 'a%20b'), nastyText(10));
const path = fc.array(keySegment, { maxLength: 5 }).map((s) => '/' + s.join('/'));
const httpDate = fc.oneof(fc.constantFrom('Sun, 22 Nov 2026 14:02:21 GMT', 'Tue, 23 May 2023 15:24:55 GMT', '20261122T140221Z', '1700000000', 'yesterday'), nastyText(30));
const isoDate = fc.oneof(fc.constantFrom('20261122T140221Z', '20231216T162057Z', '2026-11-22T14:02:21Z'), nastyText(16));
const subresource = fc.constantFrom('acl', 'uploads', 'uploadId=0004B9', 'partNumber=1', 'versionId=CAEQ', 'response-content-type=text%2Fplain', 'x-oss-process=image%2Fresize', 'tagging', 'foo=bar', 'security-token=tok%2B1', 'continuation-token=x');

const v1Query = fc.record({ ak: token, expires: fc.oneof(fc.nat().map(String), nastyText(8)), sig: fc.oneof(b64, nastyText(30)), sep: fc.constantFrom('&', '&amp;', '\\u0026', '&#38;') })
  .map(({ ak, expires, sig, sep }) => [`OSSAccessKeyId=${ak}`, `Expires=${expires}`, `Signature=${sig}`].join(sep));
const v4Query = fc.record({ ak: token, day: fc.constantFrom('20261122', '2026112', 'xxxxxxxx'), region, when: isoDate, expires: fc.oneof(fc.nat({ max: 700000 }).map(String), nastyText(6)), sig: fc.oneof(hex64, nastyText(20)), extra: fc.array(fc.constantFrom('x-oss-additional-headers=host', 'x-oss-security-token=tok', 'x-oss-signature-verion=OSS4-HMAC-SHA256'), { maxLength: 2 }) })
  .map(({ ak, day, region: r, when, expires, sig, extra }) => ['x-oss-signature-version=OSS4-HMAC-SHA256', `x-oss-credential=${encodeURIComponent(`${ak}/${day}/${r}/oss/aliyun_v4_request`)}`, `x-oss-date=${when}`, `x-oss-expires=${expires}`, `x-oss-signature=${sig}`, ...extra].join('&'));
const query = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(subresource, nastyText(12)), { maxLength: 4 }).map((a) => a.join('&')),
  v1Query,
  v4Query,
);
const target = fc.tuple(fc.boolean(), host, path, query).map(([abs, h, p, q]) => `${abs ? `https://${h}` : ''}${p}${q === '' ? '' : `?${q}`}`);

const v4Authorization = fc.record({
  ak: fc.oneof(token, fc.constantFrom('AK**ID', '')),
  day: fc.constantFrom('20261122', '2026-11-22', ''),
  region,
  product: fc.constantFrom('oss', 'oss-cloudbox', 's3', ''),
  terminator: fc.constantFrom('aliyun_v4_request', 'aws4_request', ''),
  additional: fc.array(fc.constantFrom('host', 'range', 'Host', '', 'x-oss-meta-a', 'content-md5'), { maxLength: 3 }),
  sig: fc.oneof(hex64, nastyText(20)),
  sep: fc.constantFrom(',', ', ', ',\t', ' '),
  order: fc.boolean(),
}).map(({ ak, day, region: r, product, terminator, additional, sig, sep, order }) => {
  const parts = [`Credential=${ak}/${day}/${r}/${product}/${terminator}`, `AdditionalHeaders=${additional.join(';')}`, `Signature=${sig}`];
  if (order) parts.reverse();
  return `OSS4-HMAC-SHA256 ${parts.join(sep)}`;
});
const authorization = fc.oneof(
  fc.tuple(token, b64).map(([ak, sig]) => `OSS ${ak}:${sig}`),
  v4Authorization,
  fc.constantFrom('OSS ', 'OSS :', 'OSS ak:', 'OSS2 AccessKeyId:a,Signature:b', 'AWS ak:sig', 'AWS4-HMAC-SHA256 Credential=a/b', 'Bearer x', 'OSS4-HMAC-SHA256', 'OSS4-HMAC-SHA256 Credential'),
  nastyText(40).map((s) => `OSS ${s}`),
  nastyText(60).map((s) => `OSS4-HMAC-SHA256 ${s}`),
);

const header = fc.oneof(
  fc.tuple(fc.constantFrom('Date', 'x-oss-date', 'X-Oss-Date'), httpDate),
  fc.tuple(fc.constant('Authorization'), authorization),
  fc.tuple(fc.constantFrom('Content-Type', 'content-type'), fc.oneof(fc.constantFrom('text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded', ''), nastyText(20))),
  fc.tuple(fc.constant('Content-MD5'), b64),
  fc.tuple(fc.constant('Host'), host),
  fc.tuple(fc.constantFrom('x-oss-meta-author', 'X-OSS-META-A', 'x-oss-security-token', 'x-oss-content-sha256', 'x-oss-acl', 'Range', 'x-oss-range-behavior'), nastyText(20)),
  fc.tuple(fc.constantFrom('x-oss-ec', 'x-oss-request-id', 'Content-Length', 'Location', 'Transfer-Encoding'), nastyText(16)),
  fc.tuple(fc.oneof(token, nastyText(10)), nastyText(30)),
);
const headers = fc.array(header, { maxLength: 8 });

// ---------------------------------------------------------------------------
// OSS error XML

const errorField = fc.oneof(
  fc.tuple(fc.constantFrom('Code'), fc.oneof(fc.constantFrom('SignatureDoesNotMatch', 'AccessDenied', 'RequestTimeTooSkewed', 'InvalidArgument', 'NoSuchKey'), nastyText(20))),
  fc.tuple(fc.constantFrom('EC'), fc.oneof(fc.constantFrom('0002-00000040', '0002-00000201', '0002-00000061', '0002-00000232', '0002-00000429', '0003-00000001'), nastyText(14))),
  fc.tuple(fc.constantFrom('RequestId', 'HostId', 'OSSAccessKeyId', 'AWSAccessKeyId', 'SignatureProvided', 'Message', 'RecommendDoc', 'RequestTime', 'ServerTime', 'MaxAllowedSkewMilliseconds', 'Authorization'), nastyText(30)),
  fc.tuple(fc.constantFrom('StringToSign', 'CanonicalRequest'), fc.oneof(fc.array(fc.oneof(httpDate, path, nastyText(16), fc.constantFrom('PUT', 'GET', '', 'OSS4-HMAC-SHA256', 'x-oss-date:20261122T140221Z')), { maxLength: 8 }).map((l) => l.join('\n')), nastyText(60))),
  fc.tuple(fc.constantFrom('StringToSignBytes', 'CanonicalRequestBytes'), fc.oneof(
    fc.uint8Array({ maxLength: 80 }).map((b) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ') + ' '),
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex')),
    fc.constantFrom('', ' ', '5', '50 5', 'ZZ', '50  55\n54', '0a 0A'),
    nastyText(30),
  )),
  fc.tuple(fc.oneof(token, fc.constantFrom('Error', 'a:b', '#text', '__proto__', 'constructor')), nastyText(20)),
);

/** XML element text: escaped, or deliberately broken (raw `<`, `&`, CDATA, entities). */
const xmlText = (v: string, mode: number): string => {
  switch (mode) {
    case 0:
      return v.split('&').join('&amp;').split('<').join('&lt;').split('>').join('&gt;');
    case 1:
      return `<![CDATA[${v}]]>`;
    case 2:
      return v.split('\n').join('&#10;').split('&').join('&amp;').split('<').join('&lt;');
    default:
      return v;
  }
};

export const errorXml: fc.Arbitrary<string> = fc.record({
  prolog: fc.oneof({ weight: 6, arbitrary: fc.constant('<?xml version="1.0" encoding="UTF-8"?>\n') }, { weight: 4, arbitrary: fc.constantFrom('<?xml version="1.0" ?>', '', '  \n', '<?xml version="1.0"?><?pi x?>\n', '<!-- c -->') }),
  open: fc.oneof({ weight: 6, arbitrary: fc.constant('<Error>') }, { weight: 4, arbitrary: fc.constantFrom('<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">', '<Error a="1" b=\'2\'>', '<Error\n>', '<oss:Error xmlns:oss="x">', '<Error/>', '<Error >') }),
  fields: fc.array(fc.tuple(errorField, fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat({ max: 5 }) }), fc.constantFrom('\n  ', '', '\r\n\t')), { maxLength: 12 }),
  close: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('</Error>\n', '</Error>') }, { weight: 2, arbitrary: fc.constantFrom('', '</Error', '</oss:Error>', '</Error></Error>', '</Error>\n<Error>') }),
}).map(({ prolog, open, fields, close }) => prolog + open + fields.map(([[name, value], mode, ws]) => `${ws}<${name}>${xmlText(value, mode)}</${name}>`).join('') + '\n' + close);

const base64Of = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

// ---------------------------------------------------------------------------
// HTTP messages and the formats that wrap them

interface Message {
  requestLine: string;
  requestHeaders: Array<[string, string]>;
  requestBody: string;
  statusLine: string;
  responseHeaders: Array<[string, string]>;
  responseBody: string;
}

const statusLine = fc.oneof(
  fc.constantFrom('HTTP/1.1 403 Forbidden', 'HTTP/2 403 ', 'HTTP/1.1 200 OK', 'HTTP/1.1 100 Continue', 'HTTP/1.1 302 Found', 'HTTP/1.0 400 Bad Request', 'HTTP/1.1 403'),
  fc.tuple(fc.integer({ min: 0, max: 999 }), nastyText(10)).map(([s, r]) => `HTTP/1.1 ${s} ${r}`),
);

export const message: fc.Arbitrary<Message> = fc.record({
  method,
  target,
  version: fc.constantFrom(' HTTP/1.1', ' HTTP/2', '', ' HTTP/1.0'),
  requestHeaders: headers,
  requestBody: fc.oneof(fc.constant(''), nastyText(40)),
  statusLine,
  responseHeaders: fc.array(fc.oneof(header, errorXml.map((x): [string, string] => ['x-oss-err', base64Of(x)]), fc.constantFrom<[string, string]>(['x-oss-ec', '0002-00000040'], ['x-oss-err', 'PD94bWwg!!'], ['x-oss-err', ''])), { maxLength: 6 }),
  responseBody: fc.oneof(errorXml, fc.constant(''), nastyText(40)),
}).map((m) => ({
  requestLine: `${m.method} ${m.target}${m.version}`,
  requestHeaders: m.requestHeaders,
  requestBody: m.requestBody,
  statusLine: m.statusLine,
  responseHeaders: m.responseHeaders,
  responseBody: m.responseBody,
}));

const eolArb = fc.constantFrom('\r\n', '\n', '\r\r\n');

export const rawHttp: fc.Arbitrary<string> = fc.tuple(message, eolArb, fc.constantFrom('both', 'request', 'response')).map(([m, eol, which]) => {
  const req = [m.requestLine, ...m.requestHeaders.map(([n, v]) => `${n}: ${v}`), '', m.requestBody].join(eol);
  const res = [m.statusLine, ...m.responseHeaders.map(([n, v]) => `${n}: ${v}`), '', m.responseBody].join(eol);
  return which === 'both' ? `${req}${eol}${res}` : which === 'request' ? req : res;
});

const infoLine = fc.constantFrom('* Trying 127.0.0.1:80...', '* Connected to x (127.0.0.1) port 80', '* Connection #0 to host x left intact', '* Issue another request to this URL: \'https://b.oss-cn-hangzhou.aliyuncs.com/k\'', '* Operation timed out after 1000 milliseconds with 0 out of 926 bytes received', '* We are completely uploaded and fine', '*', '* h2h3 [:method: GET]', '* [HTTP/2] [1] [authorization: OSS a:b]');
const meter = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

export const curlVerbose: fc.Arbitrary<string> = fc.record({
  exchanges: fc.array(message, { minLength: 1, maxLength: 3 }),
  infos: fc.array(infoLine, { maxLength: 3 }),
  withMeter: fc.boolean(),
  prefix: fc.constantFrom('', '14:02:21.834024 ', '[0-0] ', '14:02:21.834024 [0-x] '),
  bodyAfter: fc.boolean(),
  eol: eolArb,
  marker: fc.constantFrom('{ [958 bytes data]', '} [65536 bytes data]', '{ [data not shown]', ''),
}).map(({ exchanges, infos, withMeter, prefix, bodyAfter, eol, marker }) => {
  const out: string[] = [];
  if (withMeter) out.push(meter);
  for (const m of exchanges) {
    out.push(...infos.map((i) => prefix + i));
    out.push(`${prefix}> ${m.requestLine}`, ...m.requestHeaders.map(([n, v]) => `${prefix}> ${n}: ${v}`), `${prefix}> `);
    out.push(`${prefix}< ${m.statusLine}`, ...m.responseHeaders.map(([n, v]) => `${prefix}< ${n}: ${v}`), `${prefix}< `);
    if (marker) out.push(prefix + marker);
    if (!bodyAfter) out.push(m.responseBody);
  }
  out.push(`${prefix}* Connection #0 to host x left intact`);
  if (bodyAfter) out.push(exchanges[exchanges.length - 1]!.responseBody);
  return out.join(eol);
});

/** `curl --trace-ascii` / `--trace` rendering of bytes, optionally with wrong offsets and sizes. */
function traceRows(bytes: Uint8Array, hex: boolean, skew: number): string[] {
  const rows: string[] = [];
  if (hex) {
    for (let i = 0; i < bytes.length; i += 16) {
      const chunk = bytes.subarray(i, i + 16);
      const cols = Array.from(chunk, (b) => b.toString(16).padStart(2, '0') + ' ').join('').padEnd(48, ' ');
      const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
      rows.push(`${(i + skew).toString(16).padStart(4, '0')}: ${cols}${ascii}`);
    }
    return rows;
  }
  let row = '';
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      rows.push(`${(start + skew).toString(16).padStart(4, '0')}: ${row}`);
      i++;
      row = '';
      start = i + 1;
      continue;
    }
    row += b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
    if (row.length === 64) {
      rows.push(`${(start + skew).toString(16).padStart(4, '0')}: ${row}`);
      row = '';
      start = i + 1;
    }
  }
  if (row !== '') rows.push(`${(start + skew).toString(16).padStart(4, '0')}: ${row}`);
  return rows;
}

export const curlTrace: fc.Arbitrary<string> = fc.record({
  m: message,
  hex: fc.boolean(),
  skew: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 70 }) }),
  sizeLie: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 100000 }) }),
  info: fc.constantFrom('== Info: ', '* '),
  stdoutCopy: fc.boolean(),
}).map(({ m, hex, skew, sizeLie, info, stdoutCopy }) => {
  const out: string[] = [`${info}Connected to x (127.0.0.1) port 80`];
  const block = (label: string, text: string): void => {
    const bytes = utf8(text);
    const n = bytes.length + sizeLie;
    out.push(`${label}, ${n} bytes (0x${Math.max(0, n).toString(16)})`, ...traceRows(bytes, hex, skew));
  };
  block('=> Send header', [m.requestLine, ...m.requestHeaders.map(([n, v]) => `${n}: ${v}`), '', ''].join('\r\n'));
  if (m.requestBody) block('=> Send data', m.requestBody);
  block('<= Recv header', `${m.statusLine}\r\n`);
  for (const [n, v] of m.responseHeaders) block('<= Recv header', `${n}: ${v}\r\n`);
  block('<= Recv header', '\r\n');
  if (m.responseBody) block('<= Recv data', m.responseBody);
  out.push(`${info}Connection #0 to host x left intact`);
  if (stdoutCopy) out.push(m.responseBody);
  return out.join('\n');
});

export const har: fc.Arbitrary<string> = fc.record({
  entries: fc.array(fc.record({
    m: message,
    status: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>(403, 200, 400) }, { weight: 3, arbitrary: fc.integer({ min: -1, max: 999 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('403', null, 0, 1e308, -0) }),
    base64: fc.boolean(),
    junk: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(null, 1, 'x', [], {}, { url: 1 }) }),
    error: fc.constantFrom<string | undefined>(undefined, 'net::ERR_FAILED'),
  }), { maxLength: 5 }),
  creator: fc.constantFrom<unknown>('WebInspector', 'Firefox', 'Charles Proxy', null, 5),
  shape: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0, 6) }, { weight: 4, arbitrary: fc.nat({ max: 6 }) }),
}).map(({ entries, creator, shape }) => {
  const [method0 = 'GET', ...rest] = entries.length ? entries[0]!.m.requestLine.split(' ') : [];
  void method0;
  void rest;
  const doc = {
    log: {
      version: '1.2',
      creator: { name: creator, version: '1' },
      entries: entries.map(({ m, status, base64, junk, error }) => {
        const [meth, ...tgt] = m.requestLine.split(' ');
        const url = tgt.join(' ').replace(/ HTTP\/[0-9.]+$/, '');
        const entry: Record<string, unknown> = {
          request: { method: meth, url: url.startsWith('/') ? `https://b.oss-cn-hangzhou.aliyuncs.com${url}` : url, httpVersion: 'HTTP/1.1', headers: m.requestHeaders.map(([name, value]) => ({ name, value })), queryString: [], ...(m.requestBody ? { postData: { mimeType: 'text/plain', text: m.requestBody } } : {}) },
          response: { status, statusText: '', headers: m.responseHeaders.map(([name, value]) => ({ name, value })), content: { size: m.responseBody.length, mimeType: 'application/xml', text: base64 ? base64Of(m.responseBody) : m.responseBody, ...(base64 ? { encoding: 'base64' } : {}) } },
        };
        if (error) entry['_error'] = error;
        if (junk !== undefined) entry['request'] = shape === 3 ? junk : entry['request'];
        return entry;
      }),
    },
  };
  const text = JSON.stringify(doc, null, shape === 0 ? 0 : 2);
  if (shape === 1) return '\ufeff' + text;
  if (shape === 2) return text.slice(0, Math.floor(text.length / 2));
  if (shape === 4) return JSON.stringify({ log: { entries: 'x' } });
  if (shape === 5) return JSON.stringify({ log: null, x: [1, 2, { log: 1 }] });
  return text;
});

const shellWord = fc.oneof(nastyText(16), fc.constantFrom("'a b'", '"a b"', "$'a\\nb'", '^"a^"', '`', '\\', "'unterminated", '"unterminated', '--', '-X', '-H', '--data-binary', '@file', '-d', '--url', '-I', '--compressed', '-u', 'user:pass', '-F', 'a=@x', '--request', 'PUT', '-G', '--data-urlencode', '-T', '-'));

export const curlCommand: fc.Arbitrary<string> = fc.record({
  prompt: fc.constantFrom('', '$ ', 'PS C:\\> ', 'user@host:~$ ', '```bash\n', '> '),
  exe: fc.constantFrom('curl', 'curl.exe'),
  url: target.map((t) => (t.startsWith('/') ? `https://b.oss-cn-hangzhou.aliyuncs.com${t}` : t)),
  quote: fc.constantFrom("'", '"', '^"', ''),
  m: message,
  extra: fc.array(shellWord, { maxLength: 6 }),
  cont: fc.constantFrom(' \\\n  ', ' ^\n  ', ' `\n  ', ' '),
  after: fc.oneof(fc.constant(''), errorXml, errorXml.map((x) => JSON.stringify(x))),
}).map(({ prompt, exe, url, quote, m, extra, cont, after }) => {
  const q = (s: string): string => (quote === '^"' ? `^"${s}^"` : `${quote}${s}${quote}`);
  const words = [`${exe} ${q(url)}`, `-X ${m.requestLine.split(' ')[0]}`, ...m.requestHeaders.map(([n, v]) => `-H ${q(`${n}: ${v}`)}`), ...(m.requestBody ? [`--data-binary ${q(m.requestBody)}`] : []), ...extra];
  return `${prompt}${words.join(cont)}\n${after}`;
});

const pyRepr = (s: string): string => `'${s.split('\\').join('\\\\').split("'").join("\\'").split('\n').join('\\n')}'`;
const goEscape = (s: string): string => s.split('\n').join('\\n');

export const sdkLog: fc.Arbitrary<string> = fc.record({
  kind: fc.nat({ max: 3 }),
  m: message,
  sts: fc.oneof(fc.array(fc.oneof(httpDate, path, nastyText(12)), { maxLength: 6 }).map((l) => l.join('\n')), nastyText(40)),
  ansi: fc.boolean(),
  cut: fc.boolean(),
}).map(({ kind, m, sts, ansi, cut }) => {
  const [meth = 'GET', tgt = '/'] = m.requestLine.split(' ');
  const url = tgt.startsWith('/') ? `http://b.oss-cn-hangzhou.aliyuncs.com${tgt}` : tgt;
  const hdrObj = Object.fromEntries(m.requestHeaders);
  const resObj = Object.fromEntries(m.responseHeaders);
  let lines: string[];
  switch (kind) {
    case 0:
      lines = [
        `2026-11-22T14:12:19.639Z ali-oss request ${meth} ${url}, with headers ${JSON.stringify(hdrObj)}`,
        `2026-11-22T14:12:19.652Z ali-oss response ${meth} ${url}, got ${m.statusLine.split(' ')[1] ?? '403'}, headers: ${JSON.stringify(resObj)}`,
        `2026-11-22T14:12:19.652Z ali-oss request response error data: ${m.responseBody}`,
      ];
      break;
    case 1:
      lines = [
        `2026-11-22 14:10:33,482 oss2.http [DEBUG] 1 : Init request, method: ${meth}, url: ${url}, params: None, headers: {${m.requestHeaders.map(([n, v]) => `${pyRepr(n)}: ${pyRepr(v)}`).join(', ')}}`,
        `2026-11-22 14:10:33,483 oss2.auth [DEBUG] 1 : Make signature: string to be signed = b${pyRepr(sts)}`,
        `2026-11-22 14:10:33,483 oss2.auth [DEBUG] 1 : Make signature: string to be signed = ${sts}`,
        `2026-11-22 14:10:33,483 oss2.http [DEBUG] 1 : Send request, method: ${meth}, url: ${url}, params: {}, headers: {}`,
        `2026-11-22 14:10:33,527 oss2.http [DEBUG] 1 : Get response headers, req-id:6650B1, status: 403, headers: {${m.responseHeaders.map(([n, v]) => `${pyRepr(n)}: ${pyRepr(v)}`).join(', ')}}`,
        `2026-11-22 14:10:33,527 oss2.http [DEBUG] 1 : Get response body, req-id: 6650B1, content: b${pyRepr(m.responseBody)}`,
        `oss2.exceptions.SignatureDoesNotMatch: {'status': 403, 'x-oss-request-id': '6650B1', 'details': {'Code': 'SignatureDoesNotMatch', 'StringToSign': ${pyRepr(sts)}, 'StringToSignBytes': '50 55 54 '}}`,
      ];
      break;
    case 2:
      lines = [
        `2026/11/22 14:20:05.118204 [debug][Req:0xc000123400]signStr:${goEscape(sts)}`,
        `2026/11/22 14:20:05.118204 [debug][Req:0xc000123400]CanonicalRequest:${goEscape(sts)}`,
        `2026/11/22 14:20:05.118391 [debug][Req:0xc000123400]Method:${meth}\tHost:b.oss-cn-hangzhou.aliyuncs.com\tPath:${tgt}\tQuery:\tHeader info:\t${m.requestHeaders.map(([n, v]) => `${n}:${v}`).join('\t')}`,
        `2026/11/22 14:20:05.161027 [debug][Resp:0xc000123400]StatusCode:403\tHeader info:\t${m.responseHeaders.map(([n, v]) => `${n}:${v}`).join('\t')}`,
        `2026/11/22 14:25:10 PutObject failed: oss: service returned error: StatusCode=403, ErrorCode=SignatureDoesNotMatch, ErrorMessage="x", RequestId=6650B1, Ec=0002-00000040, StringToSign=${JSON.stringify(sts)}`,
      ];
      break;
    default:
      lines = [
        `2026/11/22 14:30:40 DEBUG sendHttpRequestOnce::Sign request[0xc0001b2000], StringToSign:${sts}`,
        `2026/11/22 14:30:40 DEBUG http.request[0xc0001b2000]Method:${meth}\tHost:b.oss-cn-hangzhou.aliyuncs.com\tPath:${tgt}\tQuery:\tHeader info:\t${m.requestHeaders.map(([n, v]) => `${n}:${v}`).join('\t')}`,
        `2026/11/22 14:30:40 DEBUG http.request[0xc0001b2000]|http.response[0xc0001d4000]StatusCode:403\tHeader info:\t${m.responseHeaders.map(([n, v]) => `${n}:${v}`).join('\t')}`,
        `2026/11/22 14:30:40 INFO sendHttpRequestOnce End, http.Request[0xc0001b2000], response[0xc0001d4000], err:Error returned by Service.\nHttp Status Code: 403.\nError Code: SignatureDoesNotMatch.\nRequest Id: 6650B1.\nMessage: x.\nEC: 0002-00000040.\nTimestamp: 2026-11-22 14:30:40 +0000 UTC.\nRequest Endpoint: PUT ${url}.`,
      ];
  }
  if (ansi) lines = lines.map((l) => `\u001b[36;1m${l}\u001b[0m +0ms`);
  if (cut) lines = lines.slice(0, Math.max(1, lines.length - 2));
  return lines.join('\n');
});

/** An error quoted in a log or exception: JSON string, Python repr/dict, util.inspect, Java message, browser viewer copy. */
export const mangledError: fc.Arbitrary<string> = fc.tuple(errorXml, fc.nat({ max: 6 }), nastyText(20)).map(([xml, kind, noise]) => {
  switch (kind) {
    case 0:
      return `StatusCodeError: 403 - ${JSON.stringify(xml)}\n    at x (y.js:1:1)`;
    case 1:
      return `body: b${pyRepr(xml)}`;
    case 2:
      return `data: ${xml.split('\n').map((l) => pyRepr(l + '\n')).join(' +\n  ')}`;
    case 3:
      return `com.aliyun.oss.OSSException: ${noise}\n[ErrorCode]: SignatureDoesNotMatch\n[RequestId]: 6650B1\n[HostId]: h\n[ResponseError]:\n${xml}`;
    case 4:
      return `This XML file does not appear to have any style information associated with it. The document tree is shown below.\n${xml.split('\n').join(' ')}`;
    case 5:
      return `{"error": ${JSON.stringify(JSON.stringify(xml))}}`;
    default:
      return `Error [SignatureDoesNotMatchError]: ${noise}\n    at x\n  status: 403,\n  code: 'SignatureDoesNotMatch',\n  requestId: '6650B1',\n  ecCode: '0002-00000040',\n  hostId: 'h'\n}`;
  }
});

export const signedUrl: fc.Arbitrary<string> = fc.tuple(host, path, fc.oneof(v1Query, v4Query, query), fc.constantFrom('', "'", '"')).map(([h, p, q, quote]) => `${quote}https://${h}${p}?${q}${quote}`);

export const xOssErr: fc.Arbitrary<string> = fc.tuple(errorXml, fc.constantFrom('x-oss-err: ', '', 'X-Oss-Err:'), fc.nat({ max: 3 })).map(([x, prefix, damage]) => {
  const v = base64Of(x);
  return prefix + (damage === 0 ? v : damage === 1 ? v.replace(/=+$/, '') : damage === 2 ? v.slice(0, Math.floor(v.length / 2)) : `${v}!`);
});

/**
 * `curl.exe -v … 2>&1 > out.txt` in Windows PowerShell 5.1: the first stderr line
 * wrapped in an ErrorRecord (header, position, source, underline, CategoryInfo,
 * FullyQualifiedErrorId, a line of one space), CRLF, sometimes a wrong target.
 */
export const powershellCurl: fc.Arbitrary<string> = fc
  .tuple(curlVerbose, fc.constantFrom('curl.exe', 'docker'), fc.constantFrom('At line:1 char:1', '所在位置 行:1 字符: 1', 'In Zeile:1 Zeichen:1'), fc.boolean(), fc.nat({ max: 3 }))
  .map(([capture, command, at, rightTarget, records]) => {
    const lines = capture.split(/\r?\n/);
    const out: string[] = [];
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      if (k > records) {
        out.push(line);
        continue;
      }
      const target = rightTarget ? ellipsizeTarget(line) : `${line.slice(0, 3)}x`;
      out.push(`${command} : ${line}`, at, `+ ${command} -v https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k 2>&1 > out.txt`, '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', `    + CategoryInfo          : NotSpecified: (${target}:String) [], RemoteException`, '    + FullyQualifiedErrorId : NativeCommandError', ' ');
    }
    return out.join('\r\n');
  });

/** Every structure-aware generator, by name. */
export const STRUCTURED: Record<string, fc.Arbitrary<string>> = {
  'raw-http': rawHttp,
  'curl-verbose': curlVerbose,
  'powershell-curl': powershellCurl,
  'curl-trace': curlTrace,
  har,
  'error-xml': errorXml,
  'x-oss-err': xOssErr,
  'curl-command': curlCommand,
  'sdk-log': sdkLog,
  'mangled-error': mangledError,
  'signed-url': signedUrl,
};

export const structured: fc.Arbitrary<string> = fc.oneof(...Object.values(STRUCTURED));

// ---------------------------------------------------------------------------
// Mutations of bytes (corpus files or generated text)

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; times: number }
  | { op: 'splice'; at: number; other: number; from: number }
  | { op: 'lines'; how: 'shuffle' | 'drop' | 'dup' | 'crlf' | 'lf' | 'cr' | 'upper' | 'lower' | 'indent'; seed: number }
  | { op: 'utf16' }
  | { op: 'lone-surrogate'; at: number; unit: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  frac.map((at): Mutation => ({ op: 'truncate', at })),
  fc.tuple(frac, fc.nat({ max: 7 })).map(([at, bit]): Mutation => ({ op: 'flip', at, bit })),
  fc.tuple(frac, fc.nat({ max: 255 })).map(([at, value]): Mutation => ({ op: 'set', at, value })),
  fc.tuple(frac, nastyText(12)).map(([at, text]): Mutation => ({ op: 'insert', at, text })),
  fc.tuple(frac, fc.nat({ max: 64 })).map(([at, len]): Mutation => ({ op: 'delete', at, len })),
  fc.tuple(frac, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 50 })).map(([at, len, times]): Mutation => ({ op: 'duplicate', at, len, times })),
  fc.tuple(frac, fc.nat(), frac).map(([at, other, from]): Mutation => ({ op: 'splice', at, other, from })),
  fc.tuple(fc.constantFrom('shuffle', 'drop', 'dup', 'crlf', 'lf', 'cr', 'upper', 'lower', 'indent'), fc.nat()).map(([how, seed]): Mutation => ({ op: 'lines', how, seed })),
  fc.constant<Mutation>({ op: 'utf16' }),
  // UTF-16 input is the one way raw text can carry a lone surrogate (Buffer's utf16le decoding keeps it).
  fc.tuple(frac, fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff)).map(([at, unit]): Mutation => ({ op: 'lone-surrogate', at, unit })),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Deterministic small PRNG for line operations (the seed comes from fast-check, so shrinking still works). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function applyMutation(b: Uint8Array, m: Mutation, pool: readonly Uint8Array[]): Uint8Array {
  const pos = (f: number): number => Math.floor(f * (b.length + 1));
  switch (m.op) {
    case 'truncate':
      return b.subarray(0, pos(m.at));
    case 'flip': {
      if (b.length === 0) return b;
      const out = new Uint8Array(b);
      const i = Math.min(b.length - 1, pos(m.at));
      out[i] = out[i]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (b.length === 0) return b;
      const out = new Uint8Array(b);
      out[Math.min(b.length - 1, pos(m.at))] = m.value;
      return out;
    }
    case 'insert': {
      const i = pos(m.at);
      return concat(b.subarray(0, i), utf8(m.text), b.subarray(i));
    }
    case 'delete': {
      const i = pos(m.at);
      return concat(b.subarray(0, i), b.subarray(i + m.len));
    }
    case 'duplicate': {
      const i = pos(m.at);
      const piece = b.subarray(i, i + m.len);
      return concat(b.subarray(0, i), ...Array.from({ length: m.times }, () => piece), b.subarray(i));
    }
    case 'splice': {
      const other = pool.length ? pool[m.other % pool.length]! : b;
      return concat(b.subarray(0, pos(m.at)), other.subarray(Math.floor(m.from * (other.length + 1))));
    }
    case 'lines': {
      const rnd = lcg(m.seed);
      const text = latin1(b);
      let lines = text.split('\n');
      switch (m.how) {
        case 'shuffle':
          for (let i = lines.length - 1; i > 0; i--) {
            const j = Math.floor(rnd() * (i + 1));
            [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          }
          break;
        case 'drop':
          lines = lines.filter(() => rnd() > 0.2);
          break;
        case 'dup':
          lines = lines.flatMap((l) => (rnd() < 0.2 ? [l, l] : [l]));
          break;
        case 'crlf':
          lines = lines.map((l) => (l.endsWith('\r') ? l : `${l}\r`));
          break;
        case 'lf':
          lines = lines.map((l) => l.replace(/\r+$/, ''));
          break;
        case 'cr':
          return new Uint8Array(Buffer.from(lines.join('\r'), 'latin1'));
        case 'upper':
          return new Uint8Array(Buffer.from(text.toUpperCase(), 'latin1'));
        case 'lower':
          return new Uint8Array(Buffer.from(text.toLowerCase(), 'latin1'));
        case 'indent':
          lines = lines.map((l) => (rnd() < 0.5 ? `  ${l}` : l));
          break;
      }
      return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
    }
    case 'utf16':
      return concat(Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(Buffer.from(b).toString('utf8'), 'utf16le')));
    case 'lone-surrogate': {
      const t = Buffer.from(b).toString('utf8');
      const i = Math.floor(m.at * (t.length + 1));
      return concat(Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(t.slice(0, i) + String.fromCharCode(m.unit) + t.slice(i), 'utf16le')));
    }
  }
}

/** Cap on a mutated input, so `duplicate` chains cannot grow without bound. */
const MAX_MUTATED = 512 * 1024;

export function mutate(b: Uint8Array, ms: readonly Mutation[], pool: readonly Uint8Array[]): Uint8Array {
  let out = b;
  for (const m of ms) {
    out = applyMutation(out, m, pool);
    if (out.length > MAX_MUTATED) out = out.subarray(0, MAX_MUTATED);
  }
  return out;
}

let corpusBytes: Uint8Array[] | undefined;
function pool(): Uint8Array[] {
  corpusBytes ??= corpus().map((f) => f.bytes);
  return corpusBytes;
}

/** A corpus file (by index), with its path for reporting, and 0–6 mutations applied. */
export const mutatedCorpus: fc.Arbitrary<{ path: string; bytes: Uint8Array }> = fc
  .tuple(fc.nat(), fc.array(mutation, { maxLength: 6 }))
  .map(([i, ms]) => {
    const files = corpus();
    const f = files[i % files.length]!;
    return { path: f.path, bytes: mutate(f.bytes, ms, pool()) };
  });

/** A structure-aware input, then 0–3 mutations. */
export const mutatedStructured: fc.Arbitrary<Uint8Array> = fc
  .tuple(structured, fc.array(mutation, { maxLength: 3 }))
  .map(([s, ms]) => mutate(utf8(s), ms, pool()));

/** Random bytes, with a bias to mostly-text bytes so decoding passes sometimes. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4000 }),
  fc.array(fc.constantFrom(9, 10, 13, 32, 34, 39, 47, 58, 60, 62, 61, 38, 92, 123, 125, 42, 65, 71, 69, 84, 48, 49, 0xe4, 0xb8, 0xad), { maxLength: 4000 }).map((a) => Uint8Array.from(a)),
  fc.string({ unit: 'binary', maxLength: 2000 }).map(utf8),
);

/** Text pieces glued at random (the original robustness-test alphabet plus more). */
export const fragments: fc.Arbitrary<Uint8Array> = fc.array(fc.oneof(fc.constantFrom(...NASTY, 'GET / HTTP/1.1\n', 'HTTP/1.1 403 Forbidden\n', 'Host: b.oss-cn-hangzhou.aliyuncs.com\n', 'Authorization: OSS a:b\n', '<StringToSign>', '</StringToSign>', '<StringToSignBytes>47 45 ', '</StringToSignBytes>', '{"log":{"entries":[', ']}}', 'OSSAccessKeyId=a&Expires=1&Signature=', 'curl ', " -H 'x: y' ", 'ali-oss request GET http://x/, with headers {', '[Req:0x1]signStr:', "Make signature: string to be signed = b'", 'OSS4-HMAC-SHA256 Credential=', 'ak/20261122/cn-hangzhou/oss/aliyun_v4_request', 'x-oss-signature-version=OSS4-HMAC-SHA256&'), nastyText(8)), { maxLength: 80 }).map((p) => utf8(p.join('')));

/** Any hostile input: the union of everything above. */
export const anyInput: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: randomBytes },
  { weight: 2, arbitrary: fragments },
  { weight: 4, arbitrary: mutatedCorpus.map((c) => c.bytes) },
  { weight: 4, arbitrary: mutatedStructured },
);
