/**
 * Copied curl commands (INPUTS.md §7.7): Chrome's bash and cmd copies,
 * proxy/Postman exports, PowerShell and terminal copies → the request curl
 * sends, exactly. Fixtures: fixtures/inputs/curl-commands/ (see its README).
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderField, HttpRequestMessage } from '../../src/model/http.js';
import { InputError } from '../../src/model/input-error.js';
import { looksLikeCurlCommand, parseCurlCommand } from '../../src/parse/curl-command.js';
import { parseCurlTrace } from '../../src/parse/curl-trace.js';
import { parseCurlVerbose } from '../../src/parse/curl-verbose.js';

const INPUTS = new URL('../../fixtures/inputs/curl-commands/', import.meta.url);
const SAMPLES = new URL('../../fixtures/samples/', import.meta.url);
const SHARED = new URL('../../../shared/samples/', import.meta.url);

const input = (name: string): string => readFileSync(new URL(name, INPUTS), 'utf8');
/** A capture from fixtures/samples/, falling back to the shared sample folder. */
function sample(name: string): string {
  const local = new URL(name, SAMPLES);
  return readFileSync(existsSync(local) ? local : new URL(name, SHARED), 'utf8');
}
/** The `<Error>` document curl printed in a capture, cut out without the parser. */
function xmlOf(capture: string): string {
  const start = capture.indexOf('<?xml');
  return capture.slice(start, capture.indexOf('</Error>', start) + '</Error>'.length) + '\n';
}

const h = (name: string, value: string): HeaderField => ({ name, value });

const HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
const AK = 'LTAI5tExampleKeyId0000';
const DATE = 'Sun, 22 Nov 2026 14:02:21 GMT';
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const CHROME_AUTH = `OSS ${AK}:oF5JlBN9RK0mjM8WzXiCDcpH3zA=`;
const CAPTURE_AUTH = `OSS ${AK}:uGB76pBpQY12gjk6RJdluCVKZhE=`;
const TRACE_AUTH = `OSS ${AK}:bSgShpvmMPfCiZdFJEYnY7G8++A=`;

const FORM_CT = h('Content-Type', 'application/x-www-form-urlencoded');
const FORM_NOTE =
  'curl adds `Content-Type: application/x-www-form-urlencoded` to data sent with -d/--data* when no Content-Type header is given, and OSS signs it';
const AUTHORITY_NOTE = "`authority` (an HTTP/2 :authority pseudo-header in Chrome's copy) was read as the Host header";

/** ali-oss in a browser over HTTP/1.1, as Chrome copies it (the Host, Accept-Encoding and Content-Length lines are not copied). */
const CHROME_PUT: HttpRequestMessage = {
  method: 'PUT',
  target: `http://${HOST}/upload/hello.txt`,
  headers: [
    h('Accept', '*/*'),
    h('Accept-Language', 'en-US,en;q=0.9'),
    h('Connection', 'keep-alive'),
    h('Content-Type', 'text/plain'),
    h('Origin', 'http://localhost:8080'),
    h('Referer', 'http://localhost:8080/'),
    h('User-Agent', UA),
    h('authorization', CHROME_AUTH),
    h('x-oss-date', DATE),
  ],
  body: 'hello\nworld',
};

/** The same over HTTP/2: Chrome keeps `authority` (pseudo-header without its colon). */
const CHROME_H2_PUT: HttpRequestMessage = {
  method: 'PUT',
  target: `https://${HOST}/upload/hello.txt`,
  headers: [
    h('Host', HOST),
    h('accept', '*/*'),
    h('accept-language', 'en-US,en;q=0.9'),
    h('authorization', CHROME_AUTH),
    h('content-type', 'text/plain'),
    h('origin', 'https://localhost:8080'),
    h('referer', 'https://localhost:8080/'),
    h('sec-ch-ua', '"Not_A Brand";v="8", "Chromium";v="120"'),
    h('user-agent', UA),
    h('x-oss-date', DATE),
  ],
  body: 'hello\nworld',
};

const PRESIGNED_URL = `https://${HOST}/hello.txt?OSSAccessKeyId=${AK}&Expires=1795363341&Signature=aMdEr2qQMbGeEZ28TIR6aVznuV0%3D`;
const CHROME_PRESIGNED: HttpRequestMessage = { method: 'GET', target: PRESIGNED_URL, headers: [h('accept', '*/*'), h('user-agent', UA)] };

/** The request of curl-v-8.21.0-put-403.txt: `--data-binary` without a Content-Type. */
const CAPTURE_PUT: HttpRequestMessage = {
  method: 'PUT',
  target: `http://${HOST}/upload/hello.txt`,
  headers: [h('Date', DATE), h('Authorization', CAPTURE_AUTH), FORM_CT],
  body: 'hello oss.',
};

/** The request of curl-trace-ascii-8.21.0-put-403.txt (Content-Type text/plain). */
const TRACE_PUT: HttpRequestMessage = {
  method: 'PUT',
  target: `http://${HOST}/upload/hello.txt`,
  headers: [h('Date', DATE), h('Content-Type', 'text/plain'), h('Authorization', TRACE_AUTH)],
  body: 'hello oss.',
};

interface Case {
  name: string;
  text: string;
  request: HttpRequestMessage;
  notes?: string[];
  rest?: string;
}

const PUT_XML = xmlOf(sample('curl-v-8.21.0-put-403.txt'));
const HEAD_STDOUT = (() => {
  const s = sample('curl-v-8.21.0-head-403.txt');
  return s.slice(s.indexOf('\nHTTP/1.1 403') + 1);
})();

const FIXTURE_CASES: Case[] = [
  { name: 'Chrome bash copy of an OSS PUT ($\'…\' body, -X, --compressed)', text: input('chrome-bash-put.txt'), request: CHROME_PUT },
  { name: 'the same copied for cmd (plain " quotes, ^" around a body with a newline)', text: input('chrome-cmd-put.txt'), request: CHROME_PUT },
  { name: 'the same from the later Chrome cmd copy (^"…^" everywhere)', text: input('chrome-v2-cmd-put.txt'), request: CHROME_PUT },
  { name: 'Chrome bash copy of an HTTP/2 PUT: authority → Host', text: input('chrome-bash-h2-authority-put.txt'), request: CHROME_H2_PUT, notes: [AUTHORITY_NOTE] },
  { name: 'the same for cmd: ^\\^" inside a value', text: input('chrome-cmd-h2-authority-put.txt'), request: CHROME_H2_PUT, notes: [AUTHORITY_NOTE] },
  { name: 'Chrome bash copy of a presigned GET (& inside single quotes)', text: input('chrome-v2-bash-presigned-get.txt'), request: CHROME_PRESIGNED },
  { name: 'the same for cmd (^& and %^3D)', text: input('chrome-v2-cmd-presigned-get.txt'), request: CHROME_PRESIGNED },
  {
    name: 'terminal copy: $ and > prompts, --data-binary without Content-Type, the error XML below',
    text: input('capture-put-data-binary-then-xml.txt'),
    request: CAPTURE_PUT,
    notes: [FORM_NOTE],
    rest: PUT_XML,
  },
  {
    name: 'an unterminated quote before a continuation: closed at its line end, the XML stays rest',
    text: input('unterminated-quote-then-xml.txt'),
    request: CAPTURE_PUT,
    notes: ['line 2: a quote is not closed; it was read as ending at the end of that line', FORM_NOTE],
    rest: PUT_XML,
  },
  {
    name: '-I, then the response head curl printed (CRLF kept in rest)',
    text: input('capture-head-I-then-headers.txt'),
    request: {
      method: 'HEAD',
      target: `http://${HOST}/exampleobject.txt`,
      headers: [h('Date', DATE), h('Authorization', `OSS ${AK}:UlFW0qt33SqWm6Wv2brTPsZq/54=`)],
    },
    rest: HEAD_STDOUT,
  },
  {
    name: '-T file to a URL ending in /: curl appends the file name',
    text: input('upload-T-trailing-slash.txt'),
    request: { method: 'PUT', target: `http://${HOST}/upload/hello.txt`, headers: [h('Date', DATE), h('Authorization', CAPTURE_AUTH)] },
    notes: [
      "the URL ends with `/`, so curl appends the uploaded file's name to it (-T ./hello.txt)",
      'the request body is the file `./hello.txt`, which is not in the input',
    ],
  },
  { name: 'PowerShell: curl.exe, backtick continuations, >> prompts', text: input('powershell-curl-exe-put.txt'), request: TRACE_PUT },
  { name: 'cmd written by hand: " quotes and ^ continuations', text: input('cmd-handwritten-put.txt'), request: TRACE_PUT },
  { name: "Postman's snippet: --location --request --header --data-raw", text: input('postman-put.txt'), request: TRACE_PUT },
];

const U = `https://${HOST}/k`;

const INLINE_CASES: Case[] = [
  // ---- method
  { name: '-I', text: `curl -I ${U}`, request: { method: 'HEAD', target: U, headers: [] } },
  { name: '--head', text: `curl --head '${U}'`, request: { method: 'HEAD', target: U, headers: [] } },
  {
    name: '-X HEAD (the timeout mistake)',
    text: `curl -X HEAD ${U}`,
    request: { method: 'HEAD', target: U, headers: [] },
    notes: ['-X HEAD makes curl wait for a body that never comes; use -I for a HEAD request'],
  },
  {
    name: '-X wins over data, and a lowercase method is kept',
    text: `curl -X put -d x ${U}`,
    request: { method: 'put', target: U, headers: [FORM_CT], body: 'x' },
    notes: ['curl sends the method exactly as given (`put`); HTTP methods are case-sensitive', FORM_NOTE],
  },
  {
    name: '-T to a full URL: nothing appended',
    text: `curl -T hello.txt ${U}`,
    request: { method: 'PUT', target: U, headers: [] },
    notes: ['the request body is the file `hello.txt`, which is not in the input'],
  },
  {
    name: '-T - (standard input)',
    text: `curl --upload-file - ${HOST}/`,
    request: { method: 'PUT', target: `http://${HOST}/`, headers: [] },
    notes: ['the URL has no scheme; curl uses http://', 'the request body is the file on standard input, which is not in the input'],
  },
  {
    name: '-T with -d: curl refuses, read anyway',
    text: `curl -T a.txt -d x ${U}`,
    request: { method: 'PUT', target: U, headers: [] },
    notes: ['curl refuses to combine -T and -d (one request method only); read as written anyway', 'the request body is the file `a.txt`, which is not in the input'],
  },
  // ---- data
  { name: '--data without Content-Type: the form type curl adds', text: `curl --data 'a=1' ${U}`, request: { method: 'POST', target: U, headers: [FORM_CT], body: 'a=1' }, notes: [FORM_NOTE] },
  {
    name: 'a Content-Type given: nothing added',
    text: `curl -X PUT -H 'Content-Type: text/plain' --data-binary 'hi' ${U}`,
    request: { method: 'PUT', target: U, headers: [h('Content-Type', 'text/plain')], body: 'hi' },
  },
  {
    name: 'an empty Content-Type (Name;): sent empty, nothing added',
    text: `curl -X PUT -H 'Content-Type;' -d hi ${U}`,
    request: { method: 'PUT', target: U, headers: [h('Content-Type', '')], body: 'hi' },
  },
  {
    name: 'Content-Type removed (Name:): nothing sent, nothing added',
    text: `curl -X PUT -H 'Content-Type:' -d hi ${U}`,
    request: { method: 'PUT', target: U, headers: [], body: 'hi' },
    notes: ["-H 'Content-Type:' (no value) tells curl not to send its own Content-Type header; nothing was added for it"],
  },
  {
    name: 'several -d joined with &, --data-urlencode encoded',
    text: `curl -d a=1 --data-ascii b=2 --data-urlencode 'c=x y&z' --data-urlencode '=é' ${U}`,
    request: { method: 'POST', target: U, headers: [FORM_CT], body: 'a=1&b=2&c=x+y%26z&%C3%A9' },
    notes: [FORM_NOTE],
  },
  {
    name: '--data-raw keeps a leading @',
    text: `curl --data-raw '@notafile' ${U}`,
    request: { method: 'POST', target: U, headers: [FORM_CT], body: '@notafile' },
    notes: [FORM_NOTE],
  },
  {
    name: '-d @file: body unknown',
    text: `curl -X PUT -H 'Content-Type: text/plain' -d @body.txt ${U}`,
    request: { method: 'PUT', target: U, headers: [h('Content-Type', 'text/plain')] },
    notes: ['the request body is read from `body.txt`, which is not in the input'],
  },
  {
    name: '-G moves the data into the query',
    text: `curl -G -d a=1 -d 'b=2' '${U}?acl'`,
    request: { method: 'GET', target: `${U}?acl&a=1&b=2`, headers: [] },
  },
  {
    name: '--json',
    text: `curl --json '{"a":1}' ${U}`,
    request: { method: 'POST', target: U, headers: [h('Content-Type', 'application/json'), h('Accept', 'application/json')], body: '{"a":1}' },
  },
  {
    name: '-F: multipart POST, body not rebuilt',
    text: `curl -F 'file=@a.txt' -F key=k ${U}`,
    request: { method: 'POST', target: U, headers: [] },
    notes: ['-F sends a multipart/form-data body with a random boundary (in its Content-Type); neither is reconstructed'],
  },
  // ---- headers
  {
    name: '-H names and values as written; Name; is an empty header; a value without colon is dropped',
    text: `curl -H 'X-Oss-Meta-A:  two spaces ' -H 'x-oss-meta-empty;' -H 'NoColon' -H 'x-oss-meta-b: c;d' ${U}`,
    request: { method: 'GET', target: U, headers: [h('X-Oss-Meta-A', ' two spaces '), h('x-oss-meta-empty', ''), h('x-oss-meta-b', 'c;d')] },
    notes: ['an -H value without `:` is not a header; curl does not send it'],
  },
  {
    name: 'authority dropped when a Host header is given',
    text: `curl -H 'authority: ${HOST}' -H 'Host: cdn.example.com' ${U}`,
    request: { method: 'GET', target: U, headers: [h('Host', 'cdn.example.com')] },
    notes: ["`authority` (an HTTP/2 :authority pseudo-header in Chrome's copy) was dropped: a Host header is given"],
  },
  {
    name: 'a :authority pseudo-header with its colon; other pseudo-headers skipped',
    text: `curl -H ':authority: ${HOST}' -H ':path: /k' ${U}`,
    request: { method: 'GET', target: U, headers: [h('Host', HOST)] },
    notes: ['-H `:path` is an HTTP/2 pseudo-header, not a header curl sends; skipped', AUTHORITY_NOTE],
  },
  {
    name: '-A, -e, -r become headers before the -H ones',
    text: `curl -H 'X: y' -A 'my-agent/1.0' -e 'https://ref.example.com/;auto' -r 0-99 ${U}`,
    request: {
      method: 'GET',
      target: U,
      headers: [h('Range', 'bytes=0-99'), h('User-Agent', 'my-agent/1.0'), h('Referer', 'https://ref.example.com/'), h('X', 'y')],
    },
  },
  {
    name: '-H User-Agent wins over -A',
    text: `curl --user-agent a -H 'User-Agent: b' ${U}`,
    request: { method: 'GET', target: U, headers: [h('User-Agent', 'b')] },
  },
  // ---- options
  {
    name: 'bundled short options and attached arguments',
    text: `curl -sSLkv -XPUT -HDate:x -o/dev/null -d@- ${U}`,
    request: { method: 'PUT', target: U, headers: [h('Date', 'x'), FORM_CT] },
    notes: [FORM_NOTE, 'the request body is read from standard input, which is not in the input'],
  },
  {
    name: 'Insomnia: --request, --url, --header, --data',
    text: `curl --request PUT \\\n  --url '${U}' \\\n  --header 'content-type: text/plain' \\\n  --data hello`,
    request: { method: 'PUT', target: U, headers: [h('content-type', 'text/plain')], body: 'hello' },
  },
  {
    name: 'Proxyman: --proxy; ignored flags say nothing',
    text: `curl '${U}' \\\n-X PUT \\\n-H 'Date: x' \\\n--proxy http://127.0.0.1:9090 \\\n--compressed --http2 -k -L -i --no-buffer --connect-timeout 5 -m 10 --data-binary 'b'`,
    request: { method: 'PUT', target: U, headers: [h('Date', 'x'), FORM_CT], body: 'b' },
    notes: ['the request went through a proxy (--proxy); a proxy may change headers on the way', FORM_NOTE],
  },
  {
    name: '--opt=value (curl 8) and an unambiguous prefix (older curl)',
    text: `curl --header='X: 1' --data-bin 'b' ${U}`,
    request: { method: 'POST', target: U, headers: [h('X', '1'), FORM_CT], body: 'b' },
    notes: ['`--data-bin` was read as --data-binary (a prefix older curl accepted)', FORM_NOTE],
  },
  {
    name: 'unknown options: with an argument unless the next word is the URL',
    text: `curl --frobnicate 7 --twiddle ${U}`,
    request: { method: 'GET', target: U, headers: [] },
    notes: ['unknown option `--frobnicate` was skipped with the word after it', 'unknown option `--twiddle` was skipped'],
  },
  {
    name: 'an unknown --opt=value: the note names the option, never the value',
    text: `curl --secret-thing=abc123 ${U}`,
    request: { method: 'GET', target: U, headers: [] },
    notes: ['unknown option `--secret-thing` was skipped'],
  },
  {
    name: '-u, -b: noted, not added',
    text: `curl -u ak:secret -b 'session=1' ${U}`,
    request: { method: 'GET', target: U, headers: [] },
    notes: [
      'cookies given with -b/--cookie are ignored (OSS does not sign them)',
      '-u/--user makes curl send `Authorization: Basic …`, which OSS does not accept; it was not added',
    ],
  },
  {
    name: '-u with an Authorization header',
    text: `curl -H 'Authorization: OSS a:b' --user x:y ${U}`,
    request: { method: 'GET', target: U, headers: [h('Authorization', 'OSS a:b')] },
    notes: ['-u/--user was ignored: curl sends the Authorization header given with -H instead'],
  },
  {
    name: '--url-query, a fragment, two URLs, --next',
    text: `curl --url-query 'x=a b' --url-query '+y=%2F' '${U}#frag' https://other.example.com/ --next https://third.example.com/`,
    request: { method: 'GET', target: `${U}?x=a+b&y=%2F#frag`, headers: [] },
    notes: [
      'only the first request of the command (before --next) was read',
      'the command has 2 URLs; only the first was read',
      'curl does not send the `#…` part of the URL',
    ],
  },
  {
    name: "Chrome's \\[ \\] URL escapes are curl glob escapes",
    text: `curl 'https://${HOST}/a\\[1\\].txt'`,
    request: { method: 'GET', target: `https://${HOST}/a[1].txt`, headers: [] },
  },
  {
    name: 'with -g the backslashes are part of the URL',
    text: `curl -g 'https://${HOST}/a\\[1\\].txt'`,
    request: { method: 'GET', target: `https://${HOST}/a\\[1\\].txt`, headers: [] },
  },
  {
    name: 'dot segments',
    text: `curl https://${HOST}/a/../k`,
    request: { method: 'GET', target: `https://${HOST}/a/../k`, headers: [] },
    notes: ['curl removes `./` and `../` segments from the path before sending it (unless --path-as-is)'],
  },
  { name: '--path-as-is', text: `curl --path-as-is https://${HOST}/a/./k`, request: { method: 'GET', target: `https://${HOST}/a/./k`, headers: [] } },
  // ---- bash quoting
  {
    name: "ANSI-C $'…' escapes (\\n \\r \\t \\\\ \\' \\xNN bytes as UTF-8, octal, \\u)",
    text: String.raw`curl --data-raw $'a\tb\\c\'d\r\n\x41\101\u00e9\xe4\xb8\xad\u0021' ${U}`,
    request: { method: 'POST', target: U, headers: [FORM_CT], body: "a\tb\\c'd\r\nAAé中!" },
    notes: [FORM_NOTE],
  },
  {
    name: 'double quotes: \\" \\\\ \\$ escaped, other backslashes kept',
    text: String.raw`curl -H "x-oss-meta-a: \"q\" \\ \$x \d" "${U}"`,
    request: { method: 'GET', target: U, headers: [h('x-oss-meta-a', '"q" \\ $x \\d')] },
  },
  {
    name: 'adjacent quoted parts form one word; backslash escapes outside quotes',
    text: String.raw`curl -H 'x-oss-meta-a: it'\''s'" ok" https://${HOST}/a\ b`,
    request: { method: 'GET', target: `https://${HOST}/a b`, headers: [h('x-oss-meta-a', "it's ok")] },
  },
  {
    name: 'shell variables and command substitutions are kept and named',
    text: 'curl -H "Date: $(date -u +"%a, %d %b %Y %H:%M:%S GMT")" -H "Authorization: OSS ${AK}:$SIG" ' + U,
    request: { method: 'GET', target: U, headers: [h('Date', '$(date -u +"%a, %d %b %Y %H:%M:%S GMT")'), h('Authorization', 'OSS ${AK}:$SIG')] },
    notes: ['shell expansions are not run and were kept as written: $(…), ${AK}, $SIG'],
  },
  {
    name: 'a pipe ends the command; redirections are skipped',
    text: `curl -s ${U} -o out.xml 2>&1 > log.txt | xmllint --format -\nafter`,
    request: { method: 'GET', target: U, headers: [] },
    notes: ['what follows `|` on the command line is not part of the curl command and was ignored'],
    rest: 'after',
  },
  {
    name: 'a comment ends the line',
    text: `curl ${U} # -X PUT\n`,
    request: { method: 'GET', target: U, headers: [] },
  },
  {
    name: 'a code fence around the command',
    text: '```bash\ncurl -I ' + U + '\n```\n',
    request: { method: 'HEAD', target: U, headers: [] },
    rest: '```\n',
  },
  {
    name: 'CRLF line ends: continuations work and rest keeps its CRLF',
    text: `curl -X PUT \\\r\n  -H 'Date: x' \\\r\n  ${U}\r\n<Error>\r\n</Error>\r\n`,
    request: { method: 'PUT', target: U, headers: [h('Date', 'x')] },
    rest: '<Error>\r\n</Error>\r\n',
  },
  {
    name: 'an unterminated quote at the end: closed at its line end, the XML stays rest',
    text: `curl '${U}\n<Error><Code>SignatureDoesNotMatch</Code></Error>\n`,
    request: { method: 'GET', target: U, headers: [] },
    notes: ['line 1: a quote is not closed; it was read as ending at the end of that line'],
    rest: '<Error><Code>SignatureDoesNotMatch</Code></Error>\n',
  },
  {
    name: 'non-breaking spaces between words',
    text: `curl\u00a0-I\u00a0${U}`.replace('curl\u00a0', 'curl '),
    request: { method: 'HEAD', target: U, headers: [] },
    notes: ['non-breaking spaces between words were read as spaces'],
  },
  // ---- cmd
  {
    name: 'cmd: ^ escapes (^^ ^& ^%), %% and \\" inside quotes',
    text: 'curl "' + U + '?a=1^&b=^%^2B" ^\n  -H "x-oss-meta-a: 1^^2 \\"q\\" 100%%" ^\n  -H x-oss-meta-b:^"v^"',
    request: { method: 'GET', target: `${U}?a=1&b=%2B`, headers: [h('x-oss-meta-a', '1^2 "q" 100%'), h('x-oss-meta-b', 'v')] },
    notes: ['`%%` was read as `%` (batch-file escaping)'],
  },
  {
    name: 'one-line Windows copy of older Chrome/Firefox: "" for a quote, "%" for a percent sign',
    text: 'curl "' + U + '?a=1&b=2" -H "x-oss-meta-q: say ""hi"" 100"%"" --data-binary "x"',
    request: { method: 'POST', target: `${U}?a=1&b=2`, headers: [h('x-oss-meta-q', 'say "hi" 100%'), FORM_CT], body: 'x' },
    notes: [FORM_NOTE],
  },
  {
    name: "Firefox's POSIX escapes: \\041 for !, Latin-1 \\xNN bytes",
    text: `curl '${U}' -X PUT -H 'content-type: text/plain' --data-raw $'caf\\xe9 \\041'`,
    request: { method: 'PUT', target: U, headers: [h('content-type', 'text/plain')], body: 'café !' },
    notes: ["a $'…' string has \\x bytes that are not UTF-8; they were read as Latin-1"],
  },
  {
    name: 'cmd: an unterminated quote ends with the command',
    text: 'curl -I ^\n  "' + U + '\n<Error/>\n',
    request: { method: 'HEAD', target: U, headers: [] },
    notes: ['line 2: a quote is not closed; it was read as ending at the end of the command'],
    rest: '<Error/>\n',
  },
  {
    name: 'cmd: & ends the command (Chrome joins "Copy all" with " &")',
    text: 'curl "' + U + '" &\r\ncurl "https://other.example.com/"\r\n',
    request: { method: 'GET', target: U, headers: [] },
    rest: 'curl "https://other.example.com/"\r\n',
  },
  // ---- PowerShell
  {
    name: "PowerShell: '' in single quotes, backtick escapes and $env: in double quotes",
    text: "curl.exe -H 'x-oss-meta-a: it''s' -H \"x-oss-meta-b: `$1 `\"q`\" $env:SIG\" " + U,
    request: { method: 'GET', target: U, headers: [h('x-oss-meta-a', "it's"), h('x-oss-meta-b', '$1 "q" $env:SIG')] },
    notes: [
      'shell expansions are not run and were kept as written: $env:SIG',
      'Windows PowerShell 5.1 (and PowerShell before 7.3) drops the `"` characters inside arguments it passes to curl.exe, so curl may not have received them',
    ],
  },
];

describe('parseCurlCommand', () => {
  it.each([...FIXTURE_CASES, ...INLINE_CASES].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = parseCurlCommand(c.text);
    expect(parsed).toEqual({ request: c.request, notes: c.notes ?? [], rest: c.rest ?? '' });
  });

  it.each([
    ['only options', "curl -X PUT -H 'Date: x'"],
    ['an unterminated quote swallowing the line, and no URL', "curl -X PUT -H 'Date: Sun \n<Error/>\n"],
    ['no curl at all', '<Error><Code>SignatureDoesNotMatch</Code></Error>'],
  ])('throws a one-line InputError when there is no URL: %s', (_name, text) => {
    let error: unknown;
    try {
      parseCurlCommand(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).not.toContain('\n');
  });

  it('says the same as curl -v about the capture it matches (the headers curl did not add itself)', () => {
    const fromCommand = parseCurlCommand(input('capture-put-data-binary-then-xml.txt')).request;
    const sent = parseCurlVerbose(sample('curl-v-8.21.0-put-403.txt'))[0]?.request;
    const own = new Set(['host', 'user-agent', 'accept', 'content-length']);
    expect(sent).toBeDefined();
    expect(fromCommand.method).toBe(sent?.method);
    expect(new URL(fromCommand.target).pathname).toBe(sent?.target);
    expect(fromCommand.headers).toEqual(sent?.headers.filter((x) => !own.has(x.name.toLowerCase())));
  });

  it('says the same as --trace-ascii about the PUT the Windows and Postman copies make', () => {
    const sent = parseCurlTrace(sample('curl-trace-ascii-8.21.0-put-403.txt'))[0]?.request;
    const own = new Set(['host', 'user-agent', 'accept', 'content-length']);
    for (const name of ['powershell-curl-exe-put.txt', 'cmd-handwritten-put.txt', 'postman-put.txt']) {
      const fromCommand = parseCurlCommand(input(name)).request;
      expect(fromCommand.headers, name).toEqual(sent?.headers.filter((x) => !own.has(x.name.toLowerCase())));
      expect(fromCommand.body, name).toBe(sent?.body);
    }
  });
});

describe('looksLikeCurlCommand', () => {
  it.each([
    ['curl https://x.example.com/k', true],
    ["  curl -v 'https://x.example.com/k'", true],
    ['$ curl -I https://x.example.com/k', true],
    ['> curl https://x.example.com/k', true],
    ['dev@ecs-01:~/work$ curl -I https://x.example.com/k', true],
    ['[root@ecs-01 ~]# curl -I https://x.example.com/k', true],
    ['PS C:\\Users\\dev> curl.exe -X PUT https://x.example.com/k', true],
    ['\n\n\ncurl x.example.com/k', true],
    ['```bash\ncurl -I https://x.example.com/k\n```', true],
    ['curl \\\n  https://x.example.com/k', true],
    ['curl ^"https://x.example.com/k^" ^\n  -H ^"a: b^"', true],
    ['curl.exe `\n  https://x.example.com/k', true],
    ['curl: (6) Could not resolve host: x.example.com', false],
    ['Curl https://x.example.com/k', false],
    ['curl returned this:\n<Error/>', false],
    ['curlie https://x.example.com/k', false],
    ['*   Trying 127.0.0.1:80...\n> GET / HTTP/1.1', false],
    ['> GET /k HTTP/1.1\n> Host: x', false],
    ['I ran curl https://x.example.com/k', false],
    ['https://x.example.com/k', false],
    ['<?xml version="1.0"?>\n<Error/>', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeCurlCommand(text)).toBe(expected);
  });

  it('recognises every fixture', () => {
    for (const name of [
      'chrome-bash-put.txt',
      'chrome-cmd-put.txt',
      'chrome-v2-cmd-put.txt',
      'chrome-bash-h2-authority-put.txt',
      'chrome-cmd-h2-authority-put.txt',
      'chrome-v2-bash-presigned-get.txt',
      'chrome-v2-cmd-presigned-get.txt',
      'capture-put-data-binary-then-xml.txt',
      'unterminated-quote-then-xml.txt',
      'capture-head-I-then-headers.txt',
      'upload-T-trailing-slash.txt',
      'powershell-curl-exe-put.txt',
      'cmd-handwritten-put.txt',
      'postman-put.txt',
    ]) {
      expect(looksLikeCurlCommand(input(name)), name).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------
// Chrome's own escaping as an oracle: escapeStringPosix and the later
// escapeStringWin of devtools-frontend NetworkLogView.ts (the functions the
// fixtures/inputs/curl-commands/README.md describes), and its command layout.

function chromePosix(str: string): string {
  if (/[\0-\x1F\x7F-\x9F!]|'/.test(str)) {
    return (
      "$'" +
      str
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/[\0-\x1F\x7F-\x9F!]/g, (x) => '\\u' + x.charCodeAt(0).toString(16).padStart(4, '0')) +
      "'"
    );
  }
  return "'" + str + "'";
}

function chromeWin(str: string): string {
  return (
    '^"' +
    str
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
      .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
      .replace(/\r?\n/g, '^\n\n') +
    '^"'
  );
}

interface GeneratedRequest {
  url: string;
  method: string;
  headers: HeaderField[];
  body: string;
}

function chromeCommand(r: GeneratedRequest, win: boolean): string {
  const esc = win ? chromeWin : chromePosix;
  const command = [esc(r.url).replace(/[[{}\]]/g, '\\$&')];
  const inferred = r.body ? 'POST' : 'GET';
  if (r.method !== inferred) command.push('-X ' + esc(r.method));
  for (const x of r.headers) command.push('-H ' + esc(x.value.trim() ? `${x.name}: ${x.value}` : `${x.name};`));
  if (r.body) command.push('--data-raw ' + esc(r.body));
  return 'curl ' + command.join(command.length >= 3 ? (win ? ' ^\n  ' : ' \\\n  ') : ' ');
}

const chars = (set: string) => fc.constantFrom(...set);
const ASCII = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)).join('');
const URL_CHARS = "abcXYZ019-._~%!$&'()*+,;=:@/[]{}?#";

function requestArb(win: boolean): fc.Arbitrary<GeneratedRequest> {
  // cmd: Chrome doubles a backslash that is not before a quote (the C runtime keeps both), and drops the CR of CRLF.
  const text = win ? ASCII.replace('\\', '') + 'é中\t\n' : ASCII + 'é中\t\n\r\x01\x7f\u0085😀';
  const headerValue = fc.string({ unit: chars(text.replace(/[\r\n\x85]/g, '')), maxLength: 20 });
  return fc.record({
    url: fc.string({ unit: chars(URL_CHARS), maxLength: 30 }).map((p) => `https://${HOST}/${p}`),
    method: fc.constantFrom('GET', 'PUT', 'POST', 'HEAD', 'DELETE'),
    headers: fc.array(
      fc.record({ name: fc.constantFrom('x-oss-date', 'authorization', 'content-type', 'Content-MD5', 'x-oss-meta-a', 'cache-control'), value: headerValue }),
      { maxLength: 5 },
    ),
    body: fc.string({ unit: chars(text), maxLength: 40 }),
  });
}

function expectedRequest(r: GeneratedRequest): { request: HttpRequestMessage; notes: string[] } {
  const headers = r.headers.map((x) => h(x.name, x.value.trim() ? x.value : ''));
  const notes: string[] = [];
  const request: HttpRequestMessage = { method: r.method, target: r.url, headers };
  if (r.url.includes('#')) notes.push('curl does not send the `#…` part of the URL');
  const path = r.url.slice(`https://${HOST}`.length).split(/[?#]/)[0] ?? '';
  if (/(?:^|\/)\.\.?(?:\/|$)/.test(path)) notes.push('curl removes `./` and `../` segments from the path before sending it (unless --path-as-is)');
  if (/\{[^}]*,[^}]*\}|\[[^\]]*-[^\]]*\]/.test(r.url)) {
    notes.unshift('the URL has `{…}` or `[…]` ranges that curl expands into several URLs (without -g); the URL was read as written');
  }
  if (r.body) {
    request.body = r.body;
    if (!r.headers.some((x) => x.name.toLowerCase() === 'content-type')) {
      headers.push(FORM_CT);
      notes.push(FORM_NOTE);
    }
  }
  if (r.method === 'HEAD') notes.unshift('-X HEAD makes curl wait for a body that never comes; use -I for a HEAD request');
  return { request, notes };
}

describe('Chrome copies of random requests read back exactly', () => {
  it.each([
    ['bash', false],
    ['cmd', true],
  ] as const)('%s', (_name, win) => {
    fc.assert(
      fc.property(requestArb(win), (r) => {
        const parsed = parseCurlCommand(chromeCommand(r, win) + '\n<Error/>\n');
        expect(parsed).toEqual({ ...expectedRequest(r), rest: '<Error/>\n' });
      }),
      { numRuns: 400 },
    );
  });
});

describe('robustness', () => {
  it('never throws anything but InputError, and rest is a suffix of the input', () => {
    const junk = fc.string({ unit: chars(" \t\n\r\\'\"$`^&|;<>#()[]{}%!@=:-xX-HdTuI0https/.\u00a0é"), maxLength: 120 });
    fc.assert(
      fc.property(fc.constantFrom('curl ', '$ curl ', 'curl.exe ', 'curl ^"', "curl '"), junk, (head, tail) => {
        const text = head + tail;
        try {
          const parsed = parseCurlCommand(text);
          expect(text.endsWith(parsed.rest)).toBe(true);
          expect(typeof parsed.request.target).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Its time is measured by the fuzz script (long-line sweep: "curl command -d" × " \\\n").
  it('reads a 4 MB multi-line quoted body', () => {
    const body = 'line of the body \\\n'.repeat(200_000);
    const parsed = parseCurlCommand(`curl -X PUT --data-binary '${body}' ${U}\n`);
    expect(parsed.request.body).toBe(body);
  });
});
