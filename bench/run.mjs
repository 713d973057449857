#!/usr/bin/env node
/**
 * `npm run bench`: sigdoctor's speed and memory on this machine, in one run,
 * with absolute figures, ratios and PASS/MISS against the targets:
 *   a. cold start vs `node -e 0`                      (target: --version within 1.3×)
 *   b. signing throughput vs ali-oss 6.23.0            (target: at least ali-oss's ops/s)
 *   c. a 10,000-entry HAR end to end vs JSON.parse     (target: within 2×)
 *   d. peak RSS on a ~100 MB curl -v log vs its size   (target: under 3×)
 *   e. the hypothesis searches' worst case, from the CLI (no target: the
 *      searches are bounded to 20,000 tries and 3 s each; this shows where a
 *      request with 40 signed headers and 40 query parameters lands)
 *
 * Needs the built bundle (npm run bench builds it first) and the dev
 * dependencies (esbuild to bundle the library for the in-process parts,
 * ali-oss for the comparison). Generated inputs go to a temp directory that is
 * removed at the end. Environment knobs: BENCH_RUNS (cold-start repetitions,
 * default 40), BENCH_ONLY (comma list of a,b,c,d,e), BENCH_MB (size of the big
 * curl log, default 100).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeBigCurlLog, writeBigHar, writeHugeBodyCurlLog, writeSearchWorstCase } from './generate.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'sigdoctor.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'a,b,c,d,e').split(','));
const BIG_MB = Number(process.env.BENCH_MB ?? 100);

if (!existsSync(join(REPO, 'dist', 'sigdoctor.js'))) {
  console.error('bench: dist/sigdoctor.js is missing — run `npm run build` (npm run bench does it)');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/**
 * The same environment for every child: no colour, no secret, no sigdoctor
 * knobs, and no NODE_* variables — NODE_OPTIONS would change what is measured,
 * and NODE_EXTRA_CA_CERTS (set in some sandboxes and corporate machines)
 * makes every node start read a certificate bundle, tens of ms that would
 * hide sigdoctor's own start-up cost.
 */
function childEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('SIGDOCTOR_') || k === 'OSS_ACCESS_KEY_SECRET' || k === 'FORCE_COLOR' || k.startsWith('NODE_') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Run a child; resolves with its wall time in ms and exit code (non-zero exit is not an error here). */
function run(args, env = childEnv()) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    execFile(process.execPath, args, { env, cwd: REPO, maxBuffer: 1 << 30, encoding: 'buffer' }, (err, stdout, stderr) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ ms, code: err ? err.code : 0, stdout, stderr });
    });
  });
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const median = (xs) => quantile(xs, 0.5);

const rows = [];
const targets = [];
function row(section, what, value, unit, ratio, note = '') {
  rows.push({ section, what, value, unit, ratio, note });
}
function target(name, ok, detail) {
  targets.push({ name, ok, detail });
}

const fmt = (x, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');

// ---------------------------------------------------------------------------
// The library, bundled from src/ for the in-process parts (b, c).

async function buildLib() {
  const out = join(tmp, 'lib.mjs');
  // readInputFile (decode as read) is newer than the rest: without it, inproc.mjs reads bytes (older commits).
  const hasReadInputFile = readFileSync(join(REPO, 'src', 'parse', 'decode-input.ts'), 'utf8').includes('export function readInputFile');
  await build({
    stdin: {
      contents: `
        export { diagnose, readInputs } from './src/index.ts';
        ${hasReadInputFile ? "export { readInputFile } from './src/parse/decode-input.ts';" : ''}
        export { formatReport } from './src/report/index.ts';
        export { resolveRequest } from './src/request/resolve-request.ts';
        export { resolveAddressing } from './src/request/addressing.ts';
        export { parseV4Authorization, parseV4Query } from './src/request/v4-auth.ts';
        export { computeV1 } from './src/sign/v1-request.ts';
        export { signV1 } from './src/sign/v1.ts';
        export { computeV4 } from './src/sign/v4-request.ts';
        export { v4SigningKey, signV4 } from './src/sign/v4.ts';
        export { findHeader } from './src/model/http.ts';
      `,
      resolveDir: REPO,
      loader: 'ts',
      sourcefile: 'bench-lib.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    outfile: out,
    loader: { '.txt': 'text', '.xml': 'text' },
    banner: { js: "import{createRequire as __sdcr}from'node:module';const require=__sdcr(import.meta.url);" },
    logLevel: 'warning',
  });
  return out;
}

/** One in-process part (bench/inproc.mjs) in a fresh child process; its JSON answer. */
async function inproc(lib, ...args) {
  const r = await run([fileURLToPath(new URL('inproc.mjs', import.meta.url)), lib, ...args]);
  if (r.code !== 0) throw new Error(`bench/inproc.mjs ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString());
}

// ---------------------------------------------------------------------------
// a. cold start

async function coldStart() {
  const sampleCapture = join('fixtures', 'samples', 'curl-v-8.5.0-get-403.txt');
  const cases = [
    ['node -e 0', ['-e', '0']],
    ['sigdoctor --version', [BIN, '--version']],
    ['sigdoctor --help', [BIN, '--help']],
    ['sigdoctor example (bundled)', [BIN, 'example']],
    ['sigdoctor <curl -v sample>', [BIN, sampleCapture]],
  ];
  const times = new Map(cases.map(([name]) => [name, []]));
  for (const [, args] of cases) await run(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of cases) times.get(name).push((await run(args)).ms);
  }
  const base = median(times.get('node -e 0'));
  for (const [name] of cases) {
    const t = times.get(name);
    const m = median(t);
    row('a. cold start', name, `${fmt(m)} / ${fmt(quantile(t, 0.9))}`, 'ms median / p90', name === 'node -e 0' ? '1.00×' : `${(m / base).toFixed(2)}×`, `${RUNS} runs`);
  }
  const v = median(times.get('sigdoctor --version')) / base;
  target('start-up: --version ≤ 1.3× node -e 0', v <= 1.3, `${v.toFixed(2)}×`);
}

// ---------------------------------------------------------------------------
// b. signing throughput

async function throughput(lib) {
  const results = await inproc(lib, 'throughput');
  let worst = Infinity;
  for (const r of results) {
    const ratio = r.sigdoctorOps / r.aliOssOps;
    worst = Math.min(worst, ratio);
    row('b. throughput', `${r.form}: ali-oss 6.23.0 signing functions`, fmtInt(r.aliOssOps), 'ops/s', '1.00×', `${r.n} generated requests`);
    row('b. throughput', `${r.form}: sigdoctor canonicalize + sign`, fmtInt(r.sigdoctorOps), 'ops/s', `${ratio.toFixed(2)}× ali-oss`, `${r.agree}/${r.n} identical results`);
    row('b. throughput', `${r.form}: sigdoctor parse + canonicalize + sign`, fmtInt(r.sigdoctorWireOps), 'ops/s', `${(r.sigdoctorWireOps / r.aliOssOps).toFixed(2)}× ali-oss`, 'from the captured request');
    if (r.agree !== r.n) target(`throughput ${r.form}: same results as ali-oss`, false, `${r.n - r.agree} differ`);
  }
  target('throughput: canonicalize + sign ≥ ali-oss (every form)', worst >= 1, `worst ${worst.toFixed(2)}×`);
}

// ---------------------------------------------------------------------------
// c. a 10,000-entry HAR

async function har(lib) {
  // Two mixes of the same 10,000 entries: 1 in 100 failing (a page load with a few signature
  // errors) and 1 in 10 (a stress case: every failing entry is a full diagnosis).
  for (const failEvery of [100, 10]) {
    const h = writeBigHar(tmp, 10000, failEvery);
    const mix = `${100 / failEvery}% failing`;
    const note = `${fmt(h.bytes / 1048576)} MB, ${fmtInt(h.failing)} failing + ${fmtInt(10000 - h.failing)} passing entries`;
    // In process (a fresh child): read + JSON.parse vs read + diagnose + JSON report.
    const { parseMs, diagMs, results } = await inproc(lib, 'har', h.path);
    const p = median(parseMs);
    const d = median(diagMs);
    row(`c. HAR ${mix}, library`, 'read + JSON.parse', fmt(p), 'ms median of 5', '1.00×', note);
    row(`c. HAR ${mix}, library`, 'sigdoctor read + diagnose + JSON report', fmt(d), 'ms median of 5', `${(d / p).toFixed(2)}×`, `${fmtInt(results)} results`);
    // CLI, cold: node reading + JSON.parse vs sigdoctor --json, alternating.
    const parseCli = [];
    const diagCli = [];
    let code;
    for (let i = 0; i < 7; i++) {
      parseCli.push((await run(['-e', 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))', h.path])).ms);
      const r = await run([BIN, '--json', h.path]);
      code = r.code;
      diagCli.push(r.ms);
    }
    const pc = median(parseCli);
    const dc = median(diagCli);
    row(`c. HAR ${mix}, CLI`, 'node -e JSON.parse(file)', fmt(pc), 'ms median of 7', '1.00×', '');
    row(`c. HAR ${mix}, CLI`, 'sigdoctor --json file.har', fmt(dc), 'ms median of 7', `${(dc / pc).toFixed(2)}×`, `exit ${code}`);
    target(`HAR ${mix}: library ≤ 2× JSON.parse`, d / p <= 2, `${(d / p).toFixed(2)}×`);
    target(`HAR ${mix}: CLI ≤ 2× node + JSON.parse`, dc / pc <= 2, `${(dc / pc).toFixed(2)}×`);
    rmSync(h.path, { force: true });
  }
}

// ---------------------------------------------------------------------------
// d. peak memory

/** A preload that reports the child's RSS high-water mark (KiB) to a file when it exits. */
function rssHook() {
  const hook = join(tmp, 'rss-hook.mjs');
  writeFileSync(hook, `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
  return hook;
}

async function peakRss(args, extraEnv) {
  const file = join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  const r = await run(['--import', pathToFileURL(rssHook()).href, ...args], childEnv({ ...extraEnv, BENCH_RSS_FILE: file }));
  const kib = Number(readFileSync(file, 'utf8'));
  return { mb: kib / 1024, code: r.code, ms: r.ms, stderr: r.stderr.toString() };
}

async function memory() {
  const env = { SIGDOCTOR_MAX_INPUT_MB: String(Math.max(256, BIG_MB * 2)) };
  const base = await peakRss(['-e', '0'], {});
  row('d. peak RSS', 'node -e 0 (baseline)', fmt(base.mb), 'MB', '', '');
  const many = writeBigCurlLog(tmp, BIG_MB * 1048576);
  const huge = writeHugeBodyCurlLog(tmp, BIG_MB * 1048576);
  let worst = 0;
  for (const [name, f, extra] of [
    [`curl -v log, ${fmtInt(many.exchanges)} exchanges, failing one last`, many, ''],
    ['curl -v log, one response with a huge body', huge, ''],
  ]) {
    const mbIn = f.bytes / 1048576;
    const r = await peakRss([BIN, '--json', f.path], env);
    if (r.code !== 1) throw new Error(`${name}: expected exit 1 (a diagnosis), got ${r.code}: ${r.stderr}`);
    const ratio = r.mb / mbIn;
    worst = Math.max(worst, ratio);
    row('d. peak RSS', name, fmt(r.mb), `MB for ${fmt(mbIn)} MB input`, `${ratio.toFixed(2)}× input`, `${fmt(r.ms / 1000, 2)} s${extra}`);
  }
  target('memory: peak RSS < 3× input (100 MB curl -v)', worst < 3, `worst ${worst.toFixed(2)}×`);
  // For comparison, no target: a HAR is JSON, and its parsed form is larger than its text.
  const h = writeBigHar(tmp, 10000, 10);
  const r = await peakRss([BIN, '--json', h.path], env);
  row('d. peak RSS', 'HAR, 10,000 entries (1,000 failing)', fmt(r.mb), `MB for ${fmt(h.bytes / 1048576)} MB input`, `${(r.mb / (h.bytes / 1048576)).toFixed(2)}× input`, 'no target');
}

// ---------------------------------------------------------------------------
// e. the hypothesis searches' worst case

async function searchWorstCase() {
  // Only the V1 search needs a secret (a made-up one: nothing it signs is real).
  const env = { v4: childEnv(), v1: childEnv({ OSS_ACCESS_KEY_SECRET: 'bench-secret-not-real' }) };
  // 40 of each: a large real request. 400: enough places that the V4 search stops at its 20,000 tries.
  for (const [form, n] of [['v4', 40], ['v1', 40], ['v4', 400]]) {
    const files = writeSearchWorstCase(tmp, n)[form];
    const times = [];
    let result;
    for (let i = 0; i < 5; i++) {
      const r = await run([BIN, '--json', files.request, files.response], env[form]);
      if (r.code !== 1) throw new Error(`search ${form} ${n}: expected exit 1 (a diagnosis), got ${r.code}: ${r.stderr.toString()}`);
      times.push(r.ms);
      result = JSON.parse(r.stdout.toString()).results[0];
    }
    // V4 reports data.tried (unexplained-difference), V1 data.hypothesesTried (secret-mismatch).
    const cause = result.causes.find((c) => c.data?.tried !== undefined || c.data?.hypothesesTried !== undefined);
    const tried = cause ? (cause.data.tried ?? cause.data.hypothesesTried) : undefined;
    const what = `${form === 'v4' ? 'V4 hash search' : 'V1 search with the secret'}, ${n} headers + ${n} query parameters, nothing matches`;
    row('e. hypothesis search', what, fmt(median(times)), 'ms median of 5 (CLI)', '', `${result.causes.map((c) => c.id).join(', ')}; ${tried !== undefined ? `${fmtInt(tried)} candidates tried` : 'no search reported'}`);
  }
}

// ---------------------------------------------------------------------------

const started = Date.now();
const lib = ONLY.has('b') || ONLY.has('c') ? await buildLib() : null;
if (ONLY.has('a')) await coldStart();
if (ONLY.has('b')) await throughput(lib);
if (ONLY.has('c')) await har(lib);
if (ONLY.has('d')) await memory();
if (ONLY.has('e')) await searchWorstCase();

const cols = ['section', 'what', 'value', 'unit', 'ratio', 'note'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => String(r[c]).length))]));
const line = (r) => `| ${cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ')} |`;
console.log(`sigdoctor bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${process.platform}/${process.arch}`);
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
console.log(`|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log('');
for (const t of targets) console.log(`${t.ok ? 'PASS' : 'MISS'}  ${t.name}: ${t.detail}`);
if (ONLY.has('d')) console.log(`(d ran with SIGDOCTOR_MAX_INPUT_MB=${Math.max(256, BIG_MB * 2)}: the default input limit is 64 MB)`);
const dropped = Object.keys(process.env).filter((k) => k.startsWith('NODE_'));
if (dropped.length > 0) console.log(`(children ran without ${dropped.join(', ')}, as set in this shell)`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
