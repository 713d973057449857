import type { ClientSignedString, HttpRequestMessage, HttpResponseMessage } from './http.js';
import type { ServerError, ServerResponseFacts } from './server-error.js';

/**
 * One thing to diagnose: a request and/or what OSS answered to it, as found in
 * the user's input(s). Either side may be missing; the diagnosis says what a
 * verdict would need.
 */
export interface DiagnosisCase {
  /** Input name, plus the exchange or HAR entry when an input holds several. */
  source: string;
  request?: HttpRequestMessage;
  serverError?: ServerError;
  response: ServerResponseFacts;
  /** How the input was read (assumptions, lossy copies); shown in reports. */
  notes: string[];
  /** What the client logged that it signed (SDK debug logs). */
  clientSigned?: ClientSignedString[];
  /**
   * The case is a HAR entry (browser export rules apply: sanitized exports drop
   * Authorization; an export may leave response bodies out, with a comment saying so).
   */
  fromHar?: { creator: string | null; responseBodyComment?: string };
}
