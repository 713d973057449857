/**
 * The bundle is split for start-up time (src/main.ts, src/cli-lazy.ts): a
 * lone --version is answered by the entry (dist/sigdoctor.js), --help by the
 * CLI (dist/cli.js), and only a command loads the analysis chunk. These tests pin what each path loads and
 * that the short cuts print exactly what the full paths print.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { runCli as runCliInProcess } from '../src/cli.js';
import { BIN, REPO, runCli } from './support/run-cli.js';

const DIST = join(REPO, 'dist');

/** Files a module at `file` imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(file: string): string[] {
  const src = readFileSync(join(DIST, file), 'utf8');
  const out = new Set<string>();
  for (const m of src.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+)["']/g)) out.add(m[1]!.slice(2));
  return [...out];
}

function dynamicImports(file: string): string[] {
  const src = readFileSync(join(DIST, file), 'utf8');
  return [...src.matchAll(/\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g)].map((m) => m[1]!.slice(2));
}

/** Every file evaluated when `file` is imported (its static import closure). */
function closure(file: string): string[] {
  const seen = new Set<string>([file]);
  const todo = [file];
  while (todo.length > 0) {
    for (const dep of staticImports(todo.pop()!)) {
      if (!seen.has(dep)) {
        seen.add(dep);
        todo.push(dep);
      }
    }
  }
  return [...seen].sort();
}

function text(files: string[]): string {
  return files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
}

async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCliInProcess({
    argv,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    stdin: Object.assign(Readable.from([]), { isTTY: true }),
  });
  return { code, stdout, stderr };
}

describe('start-up paths of the split bundle', () => {
  it('the entry answers a lone --version / -V with what commander prints for it', async () => {
    const viaCommander = await inProcess(['--version']);
    expect(viaCommander).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: viaCommander.stdout, stderr: '' });
    expect(runCli(['-V'])).toEqual({ code: 0, stdout: viaCommander.stdout, stderr: '' });
    // Not alone: commander handles it, same answer.
    expect(runCli(['--version', '--debug'])).toEqual({ code: 0, stdout: viaCommander.stdout, stderr: '' });
  });

  it('--version evaluates one small file, without commander or analysis code', () => {
    const files = closure('sigdoctor.js');
    expect(files).toEqual(['sigdoctor.js']);
    const code = text(files);
    expect(code.length).toBeLessThan(5000);
    expect(code).not.toContain('commander.unknownOption');
    expect(code).not.toContain('0002-00000061');
  });

  it('the CLI chunk (--help, usage errors) holds commander but loads the analysis code only on demand', () => {
    const [cliChunk, ...rest] = dynamicImports('sigdoctor.js');
    expect([cliChunk, ...rest]).toEqual(['cli.js']);
    const eager = closure(cliChunk!);
    const eagerText = text(eager);
    expect(eagerText).toContain('Usage:');
    expect(eagerText).toContain('--input-format');
    // Analysis: parsers, diagnosis, the EC catalogue, example texts, the XML parser.
    expect(eagerText).toContain('commander.unknownOption');
    for (const marker of ['the error XML is truncated', '0002-00000061', 'a WeChat mini program', 'aliyun_v4_request']) {
      expect(eagerText).not.toContain(marker);
    }
    const lazy = eager.flatMap((f) => dynamicImports(f));
    expect(lazy).toEqual(['cli-lazy.js']);
    expect(text(closure(lazy[0]!))).toContain('0002-00000061');
  });

  /** The dist/ files a run really loads, recorded by a module loader hook. */
  function loadedFiles(args: string[]): { files: string[]; code: number | null } {
    const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-loads-'));
    try {
      const log = join(dir, 'loaded.txt');
      writeFileSync(log, '');
      writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { if (url.includes('/dist/')) appendFileSync(log, url.slice(url.lastIndexOf('/') + 1) + '\\n'); return next(url, context); }
`);
      writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: ${JSON.stringify(log)} } });
`);
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
      const files = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').map((f) => (f.startsWith('chunk-') ? 'chunk' : f));
      return { files: [...new Set(files)].sort(), code: r.status };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('what each path loads, as it runs', () => {
    expect(loadedFiles(['--version'])).toEqual({ files: ['sigdoctor.js'], code: 0 });
    expect(loadedFiles(['--help'])).toEqual({ files: ['chunk', 'cli.js', 'sigdoctor.js'], code: 0 });
    expect(loadedFiles(['--no-such-option'])).toEqual({ files: ['chunk', 'cli.js', 'sigdoctor.js'], code: 2 });
    expect(loadedFiles(['fixtures/samples/curl-v-8.5.0-get-403.txt'])).toEqual({ files: ['chunk', 'cli-lazy.js', 'cli.js', 'sigdoctor.js'], code: 1 });
    expect(loadedFiles(['ec', '0002-00000040'])).toEqual({ files: ['chunk', 'cli-lazy.js', 'cli.js', 'sigdoctor.js'], code: 0 });
  });

  it('--help through the split bundle is the in-process help, byte for byte', async () => {
    const expected = await inProcess(['--help']);
    expect(expected.code).toBe(0);
    expect(expected.stdout).toContain('Usage: sigdoctor');
    expect(runCli(['--help'])).toEqual({ code: 0, stdout: expected.stdout, stderr: '' });
  });

  it('dist/ runs on its own: no node_modules next to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-dist-'));
    try {
      cpSync(join(REPO, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(DIST, join(dir, 'dist'), { recursive: true });
      cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
      cpSync(join(REPO, 'fixtures', 'samples', 'curl-v-8.5.0-get-403.txt'), join(dir, 'capture.txt'));
      expect(readdirSync(dir).sort()).toEqual(['bin', 'capture.txt', 'dist', 'package.json']);
      const inRepo = runCli(['--json', 'fixtures/samples/curl-v-8.5.0-get-403.txt']);
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'sigdoctor.js'), '--json', 'capture.txt'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
      const alone = { code: r.status, stdout: r.stdout };
      expect(inRepo.code).toBe(1);
      expect(alone.code).toBe(1);
      // The same report, but for the input's name.
      expect(alone.stdout).toBe(inRepo.stdout.split('fixtures/samples/curl-v-8.5.0-get-403.txt').join('capture.txt'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
