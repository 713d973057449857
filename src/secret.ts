/**
 * Where the AccessKey secret may come from: the OSS_ACCESS_KEY_SECRET
 * environment variable or a file (--secret-file). Never argv (CONTRACT.md).
 * The value is never printed, logged, or put in an error message.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './model/input-error.js';
import { describeSurroundingWhitespace } from './diagnose/secret-whitespace.js';

/**
 * The forms in which a secret could surface in text: as is, trimmed, JSON-escaped,
 * URL-encoded, base64 and hex. The CLI scrubs every one from its output (belt and
 * braces: nothing prints the secret). Forms shorter than 6 characters are left
 * out: they would match ordinary text.
 */
export function secretForms(secret: string | undefined): string[] {
  if (!secret) return [];
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, secret.trim(), JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), encodeURIComponent(secret.trim()), bytes.toString('base64'), bytes.toString('hex')];
  return [...new Set(forms)].filter((f) => f.length >= 6);
}

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

/** Which option a file came from, for messages: the secret, or sign's STS token (longer: up to a few KB). */
export interface SecretFileKind {
  flag: string;
  what: string;
  noun: string;
  maxBytes: number;
}
const SECRET_FILE: SecretFileKind = { flag: '--secret-file', what: 'an AccessKey secret', noun: 'secret', maxBytes: 4096 };
export const TOKEN_FILE: SecretFileKind = { flag: '--security-token-file', what: 'a security token', noun: 'token', maxBytes: 65536 };

export function loadSecret(secretFile: string | undefined, env: NodeJS.ProcessEnv, kind: SecretFileKind = SECRET_FILE): LoadedSecret | undefined {
  const flag = kind.flag;
  if (secretFile !== undefined) {
    let raw: Buffer;
    try {
      const st = statSync(secretFile);
      if (!st.isFile()) throw new InputError(`${flag} ${secretFile}: not a regular file`);
      if (st.size > kind.maxBytes) {
        throw new InputError(`${flag} ${secretFile}: ${st.size} bytes, over the ${kind.maxBytes}-byte limit for ${kind.what} (fixed)`, `put only the ${kind.noun} in the file, on one line`);
      }
      raw = readFileSync(secretFile);
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`${flag} ${secretFile}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const warnings: string[] = [];
    let text: string;
    if (raw[0] === 0xff && raw[1] === 0xfe) {
      // Windows PowerShell 5's Out-File and `>` write UTF-16LE with a byte-order mark.
      text = raw.subarray(2).toString('utf16le');
      warnings.push(`${flag} ${secretFile}: the file is UTF-16 (as Windows PowerShell's Out-File writes it); read as such`);
    } else {
      if (raw.includes(0)) throw new InputError(`${flag} ${secretFile}: the file holds NUL bytes, not a text ${kind.noun}`, `write the ${kind.noun} as plain UTF-8 text`);
      text = raw.toString('utf8');
    }
    const secret = stripOneNewline(text);
    if (secret === '') throw new InputError(`${flag} ${secretFile}: the file is empty`);
    if (secret.trim() === '') throw new InputError(`${flag} ${secretFile}: the file holds only white space`);
    const ws = describeSurroundingWhitespace(secret);
    if (ws) warnings.push(`${flag} ${secretFile}: the ${kind.noun} has ${ws} (only one final line ending is stripped); ${kind.what} has no white space, but sigdoctor uses the value as given`);
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
  if (fromEnv !== undefined && fromEnv !== '') {
    const ws = describeSurroundingWhitespace(fromEnv);
    const warnings = ws ? [`OSS_ACCESS_KEY_SECRET has ${ws}; an AccessKey secret has no white space, but sigdoctor uses the value as given`] : [];
    return { secret: fromEnv, source: 'environment', warnings };
  }
  return undefined;
}
