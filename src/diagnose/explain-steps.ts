/** `explain`: where each part of the V1 string to sign comes from (never the secret). */
import type { ExplainStep } from '../model/report.js';
import { findHeader } from '../model/http.js';
import { isV1Subresource } from '../sign/v1-subresources.js';
import type { Analysis } from './analyze.js';

const q = (s: string): string => JSON.stringify(s);

export function explainSteps(a: Analysis): ExplainStep[] {
  const c = a.client;
  const req = a.req;
  if (!c || !req || !a.addressing) return [];
  const steps: ExplainStep[] = [];
  const p = c.parts;
  const verbFrom = !req.methodAssumed
    ? 'the request method, upper case'
    : a.serverLines
      ? 'OSS\'s string (a URL alone does not say its method)'
      : p.verb !== 'GET' || a.secret?.verifies
        ? 'the secret: it reproduces the signature only for this method (a URL alone does not say it)'
        : 'assumed (a URL alone does not say its method)';
  steps.push({ part: 'verb', value: p.verb, from: verbFrom });
  const md5 = findHeader(req.headers, 'content-md5');
  steps.push({ part: 'Content-MD5', value: p.contentMd5, from: md5 === undefined ? 'no Content-MD5 header: empty line' : 'the Content-MD5 header, verbatim' });
  const ct = findHeader(req.headers, 'content-type');
  steps.push({ part: 'Content-Type', value: p.contentType, from: ct === undefined ? 'no Content-Type header: empty line' : 'the Content-Type header, verbatim' });
  const dateFrom = {
    'x-oss-date': 'the x-oss-date header (it wins over Date when present)',
    Date: 'the Date header (no x-oss-date header)',
    Expires: 'the Expires query parameter (signed URL)',
    none: 'neither Date nor x-oss-date: empty line (OSS will reject the request: EC 0002-00000503)',
  }[c.dateSource];
  steps.push({ part: c.mode === 'query' ? 'Expires' : 'Date', value: p.date, from: dateFrom });
  if (p.ossHeaders.length === 0) steps.push({ part: 'x-oss-* headers', value: '', from: 'none in the request: nothing (no empty line)' });
  p.ossHeaders.forEach((h, i) => {
    const sent = req.headers.filter((x) => x.name.toLowerCase() === h.name).map((x) => `${x.name}: ${q(x.value)}`).join(' + ');
    const rule = i === 0 ? ' (x-oss-* headers: name lower-cased, value trimmed, repeats joined with ",", sorted by name)' : '';
    steps.push({ part: h.name, value: `${h.name}:${h.value}`, from: `the header ${sent}${rule}` });
  });
  const ad = a.addressing;
  const bucketFrom = {
    host: `the Host ${req.host ?? ''} (virtual-hosted)`,
    path: 'the first path segment (path-style)',
    option: 'the --bucket option',
    server: 'OSS\'s own string (custom domain)',
    none: 'no bucket (service-level request)',
  }[ad.bucketSource];
  const left = req.query.filter((qp) => !isV1Subresource(qp.name)).map((qp) => qp.name);
  const subs = c.subresources.map((s) => s.name);
  steps.push({
    part: 'resource',
    value: p.resource,
    from: `bucket ${ad.bucket === null ? '(none)' : q(ad.bucket)} from ${bucketFrom}; key ${q(ad.key)} percent-decoded from the path ${q(req.target.rawPath)}${subs.length ? `; sub-resources ${subs.join(', ')} (decoded, sorted)` : ''}${left.length ? `; query parameters left out (not sub-resources): ${[...new Set(left)].join(', ')}` : ''}`,
  });
  if (a.secret?.expectedSignature) {
    steps.push({
      part: 'signature',
      value: a.secret.expectedSignature,
      from: `base64(HMAC-SHA1(secret, string to sign)); the request carries ${a.requestSignature === null ? 'no signature' : q(a.requestSignature)}: ${a.secret.verifies ? 'they match' : 'they differ'}`,
    });
  }
  return steps;
}
