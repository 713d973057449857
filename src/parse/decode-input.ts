/**
 * Bytes a user gave us → text, or a one-line InputError. Handles UTF-8/UTF-16
 * BOMs (PowerShell writes UTF-16LE with BOM, INPUTS.md §7.8), refuses binary
 * junk and empty input, and strips ANSI colour codes (the `debug` package,
 * colour terminals) which never carry meaning here.
 */
import { InputError } from '../model/input-error.js';

/** Default cap on one input. Raise with SIGDOCTOR_MAX_INPUT_MB. */
export const DEFAULT_MAX_INPUT_MB = 64;
/** The most SIGDOCTOR_MAX_INPUT_MB may say: a JavaScript string holds at most 2^29 - 24 characters (V8). */
export const MAX_INPUT_MB_CEILING = 500;

/** SIGDOCTOR_MAX_INPUT_MB in bytes. A value that is not 1…500 is an error, not silently the default. */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SIGDOCTOR_MAX_INPUT_MB'];
  if (raw === undefined || raw === '') return DEFAULT_MAX_INPUT_MB * 1024 * 1024;
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new InputError(`SIGDOCTOR_MAX_INPUT_MB=${shown}: not a whole number of megabytes from 1 to ${MAX_INPUT_MB_CEILING}`, `unset it for the default of ${DEFAULT_MAX_INPUT_MB} MB`);
  }
  if (Number(raw) > MAX_INPUT_MB_CEILING) {
    throw new InputError(`SIGDOCTOR_MAX_INPUT_MB=${shown}: over ${MAX_INPUT_MB_CEILING}, the most text sigdoctor can hold in memory`, `use ${MAX_INPUT_MB_CEILING} or less`);
  }
  return Number(raw) * 1024 * 1024;
}

// ESC [ params letter — bounded, no nested quantifiers.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]{0,32}[A-Za-z]/g;

export function decodeInput(bytes: Uint8Array, name: string, limit = maxInputBytes()): string {
  if (bytes.length > limit) {
    throw new InputError(
      `${name}: input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit`,
      'raise it with SIGDOCTOR_MAX_INPUT_MB=<megabytes>',
    );
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = Buffer.from(bytes.subarray(2)).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = swapUtf16(bytes.subarray(2));
  else if (looksLikeUtf16Le(bytes)) text = Buffer.from(bytes).toString('utf16le');
  else {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  // Colour codes go first: input that is nothing but colour codes is empty.
  if (text.includes('\x1b')) text = text.replace(ANSI, '');
  if (text.trim() === '') throw new InputError(`${name}: input is empty`, 'paste the failing request and OSS\'s error response, or pipe `curl -v … 2>&1` into sigdoctor');
  if (looksBinary(text)) throw new InputError(`${name}: input looks binary, not text (NUL or control bytes)`, 'give sigdoctor the text of a request, a curl -v log, a HAR file or an OSS error XML');
  return text;
}

function swapUtf16(bytes: Uint8Array): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16().toString('utf16le');
}

/** UTF-16LE without BOM: every other byte is NUL in mostly-ASCII text. */
function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  const n = Math.min(bytes.length, 512);
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > (n / 2) * 0.9 && bytes[0] !== 0;
}

/** NULs or a high share of C0 control characters (other than TAB/CR/LF/ESC/FF). */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 27 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad > Math.max(8, n * 0.02);
}
