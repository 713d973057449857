/**
 * The client sent HEAD and OSS signed GET: Alibaba Cloud CDN turns HEAD into
 * GET on the way back to the origin (seed 002, seed 003).
 */
import { decodeUtf8 } from '../../compare/bytes.js';
import { parseOssHost } from '../../request/addressing.js';
import type { Rule } from '../rule.js';
import { At } from '../rule.js';

export const cdnHeadToGet: Rule = {
  id: 'cdn-head-to-get',
  check(ctx) {
    const line = ctx.unclaimed('verb')[0];
    if (!line?.client || !line.server) return [];
    if (decodeUtf8(line.client.bytes) !== 'HEAD' || decodeUtf8(line.server.bytes) !== 'GET') return [];
    ctx.claim(line);
    const host = ctx.a.req?.host;
    const viaCdn = host && !parseOssHost(host) ? ` ${host} is not an OSS domain, so a CDN sits in front of it.` : '';
    return [{
      id: 'cdn-head-to-get',
      basis: 'observed',
      evidence: `${At(line)}: you sent HEAD, OSS signed GET — the request was turned into GET on its way to OSS.${viaCdn}`,
      data: { sent: 'HEAD', signedByOss: 'GET', host: host ?? null },
    }];
  },
};
