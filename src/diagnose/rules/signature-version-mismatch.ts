/**
 * An AWS-style signature sent to OSS, where OSS expects its own (CAUSES.md
 * signature-version-mismatch; SIGNING.md §1, §7): named when OSS says so —
 * S3-compatible mode not enabled (EC 0002-00000031/32/33), an S3 signature
 * mismatch (0002-00000307, 0002-00000429, 0002-00000430) — or when an
 * AWS-signed request is sent path-style, which OSS refuses for S3 requests.
 * sigdoctor does not recompute S3 signatures.
 */
import { parseOssHost } from '../../request/addressing.js';
import type { Rule } from '../rule.js';

const S3_ECS: Record<string, string> = {
  '0002-00000031': 'S3-compatible authentication is not enabled',
  '0002-00000032': 'S3-compatible SigV2 is not enabled',
  '0002-00000033': 'S3-compatible SigV4 is not enabled',
  '0002-00000307': 'the S3 SigV2 signature does not match',
  '0002-00000429': 'the S3 SigV4 signature does not match',
  '0002-00000430': 'the chunked S3 SigV4 signature does not match',
};

export const signatureVersionMismatch: Rule = {
  id: 'signature-version-mismatch',
  check({ a }) {
    const kind = a.req?.auth.kind;
    const aws = kind === 'aws-v2-header' || kind === 'aws-v4-header' || kind === 'aws-v2-query' || kind === 'aws-v4-query';
    const ec = a.error?.ec;
    const scheme = kind?.startsWith('aws-v4') ? 'AWS SigV4 (AWS4-HMAC-SHA256)' : 'AWS SigV2';
    if (ec && S3_ECS[ec] && (aws || a.error?.accessKeyIdElement === 'AWSAccessKeyId')) {
      return [{
        id: 'signature-version-mismatch',
        basis: 'observed',
        evidence: `The request is signed ${aws ? `with ${scheme}` : 'S3-style (OSS echoes AWSAccessKeyId)'} and OSS answered EC ${ec}: ${S3_ECS[ec]}. sigdoctor recomputes OSS signatures, not S3 ones.`,
        data: { ec, scheme: aws ? kind : 's3' },
      }];
    }
    const host = a.req?.host;
    const oss = host ? parseOssHost(host) : null;
    if (aws && oss && oss.bucketLabel === null && a.req!.target.rawPath.length > 1 && a.isAuthError) {
      return [{
        id: 'signature-version-mismatch',
        basis: 'observed',
        evidence: `The request is signed with ${scheme} and sent path-style to ${host}; OSS accepts S3-compatible requests only virtual-hosted (bucket.${host}), so the bucket shows up twice in the resource it signs.`,
        fix: 'Use virtual-hosted addressing for S3-compatible requests (in AWS SDKs: forcePathStyle/path-style off), with the endpoint s3.oss-<region>.aliyuncs.com or oss-<region>.aliyuncs.com.',
        data: { scheme: kind, host },
      }];
    }
    return [];
  },
};
