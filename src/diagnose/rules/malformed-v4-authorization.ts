/**
 * A V4 Authorization header or presigned URL that breaks the grammar
 * (SIGNING.md §4.1, §5.1; seed 001 / EC 0002-00000204 and its siblings).
 * Checked on the request itself, with or without OSS's answer.
 */
import { DOCS } from '../catalogue.js';
import type { Rule } from '../rule.js';
import { problemText } from '../rule.js';

export const malformedV4Authorization: Rule = {
  id: 'malformed-v4-authorization',
  check({ a }) {
    const facts = a.v4?.facts;
    if (!facts) return [];
    const problems = facts.problems.filter((p) => p.cause === 'malformed-v4-authorization');
    if (problems.length === 0) return [];
    const where = facts.form === 'header' ? 'The OSS4-HMAC-SHA256 Authorization header' : 'The V4 presigned URL';
    const list = problems.map((p) => problemText(p)).join('; ');
    const oss = a.error?.ec ? ` OSS answered EC ${a.error.ec}.` : '';
    return [{
      id: 'malformed-v4-authorization',
      basis: 'observed',
      evidence: `${where} is malformed — ${list}.${oss}`,
      fix: facts.corrected
        ? `Send it in the documented shape: ${facts.form === 'header' ? `Authorization: ${facts.corrected}` : facts.corrected}`
        : 'Use exactly `OSS4-HMAC-SHA256 Credential=<AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request,AdditionalHeaders=<a;b>,Signature=<64 lower-case hex>` (AdditionalHeaders optional, no other keys).',
      // The page of the EC that applies: OSS's answer, else the first problem's.
      ...((a.error?.ec ?? problems.find((p) => p.ec)?.ec) ? { docs: DOCS.EC((a.error?.ec ?? problems.find((p) => p.ec)!.ec)!) } : {}),
      data: { problems: problems.map((p) => ({ field: p.field, offending: p.offending, ec: p.ec })), corrected: facts.corrected },
    }];
  },
};
