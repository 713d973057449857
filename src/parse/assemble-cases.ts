/**
 * Turn parsed inputs into cases to diagnose. A request and its response may
 * come in one input (curl, HAR, raw pair) or two (either order, or
 * --request/--response) — CONTRACT.md "Inputs".
 */
import type { DiagnosisCase } from '../model/case.js';
import type { HttpRequestMessage } from '../model/http.js';
import type { ServerError, ServerResponseFacts } from '../model/server-error.js';
import type { LabelledExchange, ParsedInput } from './read-input.js';
import { extractServerError } from './server-error-from-response.js';

interface RequestSide {
  source: string;
  request: HttpRequestMessage;
  notes: string[];
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

/**
 * Which exchanges of one input to diagnose: every one whose response is an
 * error (a `-L` redirect's 302 hop is skipped: the request that got the
 * signature error is the one to diagnose); if none is an error, the last one.
 */
function pickExchanges(input: ParsedInput): Array<{ ex: LabelledExchange; server?: ServerSide; index: number }> {
  const all = input.exchanges.map((ex, index) => {
    const server = ex.response ? serverSide(exchangeSource(input, ex, index, input.exchanges.length), ex) : undefined;
    return server ? { ex, server, index } : { ex, index };
  });
  if (input.format === 'har') return all;
  const errors = all.filter((e) => e.server !== undefined && isError(e.server));
  if (errors.length > 0) return errors;
  return all.length > 0 ? [all[all.length - 1]!] : [];
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
  if (server?.error) c.serverError = server.error;
  return c;
}

export function assembleCases(inputs: ParsedInput[]): DiagnosisCase[] {
  const cases: DiagnosisCase[] = [];
  const lonelyRequests: RequestSide[] = [];
  const lonelyServers: ServerSide[] = [];
  for (const input of inputs) {
    const picked = pickExchanges(input);
    for (const { ex, server, index } of picked) {
      const source = exchangeSource(input, ex, index, input.exchanges.length);
      const req = ex.request ? { source, request: ex.request, notes: ex.notes } : undefined;
      if (req && server) cases.push(makeCase(source, req, { ...server, notes: [...server.notes] }));
      else if (req) lonelyRequests.push(req);
      else if (server) lonelyServers.push({ ...server, notes: [...ex.notes, ...server.notes] });
    }
    input.errors.forEach((error, i) => {
      const source = input.errors.length > 1 ? `${input.name} (error ${i + 1})` : input.name;
      const facts: ServerResponseFacts = {};
      lonelyServers.push({ source, error, facts, notes: [] });
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
  return cases;
}
