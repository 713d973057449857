/** Small byte helpers shared by the diff and the reports. */

export function utf8(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** Split on LF (0x0A) into line byte slices. `a\nb` → [a, b]; `` → [``]. */
export function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  out.push(bytes.subarray(start));
  return out;
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode UTF-8 for JSON output (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Render bytes for a human: printable text as is, every other byte (control
 * characters, CR, TAB, DEL, invalid UTF-8) as `\xNN`, so invisible differences
 * become visible. Valid non-ASCII UTF-8 text is kept readable; with
 * `escapeNonAscii` it is shown as `\xNN` too (useful when the difference IS the encoding).
 */
export function displayBytes(bytes: Uint8Array, escapeNonAscii = false): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f) {
      out += b === 0x5c ? '\\\\' : String.fromCharCode(b);
      i++;
      continue;
    }
    if (b >= 0x80 && !escapeNonAscii) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
      if (len > 0 && i + len <= bytes.length) {
        const seq = bytes.subarray(i, i + len);
        if (isValidUtf8(seq)) {
          const text = decodeUtf8(seq);
          // Keep visible characters; escape invisible ones (NBSP, zero-width, BOM …).
          if (!/[\u0080-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/.test(text)) {
            out += text;
            i += len;
            continue;
          }
        }
      }
    }
    out += '\\x' + b.toString(16).toUpperCase().padStart(2, '0');
    i++;
  }
  return out;
}
