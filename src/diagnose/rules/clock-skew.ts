/**
 * The request time is more than 15 minutes from OSS's clock:
 * `RequestTimeTooSkewed` / EC 0002-00000504 with RequestTime and ServerTime
 * (SIGNING.md §8.1), or — on an authentication failure — a Date/x-oss-date
 * that far from the response's Date header.
 */
import { findHeader } from '../../model/http.js';
import { isSignatureMismatch } from '../analyze.js';
import type { Rule } from '../rule.js';
import { MAX_SKEW_MS, iso, parseTime, span } from '../time.js';

export const clockSkew: Rule = {
  id: 'clock-skew',
  check({ a }) {
    const e = a.error;
    const said = e?.code === 'RequestTimeTooSkewed' || e?.ec === '0002-00000504' || e?.ec === '0002-00000501';
    const headers = a.req?.headers ?? [];
    const sentDate = findHeader(headers, 'x-oss-date') ?? findHeader(headers, 'date');
    const requestTime = parseTime(e?.requestTime) ?? (a.req?.auth.kind === 'v1-query' ? null : parseTime(sentDate));
    const serverTime = parseTime(e?.serverTime) ?? parseTime(a.case.response.date);
    const skew = requestTime !== null && serverTime !== null ? requestTime - serverTime : null;
    const tooFar = skew !== null && Math.abs(skew) > MAX_SKEW_MS;
    // OSS checks the time before the signature: a SignatureDoesNotMatch means the time passed
    // its check, so a Date far from the response's Date here is a replayed capture, not the cause.
    const signatureChecked = isSignatureMismatch(e);
    if (!said && tooFar && signatureChecked) {
      a.notes.push(`the request's time is ${span(skew!)} ${skew! > 0 ? 'ahead of' : 'behind'} the response's Date, yet OSS checked the signature (a skew over 15 min would have been RequestTimeTooSkewed): the capture was probably replayed later`);
      return [];
    }
    if (!said && !(tooFar && a.isAuthError)) return [];
    const parts: string[] = [];
    if (said) parts.push(`OSS answered ${e?.code ?? 'an error'}${e?.ec ? ` (EC ${e.ec})` : ''}`);
    if (skew !== null) parts.push(`the request time ${iso(requestTime!)} is ${span(skew)} ${skew > 0 ? 'ahead of' : 'behind'} OSS's clock (${iso(serverTime!)}); the limit is 15 min`);
    return [{
      id: 'clock-skew',
      basis: 'observed',
      evidence: parts.join('; ').replace(/^./, (c) => c.toUpperCase()) + '.',
      data: { requestTime: requestTime === null ? null : iso(requestTime), serverTime: serverTime === null ? null : iso(serverTime), skewMs: skew },
    }];
  },
};
