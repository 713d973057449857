/**
 * The input lacks what a verdict needs. Says exactly what to add and how to
 * capture it. Only named when no other error-level cause was found (a finding
 * from the request alone, such as an unencoded "+", is a verdict already).
 */
import { parseOssHost } from '../../request/addressing.js';
import type { Rule } from '../rule.js';
import { isDecisive } from '../rule.js';

const CAPTURE = 'capture it with `curl -v … 2>&1 | sigdoctor` (the verbose log shows the request and, with the body, OSS\'s error)';

export function missingForVerdict(ctx: Parameters<Rule['check']>[0]): string | null {
  const a = ctx.a;
  const req = a.req;
  if (req && req.auth.kind !== 'none' && !a.client) {
    if (a.addressing?.style === 'custom-domain' && a.addressing.bucket === null) {
      return `${req.host} is a custom domain and OSS's error does not show the bucket: pass --bucket NAME (and --cname if the domain is bound to the bucket).`;
    }
    const scheme = req.auth.kind;
    if (scheme === 'v4-header' || scheme === 'v4-query') {
      if (a.v4 && !a.v4.facts.credential) return null; // malformed-v4-authorization says why
    } else if (scheme !== 'v1-header' && scheme !== 'v1-query') return `The request is signed with ${scheme.replace(/-(header|query)$/, '')} (${scheme.endsWith('query') ? 'in the URL' : 'in the Authorization header'}); sigdoctor recomputes OSS V1 and V4 signatures, not this scheme.`;
  }
  if (a.sanitizedHar && !a.sanitizedHar.rebuilt) {
    return 'The HAR entry lost its Authorization header in the export, and OSS\'s answer does not show the signature: export the HAR again with "Allow to generate HAR with sensitive data" enabled in DevTools, or capture with `curl -v … 2>&1`.';
  }
  if (req && req.auth.kind === 'none' && (a.server || a.error)) {
    return 'The request carries no signature (no Authorization header and no Signature query parameter), so there is nothing to check. If your real request is signed, this copy lost it (a sanitized HAR export, a copy of the wrong request): capture it with `curl -v … 2>&1`.';
  }
  if (!req && a.error?.origin === 'sdk-error') {
    return 'This is ali-oss\'s error object: it names the error but carries neither the request nor OSS\'s string to sign. Run the failing call again with DEBUG=ali-oss (the log shows the request headers and OSS\'s XML) and give sigdoctor that log.';
  }
  if (!req) {
    const signed = a.secret?.serverStringVerifies === false ? ' The secret you supplied does not turn OSS\'s string into SignatureProvided, so the client signed another string or used another secret; the request shows which.' : '';
    return `Only OSS's answer was given. Add the request as it was sent — ${CAPTURE}.${signed}`;
  }
  if (!a.error && a.case.response.status !== undefined && a.case.response.status < 400) return null;
  if (!a.error) {
    // explain and verify work on a request alone (CONTRACT.md).
    if (a.options.command === 'explain' || a.options.command === 'verify') return null;
    return `Only the request was given. Add OSS's error response (the XML body; for HEAD requests the x-oss-err response header) — ${CAPTURE}. To check the signature alone, run \`sigdoctor verify\` with the secret.`;
  }
  if (a.v4 && a.v4.computation && a.v4.computation.stringToSign === null && a.error) {
    return 'The V4 string to sign cannot be rebuilt: the request has no x-oss-date (header form) or no x-oss-date parameter (presigned form). Capture the request as sent, with all its headers.';
  }
  if (a.isAuthError && !a.server) {
    const isHead = req.method === 'HEAD';
    const fromLog = a.case.clientSigned !== undefined || a.case.notes.some((n) => /\blog\b/i.test(n));
    const har = a.case.fromHar;
    const where = isHead
      ? 'For HEAD, OSS puts it base64-encoded in the x-oss-err response header: keep the response headers (curl -I -v).'
      : har
        ? harBodyAdvice(har)
        : fromLog
          ? 'SDK error messages leave it out: log the raw error body (ali-oss: DEBUG=ali-oss; oss2: the exception\'s details; Go SDK v2: ServiceError.Snapshot), or reproduce with `curl -v … 2>&1`.'
          : 'Run curl without -o (or with `2>&1` and the body on stdout) so the <Error> body is in the capture.';
    return `OSS's answer${a.error.ec ? ` (EC ${a.error.ec})` : ''} is in the input but its string to sign is not: the response body with StringToSignBytes is missing. ${where}`;
  }
  if (a.error && !a.isAuthError) return null;
  return null;
}

/**
 * How to get the response body into a HAR. Firefox's exporter writes
 * `content.comment: "Response bodies are not included."` when the pref
 * devtools.netmonitor.har.includeResponseBodies is false or the body was
 * discarded (devtools.netmonitor.saveRequestAndResponseBodies false); both
 * default to true (Firefox devtools/client/netmonitor/src/har/har-builder.js
 * `buildContent`, har-exporter.js; INPUTS.md §5.2). Other browsers export only
 * the bodies DevTools still holds (Chrome Log.ts: `content.text` only when
 * DevTools has the content).
 */
function harBodyAdvice(har: { creator: string | null; responseBodyComment?: string }): string {
  const comment = har.responseBodyComment ? ` (its content.comment says "${har.responseBodyComment}")` : '';
  if (har.creator === 'Firefox') {
    return `Firefox left the response body out of this HAR${comment}. In about:config set devtools.netmonitor.har.includeResponseBodies and devtools.netmonitor.saveRequestAndResponseBodies to true (their defaults), reproduce the failing request with the Network panel open, and export again with "Save All As HAR" — or capture the request with \`curl -v … 2>&1\`.`;
  }
  return `The HAR entry has no response body${comment}: DevTools exports only the bodies it still holds. Open DevTools before reproducing the failing request (in Chrome tick "Preserve log"), then export the HAR again — or capture the request with \`curl -v … 2>&1\`.`;
}

export const insufficientInput: Rule = {
  id: 'insufficient-input',
  check(ctx) {
    if (ctx.found.some(isDecisive)) return [];
    const missing = missingForVerdict(ctx);
    if (missing === null) return [];
    const host = ctx.a.req?.host;
    return [{
      id: 'insufficient-input',
      basis: 'observed',
      evidence: missing,
      fix: missing,
      data: { hasRequest: ctx.a.req !== null, hasServerString: ctx.a.server !== null, ossHost: host ? parseOssHost(host) !== null : null },
    }];
  },
};
