/**
 * The built bundle, run as users run it: stdout, stderr and the exit code
 * are checked together (STYLE.md "CLI scenario tests").
 */
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { REPO, runCli } from './support/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const sample = (name: string): string => `fixtures/samples/${name}`;
/** SIGNING.md §2.7 vector 1 (go-v2 TestV1AuthHeader): AccessKeyId ak, secret sk. */
const VECTOR_1 = [
  'PUT /nelson HTTP/1.1',
  'Host: examplebucket.oss-cn-hangzhou.aliyuncs.com',
  'Content-MD5: eB5eJF1ptWaXm4bijSPyxw==',
  'Content-Type: text/html',
  'x-oss-meta-author: alice',
  'x-oss-meta-magic: abracadabra',
  'x-oss-date: Wed, 28 Dec 2022 10:27:41 GMT',
  'Authorization: OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=',
  '',
  '',
].join('\r\n');
const fixture = (path: string): string => `fixtures/${path}`;

interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  results: Array<{
    source: string;
    verdict: string;
    signatureVersion: string;
    request: { method: string; host: string | null; path: string; query: string } | null;
    error: { status: number | null; code: string | null; ec: string | null; requestId: string | null } | null;
    stringToSign: { client: string | null; server: string | null; serverSource: string | null };
    firstDifference: { offset: number; line: number; client: string; server: string } | null;
    signature: { verified: boolean | null };
    causes: Array<{ id: string; title: string; evidence: string; fix: string; docs: string }>;
  }>;
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('version and help', () => {
  it('--version prints the package version, exit 0', () => {
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists the commands and examples, exit 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Usage: sigdoctor [options] [command]');
    for (const cmd of ['diagnose', 'explain', 'verify', 'example']) expect(lines.some((l) => l.startsWith(`  ${cmd} [options] [`))).toBe(true);
    for (const line of ['  $ curl -v https://bucket.oss-cn-hangzhou.aliyuncs.com/key 2>&1 | sigdoctor', '  --format FORMAT         human (default), json, markdown (tickets) or github (CI annotations); --json']) {
      expect(lines).toContain(line);
    }
  });
});

describe('diagnose', () => {
  it('a real curl -v capture: secret-mismatch, exit 1, JSON per CONTRACT.md', () => {
    const r = runCli(['--json', sample('curl-v-8.21.0-get-403.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = json(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'sigdoctor', version: pkg.version });
    expect(doc.results).toHaveLength(1);
    const res = doc.results[0]!;
    expect(res.source).toBe('fixtures/samples/curl-v-8.21.0-get-403.txt');
    expect(res.verdict).toBe('problem');
    expect(res.signatureVersion).toBe('v1-header');
    expect(res.request).toEqual({ method: 'GET', host: 'examplebucket.oss-cn-hangzhou.aliyuncs.com', path: '/exampleobject.txt', query: '' });
    expect(res.error).toEqual({ status: 403, code: 'SignatureDoesNotMatch', ec: '0002-00000040', requestId: '6650B1A4D11E553933CCDE27', ecMeaning: expect.stringMatching(/^Signature mismatch for a V1 signature/) });
    const sts = 'GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/examplebucket/exampleobject.txt';
    expect(res.stringToSign).toEqual({ client: sts, server: sts, serverSource: 'StringToSignBytes' });
    expect(res.firstDifference).toBeNull();
    expect(res.signature).toEqual({ verified: null });
    expect(res.causes.map((c) => c.id)).toEqual(['secret-mismatch']);
  });

  it('reads a pipe: curl -v … 2>&1 | sigdoctor', () => {
    const r = runCli(['--json'], { input: readFileSync(sample('curl-v-7.88.1-get-403.txt')) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(json(r.stdout).results[0]!.source).toBe('stdin');
    expect(json(r.stdout).results[0]!.causes.map((c) => c.id)).toEqual(['secret-mismatch']);
  });

  it('request and response as two files, in either order, or --request/--response', () => {
    const req = fixture('cdn-head-to-get/seed-002-head-through-cdn/request.txt');
    const resp = fixture('cdn-head-to-get/seed-002-head-through-cdn/response.xml');
    const ids = (args: string[]): unknown => {
      const r = runCli(['--json', ...args]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const res = json(r.stdout).results[0]!;
      return { causes: res.causes.map((c) => c.id), offset: res.firstDifference?.offset };
    };
    const want = { causes: ['cdn-head-to-get'], offset: 0 };
    expect(ids([req, resp])).toEqual(want);
    expect(ids([resp, req])).toEqual(want);
    expect(ids(['--response', resp, '--request', req])).toEqual(want);
  });

  it('human report: verdict first, then causes, then the labelled diff', () => {
    const r = runCli([fixture('cdn-head-to-get/seed-002-head-through-cdn/request.txt'), fixture('cdn-head-to-get/seed-002-head-through-cdn/response.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('✖ PROBLEM  A CDN turned the HEAD request into GET  fixtures/cdn-head-to-get/seed-002-head-through-cdn/request.txt + fixtures/cdn-head-to-get/seed-002-head-through-cdn/response.xml');
    expect(lines).toContain('✖ 1. cdn-head-to-get — A CDN turned the HEAD request into GET');
    expect(lines).toContain('✗   1  verb          - yours HEAD');
    expect(lines).toContain(`${' '.repeat(21)}+ OSS's GET`);
    expect(lines).toContain('First difference at byte 0 (line 1).');
    expect(lines.findIndex((l) => l.startsWith('✖ 1.'))).toBeLessThan(lines.findIndex((l) => l.startsWith('String to sign')));
  });

  it('the README shows this very report (up to its notes)', () => {
    const dir = fixture('cdn-head-to-get/seed-002-head-through-cdn');
    const r = runCli(['request.txt', 'response.xml'], { cwd: join(REPO, dir) });
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const start = readme.indexOf('```\n✖ PROBLEM') + 4;
    expect(r.stdout.slice(0, r.stdout.indexOf('\nNotes:'))).toBe(readme.slice(start, readme.indexOf('```', start)));
  });

  it('colour only when asked for or on a terminal: FORCE_COLOR and --color add ANSI, a pipe gets none', () => {
    const args = [sample('curl-v-8.21.0-get-403.txt')];
    expect(runCli(args).stdout).not.toMatch(/\x1b\[/);
    expect(runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(runCli(['--color', ...args], { env: { NO_COLOR: undefined } }).stdout).toMatch(/\x1b\[/);
    expect(runCli(['--no-color', ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('masks the AccessKeyId and signature by default; --no-redact shows them', () => {
    const args = ['--json', sample('curl-v-8.21.0-get-403.txt')];
    const masked = runCli(args).stdout;
    expect(masked).not.toContain('LTAI5tExampleKeyId0000');
    expect(masked).not.toContain('SzSrgu0asW35zksVfa6qjNTurSM=');
    expect(masked).toContain('LTAI**************0000');
    const full = runCli(['--no-redact', ...args]).stdout;
    expect(full).toContain('LTAI5tExampleKeyId0000');
  });
});

describe('the secret', () => {
  const vector1 = file('vector-1.http', VECTOR_1);
  const canary = 'Canary-Secret-7f3a9c2e-DO-NOT-PRINT';

  it('verify passes the SIGNING.md §2.7 vector 1 with the secret from the environment', () => {
    const r = runCli(['verify', '--json', vector1], { env: { OSS_ACCESS_KEY_SECRET: 'sk' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.stdout).results[0]!.signature).toEqual({ verified: true });
  });

  it('verify without a secret is a usage error naming how to give one', () => {
    const r = runCli(['verify', vector1]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: verify needs the AccessKey secret — set OSS_ACCESS_KEY_SECRET or pass --secret-file FILE (never on the command line)\n' });
  });

  it('--secret-file strips one trailing newline; a wrong secret fails verify with exit 1', () => {
    const good = file('sk.txt', 'sk\n');
    chmodSync(good, 0o600);
    expect(runCli(['verify', '--secret-file', good, vector1]).code).toBe(0);
    const wrong = file('wrong.txt', `${canary}\n`);
    chmodSync(wrong, 0o600);
    const r = runCli(['verify', '--secret-file', wrong, vector1]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^✖ NOT VERIFIED {2}/);
  });

  it('warns (without the value) when the secret file is readable by others', () => {
    const loose = file('loose.txt', `${canary}\n`);
    chmodSync(loose, 0o644);
    const r = runCli(['--secret-file', loose, sample('curl-v-8.21.0-get-403.txt')]);
    expect(r.stderr).toBe(`sigdoctor: warning: --secret-file ${loose} is readable by other users; chmod 600 it\n`);
  });

  it('never accepts the secret on the command line', () => {
    expect(runCli(['--secret', canary, sample('curl-v-8.21.0-get-403.txt')])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sigdoctor: the secret is never accepted on the command line (other users can see argv); set OSS_ACCESS_KEY_SECRET or use --secret-file FILE\n',
    });
  });

  it('the secret appears in no output of any command or format', () => {
    const secretFile = file('canary.txt', canary);
    chmodSync(secretFile, 0o600);
    const inputs = [sample('curl-v-8.21.0-put-403.txt')];
    for (const cmd of [[], ['explain'], ['verify']]) {
      for (const fmt of [[], ['--json']]) {
        const ways: Array<{ args: string[]; env: Record<string, string> }> = [
          { args: [], env: { OSS_ACCESS_KEY_SECRET: canary } },
          { args: ['--secret-file', secretFile], env: {} },
        ];
        for (const how of ways) {
          const r = runCli([...cmd, ...fmt, ...how.args, '--debug', ...inputs], { env: how.env });
          expect(r.code === 0 || r.code === 1).toBe(true);
          expect(r.stdout + r.stderr).not.toContain(canary);
          expect(r.stdout + r.stderr).not.toContain(canary.slice(0, 12));
        }
      }
    }
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  it.each([
    ['binary junk', Buffer.from([0x00, 0xff, 0x13, 0x88, 0x00, 0x01, 0x02, 0x7f, 0x00]), 'sigdoctor: stdin: input looks binary, not text (NUL or control bytes) — give sigdoctor the text of a request, a curl -v log, a HAR file or an OSS error XML\n'],
    ['empty input', Buffer.from(''), 'sigdoctor: stdin: input is empty — paste the failing request and OSS\'s error response, or pipe `curl -v … 2>&1` into sigdoctor\n'],
    ['truncated XML', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <StringToSignBytes>47 45 54 0A'), 'sigdoctor: stdin: the error XML is truncated: it has no closing </Error> — paste the whole <Error> document (StringToSignBytes must be complete)\n'],
    ['malformed XML', Buffer.from('<Error><Code>X</Cod></Error>\n'), "sigdoctor: stdin: the error XML is malformed (Expected closing tag 'Code' (opened in line 1, col 8) instead of closing tag 'Cod'. at line 1)\n"],
    ['a DOCTYPE', Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE Error [<!ENTITY a "AAAA">]>\n<Error><Code>&a;</Code></Error>\n'), 'sigdoctor: stdin: the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it\n'],
    ['prose', Buffer.from('my upload fails with 403, please help\n'), 'sigdoctor: stdin: cannot tell what this is — expected a raw HTTP request/response, curl -v or --trace-ascii output, a curl command, a HAR file, an SDK debug log, an OSS <Error> XML or a signed URL — force a format with --input-format raw|curl|har|xml|url|log\n'],
  ])('%s', (_name, input, stderr) => {
    expect(runCli([], { input })).toEqual({ code: 2, stdout: '', stderr });
  });

  it('a missing file', () => {
    expect(runCli(['no/such/file.txt'])).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: no/such/file.txt: no such file\n' });
  });

  it('an unknown option', () => {
    const r = runCli(['--frobnicate', sample('curl-v-8.21.0-get-403.txt')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "sigdoctor: unknown option '--frobnicate' (see sigdoctor --help)\n" });
  });

  it('an unknown format', () => {
    const r = runCli(['--format', 'yaml', sample('curl-v-8.21.0-get-403.txt')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: --format yaml: unknown format; use human, json, markdown, github\n' });
  });

  it('an unknown example', () => {
    expect(runCli(['example', 'nope'])).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: example nope: no such example — list them with sigdoctor example --list\n' });
  });
});

describe('example', () => {
  it('runs the first bundled example and lists the others, exit 0', () => {
    const r = runCli(['example']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Example "mini-program-content-type": a signed PUT URL works in the browser but fails from a WeChat mini program');
    expect(lines).toContain('✖ 1. content-type-mismatch — The Content-Type that was signed is not the one OSS received');
    expect(lines).toContain('More examples (sigdoctor example NAME):');
  });

  it('every bundled example names its cause first', () => {
    const list = runCli(['example', '--list']);
    expect(list.code).toBe(0);
    const names = list.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]!);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const r = runCli(['example', name, '--json']);
      expect(r.code).toBe(0);
      const doc = json(r.stdout);
      expect(doc.results[0]!.verdict).toBe('problem');
    }
  });
});

describe('ec', () => {
  it('explains an EC, exit 0', () => {
    const r = runCli(['ec', '0002-00000038']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('EC 0002-00000038  (Mode / method selection)');
    expect(r.stdout.split('\n')).toContain('  Docs: https://www.alibabacloud.com/help/en/oss/support/0002-00000038');
  });

  it('explains the EC inside an error response (the HEAD capture\'s x-oss-err)', () => {
    const r = runCli(['ec', '--json', sample('curl-v-8.21.0-head-403.txt')]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { kind: string; entry: { ec: string; code: string } };
    expect({ kind: doc.kind, ec: doc.entry.ec, code: doc.entry.code }).toEqual({ kind: 'ec', ec: '0002-00000040', code: 'SignatureDoesNotMatch' });
  });

  it('lists every code', () => {
    const r = runCli(['ec', '--list', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { entries: unknown[] }).entries).toHaveLength(112);
  });

  it('no code in the query is a usage error, exit 2', () => {
    expect(runCli(['ec', 'banana'])).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: ec: no OSS error code in "banana" — give an EC like 0002-00000040, a Code like SignatureDoesNotMatch, or an error XML; sigdoctor ec --list shows them all\n' });
  });
});
