/** `explain`: where each part of the V1 string to sign comes from (never the secret). */
import type { ExplainStep } from '../model/report.js';
import { findHeader } from '../model/http.js';
import { isV1Subresource } from '../sign/v1-subresources.js';
import type { Analysis } from './analyze.js';

const q = (s: string): string => JSON.stringify(s);

/** V4: the canonical request's parts, the string to sign, and the key derivation (masked in reports). */
function explainV4(a: Analysis): ExplainStep[] {
  const v4 = a.v4!;
  const c = v4.computation;
  if (!c || !a.req) return [];
  const p = c.parts;
  const steps: ExplainStep[] = [
    { part: 'method', value: p.method, from: 'the request method' },
    { part: 'canonical URI', value: p.uri, from: `"/" + bucket ${q(v4.addressing.bucket ?? '')} + "/" + key ${q(v4.addressing.key)}, UriEncoded with "/" kept (always includes the bucket)` },
    { part: 'canonical query', value: p.query, from: c.mode === 'query' ? 'every query parameter but x-oss-signature, name and value UriEncoded ("/" too), sorted, "name" alone when empty' : 'every query parameter, name and value UriEncoded ("/" too), sorted, "name" alone when empty' },
  ];
  p.headers.forEach((h, i) => steps.push({ part: h.name, value: `${h.name}:${h.value}`, from: i === 0 ? 'signed headers: x-oss-*, content-type, content-md5 and the AdditionalHeaders; lower-cased, trimmed, sorted' : 'signed header' }));
  steps.push({ part: 'additional headers', value: p.additionalHeaders, from: v4.facts.additionalHeaders === null ? 'no AdditionalHeaders: empty line' : 'the AdditionalHeaders value, as sent' });
  steps.push({ part: 'payload hash', value: p.payload, from: c.mode === 'header' ? 'x-oss-content-sha256 when sent, else UNSIGNED-PAYLOAD' : 'always UNSIGNED-PAYLOAD in a presigned URL' });
  steps.push({ part: 'timestamp', value: c.timestamp, from: c.mode === 'header' ? 'the x-oss-date header' : 'the x-oss-date parameter' });
  steps.push({ part: 'scope', value: c.scope ?? '', from: c.scope === null ? 'no usable Credential' : 'from the Credential: date/region/product/aliyun_v4_request' });
  if (c.stringToSign !== null) steps.push({ part: 'canonical request hash', value: c.stringToSign.split('\n')[3] ?? '', from: 'hex SHA-256 of the canonical request: the last line of the string to sign' });
  // Masked at the source: a signing key is as good as the secret for its scope and day.
  (v4.secret?.keyChain ?? []).forEach((k, i) => steps.push({ part: k.step.split(' ')[0]!, value: k.masked, from: i === 0 ? `${k.step}; the keys are masked even with --no-redact: each signs like the secret` : k.step }));
  if (v4.secret?.expectedSignature) {
    steps.push({ part: 'signature', value: v4.secret.expectedSignature, from: `hex HMAC-SHA256(k_signing, string to sign); the request carries ${v4.facts.signature === null ? 'no signature' : q(v4.facts.signature)}: ${v4.secret.verifies ? 'they match' : 'they differ'}` });
  }
  return steps;
}

export function explainSteps(a: Analysis): ExplainStep[] {
  if (a.v4) return explainV4(a);
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
  // The headers as sent, by lower-cased name, built once (a filter per header is quadratic in a request with thousands of headers).
  const sentByName = new Map<string, string[]>();
  for (const x of req.headers) {
    const k = x.name.toLowerCase();
    const shown = `${x.name}: ${q(x.value)}`;
    const list = sentByName.get(k);
    if (list) list.push(shown);
    else sentByName.set(k, [shown]);
  }
  p.ossHeaders.forEach((h, i) => {
    const sent = (sentByName.get(h.name) ?? []).join(' + ');
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
