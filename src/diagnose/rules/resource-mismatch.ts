/**
 * Any other resource difference: another bucket, a path prefix a proxy added,
 * path-style vs virtual-hosted confusion (SIGNING.md §2.4, §10.13).
 */
import type { Rule } from '../rule.js';
import { At } from '../rule.js';
import { resourceLine, resourcePair } from '../resource-facts.js';

export const resourceMismatch: Rule = {
  id: 'resource-mismatch',
  check(ctx) {
    const pair = resourcePair(ctx.a, resourceLine(ctx.unclaimed));
    if (!pair) return [];
    ctx.claim(pair.line);
    const { client, server } = pair;
    const facts: string[] = [];
    if (client.bucket !== server.bucket) facts.push(`bucket ${JSON.stringify(client.bucket)} in yours, ${JSON.stringify(server.bucket)} in OSS's`);
    if (client.key !== server.key) {
      if (server.key.endsWith(client.key) && client.key !== '') facts.push(`OSS's key has an extra prefix ${JSON.stringify(server.key.slice(0, server.key.length - client.key.length))} (a proxy or gateway path prefix, or the bucket in the path of a virtual-hosted request)`);
      else if (client.key.endsWith(server.key) && server.key !== '') facts.push(`your key has an extra prefix ${JSON.stringify(client.key.slice(0, client.key.length - server.key.length))} that OSS did not see`);
      else facts.push(`key ${JSON.stringify(client.key)} in yours, ${JSON.stringify(server.key)} in OSS's`);
    }
    return [{
      id: 'resource-mismatch',
      basis: 'observed',
      evidence: `${At(pair.line)}: yours is ${JSON.stringify(pair.clientText)}, OSS's is ${JSON.stringify(pair.serverText)}${facts.length ? ' — ' + facts.join('; ') : ''}.`,
      data: { sent: pair.clientText, signedByOss: pair.serverText },
    }];
  },
};
