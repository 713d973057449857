/** Spawn the built bundle the way users run it (bin/sigdoctor.js), capturing everything. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/sigdoctor.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/sigdoctor.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string } = {}): CliResult {
  if (!existsSync(BUNDLE)) throw new Error('dist/sigdoctor.js is missing: run `npm run build` (npm test does it first)');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SIGDOCTOR_') && k !== 'OSS_ACCESS_KEY_SECRET' && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  env['NO_COLOR'] = '1';
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO, env, input: opts.input ?? '', encoding: 'utf8', timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
