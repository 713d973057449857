/**
 * The request or signed URL had expired when it arrived: EC 0002-00000069
 * (V1/V2 URL), 0002-00000236 (V4 URL), or "Request has expired" (SIGNING.md
 * §8.3); or a V1 URL whose Expires is before the server's clock (the response
 * Date). OSS checks expiry before the signature (DOC-V1U-md).
 */
import type { Rule } from '../rule.js';
import { iso, parseTime, span } from '../time.js';

export const requestExpired: Rule = {
  id: 'request-expired',
  check({ a }) {
    const ec = a.error?.ec;
    const said = ec === '0002-00000069' || ec === '0002-00000236' || /request has expired/i.test(a.error?.message ?? '');
    const auth = a.req?.auth;
    const expires = auth?.kind === 'v1-query' && auth.expires !== null && /^\d+$/.test(auth.expires) ? Number(auth.expires) : null;
    const serverNow = parseTime(a.error?.serverTime) ?? parseTime(a.case.response.date);
    const facts: string[] = [];
    if (expires !== null) {
      const unitNote = expires > 1e12 ? ' — that looks like milliseconds; V1 Expires is in seconds' : '';
      facts.push(`the URL's Expires is ${expires} (${iso(expires > 1e12 ? expires : expires * 1000)})${unitNote}`);
      if (serverNow !== null) {
        const late = serverNow - expires * 1000;
        if (expires <= 1e12) facts.push(late > 0 ? `OSS's clock said ${iso(serverNow)}, ${span(late)} after it` : `OSS's clock said ${iso(serverNow)}, ${span(late)} before it`);
      }
    }
    // V4 presigned: x-oss-expires is relative to x-oss-date (SIGNING.md §5.1; DOC-EC/0002-00000236).
    const v4 = a.v4?.facts;
    let v4Past = false;
    if (v4?.form === 'query' && v4.timestamp && v4.expires && /^\d+$/.test(v4.expires)) {
      const signedAt = parseTime(v4.timestamp);
      if (signedAt !== null) {
        const end = signedAt + Number(v4.expires) * 1000;
        facts.push(`the URL was signed at ${iso(signedAt)} for ${v4.expires} s, so it expired at ${iso(end)}`);
        if (serverNow !== null) {
          facts.push(`OSS's clock said ${iso(serverNow)}${serverNow > end ? `, ${span(serverNow - end)} after that` : ''}`);
          v4Past = serverNow > end;
        }
      }
    }
    const pastByClock = (expires !== null && expires <= 1e12 && serverNow !== null && serverNow > expires * 1000) || v4Past;
    if (!said && !pastByClock) return [];
    const opening = said ? `OSS answered ${a.error?.code ?? 'an error'}${a.error?.message ? ` "${a.error.message}"` : ''}${ec ? ` (EC ${ec})` : ''}` : 'The signed URL had expired when OSS received it';
    return [{
      id: 'request-expired',
      basis: 'observed',
      evidence: `${opening}${facts.length ? '; ' + facts.join('; ') : ''}.`,
      data: { ec: ec ?? null, expires, serverTime: serverNow === null ? null : iso(serverNow) },
    }];
  },
};
