/**
 * Spawn the built bundle without blocking, so a table of runs uses every core:
 * the secrets and masking tests run dozens of commands and must stay fast.
 * Same environment rules as run-cli.ts (nothing inherited that changes the
 * output; NO_COLOR=1 unless the run asks for colour).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './run-cli.js';
import { BIN, REPO } from './run-cli.js';

const BUNDLE = fileURLToPath(new URL('../../dist/sigdoctor.js', import.meta.url));

export interface CliRun {
  args: string[];
  /** Added to (or, with undefined, removed from) the clean environment. */
  env?: Record<string, string | undefined>;
  /** Bytes on standard input (default: none, stdin closed). */
  input?: string | Buffer;
}

export function runCliAsync(run: CliRun): Promise<CliResult> {
  if (!existsSync(BUNDLE)) throw new Error('dist/sigdoctor.js is missing: run `npm run build` (npm test does it first)');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SIGDOCTOR_') && k !== 'OSS_ACCESS_KEY_SECRET' && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  env['NO_COLOR'] = '1';
  for (const [k, v] of Object.entries(run.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...run.args], { cwd: REPO, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(run.input ?? '');
  });
}

/** Run every command, a few at a time, results in the order given. */
export async function runAll(runs: readonly CliRun[], concurrency = Math.max(2, availableParallelism())): Promise<CliResult[]> {
  const results: CliResult[] = new Array(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      results[i] = await runCliAsync(runs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, worker));
  return results;
}
