/**
 * The V4 credential scope is wrong or differs from OSS's: a region with the
 * `oss-` prefix or other than the Host's (EC 0002-00000226), a date that is not
 * `yyyymmdd` or not the date of x-oss-date (EC 0002-00000212/0223; S3 analogue
 * 0002-00000409), or OSS's scope line in its StringToSign differs.
 */
import { DOCS } from '../catalogue.js';
import type { Finding, Rule } from '../rule.js';
import { At, changedLine, problemText } from '../rule.js';

export const v4ScopeMismatch: Rule = {
  id: 'v4-scope-mismatch',
  check(ctx) {
    const facts = ctx.a.v4?.facts;
    if (!facts) return [];
    const out: Finding[] = [];
    const problems = facts.problems.filter((p) => p.cause === 'v4-scope-mismatch');
    if (problems.length > 0) {
      out.push({
        id: 'v4-scope-mismatch',
        basis: 'observed',
        evidence: `The credential scope is wrong — ${problems.map((p) => problemText(p)).join('; ')}.`,
        ...(facts.corrected ? { fix: `Use the bare region id and the request's own date: ${facts.form === 'header' ? `Authorization: ${facts.corrected}` : facts.corrected}` } : {}),
        ...(problems.find((p) => p.ec) ? { docs: DOCS.EC(problems.find((p) => p.ec)!.ec!) } : {}),
        data: { problems: problems.map((p) => ({ field: p.field, offending: p.offending, ec: p.ec })) },
      });
    }
    const changed = changedLine(ctx, 'scope');
    if (changed) {
      ctx.claim(changed.line);
      out.push({
        id: 'v4-scope-mismatch',
        basis: 'observed',
        evidence: `${At(changed.line)}: your scope is ${JSON.stringify(changed.sent)}, OSS signed ${JSON.stringify(changed.oss)}.`,
        data: { sent: changed.sent, signedByOss: changed.oss },
      });
    }
    return out;
  },
};
