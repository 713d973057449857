/**
 * What a V4 (OSS4-HMAC-SHA256) request says about its own signature: the
 * Authorization header (SIGNING.md §4.1) or the presigned-URL parameters
 * (§5.1), parsed leniently, with every way they break the grammar listed as a
 * problem. Facts only; the rules turn problems into causes.
 */

export type V4AuthCause = 'malformed-v4-authorization' | 'v4-scope-mismatch' | 'v4-additional-headers-mismatch';

export interface V4AuthProblem {
  cause: V4AuthCause;
  /** Which part is at fault: 'algorithm', 'pair', 'key', 'Credential', 'Signature', 'AdditionalHeaders', 'scope.date', 'scope.region', 'scope.product', 'scope.terminator', 'x-oss-expires', 'x-oss-signature-version', 'x-oss-date', … */
  field: string;
  /** The offending text exactly as it appears in the input (e.g. `UnknownKey=1`, `CredentialAK**ID/…`, `oss-cn-hangzhou`). */
  offending: string;
  /** One sentence: what is wrong and what the rule is. */
  message: string;
  /** The EC OSS answers for it (SIGNING.md §4.1, §5.4, §9), when documented. */
  ec: string | null;
}

export interface V4Credential {
  accessKeyId: string;
  /** Scope date, `yyyymmdd` when well-formed. */
  date: string;
  region: string;
  product: string;
  terminator: string;
}

export interface V4AuthFacts {
  form: 'header' | 'query';
  /** The Authorization value, or the raw query string. */
  raw: string;
  credential: V4Credential | null;
  /** AdditionalHeaders names as given (not normalised); null when absent. */
  additionalHeaders: string[] | null;
  signature: string | null;
  /** Query form: x-oss-date; header form: the x-oss-date header when given in the context. */
  timestamp: string | null;
  /** Query form: x-oss-expires (seconds, relative to x-oss-date). */
  expires: string | null;
  /** Query form: x-oss-security-token. */
  securityToken: string | null;
  problems: V4AuthProblem[];
  /**
   * Header form: the Authorization value rebuilt in the documented shape with
   * the request's own values (`OSS4-HMAC-SHA256 Credential=…,AdditionalHeaders=…,Signature=…`);
   * query form: the parameter list rebuilt likewise. Null when there is nothing
   * to correct or not enough to build it.
   */
  corrected: string | null;
}

export interface V4AuthContext {
  /** Region from the Host (`…oss-cn-hangzhou.aliyuncs.com` → `cn-hangzhou`), to check the scope (EC 0002-00000226). */
  hostRegion?: string;
  /** The request's x-oss-date header (header form), to check the scope date. */
  xOssDate?: string;
  /** Lower-case names of the headers the request carries, to check AdditionalHeaders (EC 0002-00000211). */
  headerNames?: readonly string[];
}
