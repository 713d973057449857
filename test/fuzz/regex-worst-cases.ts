/**
 * Worst inputs for every regex path that looked risky in the review
 * (test/fuzz/README.md), and for the loops fixed after the fuzzing found them
 * quadratic: megabyte-long lines of the repeated characters that make a
 * backtracking pattern retry. Each runs through the whole pipeline at 256 KB
 * and at 1 MB. It must finish the 1 MB input within the bound, and grow no
 * faster than linearly: four times the input may take at most 12 times as
 * long (quadratic work takes 16 times).
 */
import { diagnose, InputError } from '../../src/index.js';
import { lookupEc } from '../../src/ec/lookup.js';
import type { TimedCheck } from './xml-attacks.js';

export interface WorstCase {
  name: string;
  /** The regex or loop it attacks, by file. */
  target: string;
  /** The hostile text, about `size` characters long. */
  build: (size: number) => string;
  /** Run it somewhere other than diagnose() (the `ec` command's lookup). */
  run?: (text: string) => void;
}

const rep = (s: string, size: number): string => s.repeat(Math.max(1, Math.ceil(size / s.length)));
const HOST = 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com';
/** `x-oss-meta-hN: vN` lines, about `size` characters in all. */
const manyHeaders = (size: number): string => Array.from({ length: Math.max(1, Math.floor(size / 26)) }, (_, i) => `x-oss-meta-h${i}: v${i}`).join('\r\n');

export const WORST_CASES: WorstCase[] = [
  { name: 'curl URL glob: `{` then commas, no `}`', target: 'curl-command.ts hasUrlGlob (was /\\{[^}]*,[^}]*\\}|…/)', build: (n) => `curl '${HOST}/{${rep(',', n)}' -H 'Date: x'\n` },
  { name: 'curl URL glob: `[` then dashes, no `]`', target: 'curl-command.ts hasUrlGlob (was …|\\[[^\\]]*-[^\\]]*\\])', build: (n) => `curl '${HOST}/[${rep('-', n)}' -H 'Date: x'\n` },
  { name: 'PowerShell quote continued with a long inner run of blanks', target: 'curl-command.ts trimTrailingBlanks (was /[ \\t]+$/)', build: (n) => `curl.exe '${HOST}/k' -H "x: a${rep(' ', n)}b \`\n  -H "Date: x"\n` },
  { name: 'bash quote continued with a long inner run of blanks', target: 'curl-command.ts trimTrailingBlanks (was /[ \\t]+$/)', build: (n) => `curl '${HOST}/k' -H 'x: a${rep(' \t', n)}b \\\n  -H 'Date: x'\n` },
  { name: 'bash: a line of single quotes', target: 'curl-command.ts scanSingleQuoted newline search (was indexOf to the line end per quote)', build: (n) => `curl ${HOST}/k -d ${rep("'", n)}\n` },
  { name: 'bash: a line of `$(`', target: 'curl-command.ts matchParen (budget)', build: (n) => `curl ${HOST}/k -d ${rep('$(', n)}\n` },
  { name: "bash: a line of `$('`", target: 'curl-command.ts matchParen quote search', build: (n) => `curl ${HOST}/k -d ${rep("$('", n)}\n` },
  { name: 'bash: a line of `${`', target: 'curl-command.ts expansionAt `${` search', build: (n) => `curl ${HOST}/k -d ${rep('${', n)}\n` },
  { name: 'first command line: dotted words without `:` or `/`', target: 'curl-command.ts COMMAND_EVIDENCE_RE [\\w-]+(?:\\.[\\w-]+)+[:/]', build: (n) => `curl ${rep('a.', n)}\n` },
  { name: 'first command line: blanks after a caret', target: 'curl-command.ts COMMAND_EVIDENCE_RE (?:[ \\t]\\\\|\\^|`)[ \\t]*$', build: (n) => `curl x ^${rep(' ', n)}x\n` },
  { name: 'cmd: a line of `[`', target: 'curl-command.ts scanCmd', build: (n) => `curl "${HOST}/k" -H ^"x: ${rep('[', n)}^"\n` },
  { name: 'raw HTTP: one header folded over many continuation lines', target: 'http-message.ts readHeaderBlock obs-fold (was a full trim per line)', build: (n) => `GET / HTTP/1.1\r\nHost: examplebucket.oss-cn-hangzhou.aliyuncs.com\r\nx-oss-meta-a: ${rep(' \\\n', n)}\r\n\r\n` },
  { name: 'raw HTTP: a request line of blanks', target: 'http-message.ts parsePastedRequestLine split(/ +/)', build: (n) => `GET /${rep(' ', n)}x HTTP/1.1\r\n\r\n` },
  { name: 'ali-oss sniff: many `ali-oss request GET` with 4 KB non-blank runs', target: 'sdk-logs.ts ALI_OSS_SNIFF \\S{1,4096}, ', build: (n) => rep(`ali-oss request GET ${'x'.repeat(4000)} `, n) },
  { name: 'ali-oss request line with a 1 MB URL and no `, with headers`', target: 'sdk-logs.ts /^request ([A-Za-z]{1,16}) (\\S{1,65536}), with headers /', build: (n) => `2026-11-22T14:12:19.639Z ali-oss request GET ${HOST}/${rep('x', n)}\n2026-11-22T14:12:19.652Z ali-oss request response error data: x\n` },
  { name: 'Go error line: many `service returned error` with quotes', target: 'sdk-logs.ts service returned error … ErrorMessage=(?:"(.{0,2048}?)"|…)', build: (n) => `2026/11/22 14:25:10 [debug][Req:0xc0001c6100]signStr:GET\n${rep('service returned error: StatusCode=403, ErrorCode=x, ErrorMessage="""', n)}\n` },
  { name: 'debug timestamp suffix: many ` +1` without a unit', target: 'sdk-logs.ts / \\+[0-9]{1,9}(?:\\.[0-9]{1,3})?(?:ms|s|m|h|d)$/', build: (n) => `2026-11-22T14:12:19.639Z ali-oss request GET ${HOST}/k, with headers {}${rep(' +1', n)}x\n` },
  { name: 'oss2 exception: an unterminated StringToSignBytes hex run', target: "mangled-error.ts /^'((?:[0-9A-Fa-f]{2} ?){1,65536})/", build: (n) => `oss2.exceptions.SignatureDoesNotMatch: {'status': 403, 'details': 'x', 'StringToSignBytes': '${rep('0A ', n)}` },
  { name: 'oss2 exception: many field names', target: "mangled-error.ts PY_FIELD_RE /'([A-Z][A-Za-z0-9]{0,63})': /g", build: (n) => `'details': {'Code': 'x', ${rep("'A': ", n)}\n` },
  { name: 'JSON string of \\u escapes', target: 'mangled-error.ts decodeEscapes new RegExp per \\u escape', build: (n) => `StatusCodeError: 403 - "<Error>${rep('\\u0041', n)}</Error>"\n` },
  { name: 'quoted literals: 32 `<Error` candidates on one long line', target: 'mangled-error.ts openingQuote/closingQuote (1 MB window per candidate)', build: (n) => `"${rep(`<Error${'x'.repeat(Math.floor(n / 32))}`, n)}` },
  { name: 'Java message: a long [ErrorCode] line', target: 'mangled-error.ts JAVA_FIELD_RE /^\\[(…)\\]: ?(.{0,512})$/', build: (n) => `x\n[ErrorCode]: ${rep('a', n)}\n[RequestId]: r\n` },
  { name: 'one quoted line without its closing quote', target: "read-input.ts /^(['\"])(.*)\\1$/", build: (n) => `'${rep('a', n)}` },
  { name: 'one URL-like line ending in a blank', target: 'read-input.ts /^https?:\\/\\/\\S+$/i', build: (n) => `https://${rep('a', n)} x` },
  { name: 'ANSI CSI with a long parameter run', target: 'text-lines.ts ANSI_RE \\x1b\\[[0-?]*[ -/]*[@-~]; decode-input.ts ANSI', build: (n) => `> GET / HTTP/1.1\n\u001b[${rep('0', n)}\n` },
  { name: 'ANSI OSC without its terminator, repeated', target: 'text-lines.ts ANSI_RE \\x1b\\][^\\x07\\x1b]{0,1024}(?:\\x07|\\x1b\\\\)', build: (n) => `> GET / HTTP/1.1\n${rep('\u001b]' + 'x'.repeat(1000), n)}\n` },
  { name: 'ali-oss error object: many indented field lines', target: "sdk-error-object.ts \\n[ \\t]{1,64}(ecCode|requestId|code): '", build: (n) => `Error [SignatureDoesNotMatchError]: x\n${rep(`\n${' '.repeat(60)}code: '`, n)}` },
  { name: 'HAR: a skipped entry whose URL is a run of `:` + 15 base64 characters', target: 'engine.ts credentialsInText (?:Signature[=:]|:)([A-Za-z0-9+/=]{16,128})', build: (n) => JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: `${HOST}/${rep(':AAAAAAAAAAAAAAA', n)}`, headers: [] }, response: { status: 200, headers: [] } }] } }) },
  { name: 'curl --trace row of 1 MB', target: 'curl-trace.ts /^([0-9a-f]{4,12}):(?: (.*))?$/', build: (n) => `=> Send header, 10 bytes (0xa)\n0000: GET /${rep('a', n)} HTTP/1.1\n` },
  { name: 'error XML: StringToSignBytes of blanks', target: 'error-xml.ts decodeHexBytes split(/\\s+/)', build: (n) => `<Error><StringToSignBytes>${rep('0A \t', Math.min(n, 200000))}</StringToSignBytes></Error>` },
  { name: 'V1 request with tens of thousands of x-oss-meta headers', target: 'explain-steps.ts headers as sent (was a filter per header)', build: (n) => `GET /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nDate: Sun, 22 Nov 2026 14:02:21 GMT\r\n${manyHeaders(n)}\r\nAuthorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\nx-oss-meta-a:b\n/b/k</StringToSign></Error>` },
  { name: 'V4 request with tens of thousands of x-oss-meta headers', target: 'v4-hypotheses.ts single changes (bounded, built lazily)', build: (n) => `GET /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nx-oss-date: 20261122T140221Z\r\nx-oss-content-sha256: UNSIGNED-PAYLOAD\r\n${manyHeaders(n)}\r\nAuthorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000/20261122/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=${'0'.repeat(64)}\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>GET\n/b/k\n\nx-oss-date:20261122T140221Z\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>` },
  { name: 'PowerShell record: a 1 MB CategoryInfo full of `:String)`', target: 'powershell-error-records.ts CATEGORY_RE \\((.*):String\\) \\[\\], RemoteException *$', build: (n) => `curl.exe : * Trying 127.0.0.1:80...\r\nAt line:1 char:1\r\n+ curl.exe -v x\r\n+ ~~~~~~~~~~~~~\r\n    + CategoryInfo          : NotSpecified: (${rep(':String) ', n)}:String) [], RemoteException x\r\n    + FullyQualifiedErrorId : NativeCommandError\r\n \r\n> GET / HTTP/1.1\r\n` },
  { name: 'PowerShell: nothing but FullyQualifiedErrorId and CategoryInfo lines', target: 'powershell-error-records.ts findRecord (bounded look-back per record)', build: (n) => `> GET / HTTP/1.1\r\n${rep('    + CategoryInfo          : NotSpecified: (x:String) [], RemoteException\r\n    + FullyQualifiedErrorId : NativeCommandError\r\n', n)}` },
  { name: '`sigdoctor ec`: a long run of quotes', target: 'ec/lookup.ts /^["\'<]+|["\'>]+$/g (bounded by BARE_MAX)', build: (n) => rep('"', n), run: (t) => void lookupEc(t) },
  // The inputs test/ec/lookup.test.ts pins the answers of (not-found), timed here.
  { name: '`sigdoctor ec`: `0002-` repeated', target: 'ec/lookup.ts EC search in a document', build: (n) => rep('0002-', n), run: (t) => void lookupEc(t) },
  { name: '`sigdoctor ec`: `<EC>` repeated', target: 'ec/lookup.ts <EC> element search', build: (n) => rep('<EC>', n), run: (t) => void lookupEc(t) },
  { name: '`sigdoctor ec`: `x-oss-err: ` repeated', target: 'ec/lookup.ts x-oss-err header search', build: (n) => rep('x-oss-err: ', n), run: (t) => void lookupEc(t) },
  { name: '`sigdoctor ec`: a long near-miss of an error Code', target: 'ec/lookup.ts Code search', build: (n) => rep('SignatureDoesNotMatc', n), run: (t) => void lookupEc(t) },
  // test/request/v4-auth.test.ts pins what these give; timed here through the whole pipeline.
  { name: 'V4 Authorization: many unknown pairs', target: 'v4-auth.ts parseV4Authorization pair split', build: (n) => `GET / HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nAuthorization: OSS4-HMAC-SHA256 ${rep('a=b,', n)}\r\n\r\n` },
  { name: 'V4 Authorization: huge AdditionalHeaders of distinct names', target: 'v4-auth.ts AdditionalHeaders checks (sorted, unique)', build: (n) => `GET / HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nAuthorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000/20261122/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=${Array.from({ length: Math.max(1, Math.floor(n / 8)) }, (_, i) => `h${i}`).join(';')},Signature=${'0'.repeat(64)}\r\n\r\n` },
  { name: 'V4 presigned URL: a parameter repeated', target: 'v4-auth.ts parseV4Query repeated parameters', build: (n) => `https://b.oss-cn-hangzhou.aliyuncs.com/k?${rep('x-oss-expires=1&', n)}` },
];

function timeOnce(text: string, run?: (text: string) => void): number {
  const t0 = performance.now();
  if (run) run(text);
  else {
    try {
      diagnose([{ name: 'worst.txt', bytes: Buffer.from(text, 'utf8') }]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return performance.now() - t0;
}

/** Best of `tries` (a busy machine only ever makes a run slower). */
function best(text: string, tries: number, run?: (text: string) => void): number {
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) b = Math.min(b, timeOnce(text, run));
  return b;
}

/** Time `build(size / 4)` and `build(size)`: within `limitMs`, and not superlinear (×4 input, > ×12 time, and over 200 ms: small timings are mostly garbage-collector noise). */
function scaling(name: string, target: string, build: (n: number) => string, size: number, limitMs: number, run?: (text: string) => void): TimedCheck {
  try {
    const small = best(build(size / 4), 3, run);
    const ms = best(build(size), 2, run);
    const ratio = ms / Math.max(small, 1);
    const superlinear = ratio > 12 && ms > 200;
    const outcome = `${target}${target ? '; ' : ''}${(size / 4 / 1024).toFixed(0)} KB ${small.toFixed(0)} ms → ${(size / 1024).toFixed(0)} KB ${ms.toFixed(0)} ms (×${ratio.toFixed(1)})${superlinear ? ' — superlinear' : ''}`;
    return { name, ms, limitMs, ok: ms < limitMs && !superlinear, outcome };
  } catch (e) {
    return { name, ms: 0, limitMs, ok: false, outcome: `crashed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The named worst cases at 1 MB (256 KB for the scaling check). */
export function runRegexTimings(limitMs = 1000, size = 1 << 20): TimedCheck[] {
  return WORST_CASES.map((c) => scaling(c.name, c.target, c.build, size, limitMs, c.run));
}

// ---------------------------------------------------------------------------
// Generic sweep: every input shape × every delimiter repeated into one long line.

/** Where the long run goes: inside each format at the spot its parser reads with a pattern or a loop. */
export const LONG_LINE_SPOTS: Record<string, [string, string]> = {
  plain: ['', ''],
  'raw request line': ['GET /', ' HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\n\r\n'],
  'raw header value': ['GET / HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nx-oss-meta-a: ', '\r\n\r\n'],
  'V4 Authorization': ['GET / HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nAuthorization: OSS4-HMAC-SHA256 Credential=', '\r\n\r\n'],
  'V1 Authorization': ['GET / HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nAuthorization: OSS ', '\r\n\r\n'],
  query: ['GET /k?', ' HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\n\r\n'],
  'response body': ['HTTP/1.1 403 Forbidden\r\n\r\n', ''],
  'curl -v header': ['> GET / HTTP/1.1\r\n> Host: b\r\n> x: ', '\r\n> \r\n< HTTP/1.1 403 Forbidden\r\n< \r\n'],
  'curl -v body': ['> GET / HTTP/1.1\r\n> \r\n< HTTP/1.1 403 Forbidden\r\n< \r\n', ''],
  'curl --trace row': ['=> Send header, 10 bytes (0xa)\n0000: ', '\n'],
  'curl command URL': ["curl 'https://b.oss-cn-hangzhou.aliyuncs.com/", "'\n"],
  'curl command -d': ['curl https://b.oss-cn-hangzhou.aliyuncs.com/k -d ', '\n'],
  'cmd command -H': ['curl "https://b.oss-cn-hangzhou.aliyuncs.com/k" -H ^"x: ', '^"\n'],
  'PowerShell command -H': ['curl.exe "https://b.oss-cn-hangzhou.aliyuncs.com/k" -H "x: ', '"\n'],
  'HAR URL': ['{"log":{"entries":[{"request":{"method":"GET","url":"https://b.oss-cn-hangzhou.aliyuncs.com/', '","headers":[]}}]}}'],
  'XML StringToSign': ['<Error><StringToSign>', '</StringToSign></Error>'],
  'XML unclosed': ['<Error><Code>', ''],
  'JSON-quoted XML': ['StatusCodeError: 403 - "<Error>', '</Error>"'],
  'Python bytes XML': ["b'<Error>", "</Error>'"],
  'oss2 dict': ["{'status': 403, 'details': {'Code': 'x', 'StringToSign': '", "'}}"],
  'Java message': ['x\n[ErrorCode]: ', '\n[RequestId]: r\n'],
  'ali-oss DEBUG': ['2026-11-22T14:12:19.639Z ali-oss request GET http://b.oss-cn-hangzhou.aliyuncs.com/', ', with headers {}\n'],
  'oss2 DEBUG': ["2026-11-22 14:10:33,483 oss2.auth [DEBUG] 1 : Make signature: string to be signed = b'", "'\n"],
  'Go v1 signStr': ['2026/11/22 14:20:05.118204 [debug][Req:0xc000123400]signStr:', '\n'],
  'Go v1 headers': ['2026/11/22 14:20:05.118204 [debug][Req:0xc000123400]Method:GET\tHost:b\tPath:/\tQuery:\tHeader info:\t', '\n'],
  'Go v2 StringToSign': ['2026/11/22 14:30:40 DEBUG sendHttpRequestOnce::Sign request[0xc0001b2000], StringToSign:', '\n'],
  'signed URL': ['https://b.oss-cn-hangzhou.aliyuncs.com/k?', ''],
  'x-oss-err value': ['x-oss-err: PD94bWwg', ''],
};

export const LONG_LINE_FILLERS = [' ', '\t', '\\', "'", '"', '%', '&', '<', ',', ':', '=', '-', '{', '[', '^', '`', 'a', '0A ', '\\n', '\\u0041', '&amp;', '$(', '${', "' + '", '\r', '\r\n', '\n ', '\n> ', ' \\\n', ' ^\n', '`\n', '"\n'];

/** Every spot × every filler at 256 KB (64 KB for the scaling check). */
export function runLongLineSweep(limitMs = 1000, size = 1 << 18): TimedCheck[] {
  const out: TimedCheck[] = [];
  for (const [spot, [pre, post]] of Object.entries(LONG_LINE_SPOTS)) {
    for (const f of LONG_LINE_FILLERS) {
      out.push(scaling(`${spot} × ${JSON.stringify(f)}`, '', (n) => pre + f.repeat(Math.ceil(n / f.length)) + post, size, limitMs));
    }
  }
  return out;
}
