/**
 * The object key differs only in encoding between the two resources
 * (percent-encoded vs raw, `+` vs space, doubled or trailing slashes).
 * V1 signs the raw decoded key (SIGNING.md §2.4, §10.6–10.7).
 */
import type { Finding, Rule } from '../rule.js';
import { At } from '../rule.js';
import { normalizeKey, resourceLine, resourcePair } from '../resource-facts.js';

export const keyEncodingMismatch: Rule = {
  id: 'key-encoding-mismatch',
  check(ctx) {
    const pair = resourcePair(ctx.a, resourceLine(ctx.unclaimed));
    if (!pair || pair.client.bucket !== pair.server.bucket || pair.client.key === pair.server.key) return [];
    if (normalizeKey(pair.client.key) !== normalizeKey(pair.server.key)) return [];
    ctx.claim(pair.line);
    const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();
    const { client, server } = pair;
    let how = '';
    let fix: string | undefined;
    if (server.key.includes(' ') && client.key.includes('+')) {
      how = ' OSS read "+" as a space: the path carried a bare "+" that something decoded as form data.';
      fix = 'Send "+" in the path as %2B (an encoder such as encodeURIComponent does it; hand-built URLs often do not).';
    } else if (/%[0-9A-Fa-f]{2}/.test(server.key) && !/%[0-9A-Fa-f]{2}/.test(client.key)) {
      how = ' OSS kept percent-escapes in the key: the path was encoded a second time between your client and OSS.';
      fix = 'Find what re-encodes the path on the way (a proxy, gateway or HTTP library that escapes "%" again) and send the path encoded once.';
    } else if (/%[0-9A-Fa-f]{2}/.test(client.key)) {
      how = ' Your key has percent-escapes that OSS decoded.';
    }
    const finding: Finding = {
      id: 'key-encoding-mismatch',
      basis: 'observed',
      evidence: `${At(pair.line)}: the object key differs only in encoding — yours ${JSON.stringify(client.key)} (bytes ${hex(client.key)}), OSS's ${JSON.stringify(server.key)} (bytes ${hex(server.key)}).${how}`,
      data: { sentKey: client.key, ossKey: server.key },
    };
    if (fix) finding.fix = fix;
    return [finding];
  },
};
