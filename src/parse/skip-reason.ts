/**
 * Why an exchange of a HAR is not diagnosed, in the words the report lists it
 * with. One place for the wording: the HAR reader uses it for entries it
 * already knows are plain successes, assembleCases for everything else.
 */
import type { ServerError } from '../model/server-error.js';

export function skipReason(method: string | undefined, status: number | undefined, failure?: string, error?: ServerError): string {
  if (method === 'OPTIONS') return `CORS preflight (${status ?? 'no response'})`;
  if (status === undefined) return `no response${failure ? ` (${failure})` : ''}`;
  if (error?.code) return `${status} ${error.code}${error.ec ? ` (EC ${error.ec})` : ''}: not a signature error`;
  return `${status}: ${status < 400 ? 'not an error' : 'not a signature error'}`;
}
