/**
 * Bytes a user gave us → text, or a one-line InputError. Handles UTF-8/UTF-16
 * BOMs (PowerShell writes UTF-16LE with BOM, INPUTS.md §7.8), refuses binary
 * junk and empty input, and strips ANSI colour codes (the `debug` package,
 * colour terminals) which never carry meaning here.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
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
  // Colour codes go first: input that is nothing but colour codes is empty.
  return checkInputText(stripInputAnsi(decodeInputBytes(bytes, name, limit)), name);
}

/*
 * decodeInput in three steps, for a caller that reads a large input and wants
 * it in memory once: decodeInputBytes right after reading (then drop the
 * bytes: nothing here keeps them), later stripInputAnsi and checkInputText.
 */

/** Bytes → text: the size limit, BOMs, UTF-16; no checks on the text yet. Views of the bytes, never copies. */
export function decodeInputBytes(bytes: Uint8Array, name: string, limit = maxInputBytes()): string {
  if (bytes.length > limit) {
    throw new InputError(
      `${name}: input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit`,
      'raise it with SIGDOCTOR_MAX_INPUT_MB=<megabytes>',
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapUtf16(bytes.subarray(2));
  if (looksLikeUtf16Le(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file read and decoded as decodeInputBytes would, without holding it as
 * bytes: a UTF-8 file (the usual case) goes from disk straight to text
 * (Node's readFileSync(path, 'utf8') decodes in native code, no Buffer), so a
 * large capture is in memory once. Its first bytes decide: a UTF-16 BOM or
 * UTF-16LE text takes the bytes route.
 */
export function readInputFile(path: string, name = path, limit = maxInputBytes()): string {
  const head = new Uint8Array(512);
  let size: number;
  let regular: boolean;
  let got = 0;
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    size = st.size;
    regular = st.isFile();
    if (regular) got = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const start = head.subarray(0, got);
  // Not a regular file (its size is unknown), too large (the same error), or UTF-16: the bytes route.
  if (!regular || size > limit || (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff) || looksLikeUtf16Le(start, size)) {
    return decodeInputBytes(readFileSync(path), name, limit);
  }
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How many leading bytes decide the encoding (looksLikeUtf16Le reads at most this many). */
const ENCODING_PREFIX = 512;

/**
 * A stream (standard input) read and decoded as decodeInputBytes would decode
 * all of its bytes, without holding them: once the first 512 bytes show UTF-8
 * (no UTF-16 BOM, not UTF-16LE-looking), each chunk is decoded as it arrives
 * and dropped, so `curl -v … 2>&1 | sigdoctor` holds a large capture as text
 * only. UTF-16 input keeps its bytes until the end (decodeInputBytes decides,
 * parity included). `limit`: the same limit, with its own message, checked as
 * bytes arrive so an endless pipe stops at the limit.
 */
export async function readInputStream(stream: AsyncIterable<Uint8Array | string>, name: string, limit = maxInputBytes()): Promise<string> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let total = 0;
  let decoder: TextDecoder | null = null;
  const parts: string[] = [];
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > limit) throw new InputError(`${name}: more than the ${limit / 1048576} MB input limit`, 'raise it with SIGDOCTOR_MAX_INPUT_MB=<megabytes>');
    if (decoder) {
      parts.push(decoder.decode(bytes, { stream: true }));
      continue;
    }
    held.push(bytes);
    heldBytes += bytes.length;
    if (heldBytes < ENCODING_PREFIX) continue;
    const head = held.length === 1 ? held[0]! : Buffer.concat(held);
    if (!startsAsUtf8(head)) continue; // UTF-16: keep every byte for decodeInputBytes
    // ignoreBOM: the BOM stays in the text and is removed below, exactly as decodeInputBytes does.
    decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    parts.push(decoder.decode(head, { stream: true }));
    held = [];
  }
  if (!decoder) return decodeInputBytes(held.length === 1 ? held[0]! : Buffer.concat(held), name, limit);
  parts.push(decoder.decode());
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** At least ENCODING_PREFIX bytes that decodeInputBytes would read as UTF-8 whatever follows them. */
function startsAsUtf8(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  // looksLikeUtf16Le reads the first 512 bytes and the parity of the whole length: with an even
  // length assumed, a "no" holds for any length.
  return !looksLikeUtf16Le(head.subarray(0, ENCODING_PREFIX), ENCODING_PREFIX);
}

/** Refuses empty and binary input; the same text otherwise. */
export function checkInputText(text: string, name: string): string {
  if (text.trim() === '') throw new InputError(`${name}: input is empty`, 'paste the failing request and OSS\'s error response, or pipe `curl -v … 2>&1` into sigdoctor');
  if (looksBinary(text)) throw new InputError(`${name}: input looks binary, not text (NUL or control bytes)`, 'give sigdoctor the text of a request, a curl -v log, a HAR file or an OSS error XML');
  return text;
}

/** Removes ANSI colour codes; the same string when there are none. */
export function stripInputAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text;
}

function swapUtf16(bytes: Uint8Array): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16().toString('utf16le');
}

/** UTF-16LE without BOM: every other byte is NUL in mostly-ASCII text. `length`: of the whole input, when `bytes` is its start. */
function looksLikeUtf16Le(bytes: Uint8Array, length = bytes.length): boolean {
  if (length < 4 || length % 2 !== 0) return false;
  const n = Math.min(length, 512);
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
