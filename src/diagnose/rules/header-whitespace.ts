/**
 * A signed header value that differs only in white space: surrounding spaces
 * (SDKs trim: go-v2 TrimSpace, java-v1 trim(), ali-oss .trim()) or inner runs
 * (the 2014 API doc said to collapse them; current SDKs do not — SIGNING.md §12.3).
 */
import { decodeUtf8 } from '../../compare/bytes.js';
import type { Rule } from '../rule.js';
import { shownValue, where } from '../rule.js';

const squash = (s: string): string => s.trim().split(/[ \t]+/).join(' ');

export const headerWhitespace: Rule = {
  id: 'header-whitespace',
  check(ctx) {
    const out = [];
    for (const line of ctx.unclaimed('header')) {
      if (!line.client || !line.server) continue;
      const c = decodeUtf8(line.client.value);
      const s = decodeUtf8(line.server.value);
      if (c === s || squash(c) !== squash(s)) continue;
      ctx.claim(line);
      const inner = c.trim() !== s.trim();
      out.push({
        id: 'header-whitespace' as const,
        basis: 'observed' as const,
        evidence: `${where(line)}: your request's value is ${shownValue(line.client)}, OSS signed ${shownValue(line.server)} — they differ only in ${inner ? 'runs of inner white space' : 'surrounding white space'}.`,
        data: { header: line.headerName, sent: c, signedByOss: s },
      });
    }
    return out;
  },
};
