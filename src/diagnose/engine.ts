/**
 * Run the rules over one analysed case, decide the verdict, and build the
 * case report. Never prints.
 */
import { decodeUtf8, displayBytes, utf8 } from '../compare/bytes.js';
import type { AlignedLine, LabelledLine, StringDiff } from '../compare/lines.js';
import { labelV1Lines } from '../compare/v1-diff.js';
import { isV4StringToSign, labelV4CanonicalRequest, labelV4StringToSign } from '../compare/v4-diff.js';
import type { CaseReport, Command, ReportCause, ReportLine, SensitiveValue, Verdict } from '../model/report.js';
import { findHeader } from '../model/http.js';
import { encodeUriComponentSafe, parseQuery, repairDamagedQuery } from '../request/url-parts.js';
import type { Analysis } from './analyze.js';
import { CATALOGUE, DOCS } from './catalogue.js';
import { findEcEntry } from '../ec/lookup.js';
import type { Finding, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { explainSteps } from './explain-steps.js';
import { sdkFindings } from './sdk-check.js';

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
      evidence: h.signedKind === 'canonical-request'
        ? `With the secret you supplied, the request's signature is exactly the V4 signature of a canonical request in which ${h.change}. The canonical request your code really signed is shown below.`
        : `With the secret you supplied, the request's signature is exactly the HMAC of a string in which ${h.change}. The string your code really signed is shown below.`,
      data: { signed: h.signed, role: h.role, signedKind: h.signedKind ?? 'string-to-sign' },
    });
  }
  return out;
}

function runRules(a: Analysis): Finding[] {
  const claimed = new Set<AlignedLine>();
  const found: Finding[] = provenFindings(a);
  // What an SDK log shows the client signed, where it differs from the request it sent.
  for (const f of a.sdk ? sdkFindings(a.sdk) : []) {
    const same = found.find((g) => g.id === f.id);
    if (same) same.evidence += ` ${f.evidence}`;
    else found.push(f);
  }
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
  markProvenV4(a, found);
  return found;
}

/**
 * V4: when the hash search reconstructed OSS's canonical request, the causes
 * its changes stand for are proven (the SHA-256 matched), not merely observed.
 */
function markProvenV4(a: Analysis, found: Finding[]): void {
  const proven = a.v4?.canonicalSource === 'reconstructed' ? a.v4.search?.proven : null;
  if (!proven) return;
  for (const c of proven.changes) {
    const proof = `Proven: applying this change to your canonical request (${c.change}) gives exactly the canonical-request hash in OSS's StringToSign; the reconstructed canonical request is shown below.`;
    const f = found.find((g) => g.id === c.cause);
    if (f) {
      f.basis = 'proven';
      f.evidence += ` ${proof}`;
    } else {
      found.unshift({ id: c.cause, basis: 'proven', evidence: proof, data: { change: c.change } });
    }
  }
  // The unexplained-difference fallback is moot once every difference is accounted for.
  const i = found.findIndex((f) => f.id === 'unexplained-difference');
  if (i >= 0 && found.length > 1) found.splice(i, 1);
}

/**
 * The page to link: the rule's own, else the catalogue's read for this request —
 * V4 has its own mismatch EC (0002-00000201 instead of V1's 0002-00000040), its
 * own signing page, and its own expiry EC (0002-00000236).
 */
function docsFor(f: Finding, a: Analysis): string {
  if (f.docs) return f.docs;
  const docs = CATALOGUE[f.id].docs;
  if (!a.v4) return docs;
  const V4_PAGES: Record<string, string> = {
    [DOCS.EC('0002-00000040')]: DOCS.EC('0002-00000201'),
    [DOCS.EC('0002-00000069')]: DOCS.EC('0002-00000236'),
    [DOCS.DOC_V1H]: DOCS.DOC_V4H,
    [DOCS.DOC_V1U]: DOCS.DOC_V4U,
  };
  return V4_PAGES[docs] ?? docs;
}

function toCause(f: Finding, a: Analysis): ReportCause {
  const entry = CATALOGUE[f.id];
  const c: ReportCause = { id: f.id, title: entry.title, evidence: f.evidence, fix: f.fix ?? entry.fix, docs: docsFor(f, a), severity: entry.severity, basis: f.basis };
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

const show = (b: Uint8Array | undefined | null): string | null => (b ? displayBytes(b) : null);

function diffLines(d: StringDiff): ReportLine[] {
  return d.lines.map((l) => ({ label: l.label, role: l.role, client: show(l.client?.bytes), server: show(l.server?.bytes), same: l.same }));
}

function oneSided(lines: LabelledLine[] | null, side: 'client' | 'server'): ReportLine[] {
  return (lines ?? []).map((l) => ({ label: l.label, role: l.role, client: side === 'client' ? show(l.bytes) : null, server: side === 'server' ? show(l.bytes) : null, same: false }));
}

/** The string-to-sign lines: the diff, or the one side there is. */
function reportLines(a: Analysis): ReportLine[] {
  if (a.v4) {
    if (a.v4.stsDiff) return diffLines(a.v4.stsDiff);
    const sts = a.v4.computation?.stringToSign;
    if (sts) return oneSided(labelV4StringToSign(utf8(sts)), 'client');
    return a.v4.serverStringToSign ? oneSided(labelV4StringToSign(a.v4.serverStringToSign), 'server') : [];
  }
  if (a.diff) return diffLines(a.diff);
  if (a.client) return oneSided(labelV1Lines(utf8(a.client.stringToSign), a.client.mode === 'query' ? 'Expires' : 'Date'), 'client');
  if (a.server && a.serverLines) return oneSided(a.serverLines, 'server');
  if (a.server && isV4StringToSign(a.server.bytes)) return oneSided(labelV4StringToSign(a.server.bytes), 'server');
  return [];
}

/** V4 canonical-request lines: the diff against OSS's (sent or reconstructed), or yours alone. */
function canonicalLines(a: Analysis): ReportLine[] {
  if (!a.v4) return [];
  if (a.v4.crDiff) return diffLines(a.v4.crDiff);
  const cr = a.v4.computation?.canonicalRequest;
  return cr ? oneSided(labelV4CanonicalRequest(utf8(cr)), 'client') : [];
}

const SCHEME_LABELS: Record<string, string> = {
  'v1-header': 'V1 signature in the Authorization header',
  'v1-header-malformed': 'V1 Authorization header (malformed)',
  'v1-query': 'V1 signed URL',
  'v4-header': 'V4 signature in the Authorization header',
  'v4-query': 'V4 presigned URL',
  'v2-header': 'OSS V2 (OSS2) signature in the Authorization header',
  'v2-query': 'OSS V2 (OSS2) signed URL',
  'aws-v2-header': 'AWS SigV2 (S3-compatible) in the Authorization header',
  'aws-v2-query': 'AWS SigV2 (S3-compatible) signed URL',
  'aws-v4-header': 'AWS SigV4 (S3-compatible) in the Authorization header',
  'aws-v4-query': 'AWS SigV4 (S3-compatible) presigned URL',
  'other-header': 'an Authorization header of an unknown scheme',
  none: 'no signature',
};

function schemeLabel(a: Analysis): string {
  return a.req ? (SCHEME_LABELS[a.req.auth.kind] ?? a.req.auth.kind) : 'signature scheme unknown (no request given)';
}

/** Credentials in the query of a URL inside some text (a HAR entry's label, say). */
export function credentialsInText(text: string): SensitiveValue[] {
  const at = text.indexOf('?');
  if (at < 0) return [];
  const out: SensitiveValue[] = [];
  const query = text.slice(at + 1).split(/[\s)]/)[0] ?? '';
  for (const p of parseQuery(repairDamagedQuery({ rawPath: '/', rawQuery: query }).query)) {
    const v = p.value;
    if (!v || v.replace(/\*/g, '').length < 8) continue;
    const kind: SensitiveValue['kind'] | null = p.name === 'OSSAccessKeyId' ? 'access-key-id' : p.name === 'Signature' || p.name === 'x-oss-signature' ? 'signature' : p.name === 'security-token' || p.name === 'x-oss-security-token' ? 'token' : null;
    if (kind) out.push({ value: v, kind }, { value: p.rawValue ?? v, kind });
    if (p.name === 'x-oss-credential') out.push({ value: v.split('/')[0]!, kind: 'access-key-id' });
  }
  return out;
}

/** Every value in this case that reports must mask unless --no-redact. */
export function sensitiveValues(a: Analysis): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  const add = (value: string | null | undefined, kind: SensitiveValue['kind']): void => {
    // Values masked before they reached us (the docs' `AK**ID`, `18**0a`) have nothing left to hide.
    if (!value || value.length < 4 || value.replace(/\*/g, '').length < 8) return;
    for (const v of new Set([value, encodeUriComponentSafe(value), value.split('+').join(' ')])) out.push({ value: v, kind });
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
  if (a.v4) {
    add(a.v4.facts.signature, 'signature');
    add(a.v4.facts.credential?.accessKeyId, 'access-key-id');
    add(a.v4.facts.securityToken, 'token');
  }
  // Read credentials from the query as its signer meant it too: a copy-damaged URL
  // (`&amp;Signature=`) must not leak its signature through the report.
  const queries = [a.req?.query ?? []];
  if (a.req) queries.push(parseQuery(repairDamagedQuery(a.req.target).query));
  for (const p of queries.flat()) {
    if (p.name === 'x-oss-security-token' || p.name === 'security-token') add(p.value, 'token');
    if (p.name === 'OSSAccessKeyId') add(p.value, 'access-key-id');
    // Only the AccessKeyId of a V4 credential: its date, region and product are what a scope diagnosis shows.
    if (p.name === 'x-oss-credential' && p.value) add(p.value.split('/')[0], 'access-key-id');
    if (p.name === 'Signature' || p.name === 'x-oss-signature') {
      add(p.value, 'signature');
      add(p.rawValue, 'signature');
    }
  }
  return out;
}

function errorFacts(a: Analysis): NonNullable<CaseReport['error']> {
  const e = a.error;
  const ec = e?.ec ?? a.case.response.ecHeader ?? null;
  return {
    status: a.case.response.status ?? null,
    code: e?.code ?? null,
    ec,
    requestId: e?.requestId ?? a.case.response.requestIdHeader ?? null,
    // The same data as `sigdoctor ec`.
    ecMeaning: ec ? (findEcEntry(ec)?.meaning ?? null) : null,
  };
}

export function buildCaseReport(a: Analysis, command: Command): CaseReport {
  const causes = sortCauses(runRules(a).map((f) => toCause(f, a)));
  const req = a.req;
  const e = a.error;
  const status = a.case.response.status ?? null;
  return {
    source: a.case.source,
    verdict: verdictOf(a, causes, command),
    signatureVersion: a.version,
    scheme: schemeLabel(a),
    request: req ? { method: a.client?.parts.verb ?? req.method, host: req.host, path: req.target.rawPath, query: req.target.rawQuery } : null,
    error: e || status !== null ? errorFacts(a) : null,
    stringToSign: {
      client: a.v4 ? (a.v4.computation?.stringToSign ?? null) : (a.client?.stringToSign ?? null),
      server: a.server ? decodeUtf8(a.server.bytes) : null,
      serverSource: a.server?.source ?? null,
    },
    canonicalRequest: a.v4?.computation
      ? { client: a.v4.computation.canonicalRequest, server: a.v4.serverCanonicalRequest ? decodeUtf8(a.v4.serverCanonicalRequest) : null }
      : null,
    canonicalRequestSource: a.v4?.canonicalSource ?? null,
    firstDifference: a.diff?.firstDifference ?? null,
    signature: { verified: a.secret?.verifies ?? null },
    causes,
    lines: reportLines(a),
    canonicalLines: canonicalLines(a),
    steps: explainSteps(a),
    notes: [...new Set(a.notes)].filter((n) => !QUIET_NOTES.some((q) => n.startsWith(q))),
  };
}
