/**
 * The input path keeps a large capture in memory once (bench/ measures how
 * much): files are decoded as they are read, curl lines are walked without an
 * array of them, a long body is a slice of the input. These tests pin that
 * every one of those short cuts gives exactly what the plain path gives.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose, readInputs } from '../src/index.js';
import { parseCurlVerbose } from '../src/parse/curl-verbose.js';
import { decodeInput, decodeInputBytes, readInputFile, readInputStream } from '../src/parse/decode-input.js';
import { cleanCurlLine, forEachCurlLine, forEachCurlLineAt, splitLines } from '../src/parse/text-lines.js';

const SAMPLES = new URL('../fixtures/samples/', import.meta.url);
const sampleNames = readdirSync(SAMPLES).filter((n) => !n.endsWith('.md')).sort();
const sample = (name: string): string => readFileSync(new URL(name, SAMPLES), 'utf8');

const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-input-memory-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The line walk as it was: splitLines, then the clean-up, the unterminated last line dropped when empty. */
function referenceLines(text: string): Array<[string, boolean]> {
  const lines = splitLines(text);
  const out: Array<[string, boolean]> = [];
  lines.forEach((raw, i) => {
    const terminated = i < lines.length - 1;
    if (!terminated && raw === '') return;
    const line = cleanCurlLine(raw);
    if (line !== undefined) out.push([line, terminated]);
  });
  return out;
}

const EDGE_TEXTS = [
  '',
  '\n',
  'a',
  'a\nb',
  'a\r\nb\r\n',
  'a\r\r\n\r\nb\rc\n',
  '\x1b[1m> GET / HTTP/1.1\x1b[0m\n< HTTP/1.1 403 Forbidden\n',
  '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.1:80...\n',
  '14:02:21.834024 > GET / HTTP/1.1\n[0-0] < HTTP/1.1 200 OK\n\n\n',
];

describe('forEachCurlLineAt', () => {
  it.each([...sampleNames.filter((n) => n.startsWith('curl-')), ...EDGE_TEXTS.map((_, i) => `edge ${i}`)])('%s: the same lines as splitLines + clean-up; `at` points at verbatim ones', (name) => {
    const text = name.startsWith('edge ') ? EDGE_TEXTS[Number(name.slice(5))]! : sample(name);
    const seen: Array<[string, boolean]> = [];
    let verbatim = 0;
    forEachCurlLineAt(text, (line, terminated, at) => {
      seen.push([line, terminated]);
      if (at >= 0) {
        verbatim++;
        expect(text.slice(at, at + line.length)).toBe(line);
        expect(text.charAt(at + line.length)).toBe(terminated ? '\n' : '');
      }
    });
    expect(seen).toEqual(referenceLines(text));
    const plain: Array<[string, boolean]> = [];
    forEachCurlLine(text, (line, terminated) => plain.push([line, terminated]));
    expect(plain).toEqual(seen);
    // CRLF captures have no verbatim line (a CR is dropped before each newline); LF ones mostly do.
    if (!text.includes('\r\n') && text.includes('\n')) expect(verbatim).toBeGreaterThan(0);
  });

  it('gives -1 for a line that lost a CR or was cleaned', () => {
    const got: Array<[string, number]> = [];
    forEachCurlLineAt('a\r\n\x1b[1mb\x1b[0m\nc\n', (line, _t, at) => got.push([line, at]));
    expect(got).toEqual([['a', -1], ['b', -1], ['c', 13]]);
  });
});

/** A `curl -v … 2>&1` capture whose 403 body is `bodyLines` lines after the XML (joined with `eol`). */
function captureWithBody(bodyLines: number, eol: string): { text: string; body: string } {
  const head = sample('curl-v-8.5.0-get-403.txt');
  const xmlStart = head.indexOf('<?xml');
  const xml = head.slice(xmlStart).replace(/\r\n/g, '\n').split('\n').filter((l) => l !== '');
  const extra = Array.from({ length: bodyLines }, (_, i) => `line ${i} of the appended text`);
  const lines = [...xml, ...extra];
  const text = head.slice(0, xmlStart) + lines.join(eol) + eol;
  return { text, body: lines.join('\n') + '\n' };
}

describe('curl -v bodies: a slice of the input when verbatim, the joined lines otherwise', () => {
  it.each([
    ['LF, 20,000 lines', 20000, '\n'],
    ['CRLF, 2,000 lines', 2000, '\r\n'],
    ['LF, no extra line', 0, '\n'],
  ])('%s', (_label, n, eol) => {
    const { text, body } = captureWithBody(n as number, eol as string);
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.status).toBe(403);
    expect(ex?.response?.body).toBe(body);
  });

  it('a body cut by a glued info line and an unterminated last line', () => {
    const base = sample('curl-v-8.5.0-get-403.txt').replace(/\r\n/g, '\n');
    const text = base.replace('</Error>\n', '</Error>* Connection #0 to host x left intact\n') + 'tail without newline';
    const [ex] = parseCurlVerbose(text);
    expect(ex?.response?.body?.endsWith('</Error>')).toBe(false);
    expect(ex?.response?.body).toContain('</Error>tail without newline');
  });
});

describe('curl -v bodies built as soon as their exchange ends, unless a later status line matters', () => {
  const capture = [
    '> GET /a HTTP/1.1', '> Host: b.oss-cn-hangzhou.aliyuncs.com', '> ',
    '< HTTP/1.1 200 OK', '< Content-Length: 6', '< ',
    // A stdout copy of the status line and headers of the response that comes later (curl -i).
    'HTTP/1.1 403 Forbidden', 'Server: AliyunOSS', '', 'body1',
    '> GET /b HTTP/1.1', '> Host: b.oss-cn-hangzhou.aliyuncs.com', '> ',
    '< HTTP/1.1 403 Forbidden', '< Server: AliyunOSS', '< ',
    'plain body', 'HTTP/ not a status line', '',
  ].join('\n');

  it('a copy of a status line seen only later is still dropped; other bodies are as they were', () => {
    const [first, second] = parseCurlVerbose(capture);
    expect(first?.response?.body).toBe('body1\n');
    expect(first?.notes).toContain('dropped the status line and headers that curl -i/-I printed again on stdout');
    expect(second?.response?.body).toBe('plain body\nHTTP/ not a status line\n');
    expect(second?.notes).not.toContain('dropped the status line and headers that curl -i/-I printed again on stdout');
  });
});

/** Encodings and damage every decoding route must agree on. */
const cases: Array<[string, Buffer]> = [
  ['plain UTF-8', Buffer.from('GET / HTTP/1.1\nHost: b.oss-cn-hangzhou.aliyuncs.com\n\n')],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<Error><Code>X</Code></Error>\n')])],
  ['invalid UTF-8', Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0xff, 0xfe, 0x62, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x0a])],
  ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('GET / HTTP/1.1\r\nHost: h\r\n\r\n', 'utf16le')])],
  ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('GET / HTTP/1.1\r\nHost: h\r\n\r\n', 'utf16le').swap16()])],
  ['UTF-16LE without BOM', Buffer.from('GET / HTTP/1.1\r\nHost: h\r\n\r\n', 'utf16le')],
  ['UTF-16LE without BOM, odd length', Buffer.concat([Buffer.from('GET / HTTP/1.1\r\n', 'utf16le'), Buffer.from([0x41])])],
  ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf])],
  ['empty', Buffer.alloc(0)],
  ['UTF-16LE without BOM, past the 512-byte prefix', Buffer.from('GET / HTTP/1.1\r\nHost: h\r\n\r\n'.repeat(40), 'utf16le')],
  ['UTF-16LE without BOM, past the prefix, odd length (read as UTF-8)', Buffer.concat([Buffer.from('GET / HTTP/1.1\r\n'.repeat(40), 'utf16le'), Buffer.from([0x41])])],
  ['UTF-8 BOM, then U+FEFF as text, past the prefix', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\ufeff${'x'.repeat(600)}`)])],
  ['a sample capture', readFileSync(new URL('curl-v-8.21.0-get-403-tty-via-script.txt', SAMPLES))],
];

describe('readInputFile: the same text as reading the bytes and decoding them', () => {
  it.each(cases)('%s', (name, bytes) => {
    const path = join(tmp, name.replace(/\W+/g, '-'));
    writeFileSync(path, bytes);
    expect(readInputFile(path)).toBe(decodeInputBytes(bytes, path));
  });

  it('over the limit: the same error as for the bytes', () => {
    const path = join(tmp, 'big');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 0x61));
    expect(() => readInputFile(path, path, 1024 * 1024)).toThrow('over the 1 MB limit');
    expect(() => decodeInputBytes(readFileSync(path), path, 1024 * 1024)).toThrow('over the 1 MB limit');
  });
});

describe('readInputStream (stdin): the same text as decoding all the bytes, however they arrive', () => {
  async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const at = Math.min(cut, bytes.length);
      if (at > from) yield bytes.subarray(from, at);
      from = Math.max(from, at);
    }
    if (from < bytes.length) yield bytes.subarray(from);
  }
  const decodeAll = (bytes: Uint8Array): string => {
    try {
      return decodeInputBytes(bytes, 'stdin');
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  const decodeStream = async (bytes: Uint8Array, cuts: number[], limit?: number): Promise<string> => {
    try {
      return await readInputStream(chunked(bytes, cuts), 'stdin', limit);
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };

  it.each(cases)('%s, in chunks of 1, 7 and 4096 bytes', async (_name, bytes) => {
    for (const size of [1, 7, 4096]) {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size);
      expect(await decodeStream(bytes, cuts)).toBe(decodeAll(bytes));
    }
  });

  it('any bytes (UTF-8 text, invalid UTF-8, UTF-16 with and without BOM, longer than the 512-byte prefix), cut anywhere', async () => {
    const unit = fc.oneof(fc.constantFrom('a', '\n', 'é', '€', '😀', '\0', '\ufeff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    // Short texts, and texts past the 512-byte prefix that decides the encoding (some starting with U+FEFF).
    const text = fc.oneof(
      fc.string({ unit, maxLength: 40 }),
      fc.string({ unit, minLength: 300, maxLength: 900 }),
      fc.string({ unit, minLength: 300, maxLength: 900 }).map((t) => `\ufeff${t}`),
    );
    const bytes = fc.oneof(
      text.map((t) => Buffer.from(t, 'utf8')),
      text.map((t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])),
      text.map((t) => Buffer.from(t, 'utf16le')),
      // PowerShell's UTF-16LE without BOM: ASCII text, every other byte NUL (what looksLikeUtf16Le detects).
      fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\r', '\n', '<'), minLength: 200, maxLength: 900 }).map((t) => Buffer.from(t, 'utf16le')),
      text.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
      text.map((t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])),
      fc.uint8Array({ maxLength: 1500 }).map((b) => Buffer.from(b)),
      // Mostly ASCII with stray high bytes: multi-byte sequences cut between chunks.
      fc.array(fc.oneof(fc.constant(0x61), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xff)), { maxLength: 1500 }).map((a) => Buffer.from(a)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat({ max: 1600 }), { maxLength: 12 }), async (b, cuts) => {
        expect(await decodeStream(b, cuts)).toBe(decodeAll(b));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('stops at the limit as bytes arrive, with the limit and how to raise it', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    expect(await decodeStream(big, [1000, 600000, 2000000], 1024 * 1024)).toBe('error: stdin: more than the 1 MB input limit');
  });
});

describe('inputs given as text decoded at read time', () => {
  it.each(sampleNames)('%s: the same report as from the bytes', (name) => {
    const bytes = readFileSync(new URL(name, SAMPLES));
    const fromBytes = diagnose([{ name, bytes }], { command: 'diagnose' });
    const fromText = diagnose([{ name, bytes: new Uint8Array(0), text: decodeInputBytes(bytes, name) }], { command: 'diagnose' });
    expect(fromText).toEqual(fromBytes);
  });

  it('text keeps the checks and the ANSI clean-up of decodeInput', () => {
    expect(() => readInputs([{ name: 'blank', bytes: new Uint8Array(0), text: ' \n\t' }])).toThrow('blank: input is empty');
    expect(() => readInputs([{ name: 'nul', bytes: new Uint8Array(0), text: 'a\0b' }])).toThrow('nul: input looks binary');
    const coloured = '\x1b[31m<Error><Code>SignatureDoesNotMatch</Code></Error>\x1b[0m\n';
    expect(readInputs([{ name: 'c', bytes: new Uint8Array(0), text: coloured }])).toEqual(readInputs([{ name: 'c', bytes: Buffer.from(coloured) }]));
    expect(decodeInput(Buffer.from(coloured), 'c')).toBe('<Error><Code>SignatureDoesNotMatch</Code></Error>\n');
  });
});

describe('which exchanges of a capture are diagnosed', () => {
  const ok = sample('curl-v-8.5.0-get-403.txt')
    .replace('< HTTP/1.1 403 Forbidden', '< HTTP/1.1 200 OK')
    .replace(/^< x-oss-ec: [^\n]*\n/m, '')
    .replace(/<\?xml[\s\S]*<\/Error>\r?\n/, 'fine\n');
  const bad = sample('curl-v-8.5.0-get-403.txt');
  const sources = (text: string): string[] => readInputs([{ name: 'log', bytes: Buffer.from(text) }]).cases.map((c) => c.source);

  it('every error, in order, with its place among all exchanges', () => {
    expect(sources(bad + ok + bad + ok)).toEqual(['log (exchange 1 of 4)', 'log (exchange 3 of 4)']);
  });

  it('the last exchange when none is an error', () => {
    expect(sources(ok + ok + ok)).toEqual(['log (exchange 3 of 3)']);
  });
});
