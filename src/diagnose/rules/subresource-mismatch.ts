/**
 * Same bucket and key, different sub-resources (SIGNING.md §2.4–2.5). The
 * server's list is the truth (§12.1): name what OSS signed that sigdoctor's
 * union list did not, and the reverse.
 */
import type { Finding, Rule, RuleContext } from '../rule.js';
import { At, changedLine } from '../rule.js';
import { resourcePair } from '../resource-facts.js';

/** V4: the canonical query line, read back into encoded name → value pairs. */
function v4Query(ctx: RuleContext): Finding[] {
  const changed = changedLine(ctx, 'query');
  if (!changed) return [];
  ctx.claim(changed.line);
  const read = (q: string): Map<string, string | null> => new Map(q === '' ? [] : q.split('&').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p, null] as const : [p.slice(0, eq), p.slice(eq + 1)] as const;
  }));
  const c = read(changed.sent);
  const s = read(changed.oss);
  const onlyOss = [...s.keys()].filter((k) => !c.has(k));
  const onlyYours = [...c.keys()].filter((k) => !s.has(k));
  const diff = [...c.keys()].filter((k) => s.has(k) && s.get(k) !== c.get(k));
  const parts: string[] = [];
  if (onlyOss.length) parts.push(`OSS signed ${onlyOss.map((k) => JSON.stringify(k)).join(', ')} which your request lacks`);
  if (onlyYours.length) parts.push(`your request has ${onlyYours.map((k) => JSON.stringify(k)).join(', ')} which OSS did not sign`);
  for (const k of diff) {
    const cv = c.get(k) ?? '';
    const sv = s.get(k) ?? '';
    const plus = cv.includes('%2B') && sv === cv.split('%2B').join('%20') ? ' (OSS read a bare "+" as a space: send it as %2B)' : '';
    const eq = c.get(k) === null || s.get(k) === null ? ' (written as "name" on one side and "name=" on the other)' : '';
    parts.push(`${JSON.stringify(k)} is ${JSON.stringify(cv)} in yours but ${JSON.stringify(sv)} in OSS's${plus}${eq}`);
  }
  return [{
    id: 'subresource-mismatch',
    basis: 'observed',
    evidence: `${At(changed.line)}: ${parts.join('; ') || `yours ${JSON.stringify(changed.sent)}, OSS's ${JSON.stringify(changed.oss)}`}.`,
    data: { onlyOss, onlyYours, changed: diff },
  }];
}

export const subresourceMismatch: Rule = {
  id: 'subresource-mismatch',
  check(ctx) {
    if (ctx.a.v4) return v4Query(ctx);
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
      evidence: `${At(pair.line)}: ${parts.join('; ')}.`,
      data: { onlyOss, onlyYours, changed },
    }];
  },
};
