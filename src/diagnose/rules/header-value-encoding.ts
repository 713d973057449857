/**
 * A signed header value that is not ASCII and came out different at OSS:
 * HTTP stacks and proxies re-encode non-ASCII header bytes (Latin-1 vs UTF-8,
 * `?` replacement). CAUSES.md header-value-encoding.
 */
import type { AlignedLine } from '../../compare/lines.js';
import type { Rule } from '../rule.js';
import { shownValue, where } from '../rule.js';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
const nonAscii = (b: Uint8Array | undefined): boolean => b !== undefined && b.some((x) => x >= 0x80);

/** UTF-8 bytes that were read as Latin-1 and encoded to UTF-8 again. */
function isDoubleEncoded(original: Uint8Array, seen: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(Buffer.from(original).toString('latin1'), 'utf8'), Buffer.from(seen)) === 0;
}

function describe(line: AlignedLine): string {
  const c = line.client!.value;
  const s = line.server!.value;
  if (isDoubleEncoded(c, s)) return ' OSS received your UTF-8 bytes re-encoded as if they were Latin-1 (mojibake).';
  if (isDoubleEncoded(s, c)) return ' Your value looks double-encoded relative to what OSS received.';
  if (s.includes(0x3f) && !c.includes(0x3f)) return ' Non-ASCII characters arrived as "?".';
  return '';
}

export const headerValueEncoding: Rule = {
  id: 'header-value-encoding',
  check(ctx) {
    const out = [];
    for (const line of ctx.unclaimed('header')) {
      if (!line.client || !line.server) continue;
      if (!nonAscii(line.client.value) && !nonAscii(line.server.value)) continue;
      ctx.claim(line);
      out.push({
        id: 'header-value-encoding' as const,
        basis: 'observed' as const,
        evidence: `${where(line)}: your request's value is ${shownValue(line.client)} (bytes ${hex(line.client.value)}), OSS signed ${shownValue(line.server)} (bytes ${hex(line.server.value)}).${describe(line)}`,
        data: { header: line.headerName },
      });
    }
    return out;
  },
};
