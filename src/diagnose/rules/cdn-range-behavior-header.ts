/**
 * OSS signed an `x-oss-range-behavior` header the client did not send:
 * Alibaba Cloud CDN adds `x-oss-range-behavior: standard` to back-to-origin
 * requests, and OSS signs every x-oss-* header it receives (seed 002).
 */
import { decodeUtf8 } from '../../compare/bytes.js';
import type { Rule } from '../rule.js';
import { shownValue, where } from '../rule.js';

export const cdnRangeBehaviorHeader: Rule = {
  id: 'cdn-range-behavior-header',
  check(ctx) {
    const line = ctx.unclaimed('header').find((l) => l.headerName === 'x-oss-range-behavior' && l.server !== null);
    if (!line) return [];
    ctx.claim(line);
    const added = line.client === null;
    const oss = decodeUtf8(line.server!.value);
    const sent = line.client ? decodeUtf8(line.client.value) : null;
    return [{
      id: 'cdn-range-behavior-header',
      basis: 'observed',
      evidence: added
        ? `${where(line)}: OSS signed x-oss-range-behavior with value ${shownValue(line.server)}, which your request does not carry — a CDN added it on the way back to the origin.`
        : `${where(line)}: your request has x-oss-range-behavior ${shownValue(line.client)}, OSS signed ${shownValue(line.server)} — a CDN changed it.`,
      fix: `Add the header \`x-oss-range-behavior: ${oss}\` to the request before signing it.`,
      data: { header: 'x-oss-range-behavior', sent, signedByOss: oss },
    }];
  },
};
