/**
 * Where the AccessKey secret may come from: the OSS_ACCESS_KEY_SECRET
 * environment variable or a file (--secret-file). Never argv (CONTRACT.md).
 * The value is never printed, logged, or put in an error message.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './model/input-error.js';

export interface LoadedSecret {
  secret: string;
  source: 'environment' | 'file';
  warnings: string[];
}

/** Strip exactly one trailing newline (`echo secret > file` adds one), never more. */
export function stripOneNewline(s: string): string {
  if (s.endsWith('\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n')) return s.slice(0, -1);
  return s;
}

/** An AccessKey secret is 30 characters, an STS token a few hundred to about two thousand. */
export const MAX_SECRET_FILE_BYTES = 4096;

/** `flag` names the option in messages (`--security-token-file` reads its file the same way). */
export function loadSecret(secretFile: string | undefined, env: NodeJS.ProcessEnv, flag = '--secret-file'): LoadedSecret | undefined {
  if (secretFile !== undefined) {
    let raw: Buffer;
    try {
      const st = statSync(secretFile);
      if (!st.isFile()) throw new InputError(`${flag} ${secretFile}: not a regular file`);
      if (st.size > MAX_SECRET_FILE_BYTES) {
        throw new InputError(`${flag} ${secretFile}: ${st.size} bytes, over the ${MAX_SECRET_FILE_BYTES}-byte limit for a secret or token file (fixed)`, 'put only the secret (or the token) in the file, on one line');
      }
      raw = readFileSync(secretFile);
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`${flag} ${secretFile}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const secret = stripOneNewline(raw.toString('utf8'));
    if (secret === '') throw new InputError(`${flag} ${secretFile}: the file is empty`);
    const warnings: string[] = [];
    try {
      if (process.platform !== 'win32' && (statSync(secretFile).mode & 0o077) !== 0) {
        warnings.push(`${flag} ${secretFile} is readable by other users; chmod 600 it`);
      }
    } catch {
      /* already read; the permission check is advisory */
    }
    return { secret, source: 'file', warnings };
  }
  const fromEnv = env['OSS_ACCESS_KEY_SECRET'];
  if (fromEnv !== undefined && fromEnv !== '') return { secret: fromEnv, source: 'environment', warnings: [] };
  return undefined;
}
