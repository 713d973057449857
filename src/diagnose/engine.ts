/**
 * Run the rules over one analysed case, decide the verdict, and build the
 * case report. Never prints.
 */
import { decodeUtf8, displayBytes } from '../compare/bytes.js';
import type { AlignedLine } from '../compare/lines.js';
import type { CaseReport, Command, ReportCause, ReportLine, SensitiveValue, Verdict } from '../model/report.js';
import { findHeader } from '../model/http.js';
import { parseQuery, repairDamagedQuery } from '../request/url-parts.js';
import type { Analysis } from './analyze.js';
import { CATALOGUE } from './catalogue.js';
import type { Finding, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { explainSteps } from './explain-steps.js';

/**
 * Parser notes that describe how a capture was read but change nothing in the
 * diagnosis (V1 does not sign the body; duplicate header copies were dropped).
 */
const QUIET_NOTES = [
  'curl -v does not print the request body',
  'dropped the status line and headers that curl -i/-I printed again',
  'response body taken from the copy curl printed on stdout',
  "request headers are curl's HTTP/1-style rendering",
  "--trace-ascii prints line feeds and non-ASCII bytes as '.', so the request body",
];

/** Findings proven by the secret-backed hypothesis search, one per cause. */
function provenFindings(a: Analysis): Finding[] {
  const out: Finding[] = [];
  for (const h of a.secret?.hypotheses ?? []) {
    if (out.some((f) => f.id === h.cause)) continue;
    out.push({
      id: h.cause,
      basis: 'proven',
      evidence: `With the secret you supplied, the request's signature is exactly the HMAC of a string in which ${h.change}. The string your code really signed is shown below.`,
      data: { signed: h.signed, role: h.role },
    });
  }
  return out;
}

function runRules(a: Analysis): Finding[] {
  const claimed = new Set<AlignedLine>();
  const found: Finding[] = provenFindings(a);
  // When OSS's own string reproduces the signature with the secret, the client signed
  // exactly what OSS signed: any remaining line difference is sigdoctor's recomputation,
  // not the user's problem, so the line rules stay silent.
  const lines = a.secret?.serverStringVerifies === true ? [] : (a.diff?.lines ?? []);
  if (a.secret?.serverStringVerifies === true && a.diff && !a.diff.identical) {
    a.notes.push('the request was signed for exactly OSS\'s string; sigdoctor\'s own recomputation differs from it, which is a gap in sigdoctor, not in your request');
  }
  const ctx: RuleContext = {
    a,
    found,
    claim: (l) => claimed.add(l),
    unclaimed: (role) => lines.filter((l) => !l.same && !claimed.has(l) && (role === undefined || l.role === role)),
  };
  for (const rule of RULES) {
    for (const f of rule.check(ctx)) {
      const same = found.find((g) => g.id === f.id);
      if (same) {
        same.evidence += ` ${f.evidence}`;
        continue;
      }
      found.push(f);
    }
  }
  return found;
}

function toCause(f: Finding): ReportCause {
  const entry = CATALOGUE[f.id];
  const c: ReportCause = { id: f.id, title: entry.title, evidence: f.evidence, fix: f.fix ?? entry.fix, docs: entry.docs, severity: entry.severity, basis: f.basis };
  if (f.data) c.data = f.data;
  return c;
}

const ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const BASIS_RANK = { proven: 0, observed: 1, elimination: 2 } as const;

function sortCauses(causes: ReportCause[]): ReportCause[] {
  return [...causes].sort((x, y) =>
    (x.severity === y.severity ? 0 : x.severity === 'error' ? -1 : 1) ||
    BASIS_RANK[x.basis] - BASIS_RANK[y.basis] ||
    (ORDER.get(x.id as never) ?? 99) - (ORDER.get(y.id as never) ?? 99));
}

function verdictOf(a: Analysis, causes: ReportCause[], command: Command): Verdict {
  const errors = causes.filter((c) => c.severity === 'error' && c.id !== 'insufficient-input');
  if (errors.length > 0) return 'problem';
  if (command === 'verify') return a.secret?.verifies === true ? 'ok' : 'problem';
  if (causes.some((c) => c.id === 'insufficient-input')) return 'inconclusive';
  if (a.diff && !a.diff.identical) return 'problem';
  if (a.secret?.verifies === false) return 'problem';
  return 'ok';
}

function reportLines(a: Analysis): ReportLine[] {
  const show = (b: Uint8Array | undefined | null): string | null => (b ? displayBytes(b) : null);
  if (a.diff) {
    return a.diff.lines.map((l) => ({ label: l.label, role: l.role, client: show(l.client?.bytes), server: show(l.server?.bytes), same: l.same }));
  }
  const lines: ReportLine[] = [];
  const text = a.client?.stringToSign ?? null;
  if (text !== null) {
    const ps = a.client!.parts;
    const dateLabel = a.client!.mode === 'query' ? 'Expires' : 'Date';
    lines.push({ label: 'verb', role: 'verb', client: ps.verb, server: null, same: false });
    lines.push({ label: 'Content-MD5', role: 'content-md5', client: ps.contentMd5, server: null, same: false });
    lines.push({ label: 'Content-Type', role: 'content-type', client: ps.contentType, server: null, same: false });
    lines.push({ label: dateLabel, role: 'date', client: ps.date, server: null, same: false });
    for (const h of ps.ossHeaders) lines.push({ label: h.name, role: 'header', client: displayBytes(Buffer.from(`${h.name}:${h.value}`)), server: null, same: false });
    lines.push({ label: 'resource', role: 'resource', client: displayBytes(Buffer.from(ps.resource)), server: null, same: false });
  } else if (a.server && a.serverLines) {
    for (const l of a.serverLines) lines.push({ label: l.label, role: l.role, client: null, server: displayBytes(l.bytes), same: false });
  }
  return lines;
}

/** Every value in this case that reports must mask unless --no-redact. */
export function sensitiveValues(a: Analysis): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  const add = (value: string | null | undefined, kind: SensitiveValue['kind']): void => {
    if (!value || value.length < 4) return;
    for (const v of new Set([value, encodeURIComponent(value), value.split('+').join(' ')])) out.push({ value: v, kind });
  };
  const auth = a.req?.auth;
  if (auth && (auth.kind === 'v1-header' || auth.kind === 'v1-query')) {
    add(auth.accessKeyId, 'access-key-id');
    add(auth.signature, 'signature');
    if (auth.kind === 'v1-query') {
      add(auth.signatureRaw, 'signature');
      add(auth.securityToken, 'token');
    }
  }
  if (auth && 'authorization' in auth && auth.kind !== 'v1-header') {
    // Other schemes (V4, OSS2, AWS): mask the id and signature inside the header.
    for (const [, id] of auth.authorization.matchAll(/(?:Credential=|AccessKeyId:|AWS )([A-Za-z0-9._-]{4,128})/g)) add(id, 'access-key-id');
    for (const [, sig] of auth.authorization.matchAll(/(?:Signature[=:]|:)([A-Za-z0-9+/=]{16,128})/g)) add(sig, 'signature');
  }
  const headers = a.req?.headers ?? [];
  add(findHeader(headers, 'x-oss-security-token'), 'token');
  add(findHeader(headers, 'security-token'), 'token');
  add(a.error?.accessKeyId, 'access-key-id');
  add(a.error?.signatureProvided, 'signature');
  add(a.secret?.expectedSignature, 'signature');
  // Read credentials from the query as its signer meant it too: a copy-damaged URL
  // (`&amp;Signature=`) must not leak its signature through the report.
  const queries = [a.req?.query ?? []];
  if (a.req) queries.push(parseQuery(repairDamagedQuery(a.req.target).query));
  for (const p of queries.flat()) {
    if (p.name === 'x-oss-security-token' || p.name === 'security-token') add(p.value, 'token');
    if (p.name === 'OSSAccessKeyId' || p.name === 'x-oss-credential') add(p.value, 'access-key-id');
    if (p.name === 'Signature' || p.name === 'x-oss-signature') {
      add(p.value, 'signature');
      add(p.rawValue, 'signature');
    }
  }
  return out;
}

export function buildCaseReport(a: Analysis, command: Command): CaseReport {
  const causes = sortCauses(runRules(a).map(toCause));
  const req = a.req;
  const e = a.error;
  const status = a.case.response.status ?? null;
  return {
    source: a.case.source,
    verdict: verdictOf(a, causes, command),
    signatureVersion: a.version,
    request: req ? { method: a.client?.parts.verb ?? req.method, host: req.host, path: req.target.rawPath, query: req.target.rawQuery } : null,
    error: e || status !== null
      ? { status, code: e?.code ?? null, ec: e?.ec ?? a.case.response.ecHeader ?? null, requestId: e?.requestId ?? a.case.response.requestIdHeader ?? null }
      : null,
    stringToSign: {
      client: a.client?.stringToSign ?? null,
      server: a.server ? decodeUtf8(a.server.bytes) : null,
      serverSource: a.server?.source ?? null,
    },
    canonicalRequest: null,
    firstDifference: a.diff?.firstDifference ?? null,
    signature: { verified: a.secret?.verifies ?? null },
    causes,
    lines: reportLines(a),
    steps: explainSteps(a),
    notes: [...new Set(a.notes)].filter((n) => !QUIET_NOTES.some((q) => n.startsWith(q))),
  };
}
