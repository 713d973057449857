/**
 * The object key differs only in encoding between the two resources
 * (percent-encoded vs raw, `+` vs space, doubled or trailing slashes).
 * V1 signs the raw decoded key (SIGNING.md §2.4, §10.6–10.7).
 */
import type { Rule } from '../rule.js';
import { normalizeKey, resourcePair } from '../resource-facts.js';

export const keyEncodingMismatch: Rule = {
  id: 'key-encoding-mismatch',
  check(ctx) {
    const pair = resourcePair(ctx.a, ctx.unclaimed('resource')[0]);
    if (!pair || pair.client.bucket !== pair.server.bucket || pair.client.key === pair.server.key) return [];
    if (normalizeKey(pair.client.key) !== normalizeKey(pair.server.key)) return [];
    ctx.claim(pair.line);
    const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();
    const { client, server } = pair;
    let how = '';
    if (server.key.includes(' ') && client.key.includes('+')) how = ' OSS read "+" as a space: the path carried a bare "+" that something decoded as form data; send "+" as %2B.';
    else if (/%[0-9A-Fa-f]{2}/.test(server.key)) how = ' OSS kept percent-escapes in the key: the path was encoded twice on the way.';
    else if (/%[0-9A-Fa-f]{2}/.test(client.key)) how = ' Your key has percent-escapes that OSS decoded.';
    return [{
      id: 'key-encoding-mismatch',
      basis: 'observed',
      evidence: `Line ${pair.line.server!.lineNumber} (resource): the object key differs only in encoding — yours ${JSON.stringify(client.key)} (bytes ${hex(client.key)}), OSS's ${JSON.stringify(server.key)} (bytes ${hex(server.key)}).${how}`,
      data: { sentKey: client.key, ossKey: server.key },
    }];
  },
};
