/**
 * What is left: differing lines no rule claimed, or an authentication error
 * for which no rule applies. Lists exactly what differs so nothing is hidden.
 */
import { isSignatureMismatch } from '../analyze.js';
import type { Rule } from '../rule.js';
import { isDecisive, shown, where } from '../rule.js';

export const unexplainedDifference: Rule = {
  id: 'unexplained-difference',
  check(ctx) {
    const hash = ctx.unclaimed('hash')[0];
    const search = ctx.a.v4?.search;
    if (hash && search) {
      ctx.claim(hash);
      const rest = ctx.unclaimed();
      for (const l of rest) ctx.claim(l);
      return [{
        id: 'unexplained-difference',
        basis: 'observed',
        evidence: `${where(hash)}: OSS's canonical request hashes to ${shown(hash.server)}, yours to ${shown(hash.client)}, so OSS canonicalized something differently. None of ${search.tried} candidate changes (single changes and pairs of: ${search.triedKinds.join('; ')}) reproduces OSS's hash${search.complete ? '' : search.tried === 0 ? ' (none was tried: the run\'s search time was spent on earlier requests)' : ` (the search stopped at its bound after ${search.tried} tries, before every pair was tried)`}. Your canonical request is shown below: compare it, line by line, with the request OSS actually received.`,
        fix: 'Capture what reaches OSS (the proxy/CDN configuration, `curl -v` from the proxy host), or ask OSS support for the CanonicalRequest of this RequestId.',
        data: { tried: search.tried, triedKinds: search.triedKinds, complete: search.complete, ms: Math.round(search.ms) },
      }];
    }
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
    const onlyInfo = !ctx.found.some(isDecisive);
    const sigError = isSignatureMismatch(a.error);
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
