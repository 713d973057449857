/**
 * Line 4 differs: Date vs x-oss-date (x-oss-date wins when present, SIGNING.md
 * §2.2), a proxy rewrote Date, or a URL's Expires changed.
 */
import { findHeader } from '../../model/http.js';
import type { Finding, Rule } from '../rule.js';
import { changedLine, where } from '../rule.js';

export const dateMismatch: Rule = {
  id: 'date-mismatch',
  check(ctx) {
    // V4: the timestamp line of the string to sign, and the x-oss-date canonical header.
    if (ctx.a.v4) {
      const out: Finding[] = [];
      for (const role of ['timestamp', 'date'] as const) {
        const changed = changedLine(ctx, role, { allowAbsent: true });
        if (!changed) continue;
        ctx.claim(changed.line);
        const { line, sent, oss } = changed;
        out.push({
          id: 'date-mismatch',
          basis: 'observed',
          evidence: `${where(line)}: your request's x-oss-date is ${sent === null ? '(absent)' : JSON.stringify(sent)}, OSS signed ${oss === null ? '(absent)' : JSON.stringify(oss)}. A V4 signature covers x-oss-date only; something changed it, or the signer used another time than the header it sent.`,
          data: { sent, signedByOss: oss, source: 'x-oss-date' },
        });
      }
      return out;
    }
    const changed = changedLine(ctx, 'date');
    if (!changed) return [];
    const { line, sent, oss } = changed;
    ctx.claim(line);
    const source = ctx.a.client?.dateSource ?? 'none';
    const headers = ctx.a.req?.headers ?? [];
    const date = findHeader(headers, 'date');
    const ossDate = findHeader(headers, 'x-oss-date');
    let why = '';
    if (source === 'x-oss-date' && date !== undefined && date === oss) why = ' OSS used the Date header although x-oss-date is present.';
    else if (source === 'Date' && ossDate !== undefined && ossDate === oss) why = ' OSS used x-oss-date.';
    else if (source === 'Expires') why = ' The URL\'s Expires value changed between signing and OSS.';
    else if (source === 'Date') why = ' Something between the client and OSS rewrote the Date header; sign x-oss-date instead, which proxies leave alone.';
    return [{
      id: 'date-mismatch',
      basis: 'observed',
      evidence: `${where(line)}: your request's ${source === 'none' ? 'date line' : source} is ${JSON.stringify(sent)}, OSS signed ${JSON.stringify(oss)}.${why}`,
      data: { sent, signedByOss: oss, source },
    }];
  },
};
