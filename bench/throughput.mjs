/**
 * Canonicalization throughput: sigdoctor vs ali-oss 6.23.0 on the same
 * generated requests, in the four forms (V1 header, V1 signed URL, V4 header,
 * V4 presigned URL).
 *
 * For every request, ali-oss first builds it for real (createRequest,
 * signatureUrl, signatureUrlV4 — nothing is sent), and the arguments it hands
 * to its own signing functions are recorded. Then, timed:
 *  - ali-oss: those signing functions on the recorded arguments (already
 *    structured: bucket, key, header object, sub-resource object);
 *  - sigdoctor: what it does with a captured request — parse the wire form
 *    (target, headers, Host), find the bucket and key, read the signature
 *    parameters (V4), build the string to sign (and canonical request), sign.
 * Before timing, every result is checked byte for byte against ali-oss's.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const AK = 'LTAI5tBenchKeyId000000';
const SECRET = 'bench-secret-do-not-use';
const REGION = 'oss-cn-hangzhou';
const HOST_SUFFIX = `${REGION}.aliyuncs.com`;

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (arr) => arr[int(arr.length)];
  const chance = (p) => next() < p;
  return { int, pick, chance };
}

const KEY_TOKENS = [...'abcdefghijklmnopqrstuvwxyzABCDEFXYZ0123456789', '-', '_', ' ', '中', '文', 'é', 'ü', '😀', '(', ')', '!', '~', '*', "'", '+', '=', ',', '@'];
const EXTENSIONS = ['', '.txt', '.jpg', '.json', '.tar.gz', '.html'];
const CONTENT_TYPES = ['text/plain', 'application/octet-stream', 'image/jpeg', 'application/json; charset=utf-8'];
const VALUE_CHARS = [...'abcdefXYZ0189', ' ', '-', '_', '.', '/', ':', ',', ';'];

function word(r, tokens, min, max) {
  let s = '';
  const n = min + r.int(max - min + 1);
  for (let i = 0; i < n; i++) s += r.pick(tokens);
  return s;
}

function objectKey(r) {
  const segs = [];
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    let s = word(r, KEY_TOKENS, 1, 10);
    if (s.trim() === '' || s === '.' || s === '..') s = 'x' + s;
    segs.push(s);
  }
  return segs.join('/') + r.pick(EXTENSIONS);
}

function value(r) {
  return word(r, VALUE_CHARS, 1, 20).trim() || 'v';
}

function ossHeaders(r) {
  const h = {};
  const metas = r.int(4);
  for (let i = 0; i < metas; i++) h[`x-oss-meta-${word(r, [...'abcdefgh0123'], 2, 8)}`] = value(r);
  if (r.chance(0.3)) h['x-oss-object-acl'] = r.pick(['private', 'public-read', 'default']);
  if (r.chance(0.2)) h['x-oss-storage-class'] = r.pick(['Standard', 'IA', 'Archive']);
  return h;
}

function subres(r) {
  switch (r.int(6)) {
    case 0: return undefined;
    case 1: return { acl: '' };
    case 2: return { uploadId: word(r, [...'0123456789ABCDEF'], 16, 32), partNumber: String(1 + r.int(1000)) };
    case 3: return { 'response-content-type': r.pick(CONTENT_TYPES), 'response-cache-control': 'no-cache' };
    case 4: return { versionId: word(r, [...'CAEQABiBgICAAAAAAAAAAA=='], 12, 24) };
    default: return { tagging: '' };
  }
}

function bucketName(r) {
  return `bench-${word(r, [...'abcdefghijklmnopqrstuvwxyz0123456789'], 3, 12)}`;
}

// ---------------------------------------------------------------------------
// ali-oss: build each request for real, record its signing arguments

function loadAliOss() {
  const OSS = require('ali-oss');
  const signUtils = require('ali-oss/lib/common/signUtils');
  const { createRequest } = require('ali-oss/lib/common/utils/createRequest');
  return { OSS, signUtils, createRequest };
}

function headerList(obj, host) {
  const out = Object.entries(obj).map(([name, v]) => ({ name, value: String(v) }));
  out.push({ name: 'Host', value: host });
  return out;
}

function pathOf(url) {
  const u = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  return u.startsWith('/') ? u : `/${u}`;
}

/** One ali-oss client per bucket (creating one is far slower than signing with it), V1 or V4. */
function clientCache(ali) {
  const clients = new Map();
  return (bucket, v4) => {
    const id = `${v4 ? 'v4' : 'v1'}:${bucket}`;
    let client = clients.get(id);
    if (!client) clients.set(id, (client = new ali.OSS({ accessKeyId: AK, accessKeySecret: SECRET, bucket, region: REGION, ...(v4 ? { authorizationV4: true } : {}) })));
    return client;
  };
}

/** V1 header form: createRequest → client.authorization(method, resource, subres, headers). */
function makeV1Header(ali, r, n) {
  const out = [];
  const clientFor = clientCache(ali);
  for (let i = 0; i < n; i++) {
    const bucket = bucketName(r);
    const client = clientFor(bucket, false);
    const headers = ossHeaders(r);
    if (r.chance(0.5)) headers['Content-Type'] = r.pick(CONTENT_TYPES);
    if (r.chance(0.3)) headers['Content-MD5'] = Buffer.from(word(r, [...'abcdef'], 16, 16)).toString('base64');
    const params = { method: r.pick(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']), bucket, object: objectKey(r), headers };
    const sr = subres(r);
    if (sr) params.subres = sr;
    let args;
    const orig = client.authorization;
    client.authorization = function (method, resource, subresArg, hdrs) {
      args = [method, resource, subresArg, { ...hdrs }];
      return orig.call(this, method, resource, subresArg, hdrs);
    };
    const built = ali.createRequest.call(client, params);
    client.authorization = orig;
    const { authorization, ...sent } = built.params.headers;
    const host = new URL(built.url).host;
    out.push({
      ali: { client, args },
      wire: { method: built.params.method, target: pathOf(built.url), headers: [...headerList(sent, host), { name: 'Authorization', value: authorization }] },
      expect: { signature: authorization.slice(authorization.indexOf(':') + 1), stringToSign: ali.signUtils.buildCanonicalString(args[0].toUpperCase(), args[1], { headers: args[3], parameters: args[2] }) },
    });
  }
  return out;
}

/** V1 signed URL: client.signatureUrl → signUtils._signatureForURL(secret, options, resource, expires). */
function makeV1Query(ali, r, n) {
  const out = [];
  const clientFor = clientCache(ali);
  for (let i = 0; i < n; i++) {
    const bucket = bucketName(r);
    const client = clientFor(bucket, false);
    const options = { expires: 60 + r.int(86400), method: r.pick(['GET', 'PUT', 'HEAD']) };
    const signedHeaders = {};
    if (r.chance(0.4)) options['Content-Type'] = signedHeaders['Content-Type'] = r.pick(CONTENT_TYPES);
    if (r.chance(0.4)) options['x-oss-meta-owner'] = signedHeaders['x-oss-meta-owner'] = value(r);
    if (r.chance(0.3)) options.response = { 'content-type': r.pick(CONTENT_TYPES), 'cache-control': 'no-cache' };
    if (r.chance(0.2)) options.process = r.pick(['image/resize,w_100', 'image/rotate,90/format,png']);
    let args;
    const orig = ali.signUtils._signatureForURL;
    ali.signUtils._signatureForURL = function (secret, opts, resource, expires, enc) {
      const res = orig.call(this, secret, opts, resource, expires, enc);
      args = [secret, structuredClone(opts), resource, expires];
      return res;
    };
    const url = client.signatureUrl(objectKey(r), options);
    ali.signUtils._signatureForURL = orig;
    const host = new URL(url).host;
    let stringToSign;
    const origBuild = ali.signUtils.buildCanonicalString;
    ali.signUtils.buildCanonicalString = function (...a) {
      return (stringToSign = origBuild.apply(this, a));
    };
    const signature = ali.signUtils._signatureForURL(...args.slice(0, 2), args[2], args[3]).Signature;
    ali.signUtils.buildCanonicalString = origBuild;
    out.push({
      ali: { args },
      wire: { method: options.method, target: pathOf(url), headers: headerList(signedHeaders, host) },
      expect: { signature, stringToSign },
    });
  }
  return out;
}

/** V4 header form: createRequest (authorizationV4) → client.authorizationV4(method, {headers, queries}, bucket, object, additional). */
function makeV4Header(ali, r, n) {
  const out = [];
  const clientFor = clientCache(ali);
  for (let i = 0; i < n; i++) {
    const bucket = bucketName(r);
    const client = clientFor(bucket, true);
    const headers = ossHeaders(r);
    if (r.chance(0.5)) headers['Content-Type'] = r.pick(CONTENT_TYPES);
    if (r.chance(0.3)) headers['Content-MD5'] = Buffer.from(word(r, [...'abcdef'], 16, 16)).toString('base64');
    const additionalHeaders = [];
    if (r.chance(0.4)) {
      headers['Cache-Control'] = 'no-cache';
      additionalHeaders.push('cache-control');
    }
    const params = { method: r.pick(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']), bucket, object: objectKey(r), headers, additionalHeaders };
    const sr = subres(r);
    if (sr) params.subres = sr;
    if (r.chance(0.3)) params.query = { prefix: value(r), 'max-keys': String(1 + r.int(1000)) };
    let args;
    const orig = client.authorizationV4;
    client.authorizationV4 = function (method, req, b, o, add) {
      args = [method, { headers: { ...req.headers }, queries: { ...req.queries } }, b, o, add];
      return orig.call(this, method, req, b, o, add);
    };
    const built = ali.createRequest.call(client, params);
    client.authorizationV4 = orig;
    const { authorization, ...sent } = built.params.headers;
    const host = new URL(built.url).host;
    out.push({
      ali: { client, args },
      wire: { method: built.params.method, target: pathOf(built.url), headers: [...headerList(sent, host), { name: 'Authorization', value: authorization }] },
      expect: { signature: authorization.slice(authorization.lastIndexOf('Signature=') + 10) },
    });
  }
  return out;
}

/** V4 presigned URL: signatureUrlV4 → getCanonicalRequest, getStringToSign, getSignatureV4. */
async function makeV4Query(ali, r, n) {
  const out = [];
  const clientFor = clientCache(ali);
  const su = ali.signUtils;
  for (let i = 0; i < n; i++) {
    const bucket = bucketName(r);
    const client = clientFor(bucket, true);
    const headers = {};
    if (r.chance(0.4)) headers['Content-Type'] = r.pick(CONTENT_TYPES);
    if (r.chance(0.4)) headers['x-oss-meta-owner'] = value(r);
    const additional = [];
    if (r.chance(0.3)) {
      headers['Cache-Control'] = 'no-cache';
      additional.push('cache-control');
    }
    const queries = { ...(subres(r) ?? {}) };
    for (const k of Object.keys(queries)) if (queries[k] === '') queries[k] = null;
    if (r.chance(0.3)) queries.prefix = value(r);
    const method = r.pick(['GET', 'PUT', 'HEAD']);
    const rec = {};
    const origCR = su.getCanonicalRequest;
    const origSTS = su.getStringToSign;
    const origSig = su.getSignatureV4;
    su.getCanonicalRequest = function (m, req, b, o, add) {
      rec.cr = [m, { headers: { ...req.headers }, queries: { ...req.queries } }, b, o, add];
      return (rec.canonicalRequest = origCR.call(this, m, req, b, o, add));
    };
    su.getStringToSign = function (...a) {
      rec.sts = a.slice(0, 2).concat([undefined, a[3]]);
      return (rec.stringToSign = origSTS.apply(this, a));
    };
    su.getSignatureV4 = function (...a) {
      rec.sig = a.slice(0, 3).concat([undefined, a[4]]);
      return (rec.signature = origSig.apply(this, a));
    };
    const url = await client.signatureUrlV4(method, 60 + r.int(86400), { headers, queries }, objectKey(r), additional);
    su.getCanonicalRequest = origCR;
    su.getStringToSign = origSTS;
    su.getSignatureV4 = origSig;
    const host = new URL(url).host;
    out.push({
      ali: { rec },
      wire: { method, target: pathOf(url), headers: headerList(headers, host) },
      expect: { signature: rec.signature, stringToSign: rec.stringToSign, canonicalRequest: rec.canonicalRequest },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The timed work of each side

function aliOssSigner(ali, form) {
  const su = ali.signUtils;
  switch (form) {
    case 'v1-header':
      return (x) => {
        const [m, resource, sr, headers] = x.ali.args;
        return x.ali.client.authorization(m, resource, sr, headers);
      };
    case 'v1-query':
      return (x) => {
        const [secret, opts, resource, expires] = x.ali.args;
        return su._signatureForURL(secret, opts, resource, expires).Signature;
      };
    case 'v4-header':
      return (x) => {
        const [m, req, b, o, add] = x.ali.args;
        return x.ali.client.authorizationV4(m, req, b, o, add);
      };
    case 'v4-query':
      return (x) => {
        const { cr, sts, sig } = x.ali.rec;
        const canonicalRequest = su.getCanonicalRequest(cr[0], cr[1], cr[2], cr[3], cr[4]);
        const stringToSign = su.getStringToSign(sts[0], sts[1], canonicalRequest, sts[3]);
        return su.getSignatureV4(sig[0], sig[1], sig[2], stringToSign, sig[4]);
      };
  }
  throw new Error(form);
}

/**
 * sigdoctor, in two steps: `parse` reads the captured request as a diagnosis
 * does (request target and headers → resolved request, bucket and key, V4
 * signature parameters), `sign` canonicalizes and signs the parsed request —
 * the work ali-oss's signing functions do on their already structured input.
 */
function sigdoctorSteps(lib, form) {
  if (form.startsWith('v1')) {
    const mode = form === 'v1-header' ? 'header' : 'query';
    return {
      parse: (x) => {
        const req = lib.resolveRequest(x.wire);
        return { req, addressing: lib.resolveAddressing(req.host, req.target.rawPath) };
      },
      sign: (p) => {
        const c = lib.computeV1(p.req, p.addressing, mode);
        return { stringToSign: c.stringToSign, signature: lib.signV1(SECRET, c.stringToSign) };
      },
    };
  }
  return {
    parse: (x) => {
      const req = lib.resolveRequest(x.wire);
      const addressing = lib.resolveAddressing(req.host, req.target.rawPath);
      const xOssDate = lib.findHeader(req.headers, 'x-oss-date');
      const ctx = { headerNames: req.headers.map((h) => h.name.toLowerCase()) };
      if (addressing.region) ctx.hostRegion = addressing.region;
      if (xOssDate) ctx.xOssDate = xOssDate.trim();
      const facts = req.auth.kind === 'v4-header' ? lib.parseV4Authorization(req.auth.authorization, ctx) : lib.parseV4Query(req.query, req.target.rawQuery, ctx);
      return { req, addressing, facts };
    },
    sign: (p) => {
      const c = lib.computeV4(p.req, p.addressing, p.facts);
      const cred = p.facts.credential;
      const key = lib.v4SigningKey(SECRET, cred.date, cred.region, cred.product).kSigning;
      return { canonicalRequest: c.canonicalRequest, stringToSign: c.stringToSign, signature: lib.signV4(key, c.stringToSign) };
    },
  };
}

function timeLoop(fn, items) {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < items.length; i++) {
    const r = fn(items[i]);
    sink += typeof r === 'string' ? r.length : r.signature.length;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink === 0) throw new Error('nothing computed');
  return ns;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Runs the comparison. Returns one row per form: { form, n, agree,
 * sigdoctorOps (canonicalize + sign a parsed request), sigdoctorWireOps
 * (parse the captured request too), aliOssOps }.
 */
export async function runThroughput(lib, { n = 10000, rounds = 7 } = {}) {
  const ali = loadAliOss();
  const r = rng(20261122);
  const sets = {
    'v1-header': makeV1Header(ali, r, n),
    'v1-query': makeV1Query(ali, r, n),
    'v4-header': makeV4Header(ali, r, n),
    'v4-query': await makeV4Query(ali, r, n),
  };
  const rows = [];
  for (const [form, items] of Object.entries(sets)) {
    const steps = sigdoctorSteps(lib, form);
    const sdWire = (x) => steps.sign(steps.parse(x));
    const ao = aliOssSigner(ali, form);
    const parsed = items.map(steps.parse);
    // Same answers first: every string to sign and signature, byte for byte.
    let agree = 0;
    for (const x of items) {
      const mine = sdWire(x);
      const theirs = ao(x);
      const theirSig = form === 'v1-header' ? theirs.slice(theirs.indexOf(':') + 1) : form === 'v4-header' ? theirs.slice(theirs.lastIndexOf('Signature=') + 10) : theirs;
      const ok =
        mine.signature === x.expect.signature &&
        theirSig === x.expect.signature &&
        (x.expect.stringToSign === undefined || mine.stringToSign === x.expect.stringToSign) &&
        (x.expect.canonicalRequest === undefined || mine.canonicalRequest === x.expect.canonicalRequest);
      if (ok) agree++;
      else if (process.env.BENCH_DEBUG) console.error(form, JSON.stringify(x.wire), JSON.stringify(mine), JSON.stringify(x.expect));
    }
    // Warm up, then alternate timed rounds.
    timeLoop(steps.sign, parsed);
    timeLoop(sdWire, items);
    timeLoop(ao, items);
    const sdNs = [];
    const wireNs = [];
    const aoNs = [];
    for (let k = 0; k < rounds; k++) {
      sdNs.push(timeLoop(steps.sign, parsed));
      wireNs.push(timeLoop(sdWire, items));
      aoNs.push(timeLoop(ao, items));
    }
    const ops = (ns) => (items.length * 1e9) / median(ns);
    rows.push({ form, n: items.length, agree, sigdoctorOps: ops(sdNs), sigdoctorWireOps: ops(wireNs), aliOssOps: ops(aoNs) });
  }
  return rows;
}
