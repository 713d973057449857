/**
 * Cause ids from ../shared/docs/CAUSES.md. Stable API: never rename one
 * (JSON `causes[].id`, rule file name, fixture folder, README anchor).
 */
export const CAUSE_IDS = [
  // Documented causes (the seeds).
  'content-type-mismatch',
  'proxy-modified-headers',
  'cdn-range-behavior-header',
  'cdn-head-to-get',
  'unencoded-plus-in-signature',
  'wrong-signature-method',
  'malformed-v4-authorization',
  'cname-not-enabled',
  'secret-mismatch',
  // From SDK behaviour and public reports.
  'method-mismatch',
  'content-md5-mismatch',
  'date-mismatch',
  'resource-mismatch',
  'key-encoding-mismatch',
  'subresource-mismatch',
  'security-token-not-signed',
  'header-value-encoding',
  'header-whitespace',
  'request-expired',
  'clock-skew',
  'v4-scope-mismatch',
  'v4-additional-headers-mismatch',
  'signature-version-mismatch',
  'html-escaped-url',
  'sanitized-har',
  'server-string-redacted',
  'unexplained-difference',
  'insufficient-input',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

export function isCauseId(s: string): s is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(s);
}
