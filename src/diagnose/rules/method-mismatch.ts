/**
 * The verb line differs (other than HEAD→GET, which cdn-head-to-get claims
 * first): something changed the method between the client and OSS.
 */
import { decodeUtf8 } from '../../compare/bytes.js';
import type { Rule } from '../rule.js';

export const methodMismatch: Rule = {
  id: 'method-mismatch',
  check(ctx) {
    const line = ctx.unclaimed('verb')[0];
    if (!line?.client || !line.server) return [];
    ctx.claim(line);
    const sent = decodeUtf8(line.client.bytes);
    const oss = decodeUtf8(line.server.bytes);
    return [{
      id: 'method-mismatch',
      basis: 'observed',
      evidence: `Line 1 (verb): your request is ${sent}, OSS signed ${oss}.`,
      data: { sent, signedByOss: oss },
    }];
  },
};
