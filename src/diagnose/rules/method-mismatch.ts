/**
 * The verb line differs (other than HEAD→GET, which cdn-head-to-get claims
 * first): something changed the method between the client and OSS.
 */
import type { Rule } from '../rule.js';
import { At, changedLine } from '../rule.js';

export const methodMismatch: Rule = {
  id: 'method-mismatch',
  check(ctx) {
    const changed = changedLine(ctx, 'verb');
    if (!changed) return [];
    const { line, sent, oss } = changed;
    ctx.claim(line);
    return [{
      id: 'method-mismatch',
      basis: 'observed',
      evidence: `${At(line)}: your request is ${sent}, OSS signed ${oss}.`,
      data: { sent, signedByOss: oss },
    }];
  },
};
