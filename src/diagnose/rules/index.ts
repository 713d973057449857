/**
 * The rule registry. Order matters twice: rules run in this order (earlier,
 * more specific rules claim diff lines before general ones), and causes are
 * reported most decisive first in this order.
 */
import type { Rule } from '../rule.js';
import { cdnHeadToGet } from './cdn-head-to-get.js';
import { cdnRangeBehaviorHeader } from './cdn-range-behavior-header.js';
import { clockSkew } from './clock-skew.js';
import { cnameNotEnabled } from './cname-not-enabled.js';
import { contentMd5Mismatch } from './content-md5-mismatch.js';
import { contentTypeMismatch } from './content-type-mismatch.js';
import { dateMismatch } from './date-mismatch.js';
import { headerValueEncoding } from './header-value-encoding.js';
import { headerWhitespace } from './header-whitespace.js';
import { htmlEscapedUrl } from './html-escaped-url.js';
import { insufficientInput } from './insufficient-input.js';
import { keyEncodingMismatch } from './key-encoding-mismatch.js';
import { methodMismatch } from './method-mismatch.js';
import { proxyModifiedHeaders } from './proxy-modified-headers.js';
import { requestExpired } from './request-expired.js';
import { resourceMismatch } from './resource-mismatch.js';
import { secretMismatch } from './secret-mismatch.js';
import { securityTokenNotSigned } from './security-token-not-signed.js';
import { serverStringRedacted } from './server-string-redacted.js';
import { subresourceMismatch } from './subresource-mismatch.js';
import { unencodedPlusInSignature } from './unencoded-plus-in-signature.js';
import { unexplainedDifference } from './unexplained-difference.js';
import { wrongSignatureMethod } from './wrong-signature-method.js';
import { malformedV4Authorization } from './malformed-v4-authorization.js';
import { v4ScopeMismatch } from './v4-scope-mismatch.js';
import { v4AdditionalHeadersMismatch } from './v4-additional-headers-mismatch.js';
import { signatureVersionMismatch } from './signature-version-mismatch.js';
import { sanitizedHar } from './sanitized-har.js';

export const RULES: readonly Rule[] = [
  // What OSS said outright, and damage visible in the request itself.
  wrongSignatureMethod,
  signatureVersionMismatch,
  malformedV4Authorization,
  v4ScopeMismatch,
  requestExpired,
  clockSkew,
  unencodedPlusInSignature,
  htmlEscapedUrl,
  securityTokenNotSigned,
  // Line by line, specific before general.
  cdnHeadToGet,
  methodMismatch,
  contentMd5Mismatch,
  contentTypeMismatch,
  dateMismatch,
  cdnRangeBehaviorHeader,
  v4AdditionalHeadersMismatch,
  headerValueEncoding,
  headerWhitespace,
  proxyModifiedHeaders,
  cnameNotEnabled,
  keyEncodingMismatch,
  subresourceMismatch,
  resourceMismatch,
  // Informational, then what remains.
  serverStringRedacted,
  sanitizedHar,
  secretMismatch,
  unexplainedDifference,
  insufficientInput,
];
