/**
 * Turn parsed inputs into cases to diagnose. A request and its response may
 * come in one input (curl, HAR, raw pair) or two (either order, or
 * --request/--response) — CONTRACT.md "Inputs".
 */
import type { DiagnosisCase } from '../model/case.js';
import type { ClientSignedString, HttpRequestMessage } from '../model/http.js';
import type { ServerError, ServerResponseFacts } from '../model/server-error.js';
import { isAuthFailure } from '../model/server-error.js';
import type { LabelledExchange, ParsedInput } from './read-input.js';
import { extractServerError } from './server-error-from-response.js';
import { skipReason } from './skip-reason.js';

interface RequestSide {
  source: string;
  request: HttpRequestMessage;
  notes: string[];
  clientSigned?: ClientSignedString[];
}

interface ServerSide {
  source: string;
  error?: ServerError;
  facts: ServerResponseFacts;
  notes: string[];
}

function exchangeSource(input: ParsedInput, ex: LabelledExchange, index: number, count: number): string {
  if (ex.label) return `${input.name} (${ex.label})`;
  return count > 1 ? `${input.name} (exchange ${index + 1} of ${count})` : input.name;
}

function isError(side: ServerSide): boolean {
  return side.error !== undefined || (side.facts.status ?? 0) >= 400;
}

/** An input's exchange that holds nothing to diagnose, and why (HAR entries that are not signature errors). */
export interface SkippedExchange {
  source: string;
  reason: string;
}

/**
 * Which exchanges of one input to diagnose: every one whose response is an
 * error (a `-L` redirect's 302 hop is skipped: the request that got the
 * signature error is the one to diagnose); if none is an error, the last one.
 * A HAR holds a whole page load: only its signature errors are diagnosed, the
 * other entries are listed as skipped.
 */
function pickExchanges(input: ParsedInput, skipped: SkippedExchange[]): Array<{ ex: LabelledExchange; server?: ServerSide; index: number }> {
  // One pass, keeping only what is picked: a capture of thousands of exchanges
  // does not hold a server side for each of them at once.
  const count = input.exchanges.length;
  const har = input.format === 'har';
  const picked: Array<{ ex: LabelledExchange; server?: ServerSide; index: number }> = [];
  let last: { ex: LabelledExchange; server?: ServerSide; index: number } | undefined;
  input.exchanges.forEach((ex, index) => {
    const source = exchangeSource(input, ex, index, count);
    if (ex.skip !== undefined) {
      skipped.push({ source, reason: ex.skip });
      return;
    }
    const server = ex.response ? serverSide(source, ex) : undefined;
    const e = server ? { ex, server, index } : { ex, index };
    if (har) {
      if (server !== undefined && isAuthFailure(server.error)) {
        picked.push(e);
        return;
      }
      skipped.push({ source, reason: skipReason(ex.request?.method, ex.response?.status, ex.har?.failure, server?.error) });
      return;
    }
    if (server !== undefined && isError(server)) picked.push(e);
    else if (index === count - 1) last = e;
  });
  if (har || picked.length > 0) return picked;
  return last ? [last] : [];
}

function serverSide(source: string, ex: LabelledExchange): ServerSide {
  const extracted = extractServerError(ex.response!, source);
  const side: ServerSide = { source, facts: extracted.facts, notes: extracted.notes };
  if (extracted.error) side.error = extracted.error;
  return side;
}

function makeCase(source: string, req: RequestSide | undefined, server: ServerSide | undefined): DiagnosisCase {
  const c: DiagnosisCase = { source, response: server?.facts ?? {}, notes: [...(req?.notes ?? []), ...(server?.notes ?? [])] };
  if (req) c.request = req.request;
  if (req?.clientSigned?.length) c.clientSigned = req.clientSigned;
  if (server?.error) c.serverError = server.error;
  return c;
}

export function assembleCases(inputs: ParsedInput[]): { cases: DiagnosisCase[]; skipped: SkippedExchange[] } {
  const cases: DiagnosisCase[] = [];
  const skipped: SkippedExchange[] = [];
  const lonelyRequests: RequestSide[] = [];
  const lonelyServers: ServerSide[] = [];
  for (const input of inputs) {
    const picked = pickExchanges(input, skipped);
    for (const { ex, server, index } of picked) {
      const source = exchangeSource(input, ex, index, input.exchanges.length);
      const req: RequestSide | undefined = ex.request ? { source, request: ex.request, notes: ex.notes, ...(ex.clientSigned ? { clientSigned: ex.clientSigned } : {}) } : undefined;
      if (req && server) {
        const c = makeCase(source, req, { ...server, notes: [...server.notes] });
        if (ex.har) c.fromHar = ex.har.responseBodyComment ? { creator: ex.har.creator, responseBodyComment: ex.har.responseBodyComment } : { creator: ex.har.creator };
        cases.push(c);
      }
      else if (req) lonelyRequests.push(req);
      else if (server) lonelyServers.push({ ...server, notes: [...ex.notes, ...server.notes] });
    }
    input.errors.forEach((error, i) => {
      const source = input.errors.length > 1 ? `${input.name} (error ${i + 1})` : input.name;
      const facts: ServerResponseFacts = {};
      lonelyServers.push({ source, error, facts, notes: [...(input.notes ?? [])] });
    });
  }
  // Pair requests given alone with responses given alone, in order (either file order works).
  const n = Math.max(lonelyRequests.length, lonelyServers.length);
  for (let i = 0; i < n; i++) {
    const req = lonelyRequests[i];
    const srv = lonelyServers[i];
    const source = req && srv ? `${req.source} + ${srv.source}` : (req?.source ?? srv!.source);
    cases.push(makeCase(source, req, srv));
  }
  return { cases, skipped };
}
