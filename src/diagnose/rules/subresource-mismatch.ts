/**
 * Same bucket and key, different sub-resources (SIGNING.md §2.4–2.5). The
 * server's list is the truth (§12.1): name what OSS signed that sigdoctor's
 * union list did not, and the reverse.
 */
import type { Rule } from '../rule.js';
import { resourcePair } from '../resource-facts.js';

export const subresourceMismatch: Rule = {
  id: 'subresource-mismatch',
  check(ctx) {
    const pair = resourcePair(ctx.a, ctx.unclaimed('resource')[0]);
    if (!pair || pair.client.path !== pair.server.path) return [];
    ctx.claim(pair.line);
    const byName = (subs: typeof pair.client.subresources): Map<string, string | null> => new Map(subs.map((s) => [s.name, s.value]));
    const c = byName(pair.client.subresources);
    const s = byName(pair.server.subresources);
    const onlyOss = [...s.keys()].filter((k) => !c.has(k));
    const onlyYours = [...c.keys()].filter((k) => !s.has(k));
    const changed = [...c.keys()].filter((k) => s.has(k) && s.get(k) !== c.get(k));
    const parts: string[] = [];
    if (onlyOss.length) parts.push(`OSS signed ${onlyOss.map((k) => JSON.stringify(k)).join(', ')} which your string lacks`);
    if (onlyYours.length) parts.push(`your string has ${onlyYours.map((k) => JSON.stringify(k)).join(', ')} which OSS did not sign`);
    for (const k of changed) {
      const cv = c.get(k) ?? '';
      const sv = s.get(k) ?? '';
      const plus = cv.includes('+') && sv === cv.split('+').join(' ') ? ' (OSS read a bare "+" in the query as a space: send it as %2B)' : '';
      parts.push(`${JSON.stringify(k)} is ${JSON.stringify(cv)} in yours but ${JSON.stringify(sv)} in OSS's${plus}`);
    }
    if (parts.length === 0) parts.push(`the sub-resources are ordered differently: yours ${JSON.stringify(pair.clientText)}, OSS's ${JSON.stringify(pair.serverText)} (they must be sorted by byte order)`);
    return [{
      id: 'subresource-mismatch',
      basis: 'observed',
      evidence: `Line ${pair.line.server!.lineNumber} (resource): ${parts.join('; ')}.`,
      data: { onlyOss, onlyYours, changed },
    }];
  },
};
