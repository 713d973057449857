/**
 * Bugs the fuzzing found (issue part 4), one reproduction each, smallest
 * input the shrinker gave (or a hand-minimised one), with the exact outcome
 * after the fix. test/fuzz/README.md lists them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, InputError } from '../../src/index.js';
import type { DiagnoseRequest, InputSource } from '../../src/index.js';
import { parseCurlCommand } from '../../src/parse/curl-command.js';
import { decodeInput } from '../../src/parse/decode-input.js';
import { bytesOf } from '../../src/parse/mangled-error.js';
import { parseRawHttp } from '../../src/parse/http-message.js';
import { parseErrorXml } from '../../src/parse/error-xml.js';
import { V1_SEARCH_BOUNDS } from '../../src/diagnose/v1-hypotheses.js';
import { V4_SEARCH_BOUNDS } from '../../src/diagnose/v4-hypotheses.js';
import { formatReport } from '../../src/report/index.js';
import { signRequest } from '../../src/signer/sign-request.js';
import { runCli } from '../support/run-cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plain } from '../../src/report/style.js';

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const run = (inputs: InputSource[], options: DiagnoseRequest = {}) => diagnose(inputs, options).results.map((r) => ({ verdict: r.verdict, causes: r.causes.map((c) => c.id), path: r.request?.path ?? null }));

const V1_REQUEST = 'GET /a\ud800b HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nDate: Sun, 22 Nov 2026 14:02:21 GMT\r\nAuthorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\n\r\n';
const V1_RESPONSE = 'HTTP/1.1 403 Forbidden\r\n\r\n<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <StringToSign>GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/b/k</StringToSign>\n</Error>\n';

describe('bugs found by fuzzing', () => {
  it('1. an InputError quoting the input (JSON.parse, the XML validator) carried raw control characters: now shown as escapes, one line', () => {
    // Shrunk: one byte 0x0E read as HAR.
    expect(thrown(() => diagnose([{ name: 'x.har', bytes: Uint8Array.from([14]) }], { inputFormat: 'har' })).message).toBe('x.har: not valid HAR JSON (Unexpected token \'\\u000e\', "\\u000e" is not valid JSON)');
    // Shrunk: a NUL in place of the `<` of the prolog.
    expect(thrown(() => parseErrorXml('\u0000?xml version="1.0" encoding="UTF-8"?>\n<Error>\n</Error>\n', 'err.xml', 'standalone')).message).toBe("err.xml: the error XML is malformed (char '\\u0000' is not expected. at line 1)");
    const e = new InputError('a\nb\r\u001b[2J\u0085\u2028', 'x\ty');
    expect(e.message).toBe('a\\nb\\r\\u001b[2J\\u0085\\u2028');
    expect(e.hint).toBe('x\\ty');
  });

  it('2. input that is nothing but ANSI colour codes decoded to empty text instead of "input is empty"', () => {
    // Shrunk: `ESC [31m`.
    const e = thrown(() => decodeInput(Buffer.from('\u001b[31m'), 'colour.txt'));
    expect(e.message).toBe('colour.txt: input is empty');
    expect(e.hint).toBe("paste the failing request and OSS's error response, or pipe `curl -v … 2>&1` into sigdoctor");
  });

  it('3. URIError crash: OSS\'s V4 canonical URI `/%` went through decodeURIComponent', () => {
    // Shrunk from a HAR: a V4 presigned URL, OSS's error only in x-oss-err, its CanonicalRequest `PUT\n/%`.
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <CanonicalRequest>PUT\n/%</CanonicalRequest>\n</Error>\n';
    const url = `https://b.oss-cn-hangzhou.aliyuncs.com/?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=A%2F20261122%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20261122T140221Z&x-oss-expires=60&x-oss-signature=${'0'.repeat(64)}`;
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url, headers: [] }, response: { status: 403, headers: [{ name: 'x-oss-err', value: Buffer.from(xml).toString('base64') }], content: { text: '' } } }] } });
    expect(run([{ name: 'v4.har', bytes: Buffer.from(har) }])).toEqual([{ verdict: 'inconclusive', causes: ['insufficient-input'], path: '/' }]);
  });

  it('4. URIError crash: a lone surrogate (UTF-16 input) in the object key or the signature reached encodeURIComponent', () => {
    expect(run([{ name: 'key.txt', bytes: utf16le(V1_REQUEST + V1_RESPONSE) }])).toEqual([{ verdict: 'problem', causes: ['resource-mismatch'], path: '/a\ud800b' }]);
    const signature = V1_REQUEST.replace('/a\ud800b', '/k').replace('G8++A=', 'G8++\ud800A=');
    expect(run([{ name: 'sig.txt', bytes: utf16le(signature + V1_RESPONSE) }], { secret: 'wrong-secret-for-demo' })).toEqual([{ verdict: 'problem', causes: ['secret-mismatch'], path: '/k' }]);
  });

  it('5. control characters from the input (an OSC title sequence, BEL) reached the terminal in the text reports', () => {
    const text = 'PUT /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nDate: Sun, 22 Nov 2026 14:02:21 GMT\r\nAuthorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>Sig\u001b]0;x\u0007</Code><StringToSign>PUT\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/b/k</StringToSign></Error>\n';
    const report = diagnose([{ name: 'esc.txt', bytes: Buffer.from(text) }]);
    const line = (format: 'human' | 'markdown', start: string): string | undefined => formatReport(report, format, { style: plain, redact: true }).split('\n').find((l) => l.includes(start));
    expect(line('human', 'OSS answered')).toBe('  OSS answered: 403 · Sig\\x1B]0;x\\x07');
    expect(line('markdown', 'OSS answered')).toBe('| OSS answered | 403 · Sig\\x1B]0;x\\x07 |');
    // JSON keeps the value itself (JSON escapes it).
    expect(JSON.parse(formatReport(report, 'json', { style: plain, redact: true })).results[0].error.code).toBe('Sig\u001b]0;x\u0007');
  });

  describe('6. quadratic time on long lines (found by the long-line sweep; now linear)', () => {
    const HOST = 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com';
    const GLOB_NOTE = 'the URL has `{…}` or `[…]` ranges that curl expands into several URLs (without -g); the URL was read as written';
    // Each input took tens of seconds or more before the fix (quadratic). These tests pin what
    // the parser reads from them; their time is measured where timings belong, in the fuzz
    // script (`npm run fuzz`: regex-worst-cases.ts times each one at growing sizes).
    it.each([
      ['URL glob test `{` + 200k commas (regex /\{[^}]*,[^}]*\}/ backtracked)', `curl '${HOST}/{${','.repeat(200000)}'\n`],
      ['URL glob test `[` + 200k dashes', `curl '${HOST}/[${'-'.repeat(200000)}'\n`],
      ['2M single quotes (newline search ran to the line end for every quote)', `curl ${HOST}/k -d ${"'".repeat(2000001)}\n`],
      ['200k-blank run inside a PowerShell quote continued with a backtick (/[ \t]+$/)', `curl.exe '${HOST}/k' -H "x: a${' '.repeat(200000)}b \`\n  -H "Date: x"\n`],
      ['500k `${` (each searched to the end for `}`)', `curl ${HOST}/k -d ${'${'.repeat(500000)}\n`],
      ["500k `$('` (each searched to the end for the quote)", `curl ${HOST}/k -d ${"$('".repeat(500000)}\n`],
      ['500k `$(` (2000 characters looked at per `$(`)', `curl ${HOST}/k -d ${'$('.repeat(500000)}\n`],
    ])('%s', (_name, text) => {
      const parsed = parseCurlCommand(text);
      expect(parsed.request.target.startsWith(HOST)).toBe(true);
    });

    it('a header folded over 300k continuation lines (each re-trimmed the whole value)', () => {
      const text = `GET / HTTP/1.1\r\nHost: examplebucket.oss-cn-hangzhou.aliyuncs.com\r\nx-oss-meta-a: v${' \\\n'.repeat(300000)}\r\n\r\n`;
      const ex = parseRawHttp(text);
      expect(ex?.request?.headers[1]).toEqual({ name: 'x-oss-meta-a', value: `v${' \\'.repeat(300000)}` });
    });

    it('the linear URL-glob test agrees with the regex it replaced', () => {
      const old = /\{[^}]*,[^}]*\}|\[[^\]]*-[^\]]*\]/;
      fc.assert(
        fc.property(fc.array(fc.constantFrom('{', '}', ',', '[', ']', '-', 'a'), { maxLength: 14 }), (chars) => {
          const url = chars.join('');
          const notes = parseCurlCommand(`curl -g0 '${HOST}/${url}'\n`.replace('-g0 ', '')).notes;
          expect(notes.includes(GLOB_NOTE)).toBe(old.test(`${HOST}/${url}`));
        }),
        { numRuns: 300, seed: 20261122 },
      );
    });

    it('the incremental obs-fold gives what folding with a full trim per line gave', () => {
      const piece = fc.array(fc.constantFrom(' ', '\t', 'a', 'b'), { maxLength: 5 }).map((c) => c.join(''));
      fc.assert(
        // A continuation line has text (a blank line ends the header block).
        fc.property(piece, fc.array(fc.tuple(piece, fc.constantFrom('a', 'b'), piece).map((p) => p.join('')), { minLength: 1, maxLength: 6 }), (first, rest) => {
          const lines = rest.map((r) => ` ${r}`);
          let want = first.startsWith(' ') ? first.slice(1) : first;
          for (const l of lines) want = `${want} ${l.trim()}`.trim();
          const ex = parseRawHttp(`GET / HTTP/1.1\nx-a: ${first}\n${lines.join('\n')}\nHost: h\n\n`);
          expect(ex?.request?.headers[0]).toEqual({ name: 'x-a', value: want });
        }),
        { numRuns: 300, seed: 20261122 },
      );
    });
  });

  describe('7. thousands of headers in one request (found exploring the limits)', () => {
    const headers = (n: number, sep: string): string => Array.from({ length: n }, (_, i) => `x-oss-meta-h${i}${sep}v${i}`).join('\r\n');
    const hex = (t: string): string => Array.from(Buffer.from(t), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    const v1 = (n: number): Buffer => {
      const sts = 'GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\nx-oss-meta-a:b\n/b/k';
      return Buffer.from(`GET /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nDate: Sun, 22 Nov 2026 14:02:21 GMT\r\n${headers(n, ': ')}\r\nAuthorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>${sts}</StringToSign><StringToSignBytes>${hex(sts)}</StringToSignBytes></Error>`);
    };
    // Timed in the fuzz script (regex-worst-cases.ts: "… tens of thousands of x-oss-meta headers"); pinned here.
    const many = (bytes: Buffer, options: DiagnoseRequest): ReturnType<typeof run> => run([{ name: 'many.txt', bytes }], options);

    it('V1 without the secret: the explain steps filtered all headers once per header (quadratic)', () => {
      expect(many(v1(20000), {})).toEqual([{ verdict: 'problem', causes: ['proxy-modified-headers'], path: '/k' }]);
    });

    it('V1 with the secret: the hypothesis search had no bound and built every per-header candidate at once (quadratic time and memory)', () => {
      const saved = { ...V1_SEARCH_BOUNDS };
      V1_SEARCH_BOUNDS.maxMs = 200;
      try {
        expect(many(v1(8000), { secret: 'wrong-secret-for-demo' })).toEqual([{ verdict: 'problem', causes: ['proxy-modified-headers'], path: '/k' }]);
      } finally {
        Object.assign(V1_SEARCH_BOUNDS, saved);
      }
    });

    it('V4 with the secret: single changes were neither bounded nor built lazily (quadratic time and memory)', () => {
      const cr = 'GET\n/b/k\n\nx-oss-date:20261122T140221Z\n\nhost\nUNSIGNED-PAYLOAD';
      const text = `GET /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nx-oss-date: 20261122T140221Z\r\nx-oss-content-sha256: UNSIGNED-PAYLOAD\r\n${headers(4000, ': ')}\r\nAuthorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000/20261122/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=${'0'.repeat(64)}\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>${cr}</CanonicalRequest></Error>`;
      const saved = { ...V4_SEARCH_BOUNDS };
      V4_SEARCH_BOUNDS.maxMs = 200;
      try {
        // No change can reproduce the all-zero signature, so however far the search gets, the secret is blamed.
        expect(many(Buffer.from(text), { secret: 'wrong-secret-for-demo' })).toEqual([{ verdict: 'problem', causes: ['secret-mismatch'], path: '/k' }]);
      } finally {
        Object.assign(V4_SEARCH_BOUNDS, saved);
      }
    });
  });

  describe('8. a 300 KB Python bytes literal took over 100 ms (a Buffer per character in bytesOf)', () => {
    /** bytesOf as it was, one character at a time: the reference for the run-at-a-time version. */
    function bytesOfBefore(body: string): Uint8Array {
      if (!body.includes('\\')) return Uint8Array.from(Buffer.from(body, 'utf8'));
      const out: number[] = [];
      for (let i = 0; i < body.length; i++) {
        const c = body.charAt(i);
        if (c !== '\\' || i + 1 >= body.length) {
          for (const b of Buffer.from(c, 'utf8')) out.push(b);
          continue;
        }
        const e = body.charAt(++i);
        const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, v: 11, a: 7, '\\': 92, "'": 39, '"': 34 };
        if (simple[e] !== undefined) out.push(simple[e]!);
        else if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
          out.push(parseInt(body.slice(i + 1, i + 3), 16));
          i += 2;
        } else if (e >= '0' && e <= '7') {
          let j = i;
          while (j < body.length && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') j++;
          out.push(parseInt(body.slice(i, j), 8) & 0xff);
          i = j - 1;
        } else {
          out.push(92);
          for (const b of Buffer.from(e, 'utf8')) out.push(b);
        }
      }
      return Uint8Array.from(out);
    }

    it('gives the same bytes (characters of the Basic Multilingual Plane)', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('\\', 'x', 'n', '0', '7', '8', 'A', 'f', "'", '"', 'é', '中', ' ', 'q'), { maxLength: 24 }), (chars) => {
          const body = chars.join('');
          expect(Buffer.from(bytesOf(body)).toString('hex')).toBe(Buffer.from(bytesOfBefore(body)).toString('hex'));
        }),
        { numRuns: 500, seed: 20261122 },
      );
    });

    // Its speed is measured by the fuzz script's long-line sweep ("Python bytes XML" × every filler).
  });

  it('9. `sigdoctor sign` on a request whose x-oss-date is empty or not a time: internal error (HMAC of a null string to sign)', () => {
    const message = { method: 'PUT', target: '/k', headers: [{ name: 'Host', value: 'b.oss-cn-hangzhou.aliyuncs.com' }, { name: 'X-Oss-Date', value: '' }] };
    const options = { version: 'v4' as const, query: false, accessKeyId: 'ak', secret: 's', now: new Date(Date.UTC(2026, 10, 22)), expiresIn: 900, product: 'oss', additionalHeaders: [] };
    expect(thrown(() => signRequest(message, options)).message).toBe('sign: the request\'s x-oss-date "" is not a time; fix it (e.g. 20261122T140221Z) or remove the header');
    expect(thrown(() => signRequest({ ...message, headers: [message.headers[0]!, { name: 'x-oss-date', value: 'yesterday' }] }, options)).message).toBe('sign: the request\'s x-oss-date "yesterday" is not a time; fix it (e.g. 20261122T140221Z) or remove the header');
    const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-sign-'));
    try {
      const file = join(dir, 'req.txt');
      writeFileSync(file, 'PUT /k HTTP/1.1\r\nHost: b.oss-cn-hangzhou.aliyuncs.com\r\nX-Oss-Date: \r\n\r\n');
      expect(runCli(['sign', file], { env: { OSS_ACCESS_KEY_ID: 'ak', OSS_ACCESS_KEY_SECRET: 's' } })).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: sign: the request\'s x-oss-date "" is not a time; fix it (e.g. 20261122T140221Z) or remove the header\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
