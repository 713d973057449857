/**
 * Any other difference in the x-oss-* header lines: a header added, removed
 * or changed between the client and OSS, which signs every x-oss-* header it
 * receives (seed 002; DOC-EC/0002-00000040). Runs after the more specific
 * header rules, which claim their lines first.
 */
import type { Rule } from '../rule.js';
import { shownValue } from '../rule.js';

export const proxyModifiedHeaders: Rule = {
  id: 'proxy-modified-headers',
  check(ctx) {
    const lines = ctx.unclaimed('header');
    if (lines.length === 0) return [];
    const ossText = ctx.a.v4 ? 'OSS\'s canonical request' : 'OSS\'s string';
    const yoursText = ctx.a.v4 ? 'your canonical request' : 'yours';
    const added: string[] = [];
    const removed: string[] = [];
    const changed: string[] = [];
    for (const l of lines) {
      ctx.claim(l);
      if (l.client === null) added.push(`${l.headerName}: ${shownValue(l.server)} (line ${l.server!.lineNumber} of ${ossText})`);
      else if (l.server === null) removed.push(`${l.headerName} (line ${l.client.lineNumber} of ${yoursText})`);
      else changed.push(`${l.headerName}: you sent ${shownValue(l.client)}, OSS signed ${shownValue(l.server)}`);
    }
    const parts: string[] = [];
    if (added.length) parts.push(`added in transit: ${added.join('; ')}`);
    if (removed.length) parts.push(`removed in transit: ${removed.join('; ')}`);
    if (changed.length) parts.push(`changed in transit: ${changed.join('; ')}`);
    return [{
      id: 'proxy-modified-headers',
      basis: 'observed',
      evidence: `OSS's x-oss-* headers differ from your request's — ${parts.join('. ')}.`,
      data: {
        added: lines.filter((l) => l.client === null).map((l) => l.headerName),
        removed: lines.filter((l) => l.server === null).map((l) => l.headerName),
        changed: lines.filter((l) => l.client !== null && l.server !== null).map((l) => l.headerName),
      },
    }];
  },
};
