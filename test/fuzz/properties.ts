/**
 * The fuzz properties: one per parser entry point (src/parse/*, the URL /
 * Authorization / V4 readers in src/request/, the error-XML reader) and the
 * whole diagnose pipeline with every formatter. Shared by the fast fixed-seed
 * run in `npm test` (fuzz.test.ts) and the large campaign (`npm run fuzz`).
 */
import fc from 'fast-check';
import type { DiagnoseRequest, InputSource } from '../../src/index.js';
import { INPUT_FORMATS } from '../../src/parse/read-input.js';
import { detectFormat, readInput } from '../../src/parse/read-input.js';
import { decodeInput } from '../../src/parse/decode-input.js';
import { looksLikeRawHttp, parsePastedRequestLine, parseRawHttp } from '../../src/parse/http-message.js';
import { looksLikeCurlVerbose, parseCurlVerbose } from '../../src/parse/curl-verbose.js';
import { unwrapPowerShellErrorRecords } from '../../src/parse/powershell-error-records.js';
import { looksLikeCurlTrace, parseCurlTrace } from '../../src/parse/curl-trace.js';
import { looksLikeCurlCommand, parseCurlCommand } from '../../src/parse/curl-command.js';
import { looksLikeHar, parseHar } from '../../src/parse/har.js';
import { decodeHexBytes, decodeOssErrHeader, findErrorXml, parseErrorXml } from '../../src/parse/error-xml.js';
import { detectSdkLog, parseSdkLog } from '../../src/parse/sdk-logs.js';
import type { SdkLogKind } from '../../src/parse/sdk-logs.js';
import { bytesOf, decodeEscapes, looksLikeMangledError, readPythonLiteral, recoverErrorXml, recoverPythonErrorDict } from '../../src/parse/mangled-error.js';
import { looksLikeAliOssErrorObject, parseAliOssErrorObjects } from '../../src/parse/sdk-error-object.js';
import { extractServerError } from '../../src/parse/server-error-from-response.js';
import { cleanCurlLine, parseHeaderField, parseRequestLine, parseStatusLine, splitLines, stripAnsi } from '../../src/parse/text-lines.js';
import { parseQuery, percentDecode, repairDamagedQuery, splitTarget } from '../../src/request/url-parts.js';
import { parseV1Authorization, readAuth } from '../../src/request/auth.js';
import { looksLikeV4Query, parseV4Authorization, parseV4Query } from '../../src/request/v4-auth.js';
import { resolveRequest } from '../../src/request/resolve-request.js';
import { normalizeHost, parseOssHost, resolveAddressing } from '../../src/request/addressing.js';
import type { HeaderField } from '../../src/model/http.js';
import { InputError } from '../../src/model/input-error.js';
import { readCases } from '../../src/index.js';
import { lookupEc } from '../../src/ec/lookup.js';
import { formatEcHuman, formatEcJson } from '../../src/report/ec.js';
import { signRequest } from '../../src/signer/sign-request.js';
import { formatSignHuman, formatSignJson } from '../../src/report/sign.js';
import { plain } from '../../src/report/style.js';
import { anyInput, powershellCurl, curlCommand, curlTrace, curlVerbose, errorXml, har, message, mutatedCorpus, mutatedStructured, mutation, mutate, nastyText, rawHttp, sdkLog, mangledError, signedUrl, STRUCTURED, utf8, xOssErr } from './arbitraries.js';
import { fixturePairs } from './corpus.js';
import { CANARY_SECRET, checkParser, checkPipeline, checkThrown, InvariantViolation } from './invariants.js';

export interface FuzzProperty {
  name: string;
  /** What it covers, printed by the runner. */
  covers: string;
  /** Cases in `npm run fuzz` (scaled by FUZZ_SCALE) and in `npm test`. */
  fuzzRuns: number;
  testRuns: number;
  build: () => fc.IPropertyWithHooks<[unknown]> | fc.IProperty<[unknown]>;
}

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/** Text for a parser: mostly its own format (generated or mutated), sometimes anything at all. */
const textFor = (own: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: own },
    { weight: 2, arbitrary: fc.tuple(own, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([s, ms]) => text(mutate(utf8(s), ms, []))) },
    { weight: 2, arbitrary: mutatedCorpus.map((c) => text(c.bytes)) },
    { weight: 1, arbitrary: anyInput.map(text) },
  );

function violation(what: string): never {
  throw new InvariantViolation(what);
}

/**
 * Per-case timing, read and reset by the runner: the slowest case of the
 * current property, and a budget above which a case is a violation (an input
 * that makes a parser slow is a bug too). Infinite in `npm test`.
 */
export const caseTiming = { budgetMs: Number.POSITIVE_INFINITY, maxMs: 0, cases: 0, outcomes: new Map<string, number>() };

/** Counts what the pipeline made of the cases (InputError, or the verdicts and causes of the report), so a run shows how deep it got. */
function record(r: ReturnType<typeof checkPipeline>): void {
  const keys = r instanceof InputError ? ['input-error'] : ['report', ...r.results.map((x) => `verdict:${x.verdict}`), ...new Set(r.results.flatMap((x) => x.causes.map((c) => `cause:${c.id}`)))];
  for (const k of keys) caseTiming.outcomes.set(k, (caseTiming.outcomes.get(k) ?? 0) + 1);
}

/** Wraps a check so the property sees one argument, and times it. */
const prop = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void): fc.IProperty<[unknown]> =>
  fc.property(arb as fc.Arbitrary<unknown>, (v) => {
    const t0 = performance.now();
    check(v as T);
    const ms = performance.now() - t0;
    caseTiming.cases++;
    if (ms > caseTiming.maxMs) caseTiming.maxMs = ms;
    if (ms > caseTiming.budgetMs) violation(`slow case: ${ms.toFixed(0)} ms, over the ${caseTiming.budgetMs} ms budget (FUZZ_CASE_MS)`);
  }) as fc.IProperty<[unknown]>;

const headerList: fc.Arbitrary<HeaderField[]> = message.map((m) => [...m.requestHeaders, ...m.responseHeaders].map(([name, value]) => ({ name, value })));

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'decode-input',
    covers: 'src/parse/decode-input.ts decodeInput: bytes → text (BOMs, UTF-16, binary, empty, size limit)',
    fuzzRuns: 6000,
    testRuns: 75,
    build: () =>
      prop(fc.tuple(anyInput, fc.constantFrom(undefined, 1, 100, 4096)), ([b, limit]) => {
        const r = checkParser(() => (limit === undefined ? decodeInput(b, 'fuzz.txt') : decodeInput(b, 'fuzz.txt', limit)));
        if (r instanceof InputError) checkThrown(r, ['fuzz.txt']);
        else if (typeof r !== 'string' || r.trim() === '') violation('decodeInput returned empty text instead of an InputError');
      }),
  },
  {
    name: 'read-input',
    covers: 'src/parse/read-input.ts detectFormat + readInput, detected and every forced --input-format',
    fuzzRuns: 8000,
    testRuns: 75,
    build: () =>
      prop(fc.tuple(textFor(fc.oneof(...Object.values(STRUCTURED))), fc.constantFrom(undefined, ...INPUT_FORMATS)), ([t, forced]) => {
        checkParser(() => detectFormat(t));
        const r = checkParser(() => readInput(t, 'in.txt', forced));
        if (r instanceof InputError) checkThrown(r, ['in.txt']);
        else if (r.exchanges.length === 0 && r.errors.length === 0) violation('readInput returned nothing instead of an InputError');
      }),
  },
  {
    name: 'raw-http',
    covers: 'src/parse/http-message.ts looksLikeRawHttp, parseRawHttp, parsePastedRequestLine',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(rawHttp), (t) => {
        checkParser(() => looksLikeRawHttp(t));
        checkParser(() => parsePastedRequestLine(t.split('\n')[0] ?? ''));
        const ex = checkParser(() => parseRawHttp(t));
        if (ex && !(ex instanceof InputError)) for (const h of [...(ex.request?.headers ?? []), ...(ex.response?.headers ?? [])]) if (typeof h.name !== 'string' || typeof h.value !== 'string') violation('header with a non-string name or value');
      }),
  },
  {
    name: 'curl-verbose',
    covers: 'src/parse/curl-verbose.ts looksLikeCurlVerbose, parseCurlVerbose',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(curlVerbose), (t) => {
        checkParser(() => looksLikeCurlVerbose(t));
        checkParser(() => parseCurlVerbose(t));
      }),
  },
  {
    name: 'powershell-records',
    covers: 'src/parse/powershell-error-records.ts unwrapPowerShellErrorRecords (curl.exe -v 2>&1 in Windows PowerShell 5.1)',
    fuzzRuns: 4000,
    testRuns: 50,
    build: () =>
      prop(textFor(powershellCurl), (t) => {
        const r = checkParser(() => unwrapPowerShellErrorRecords(t));
        if (r && !(r instanceof InputError) && r.text.length > t.length) violation('unwrapping PowerShell records made the text longer');
      }),
  },
  {
    name: 'curl-trace',
    covers: 'src/parse/curl-trace.ts looksLikeCurlTrace, parseCurlTrace (ascii and hex)',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(curlTrace), (t) => {
        checkParser(() => looksLikeCurlTrace(t));
        checkParser(() => parseCurlTrace(t));
      }),
  },
  {
    name: 'curl-command',
    covers: 'src/parse/curl-command.ts looksLikeCurlCommand, parseCurlCommand (bash, cmd, PowerShell)',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(curlCommand), (t) => {
        checkParser(() => looksLikeCurlCommand(t));
        checkParser(() => parseCurlCommand(t));
      }),
  },
  {
    name: 'har',
    covers: 'src/parse/har.ts looksLikeHar, parseHar',
    fuzzRuns: 4000,
    testRuns: 40,
    build: () =>
      prop(textFor(har), (t) => {
        checkParser(() => looksLikeHar(t));
        const r = checkParser(() => parseHar(t, 'x.har'));
        if (r instanceof InputError) checkThrown(r, ['x.har']);
      }),
  },
  {
    name: 'error-xml',
    covers: 'src/parse/error-xml.ts findErrorXml, parseErrorXml (fast-xml-parser), decodeHexBytes, decodeOssErrHeader',
    fuzzRuns: 8000,
    testRuns: 75,
    build: () =>
      prop(textFor(fc.oneof(errorXml, xOssErr)), (t) => {
        const spans = checkParser(() => findErrorXml(t));
        if (!(spans instanceof InputError)) {
          let last = 0;
          for (const s of spans) {
            if (s.start < last || s.end < s.start || s.end > t.length || t.slice(s.start, s.end) !== s.xml) violation(`findErrorXml span out of order or not the text at ${s.start}…${s.end}`);
            last = s.end;
            const r = checkParser(() => parseErrorXml(s.xml, 'err.xml', 'standalone'));
            if (r instanceof InputError) checkThrown(r, ['err.xml']);
          }
        }
        const r = checkParser(() => parseErrorXml(t, 'err.xml', 'body'));
        if (r instanceof InputError) checkThrown(r, ['err.xml']);
        const hex = checkParser(() => decodeHexBytes(t));
        if (!(hex instanceof InputError) && hex.ok && hex.bytes.length * 2 > t.length) violation('decodeHexBytes produced more bytes than hex digits');
        checkParser(() => decodeOssErrHeader(t.trim().replace(/^x-oss-err:\s*/i, '')));
      }),
  },
  {
    name: 'sdk-logs',
    covers: 'src/parse/sdk-logs.ts detectSdkLog, parseSdkLog for ali-oss DEBUG, oss2, Go v1/ossutil, Go v2',
    fuzzRuns: 6000,
    testRuns: 50,
    build: () =>
      prop(fc.tuple(textFor(sdkLog), fc.constantFrom<SdkLogKind>('ali-oss-debug', 'oss2', 'go-v1', 'go-v2')), ([t, kind]) => {
        checkParser(() => detectSdkLog(t));
        checkParser(() => parseSdkLog(t, kind));
      }),
  },
  {
    name: 'mangled-error',
    covers: 'src/parse/mangled-error.ts recoverErrorXml, looksLikeMangledError, recoverPythonErrorDict, readPythonLiteral, decodeEscapes, bytesOf',
    fuzzRuns: 6000,
    testRuns: 50,
    build: () =>
      prop(fc.tuple(textFor(mangledError), fc.double({ min: 0, max: 1, noNaN: true })), ([t, at]) => {
        checkParser(() => looksLikeMangledError(t));
        const rec = checkParser(() => recoverErrorXml(t));
        if (rec instanceof InputError) violation('recoverErrorXml threw (documented never to throw)');
        if (rec) {
          const r = checkParser(() => parseErrorXml(findErrorXml(rec.xml)[0]?.xml ?? rec.xml, 'log.txt', 'standalone'));
          if (r instanceof InputError) checkThrown(r, ['log.txt']);
        }
        checkParser(() => recoverPythonErrorDict(t));
        checkParser(() => readPythonLiteral(t, Math.floor(at * t.length)));
        checkParser(() => decodeEscapes(t, 'str'));
        checkParser(() => decodeEscapes(t, 'bytes'));
        checkParser(() => bytesOf(t));
      }),
  },
  {
    name: 'sdk-error-object',
    covers: 'src/parse/sdk-error-object.ts looksLikeAliOssErrorObject, parseAliOssErrorObjects',
    fuzzRuns: 3000,
    testRuns: 30,
    build: () =>
      prop(textFor(mangledError), (t) => {
        checkParser(() => looksLikeAliOssErrorObject(t));
        checkParser(() => parseAliOssErrorObjects(t));
      }),
  },
  {
    name: 'server-error-from-response',
    covers: 'src/parse/server-error-from-response.ts extractServerError (body XML, x-oss-err base64, x-oss-ec)',
    fuzzRuns: 4000,
    testRuns: 40,
    build: () =>
      prop(fc.tuple(message, fc.integer({ min: -1, max: 999 }), fc.option(textFor(errorXml), { nil: undefined })), ([m, status, body]) => {
        const response = { status, headers: m.responseHeaders.map(([name, value]) => ({ name, value })), ...(body !== undefined ? { body } : {}) };
        const r = checkParser(() => extractServerError(response, 'resp.txt'));
        if (r instanceof InputError) checkThrown(r, ['resp.txt']);
      }),
  },
  {
    name: 'text-lines',
    covers: 'src/parse/text-lines.ts splitLines, cleanCurlLine (ANSI, progress meter, trace prefixes), parseRequestLine, parseStatusLine, parseHeaderField',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(fc.oneof(curlVerbose, rawHttp)), (t) => {
        const lines = checkParser(() => splitLines(t));
        if (lines instanceof InputError) return;
        if (lines.length !== t.split('\n').length) violation('splitLines lost or invented lines');
        for (const l of lines.slice(0, 200)) {
          checkParser(() => cleanCurlLine(l));
          checkParser(() => stripAnsi(l));
          checkParser(() => parseRequestLine(l, false));
          checkParser(() => parseStatusLine(l));
          checkParser(() => parseHeaderField(l));
        }
      }),
  },
  {
    name: 'url-parts',
    covers: 'src/request/url-parts.ts splitTarget, percentDecode, parseQuery, repairDamagedQuery',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(textFor(signedUrl), (t) => {
        const parts = checkParser(() => splitTarget(t));
        if (parts instanceof InputError) return;
        if (!parts.rawPath.startsWith('/')) violation('splitTarget rawPath does not start with /');
        checkParser(() => percentDecode(t));
        const q = checkParser(() => parseQuery(parts.rawQuery));
        if (!(q instanceof InputError) && q.length > parts.rawQuery.split('&').length) violation('parseQuery invented parameters');
        checkParser(() => repairDamagedQuery(parts));
      }),
  },
  {
    name: 'auth',
    covers: 'src/request/auth.ts parseV1Authorization, readAuth; src/request/v4-auth.ts parseV4Authorization, parseV4Query, looksLikeV4Query',
    fuzzRuns: 8000,
    testRuns: 75,
    build: () =>
      prop(fc.tuple(textFor(fc.oneof(message.map((m) => m.requestHeaders.find(([n]) => n === 'Authorization')?.[1] ?? ''), nastyText(80))), textFor(signedUrl), headerList, fc.record({ hostRegion: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), xOssDate: fc.option(nastyText(20), { nil: undefined }) })), ([authValue, url, hdrs, ctx]) => {
        checkParser(() => parseV1Authorization(authValue));
        const query = parseQuery(splitTarget(url).rawQuery);
        checkParser(() => readAuth([...hdrs, { name: 'Authorization', value: authValue }], query));
        const context = { ...(ctx.hostRegion !== undefined ? { hostRegion: ctx.hostRegion } : {}), ...(ctx.xOssDate !== undefined ? { xOssDate: ctx.xOssDate } : {}) };
        for (const facts of [checkParser(() => parseV4Authorization(authValue, context)), checkParser(() => parseV4Query(query, splitTarget(url).rawQuery, context))]) {
          if (facts instanceof InputError) violation('a V4 reader threw (documented never to throw)');
          // The V4 readers catch their own exceptions and report them as a problem: that is a bug too.
          const swallowed = facts.problems.find((p) => p.message.startsWith('sigdoctor could not read'));
          if (swallowed) violation(`a V4 reader swallowed an exception: ${swallowed.message}`);
          // At most 100 problems plus one "N further problems" line (v4-auth.ts MAX_PROBLEMS).
          if (facts.problems.length > 101) violation('a V4 reader listed more than 100 problems (+ the summary line)');
        }
        checkParser(() => looksLikeV4Query(query));
      }),
  },
  {
    name: 'resolve-request',
    covers: 'src/request/resolve-request.ts resolveRequest; src/request/addressing.ts normalizeHost, parseOssHost, resolveAddressing',
    fuzzRuns: 5000,
    testRuns: 50,
    build: () =>
      prop(fc.tuple(message, fc.option(nastyText(20), { nil: undefined }), fc.boolean()), ([m, bucketHint, cname]) => {
        const [meth = '', tgt = ''] = m.requestLine.split(' ');
        const r = checkParser(() => resolveRequest({ method: meth, target: tgt, headers: m.requestHeaders.map(([name, value]) => ({ name, value })) }));
        if (r instanceof InputError) return;
        if (r.host !== null) {
          checkParser(() => normalizeHost(r.host!));
          checkParser(() => parseOssHost(r.host!));
        }
        checkParser(() => resolveAddressing(r.host, r.target.rawPath, { ...(bucketHint !== undefined ? { bucket: bucketHint } : {}), cname }));
      }),
  },
  {
    name: 'ec-lookup',
    covers: 'src/ec/lookup.ts lookupEc (`sigdoctor ec` on a code, a Code name or any error text) and its human/JSON formatters',
    fuzzRuns: 4000,
    testRuns: 50,
    build: () =>
      prop(textFor(fc.oneof(errorXml, xOssErr, nastyText(40), fc.constantFrom('0002-00000040', 'SignatureDoesNotMatch', 'ec 2-40', 'x-oss-ec: 0002-00000201', '000200000040'))), (t) => {
        const r = checkParser(() => lookupEc(t));
        if (r instanceof InputError) return;
        checkParser(() => formatEcHuman(r, plain));
        const json = checkParser(() => formatEcJson(r));
        if (typeof json === 'string') JSON.parse(json);
      }),
  },
  {
    name: 'sign-request',
    covers: 'src/signer/sign-request.ts signRequest (`sigdoctor sign FILE`: V1/V4, header/URL) on every request any parser reads, and its formatters',
    fuzzRuns: 4000,
    testRuns: 50,
    build: () =>
      prop(fc.tuple(fc.oneof(...Object.values(STRUCTURED).map((a) => a.map(utf8)), mutatedStructured, mutatedCorpus.map((c) => c.bytes)), fc.constantFrom<'v1' | 'v4'>('v1', 'v4'), fc.boolean(), fc.integer({ min: 0, max: 700000 }), fc.array(fc.constantFrom('host', 'range', '', 'x-oss-meta-a'), { maxLength: 2 })), ([bytes, version, query, expiresIn, additionalHeaders]) => {
        const cases = checkParser(() => readCases([{ name: 'req.txt', bytes }]));
        if (cases instanceof InputError) return;
        for (const c of cases.slice(0, 3)) {
          if (!c.request) continue;
          const r = checkParser(() => signRequest(c.request!, { version, query, accessKeyId: 'LTAI5tExampleKeyId0000', secret: CANARY_SECRET, now: new Date(Date.UTC(2026, 10, 22, 14, 2, 21)), expiresIn, product: 'oss', additionalHeaders }));
          if (r instanceof InputError) continue;
          const human = checkParser(() => formatSignHuman(r, plain));
          const json = checkParser(() => formatSignJson(r));
          if (typeof json === 'string') JSON.parse(json);
          for (const out of [human, json]) if (typeof out === 'string' && out.includes(CANARY_SECRET)) violation('sign output prints the secret');
        }
      }),
  },
  {
    name: 'pipeline',
    covers: 'src/index.ts diagnose() on one input (any bytes) with every command and option, then every formatter (human, json, markdown, github; redacted and --no-redact)',
    fuzzRuns: 20000,
    testRuns: 125,
    build: () =>
      prop(fc.tuple(anyInput, pipelineOptions), ([bytes, request]) => {
        record(checkPipeline({ inputs: [{ name: 'capture.txt', bytes }], request }));
      }),
  },
  {
    name: 'pipeline-structured',
    covers: 'diagnose() on every structure-aware generator (raw HTTP, curl -v, --trace, HAR, XML, x-oss-err, Copy as cURL, SDK logs, quoted errors, signed URL), mutated',
    fuzzRuns: 15000,
    testRuns: 100,
    build: () =>
      prop(fc.tuple(fc.oneof(...Object.values(STRUCTURED).map((a) => a.map(utf8)), mutatedStructured), pipelineOptions), ([bytes, request]) => {
        record(checkPipeline({ inputs: [{ name: 'capture.txt', bytes }], request }));
      }),
  },
  {
    name: 'pipeline-pair',
    covers: 'diagnose() on two inputs (request + response, either order, --request/--response roles): corpus files and generated messages, mutated',
    fuzzRuns: 8000,
    testRuns: 60,
    build: () =>
      prop(fc.tuple(fc.oneof({ weight: 3, arbitrary: fixturePair }, { weight: 2, arbitrary: fc.tuple(pairInput, pairInput) }), fc.constantFrom<Array<'request' | 'response' | undefined>>([undefined, undefined], ['request', 'response'], ['response', 'request'], ['request', undefined], [undefined, 'response']), pipelineOptions), ([[a, b], roles, request]) => {
        const inputs: InputSource[] = [
          { name: 'request.txt', bytes: a, ...(roles[0] ? { role: roles[0] } : {}) },
          { name: 'response.xml', bytes: b, ...(roles[1] ? { role: roles[1] } : {}) },
        ];
        record(checkPipeline({ inputs, request }));
      }),
  },
];

/** diagnose() options: command, secret (a canary), hints, forced input format. */
export const pipelineOptions: fc.Arbitrary<DiagnoseRequest> = fc
  .record({
    command: fc.constantFrom<DiagnoseRequest['command']>('diagnose', 'diagnose', 'explain', 'verify'),
    secret: fc.constantFrom<string | undefined>(undefined, undefined, CANARY_SECRET),
    bucket: fc.constantFrom<string | undefined>(undefined, undefined, 'examplebucket', 'x'),
    cname: fc.boolean(),
    region: fc.constantFrom<string | undefined>(undefined, undefined, 'cn-hangzhou'),
    inputFormat: fc.oneof({ weight: 3, arbitrary: fc.constant<DiagnoseRequest['inputFormat']>(undefined) }, { weight: 1, arbitrary: fc.constantFrom<DiagnoseRequest['inputFormat']>(...INPUT_FORMATS) }),
  })
  .map((o) => {
    const r: DiagnoseRequest = { command: o.command };
    if (o.secret !== undefined) r.secret = o.secret;
    if (o.bucket !== undefined) r.bucket = o.bucket;
    if (o.cname) r.cname = true;
    if (o.region !== undefined) r.region = o.region;
    if (o.inputFormat !== undefined) r.inputFormat = o.inputFormat;
    return r;
  });

/** Two inputs of one fixture case folder (request + response), each lightly mutated, in either order. */
const fixturePair: fc.Arbitrary<[Uint8Array, Uint8Array]> = fc
  .tuple(fc.nat(), fc.boolean(), fc.array(mutation, { maxLength: 2 }), fc.array(mutation, { maxLength: 2 }))
  .map(([i, swap, ma, mb]) => {
    const pairs = fixturePairs();
    const [a, b] = pairs[i % pairs.length]!;
    const x = mutate(a!.bytes, ma, []);
    const y = mutate(b!.bytes, mb, []);
    return swap ? [y, x] : [x, y];
  });

const pairInput: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutatedCorpus.map((c) => c.bytes),
  fc.tuple(rawHttp, fc.array(mutation, { maxLength: 2 })).map(([s, ms]) => mutate(utf8(s), ms, [])),
  fc.tuple(errorXml, fc.array(mutation, { maxLength: 2 })).map(([s, ms]) => mutate(utf8(s), ms, [])),
  fc.oneof(signedUrl, curlCommand, xOssErr, sdkLog).map(utf8),
);

export function findProperty(name: string): FuzzProperty | undefined {
  return PROPERTIES.find((p) => p.name === name);
}
