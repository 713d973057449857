/**
 * CLI-level fuzzing: spawn the built bundle (bin/sigdoctor.js → dist/) the way
 * users run it, with hostile inputs on stdin or in files and random flags, for
 * every command that reads input (diagnose, explain, verify, ec, sign).
 * Invariants (CONTRACT.md exit codes):
 * - the exit code is 0, 1 or 2, never a signal or a timeout;
 * - no stack trace and no "internal error" on stderr;
 * - exit 2 ⇒ stderr is exactly one `sigdoctor: …` line, stdout is empty;
 * - exit 0/1 ⇒ stderr is empty (no warning applies to these runs);
 * - with --json / --format json, stdout is empty or exactly one valid JSON document;
 * - the secret given in OSS_ACCESS_KEY_SECRET never appears in either stream.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyInput, curlVerbose, errorXml, har, rawHttp, utf8 } from './arbitraries.js';
import { REPO_ROOT } from './corpus.js';
import { CANARY_SECRET, checkJsonReport, InvariantViolation } from './invariants.js';

export interface CliCase {
  command: string | null;
  /** Options only `sign` has. */
  signFlags: string[];
  format: string[];
  extra: string[];
  inputFormat: string | null;
  how: 'stdin' | 'file' | 'two-files' | 'request-response';
  first: Uint8Array;
  second: Uint8Array;
  secret: boolean;
  maxMb: string | null;
}

const input = fc.oneof({ weight: 3, arbitrary: anyInput }, { weight: 1, arbitrary: fc.oneof(rawHttp, curlVerbose, har, errorXml).map(utf8) });

export const cliCase: fc.Arbitrary<CliCase> = fc.record({
  command: fc.constantFrom(null, 'diagnose', 'explain', 'verify', null, 'ec', 'sign'),
  signFlags: fc.subarray(['--v1', '--url-signature', '--expires', '60', '--region', 'cn-hangzhou']).map((a) => (a.includes('--expires') !== a.includes('60') || a.includes('--region') !== a.includes('cn-hangzhou') ? a.filter((x) => !['--expires', '60', '--region', 'cn-hangzhou'].includes(x)) : a)),
  format: fc.constantFrom<string[]>(['--json'], ['--format', 'json'], [], ['--format', 'markdown'], ['--format', 'github'], ['--format', 'human'], ['--format', 'nope']),
  extra: fc.subarray(['--no-redact', '--cname', '--bucket', 'examplebucket', '--color', '--debug']).map((a) => (a.includes('--bucket') && !a.includes('examplebucket') ? a.filter((x) => x !== '--bucket') : a.filter((x) => x !== 'examplebucket' || a.includes('--bucket')))),
  inputFormat: fc.constantFrom(null, null, null, 'raw', 'curl', 'har', 'xml', 'url', 'log'),
  how: fc.constantFrom<CliCase['how']>('stdin', 'stdin', 'file', 'two-files', 'request-response'),
  first: input,
  second: input,
  secret: fc.boolean(),
  maxMb: fc.constantFrom(null, null, null, '1', 'abc', '0'),
});

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  args: string[];
}

const BIN = join(REPO_ROOT, 'bin', 'sigdoctor.js');

export function runCliCase(c: CliCase, dir: string): Promise<CliRun> {
  const args: string[] = [];
  if (c.command) args.push(c.command);
  if (c.command === 'sign' || c.command === 'ec') {
    // Their own options only (the diagnose ones would just be usage errors).
    const format = c.format.includes('markdown') || c.format.includes('github') ? [] : c.format;
    args.push(...format, ...(c.command === 'sign' ? c.signFlags : []));
  } else {
    args.push(...c.format, ...c.extra);
    if (c.inputFormat) args.push('--input-format', c.inputFormat);
  }
  const a = join(dir, 'first.txt');
  const b = join(dir, 'second.txt');
  let stdin: Uint8Array = new Uint8Array(0);
  switch (c.how) {
    case 'stdin':
      stdin = c.first;
      break;
    case 'file':
      writeFileSync(a, c.first);
      args.push(a);
      break;
    case 'two-files':
      writeFileSync(a, c.first);
      writeFileSync(b, c.second);
      args.push(a, b);
      break;
    case 'request-response':
      writeFileSync(b, c.second);
      stdin = c.first;
      args.push('--request', '-', '--response', b);
      break;
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SIGDOCTOR_') && !k.startsWith('OSS_') && k !== 'FORCE_COLOR' && k !== 'NO_COLOR' && !k.startsWith('FUZZ_')) env[k] = v;
  env['NO_COLOR'] = '1';
  if (c.secret) env['OSS_ACCESS_KEY_SECRET'] = CANARY_SECRET;
  if (c.command === 'sign') env['OSS_ACCESS_KEY_ID'] = 'LTAI5tExampleKeyId0000';
  if (c.maxMb !== null) env['SIGDOCTOR_MAX_INPUT_MB'] = c.maxMb;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 30000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.stdin.on('error', () => undefined); // the CLI may exit before reading all of stdin
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), args }));
    child.stdin.end(Buffer.from(stdin));
  });
}

function violation(what: string, run: CliRun): never {
  throw new InvariantViolation(`${what} (sigdoctor ${run.args.join(' ')}; exit ${run.code}${run.signal ? `, signal ${run.signal}` : ''}; stderr ${JSON.stringify(run.stderr.slice(0, 400))}; stdout ${JSON.stringify(run.stdout.slice(0, 200))})`);
}

export function checkCliRun(c: CliCase, run: CliRun): void {
  if (run.signal !== null || run.code === null) violation('the process was killed or timed out', run);
  if (run.code !== 0 && run.code !== 1 && run.code !== 2) violation(`exit code ${run.code} is not 0, 1 or 2`, run);
  if (/\n\s+at /.test(run.stderr) || run.stderr.includes('internal error')) violation('a stack trace or internal error on stderr', run);
  if (run.stdout.includes(CANARY_SECRET) || run.stderr.includes(CANARY_SECRET)) violation('the secret was printed', run);
  if (run.code === 2) {
    if (!/^sigdoctor: [^\n]+\n$/.test(run.stderr)) violation('exit 2 without exactly one "sigdoctor: …" line on stderr', run);
    if (run.stdout !== '') violation('exit 2 with output on stdout', run);
    return;
  }
  if (run.stderr !== '') violation('exit 0/1 with text on stderr', run);
  const json = c.format.includes('--json') || (c.format[0] === '--format' && c.format[1] === 'json');
  if (json && run.stdout !== '') {
    try {
      // ec and sign print their own documents; the others print the report.
      if (c.command === 'ec' || c.command === 'sign') JSON.parse(run.stdout);
      else checkJsonReport(run.stdout, null);
    } catch (e) {
      violation(`JSON output: ${e instanceof Error ? e.message : String(e)}`, run);
    }
  }
}

/** An async property over CLI cases; inputs are written to a private temp dir. */
export function cliProperty(dir: string): fc.IAsyncProperty<[CliCase]> {
  return fc.asyncProperty(cliCase, async (c) => {
    checkCliRun(c, await runCliCase(c, dir));
  });
}

export function withTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-cli-fuzz-'));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}
