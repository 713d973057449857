/**
 * The secret never leaves sigdoctor (CONTRACT.md: "Never printed, logged or
 * echoed in an error"). A distinctive canary secret, given through the
 * environment and through --secret-file, is looked for — as is, trimmed,
 * base64, hex, URL-encoded, in part, and as the V4 signing keys derived from
 * it — in the stdout and stderr of every command, in every format, with colour
 * on and off, masked and --no-redact, on the success, problem and error paths,
 * with the wrong secret and with the right one. The runs are spawned in
 * parallel up front; each `it` then checks its share.
 */
import { createHmac } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli as runCliInProcess } from '../src/cli.js';
import type { CliResult } from './support/run-cli.js';
import type { CliRun } from './support/run-cli-async.js';
import { runAll } from './support/run-cli-async.js';

const CANARY = 'CANARY+s3cr3t/7f1e9a2b4c6d=';
const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-secrets-'));
const file = (name: string, content: string | Buffer, mode = 0o600): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  chmodSync(p, mode);
  return p;
};
const canaryFile = file('canary.txt', `${CANARY}\n`);

/** The V4 signing keys a secret derives for a scope (SIGNING.md §4.4), computed here independently. */
function v4Keys(secret: string, date: string, region: string, product = 'oss'): Buffer[] {
  const h = (key: Buffer, msg: string): Buffer => createHmac('sha256', key).update(msg, 'utf8').digest();
  const kDate = h(Buffer.from(`aliyun_v4${secret}`, 'utf8'), date);
  const kRegion = h(kDate, region);
  const kProduct = h(kRegion, product);
  return [kDate, kRegion, kProduct, h(kProduct, 'aliyun_v4_request')];
}
/** Every V4 scope of the inputs below (and of what `sign --date 20261122T140221Z` produces). */
const SCOPES: Array<[string, string]> = [['20261122', 'cn-hangzhou']];

/** The forms in which a secret would give itself away. */
function leakForms(secret: string): Array<[string, string]> {
  const bytes = Buffer.from(secret, 'utf8');
  const clean = secret.trim();
  const forms: Array<[string, string]> = [
    ['the secret', secret],
    ['the secret trimmed', clean],
    ['its base64', bytes.toString('base64')],
    ['its base64 trimmed', Buffer.from(clean).toString('base64')],
    ['its hex', bytes.toString('hex')],
    ['its HEX', bytes.toString('hex').toUpperCase()],
    ['its URL encoding', encodeURIComponent(secret)],
    ['its JSON escaping', JSON.stringify(secret).slice(1, -1)],
    ['its first 12 characters', clean.slice(0, 12)],
    ['its last 12 characters', clean.slice(-12)],
  ];
  for (const [date, region] of SCOPES) {
    for (const s of new Set([secret, clean])) {
      v4Keys(s, date, region).forEach((k, i) => {
        forms.push([`V4 key ${i} (${date}) in hex`, k.toString('hex')], [`V4 key ${i} (${date}) in base64`, k.toString('base64')]);
      });
    }
  }
  return forms;
}

/** Which forms of the secret appear in a run's output (colour codes removed first); [] is the only right answer. */
function leaks(r: CliResult, secret: string): string[] {
  const text = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  return leakForms(secret).filter(([, f]) => text.includes(f)).map(([name]) => name);
}

const fx = (p: string): string => `fixtures/${p}`;
const V1_HEADER = [fx('samples/curl-v-8.21.0-put-403.txt')];
const V1_URL = [fx('samples/curl-v-8.21.0-presigned-get-403.txt')];
const V4_HEADER = [fx('secret-mismatch/v4-header-secret-proven/request.txt'), fx('secret-mismatch/v4-header-secret-proven/response.xml')];
const V4_URL = [fx('cdn-range-behavior-header/v4-presigned-cdn-back-to-origin/request.txt'), fx('cdn-range-behavior-header/v4-presigned-cdn-back-to-origin/response.xml')];
const STS = [fx('security-token-not-signed/url-token-left-out-proven/url.txt'), fx('security-token-not-signed/url-token-left-out-proven/response.xml'), fx('security-token-not-signed/header-token-left-out-proven/request.txt'), fx('security-token-not-signed/header-token-left-out-proven/response.xml')];
const HAR = [fx('samples/har-synthetic-chrome-style-oss-403.har')];
const ALL_INPUTS = [...V1_HEADER, ...V1_URL, ...V4_HEADER, ...V4_URL, ...STS, ...HAR];

type Source = 'env' | 'file';
const withSecret = (source: Source, secret = CANARY, secretFile = canaryFile): Pick<CliRun, 'env'> & { args: string[] } =>
  source === 'env' ? { args: [], env: { OSS_ACCESS_KEY_SECRET: secret } } : { args: ['--secret-file', secretFile] };

interface Case {
  name: string;
  run: CliRun;
  /** The secret to look for in the output (default: the canary). */
  secret?: string;
}

const FORMATS: Array<{ name: string; args: string[]; env?: Record<string, string | undefined> }> = [
  { name: 'human, colour on', args: ['--format', 'human'], env: { FORCE_COLOR: '1', NO_COLOR: undefined } },
  { name: 'human, colour off', args: [] },
  { name: 'json', args: ['--json'] },
  { name: 'markdown', args: ['--format', 'markdown'] },
  { name: 'github', args: ['--format', 'github'] },
];
/** (source, redaction) combinations, cycled over the command × format table so every pair of values meets. */
const COMBOS: Array<[Source, boolean]> = [['env', true], ['file', false], ['env', false], ['file', true]];

const MATRIX: Case[] = [];
for (const [ci, cmd] of [[], ['explain'], ['verify']].entries()) {
  for (const [fi, f] of FORMATS.entries()) {
    const [source, redact] = COMBOS[(ci * FORMATS.length + fi) % COMBOS.length]!;
    const s = withSecret(source);
    MATRIX.push({
      name: `${cmd[0] ?? 'diagnose'} · ${f.name} · secret from ${source} · ${redact ? 'masked' : '--no-redact'}`,
      run: { args: [...cmd, ...f.args, ...(redact ? [] : ['--no-redact']), '--debug', ...s.args, ...ALL_INPUTS], env: { ...f.env, ...s.env } },
    });
  }
}

/** `sign` with the canary: V1 and V4, header and URL, human (colour on for one) and JSON. */
const SIGN_BASE = ['sign', '--method', 'PUT', '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/canary/hello.txt', '-H', 'Content-Type: text/plain', '--date', '20261122T140221Z', '--access-key-id', 'LTAI5tExampleKeyId0000'];
const SIGN_FORMS: Array<[string, string[]]> = [['V1 header', ['--v1']], ['V1 URL', ['--v1', '--url-signature']], ['V4 header', []], ['V4 URL', ['--url-signature']]];
/** One run per form, alternating source and output: JSON for the header forms, the human URL (colour on for one) for the URL forms. */
const SIGN: Case[] = SIGN_FORMS.map(([name, args], i) => {
  const s = withSecret(i % 2 ? 'env' : 'file');
  const human = name.endsWith('URL');
  return { name: `sign ${name} · ${human ? 'human' : 'json'}${i === 1 ? ', colour on' : ''}`, run: { args: [...SIGN_BASE, ...args, ...(human ? [] : ['--json']), ...s.args], env: { ...(i === 1 ? { FORCE_COLOR: '1', NO_COLOR: undefined } : {}), ...s.env } } };
});
/** The client's copy of the secret carries a trailing newline: the file holds it plus the line ending that is stripped. */
const canaryNewlineFile = file('canary-newline.txt', `${CANARY}\n\n`);
const SIGN_WS: Case[] = [['V1 header', ['--v1']], ['V4 header', []]].map(([name, args]) => ({
  name: `sign ${name as string} · json · the secret with a trailing newline`,
  run: { args: [...SIGN_BASE, ...(args as string[]), '--json', '--secret-file', canaryNewlineFile] },
}));

const BINARY = Buffer.from([0x00, 0xff, 0x13, 0x88, 0x00, 0x01, 0x02, 0x7f, 0x00]);
const ENV = { OSS_ACCESS_KEY_SECRET: CANARY };
/** Error paths, with the canary in the environment and/or in the secret file (exact stderr: one line). */
const ERRORS: Array<Case & { stderr: string }> = [
  { name: 'unusable input on stdin, both sources, --json --debug', run: { args: ['--json', '--debug', '--secret-file', canaryFile, '-'], env: ENV, input: BINARY }, stderr: 'sigdoctor: stdin: input looks binary, not text (NUL or control bytes) — give sigdoctor the text of a request, a curl -v log, a HAR file or an OSS error XML\n' },
  { name: 'verify, a missing input file, secret from env', run: { args: ['verify', '--format', 'markdown', 'no/such/file.txt'], env: ENV }, stderr: 'sigdoctor: no/such/file.txt: no such file\n' },
  { name: 'a missing secret file (the canary in env too)', run: { args: ['verify', '--secret-file', join(tmp, 'absent.txt'), ...V1_HEADER], env: ENV }, stderr: `sigdoctor: --secret-file ${join(tmp, 'absent.txt')}: cannot read it (ENOENT)\n` },
  { name: 'an unreadable secret file: a path through a file (the canary in env too)', run: { args: ['--debug', '--secret-file', `${canaryFile}/x`, ...V1_HEADER], env: ENV }, stderr: `sigdoctor: --secret-file ${canaryFile}/x: cannot read it (ENOTDIR)\n` },
  { name: 'an empty secret file (the canary in env too)', run: { args: ['explain', '--secret-file', file('empty.txt', ''), ...V4_HEADER], env: ENV }, stderr: `sigdoctor: --secret-file ${join(tmp, 'empty.txt')}: the file is empty\n` },
  { name: 'a secret file too large: the canary 200 times', run: { args: ['sign', '--secret-file', file('large.txt', CANARY.repeat(200)), '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k'] }, stderr: `sigdoctor: --secret-file ${join(tmp, 'large.txt')}: ${CANARY.length * 200} bytes, over the 4096-byte limit for an AccessKey secret (fixed) — put only the secret in the file, on one line\n` },
  { name: 'a secret file with NUL bytes: the canary in UTF-16 without a byte-order mark', run: { args: ['verify', '--secret-file', file('utf16.txt', Buffer.from(`${CANARY}\n`, 'utf16le')), ...V1_HEADER] }, stderr: `sigdoctor: --secret-file ${join(tmp, 'utf16.txt')}: the file holds NUL bytes, not a text secret — write the secret as plain UTF-8 text\n` },
  { name: 'verify given only a response, both sources', run: { args: ['verify', '--secret-file', canaryFile, V4_HEADER[1]!], env: ENV }, stderr: `sigdoctor: ${V4_HEADER[1]!}: verify needs the request (it checks the signature the request carries)\n` },
  { name: 'sign without an AccessKey id', run: { args: ['sign', '--secret-file', canaryFile, '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k'] }, stderr: 'sigdoctor: sign needs the AccessKey id — pass --access-key-id ID or set OSS_ACCESS_KEY_ID\n' },
  { name: 'an unknown option, secret from env', run: { args: ['explain', '--frobnicate', ...V1_HEADER], env: ENV }, stderr: "sigdoctor: unknown option '--frobnicate' (see sigdoctor --help)\n" },
];
// As root (CI containers) a chmod 000 file stays readable; elsewhere it is the EACCES path.
if (process.getuid?.() !== 0) {
  const locked = file('locked.txt', `${CANARY}\n`, 0o000);
  ERRORS.push({ name: 'an unreadable secret file (mode 000)', run: { args: ['--secret-file', locked, ...V1_HEADER] }, stderr: `sigdoctor: --secret-file ${locked}: cannot read it (EACCES)\n` });
}
// /proc/self/mem stats as a file but cannot be read: a one-line input error, not a crash.
if (process.platform === 'linux') {
  ERRORS.push({ name: 'an input that stats as a file but cannot be read', run: { args: ['--secret-file', canaryFile, '/proc/self/mem'], env: ENV }, stderr: 'sigdoctor: /proc/self/mem: cannot read (EIO)\n' });
}

/**
 * An internal error (one sigdoctor does not anticipate) under --debug prints the stack:
 * run in-process with a stdin stream that fails mid-read, the one way to reach that path
 * without a test hook in the product.
 */
async function internalRun(): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new Readable({
    read() {
      this.destroy(new Error('the stream broke'));
    },
  });
  const code = await runCliInProcess({
    argv: ['--debug', '--secret-file', canaryFile, '-'],
    env: { ...ENV, NO_COLOR: '1' },
    stdout: { write: (t: string) => void (stdout += t) },
    stderr: { write: (t: string) => void (stderr += t) },
    stdin,
  });
  return { code, stdout, stderr };
}

/** Commands that never read the secret, with it in the environment (and a secret file where the command takes one). */
const OTHERS: Case[] = [
  { name: '--help', run: { args: ['--help'], env: ENV } },
  { name: 'help sign', run: { args: ['help', 'sign'], env: ENV } },
  { name: 'example (human, colour on)', run: { args: ['example', '--debug'], env: { ...ENV, FORCE_COLOR: '1', NO_COLOR: undefined } } },
  { name: 'example --json, secret file', run: { args: ['example', 'cdn-head-to-get', '--json', '--secret-file', canaryFile] } },
  { name: 'example markdown --no-redact', run: { args: ['example', '--format', 'markdown', '--no-redact'], env: ENV } },
  { name: 'example github, both sources', run: { args: ['example', '--format', 'github', '--secret-file', canaryFile], env: ENV } },
  { name: 'ec (human, colour on)', run: { args: ['ec', '0002-00000040'], env: { ...ENV, FORCE_COLOR: '1', NO_COLOR: undefined } } },
  { name: 'ec --json of an error document', run: { args: ['ec', '--json', V4_HEADER[1]!], env: ENV } },
];

/** The right secret: fixtures whose secret.txt reproduces the request's signature (OSS still rejected it: exit 1). */
const fixtureSecret = (dir: string): string => readFileSync(fx(`${dir}/secret.txt`), 'utf8').replace(/\r?\n$/, '');
const V4_RIGHT = fixtureSecret('secret-mismatch/v4-header-secret-proven');
const V1_RIGHT = fixtureSecret('secret-mismatch/curl-v-get-demo-secret-proven');
const RIGHT_FIXTURES: Case[] = [
  { name: 'V4 header, explain --json --no-redact, its secret from a file', secret: V4_RIGHT, run: { args: ['explain', '--json', '--no-redact', '--secret-file', file('right-v4.txt', `${V4_RIGHT}\n`), ...V4_HEADER] } },
  { name: 'V1 header (a real capture), verify --format github, its secret from env', secret: V1_RIGHT, run: { args: ['verify', '--format', 'github', fx('secret-mismatch/curl-v-get-demo-secret-proven/capture.txt')], env: { OSS_ACCESS_KEY_SECRET: V1_RIGHT } } },
];

/**
 * Belt and braces: a request that carries the secret itself (pasted into a
 * header and the query by mistake) is echoed with "[secret]" in its place.
 */
const CARRIER = file('carries-the-secret.http', [
  `GET /exampleobject.txt?note=${encodeURIComponent(CANARY)} HTTP/1.1`,
  'Host: examplebucket.oss-cn-hangzhou.aliyuncs.com',
  'Date: Sun, 22 Nov 2026 14:02:21 GMT',
  `x-oss-meta-note: ${CANARY}`,
  'Authorization: OSS LTAI5tExampleKeyId0000:AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  '',
  '',
].join('\r\n'), 0o644);
const SCRUB: Case[] = [
  { name: 'explain --json, secret from env', run: { args: ['explain', '--json', CARRIER], env: ENV } },
  { name: 'diagnose, human --no-redact, secret file', run: { args: ['--no-redact', '--secret-file', canaryFile, CARRIER] } },
];

let matrix: CliResult[];
let scrubbed: CliResult[];
let signed: CliResult[];
let signedWs: CliResult[];
let errors: CliResult[];
let internal: CliResult;
let others: CliResult[];
let right: CliResult[];
let verifyRight: CliResult[];
let whitespace: CliResult[];
/** Requests signed with the canary by `sign`: V1 header, V1 URL, V4 header, V4 URL. */
const SIGNED: string[] = [];
const VERIFY_RIGHT: Case[] = [];
const WHITESPACE: Case[] = [];

/** A raw HTTP request from `sign` output: JSON (header forms) or the human URL (URL forms). */
function requestFrom(r: CliResult, name: string): string {
  let url: URL;
  let headers: Array<{ name: string; value: string }>;
  if (r.stdout.startsWith('{')) {
    const s = (JSON.parse(r.stdout) as { sign: { url: string; headers: Array<{ name: string; value: string }> } }).sign;
    url = new URL(s.url);
    headers = s.headers;
  } else {
    url = new URL(r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[1]!);
    headers = [{ name: 'Content-Type', value: 'text/plain' }];
  }
  const text = [`PUT ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, ...headers.map((h) => `${h.name}: ${h.value}`), '', ''].join('\r\n');
  return file(name, text, 0o644);
}

beforeAll(async () => {
  let internals: CliResult[];
  [matrix, signed, signedWs, errors, others, right, internals, scrubbed] = await Promise.all([
    runAll(MATRIX.map((c) => c.run)),
    runAll(SIGN.map((c) => c.run), 1),
    runAll(SIGN_WS.map((c) => c.run), 1),
    runAll(ERRORS.map((c) => c.run), 1),
    runAll(OTHERS.map((c) => c.run), 1),
    runAll(RIGHT_FIXTURES.map((c) => c.run), 1),
    internalRun().then((r) => [r]),
    runAll(SCRUB.map((c) => c.run), 1),
  ]);
  internal = internals[0]!;
  // Round trip: what sign produced with the canary, verified and explained with the canary.
  signed.forEach((r, i) => SIGNED.push(requestFrom(r, `signed-${i}.http`)));
  VERIFY_RIGHT.push(
    { name: 'verify --json --no-redact, secret file', run: { args: ['verify', '--json', '--no-redact', '--secret-file', canaryFile, ...SIGNED] } },
    { name: 'verify, human, colour on, secret from env', run: { args: ['verify', ...SIGNED], env: { ...ENV, FORCE_COLOR: '1', NO_COLOR: undefined } } },
    { name: 'verify --format markdown --no-redact, secret from env', run: { args: ['verify', '--format', 'markdown', '--no-redact', ...SIGNED], env: ENV } },
    { name: 'verify --format github, secret file', run: { args: ['verify', '--format', 'github', '--secret-file', canaryFile, ...SIGNED] } },
    { name: 'explain --json --no-redact, secret from env', run: { args: ['explain', '--json', '--no-redact', ...SIGNED], env: ENV } },
    { name: 'explain --no-redact (human), secret file', run: { args: ['explain', '--no-redact', '--secret-file', canaryFile, ...SIGNED] } },
  );
  const wsRequests = signedWs.map((r, i) => requestFrom(r, `signed-ws-${i}.http`));
  WHITESPACE.push(
    { name: 'the client signed with the canary plus a newline; verify with the canary', run: { args: ['verify', ...wsRequests], env: ENV } },
    { name: 'the client signed with the canary; verify with the canary plus 2 spaces', run: { args: ['verify', '--json', SIGNED[0]!, SIGNED[2]!], env: { OSS_ACCESS_KEY_SECRET: `${CANARY}  ` } } },
  );
  [verifyRight, whitespace] = await Promise.all([runAll(VERIFY_RIGHT.map((c) => c.run)), runAll(WHITESPACE.map((c) => c.run), 1)]);
}, 120000);

describe('the canary secret appears in no output', () => {
  it.each(MATRIX.map((c, i) => [c.name, i] as const))('%s: wrong secret, problem exit 1', (_name, i) => {
    const r = matrix[i]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 1, stderr: '', leaks: [] });
    // Each result is there: the run did diagnose every input.
    if (MATRIX[i]!.run.args.includes('--json')) expect((JSON.parse(r.stdout) as { results: unknown[] }).results).toHaveLength(9);
  });

  it('colour was on where asked, and only there', () => {
    const coloured = MATRIX.map((c, i) => [c.name, matrix[i]!.stdout.includes('\x1b[')] as const).filter(([, on]) => on).map(([name]) => name);
    expect(coloured).toEqual(MATRIX.filter((c) => c.name.includes('colour on')).map((c) => c.name));
  });

  it.each(SIGN.map((c, i) => [c.name, i] as const))('%s: exit 0, nothing on stderr', (_name, i) => {
    const r = signed[i]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 0, stderr: '', leaks: [] });
  });

  it.each(ERRORS.map((c, i) => [c.name, i] as const))('error path: %s — exit 2, one line on stderr', (_name, i) => {
    const r = errors[i]!;
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 2, stdout: '', stderr: ERRORS[i]!.stderr, leaks: [] });
  });

  it.each(OTHERS.map((c, i) => [c.name, i] as const))('%s (never reads the secret)', (_name, i) => {
    const r = others[i]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 0, stderr: '', leaks: [] });
  });

  it('an internal error under --debug: the stack trace, and still no secret', () => {
    const r = internal;
    const lines = r.stderr.split('\n');
    expect({ code: r.code, stdout: r.stdout, first: lines.slice(0, 2), leaks: leaks(r, CANARY) }).toEqual({
      code: 2,
      stdout: '',
      first: ['sigdoctor: internal error: the stream broke', 'Error: the stream broke'],
      leaks: [],
    });
    expect(lines.slice(2).filter((l) => l !== '' && !/^ {4}at /.test(l))).toEqual([]);
    expect(lines.length).toBeGreaterThan(4);
  });
});

describe('a request that carries the secret is echoed with "[secret]" in its place', () => {
  it.each(SCRUB.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const r = scrubbed[i]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 1, stderr: '', leaks: [] });
    if (i === 0) {
      const res = (JSON.parse(r.stdout) as { results: Array<{ request: unknown; stringToSign: { client: string } }> }).results[0]!;
      expect({ request: res.request, client: res.stringToSign.client }).toEqual({
        request: { method: 'GET', host: 'examplebucket.oss-cn-hangzhou.aliyuncs.com', path: '/exampleobject.txt', query: 'note=[secret]' },
        client: 'GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\nx-oss-meta-note:[secret]\n/examplebucket/exampleobject.txt',
      });
    } else {
      expect(r.stdout.split('\n').filter((l) => l.includes('[secret]'))).toEqual([
        '  GET examplebucket.oss-cn-hangzhou.aliyuncs.com/exampleobject.txt?note=[secret]',
        '    5  x-oss-meta-note  x-oss-meta-note:[secret]',
      ]);
    }
  });
});

describe('the right secret', () => {
  it.each(RIGHT_FIXTURES.map((c, i) => [c.name, i] as const))('%s: it reproduces the signature, OSS still rejected it (exit 1)', (_name, i) => {
    const r = right[i]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, RIGHT_FIXTURES[i]!.secret!) }).toEqual({ code: 1, stderr: '', leaks: [] });
  });

  it('what sign produced with the canary verifies with it, in every format, and leaks nothing', () => {
    for (const [i, c] of VERIFY_RIGHT.entries()) {
      const r = verifyRight[i]!;
      expect({ name: c.name, code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ name: c.name, code: 0, stderr: '', leaks: [] });
    }
    const json = JSON.parse(verifyRight[0]!.stdout) as { results: Array<{ signature: { verified: boolean } }> };
    expect(json.results.map((x) => x.signature.verified)).toEqual([true, true, true, true]);
  });

  it('the V4 signing keys stay masked, even with --no-redact (json and human)', () => {
    const masked = v4Keys(CANARY, '20261122', 'cn-hangzhou').map((k) => k.toString('hex').slice(0, 4) + '*'.repeat(60));
    const steps = (JSON.parse(verifyRight[4]!.stdout) as { results: Array<{ steps: Array<{ part: string; value: string; from: string }> }> }).results
      .map((x) => x.steps.filter((s) => s.part.startsWith('k_')));
    const v4 = [
      { part: 'k_date', value: masked[0], from: 'k_date = HMAC-SHA256("aliyun_v4" + secret, "20261122"); the keys are masked even with --no-redact: each signs like the secret' },
      { part: 'k_region', value: masked[1], from: 'k_region = HMAC-SHA256(k_date, "cn-hangzhou")' },
      { part: 'k_product', value: masked[2], from: 'k_product = HMAC-SHA256(k_region, "oss")' },
      { part: 'k_signing', value: masked[3], from: 'k_signing = HMAC-SHA256(k_product, "aliyun_v4_request")' },
    ];
    // V1 header, V1 URL, V4 header, V4 URL.
    expect(steps).toEqual([[], [], v4, v4]);
    const human = verifyRight[5]!.stdout.split('\n').filter((l) => /^ {2}k_/.test(l)).map((l) => l.trim().split(/\s+/));
    const pairs = [['k_date', masked[0]], ['k_region', masked[1]], ['k_product', masked[2]], ['k_signing', masked[3]]];
    expect(human).toEqual([...pairs, ...pairs]);
  });
});

describe('white space around the secret (secret-mismatch, proven)', () => {
  it('sign with a secret that keeps a trailing newline warns, without the value', () => {
    for (const r of signedWs) {
      expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, `${CANARY}\n`) }).toEqual({
        code: 0,
        stderr: `sigdoctor: warning: --secret-file ${canaryNewlineFile}: the secret has a trailing newline (only one final line ending is stripped); an AccessKey secret has no white space, but sigdoctor uses the value as given\n`,
        leaks: [],
      });
    }
  });

  it("verify names the newline in the client's copy (V1 and V4)", () => {
    const r = whitespace[0]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, CANARY) }).toEqual({ code: 1, stderr: '', leaks: [] });
    const headlines = r.stdout.split('\n').filter((l) => l.startsWith('✖ NOT VERIFIED'));
    expect(headlines).toEqual([0, 1].map((i) => `✖ NOT VERIFIED  the signature was made with a copy of the secret that has a trailing newline  ${join(tmp, `signed-ws-${i}.http`)}`));
  });

  it('verify names the white space in the copy you gave it, and warns about the variable', () => {
    const r = whitespace[1]!;
    expect({ code: r.code, stderr: r.stderr, leaks: leaks(r, `${CANARY}  `) }).toEqual({
      code: 1,
      stderr: 'sigdoctor: warning: OSS_ACCESS_KEY_SECRET has 2 trailing spaces; an AccessKey secret has no white space, but sigdoctor uses the value as given\n',
      leaks: [],
    });
    const doc = JSON.parse(r.stdout) as { results: Array<{ verdict: string; signature: { verified: boolean }; causes: Array<{ id: string; basis: string; evidence: string; fix: string; data: unknown }> }> };
    const want = {
      verdict: 'problem',
      signature: { verified: false },
      causes: [{
        id: 'secret-mismatch',
        basis: 'proven',
        evidence: 'The secret you supplied has 2 trailing spaces; without that white space, it reproduces the request\'s signature exactly: the client signed with the secret minus that white space, so the stray white space is only in your copy (an AccessKey secret has none).',
        fix: 'Remove the white space (2 trailing spaces) from the secret you gave sigdoctor (OSS_ACCESS_KEY_SECRET or the --secret-file file).',
        data: { secretReproducesSignature: false, secretWhitespace: { supplied: '2 trailing spaces', client: null, string: 'recomputed' } },
      }],
    };
    expect(doc.results.map((x) => ({ verdict: x.verdict, signature: x.signature, causes: x.causes.map((c) => ({ id: c.id, basis: c.basis, evidence: c.evidence, fix: c.fix, data: c.data })) }))).toEqual([want, want]);
  });
});
