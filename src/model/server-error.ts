/**
 * What OSS said about a failed request: the fields of its `<Error>` document
 * (SIGNING.md §8.1) plus where they came from.
 */
export interface ServerError {
  code?: string;
  message?: string;
  requestId?: string;
  hostId?: string;
  /** `0002-00000040` etc., from `<EC>` or the `x-oss-ec` header. */
  ec?: string;
  /** `<OSSAccessKeyId>` or, for S3-compatible requests, `<AWSAccessKeyId>`. */
  accessKeyId?: string;
  accessKeyIdElement?: 'OSSAccessKeyId' | 'AWSAccessKeyId';
  signatureProvided?: string;
  /** `<StringToSign>` text as the XML parser gives it (CRs normalised away; may be redacted by docs). */
  stringToSign?: string;
  /** `<StringToSignBytes>` decoded: the byte-exact string OSS signed (SIGNING.md §8.2). */
  stringToSignBytes?: Uint8Array;
  /** Set when `<StringToSignBytes>` was present but not a hex byte list; says why. */
  stringToSignBytesProblem?: string;
  canonicalRequest?: string;
  canonicalRequestBytes?: Uint8Array;
  recommendDoc?: string;
  /** RequestTimeTooSkewed extras (SIGNING.md §8.1). */
  requestTime?: string;
  serverTime?: string;
  maxAllowedSkewMilliseconds?: string;
  /** "Signature in both header and URL" echoes the header here (§8.1). */
  authorization?: string;
  /** Where the document came from. */
  origin: 'body' | 'x-oss-err' | 'standalone' | 'headers' | 'sdk-error';
  /** True when the text fields are known to be damaged (e.g. curl --trace-ascii shows LF as `.`). */
  textLossy?: boolean;
}

/** The response around the error: status line and the headers that matter for diagnosis. */
export interface ServerResponseFacts {
  status?: number;
  /** `x-oss-ec` response header. */
  ecHeader?: string;
  /** `x-oss-request-id` response header. */
  requestIdHeader?: string;
  /** Response `Date` header: the server's clock (go-v2 uses it for skew correction, SIGNING.md §8.4). */
  date?: string;
}

/**
 * OSS computed a signature and it differed: SignatureDoesNotMatch, EC
 * 0002-00000040 (V1), 0002-00000201 (V4), 0002-00000225 (V4 with an IP
 * restriction) — as opposed to a request refused before the signature was checked.
 */
export function isSignatureMismatch(error: ServerError | undefined): boolean {
  if (!error) return false;
  return error.code === 'SignatureDoesNotMatch' || ['0002-00000040', '0002-00000201', '0002-00000225'].includes(error.ec ?? '');
}

export function isAuthFailure(error: ServerError | undefined): boolean {
  if (!error) return false;
  if (error.ec?.startsWith('0002-')) return true;
  return ['SignatureDoesNotMatch', 'InvalidAccessKeyId', 'RequestTimeTooSkewed', 'AccessDenied'].includes(error.code ?? '') && error.ec === undefined;
}

