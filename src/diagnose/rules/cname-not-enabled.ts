/**
 * A custom domain used without CNAME mode (seed 002). OSS takes the bucket
 * from the domain's binding and the WHOLE path as the key (SIGNING.md §10.12).
 * Named when (a) the resource's bucket differs on a custom-domain request, or
 * (b) on a SignatureDoesNotMatch the path starts with the bucket OSS resolved
 * from the domain — the path-style shape an SDK produces when it treats the
 * custom domain as a regional endpoint. Not named merely because the Host is
 * a custom domain: CNAME mode may well be on.
 */
import { isSignatureMismatch } from '../analyze.js';
import type { Rule } from '../rule.js';
import { resourceLine, resourcePair } from '../resource-facts.js';

export const cnameNotEnabled: Rule = {
  id: 'cname-not-enabled',
  check(ctx) {
    const a = ctx.a;
    if (a.addressing?.style !== 'custom-domain') return [];
    const host = a.req?.host ?? '(unknown host)';
    const pair = resourcePair(a, resourceLine(ctx.unclaimed));
    if (pair && pair.client.bucket !== pair.server.bucket) {
      ctx.claim(pair.line);
      return [{
        id: 'cname-not-enabled',
        basis: 'observed',
        evidence: `${host} is a custom domain. Line ${pair.line.server!.lineNumber} (resource): your request signs bucket ${JSON.stringify(pair.client.bucket)}, OSS resolved bucket ${JSON.stringify(pair.server.bucket)} from the domain's binding.`,
        data: { host, signedBucket: pair.client.bucket, ossBucket: pair.server.bucket },
      }];
    }
    const bucket = a.serverResource?.bucket ?? a.addressing.bucket;
    const signatureError = isSignatureMismatch(a.error);
    if (signatureError && bucket && a.addressing.key.startsWith(`${bucket}/`)) {
      return [{
        id: 'cname-not-enabled',
        basis: 'observed',
        evidence: `${host} is a custom domain bound to bucket ${JSON.stringify(bucket)}, so OSS reads the whole path as the key and signs ${JSON.stringify(`/${bucket}/${a.addressing.key}`)}. The path starts with the bucket name again (${JSON.stringify(`/${a.addressing.key}`)}): an SDK that is not in CNAME mode addresses the domain path-style and signs ${JSON.stringify(`/${a.addressing.key}`)} instead. Supply the secret to prove it.`,
        data: { host, bucket, path: `/${a.addressing.key}` },
      }];
    }
    return [];
  },
};
