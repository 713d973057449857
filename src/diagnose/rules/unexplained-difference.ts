/**
 * What is left: differing lines no rule claimed, or an authentication error
 * for which no rule applies. Lists exactly what differs so nothing is hidden.
 */
import type { Rule } from '../rule.js';
import { shown, where } from '../rule.js';

export const unexplainedDifference: Rule = {
  id: 'unexplained-difference',
  check(ctx) {
    const lines = ctx.unclaimed();
    if (lines.length > 0) {
      for (const l of lines) ctx.claim(l);
      return [{
        id: 'unexplained-difference',
        basis: 'observed',
        evidence: `No known cause explains these differences: ${lines.map((l) => `${where(l)} yours ${shown(l.client)}, OSS's ${shown(l.server)}`).join('; ')}.`,
        data: { lines: lines.map((l) => l.label) },
      }];
    }
    const a = ctx.a;
    const onlyInfo = ctx.found.every((f) => f.id === 'server-string-redacted');
    const sigError = a.error?.code === 'SignatureDoesNotMatch' || a.error?.ec === '0002-00000040';
    if (a.isAuthError && onlyInfo && !sigError && a.error?.code !== undefined) {
      // The request's own Authorization header may already show what OSS objects to (DOC-EC 0002-00000061…65).
      const auth = a.req?.auth;
      const seen = auth?.kind === 'v1-header-malformed' ? ` The request's Authorization header is malformed: ${auth.problem} (OSS's EC for that is ${auth.ec}); the form is "OSS <AccessKeyId>:<Signature>".` : '';
      return [{
        id: 'unexplained-difference',
        basis: 'observed',
        evidence: `OSS answered ${a.error.code}${a.error.ec ? ` (EC ${a.error.ec})` : ''}${a.error.message ? `: "${a.error.message.replace(/\.$/, '')}"` : ''}.${seen} sigdoctor has no dedicated rule for this error yet; see the EC's documentation page.`,
        fix: a.error.ec ? `Read https://api.aliyun.com/troubleshoot?q=${a.error.ec} for this EC.` : 'Check the request against the error message.',
        data: { code: a.error.code, ec: a.error.ec ?? null },
      }];
    }
    return [];
  },
};
