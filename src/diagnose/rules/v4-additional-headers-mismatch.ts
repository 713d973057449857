/**
 * V4: a header named in AdditionalHeaders is missing from the request, or its
 * value changed in transit (a proxy rewriting Host is the classic), or OSS's
 * AdditionalHeaders line differs (SIGNING.md §4.1, §4.3; EC 0002-00000211).
 * Runs before proxy-modified-headers, so the header's role is named.
 */
import type { Finding, Rule } from '../rule.js';
import { At, problemText, shownValue, where } from '../rule.js';

export const v4AdditionalHeadersMismatch: Rule = {
  id: 'v4-additional-headers-mismatch',
  check(ctx) {
    const v4 = ctx.a.v4;
    if (!v4) return [];
    const listed = new Set(v4.computation?.additional ?? []);
    const out: Finding[] = [];
    for (const line of ctx.unclaimed('header')) {
      if (!line.headerName || !listed.has(line.headerName) || line.headerName.startsWith('x-oss-')) continue;
      ctx.claim(line);
      out.push({
        id: 'v4-additional-headers-mismatch',
        basis: 'observed',
        evidence: `${At(line)}: ${line.headerName} is listed in AdditionalHeaders; your request has ${shownValue(line.client)}, OSS signed ${shownValue(line.server)} — it changed between your client and OSS.`,
        fix: line.headerName === 'host'
          ? 'Do not list host when a proxy or CDN forwards the request under another name, or sign the Host OSS receives.'
          : 'List in AdditionalHeaders only headers that reach OSS unchanged.',
        data: { header: line.headerName },
      });
    }
    for (const line of ctx.unclaimed('additional-headers')) {
      ctx.claim(line);
      out.push({
        id: 'v4-additional-headers-mismatch',
        basis: 'observed',
        evidence: `${where(line)}: yours ${shownValue(line.client)}, OSS's ${shownValue(line.server)}.`,
        data: {},
      });
    }
    const missing = v4.facts.problems.filter((p) => p.cause === 'v4-additional-headers-mismatch');
    if (missing.length > 0 && out.length === 0) {
      out.push({
        id: 'v4-additional-headers-mismatch',
        basis: 'observed',
        evidence: missing.map((p) => problemText(p)).join('; ') + '.',
        data: { headers: missing.map((p) => p.offending) },
      });
    }
    // OSS says a listed header did not arrive (DOC-EC/0002-00000211), yet the captured request
    // carries every one of them: something between the client and OSS dropped it.
    if (out.length === 0 && ctx.a.error?.ec === '0002-00000211' && listed.size > 0) {
      const names = [...listed];
      out.push({
        id: 'v4-additional-headers-mismatch',
        basis: 'observed',
        evidence: `OSS answered EC 0002-00000211: a header listed in AdditionalHeaders did not reach it. Your request lists ${names.map((n) => JSON.stringify(n)).join(', ')} and carries ${names.length === 1 ? 'it' : 'them all'}, so a proxy, gateway or CDN dropped one on the way.`,
        fix: 'List in AdditionalHeaders only headers that reach OSS unchanged (not hop-by-hop headers a proxy may drop), or stop the intermediary from removing it.',
        data: { headers: names, droppedInTransit: true },
      });
    }
    return out;
  },
};
