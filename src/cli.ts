/**
 * Command-line wiring: commander, options, inputs, colour, exit codes.
 * No analysis happens here (STYLE.md); see index.ts for the pipeline.
 *
 * Exit codes (CONTRACT.md): 0 every result ok; 1 a problem, an inconclusive
 * result, or a failed verify; 2 usage error or unusable input (one line on
 * stderr, never a stack trace unless --debug).
 */
import { existsSync, statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Command as ReportCommand, Report } from './model/report.js';
import { InputError } from './model/input-error.js';
import type { DiagnoseRequest, InputSource } from './index.js';
import { maxInputBytes, readInputFile, readInputStream } from './parse/decode-input.js';
import { INPUT_FORMATS } from './parse/input-formats.js';
import type { InputFormatOption } from './parse/input-formats.js';
import type { FormatName } from './report/formats.js';
import { FORMATS } from './report/formats.js';
import type { Style } from './report/style.js';
import { loadSecret, secretForms, TOKEN_FILE } from './secret.js';
import type { HeaderField, HttpRequestMessage } from './model/http.js';
import { parseTime } from './diagnose/time.js';
import type { SignOptions } from './signer/sign-request.js';
import { VERSION } from './version.js';

// Start-up time is a feature (CI loops, git hooks): the analysis side
// (parsers, diagnosis, formatters, examples, EC catalogue, signer, colour) is
// loaded only when a command runs — `--help` and usage errors never load or
// initialise it (main.ts answers a lone `--version` without loading this file). The names below keep
// the call sites as they were; each action awaits loadLazy() first.
type Lazy = typeof import('./cli-lazy.js');
let lazyModule: Lazy | undefined;
async function loadLazy(): Promise<Lazy> {
  lazyModule ??= await import('./cli-lazy.js');
  return lazyModule;
}
function lazy(): Lazy {
  if (!lazyModule) throw new Error('cli-lazy not loaded');
  return lazyModule;
}
const diagnose: Lazy['diagnose'] = (...a) => lazy().diagnose(...a);
const readCases: Lazy['readCases'] = (...a) => lazy().readCases(...a);
const formatReport: Lazy['formatReport'] = (...a) => lazy().formatReport(...a);
const findExample: Lazy['findExample'] = (...a) => lazy().findExample(...a);
const signRequest: Lazy['signRequest'] = (...a) => lazy().signRequest(...a);
const formatSignHuman: Lazy['formatSignHuman'] = (...a) => lazy().formatSignHuman(...a);
const formatSignJson: Lazy['formatSignJson'] = (...a) => lazy().formatSignJson(...a);
const lookupEc: Lazy['lookupEc'] = (...a) => lazy().lookupEc(...a);
const formatEcHuman: Lazy['formatEcHuman'] = (...a) => lazy().formatEcHuman(...a);
const formatEcJson: Lazy['formatEcJson'] = (...a) => lazy().formatEcJson(...a);
const formatEcList: Lazy['formatEcList'] = (...a) => lazy().formatEcList(...a);
const inputText: Lazy['inputText'] = (...a) => lazy().inputText(...a);

interface CommonOptions {
  format?: string;
  json?: boolean;
  color?: boolean;
  redact?: boolean;
  cname?: boolean;
  bucket?: string;
  region?: string;
  secretFile?: string;
  inputFormat?: string;
  request?: string;
  response?: string;
  debug?: boolean;
}

interface SignCliOptions extends CommonOptions {
  method?: string;
  url?: string;
  header: string[];
  v1?: boolean;
  urlSignature?: boolean;
  expires: string;
  expiresAt?: string;
  date?: string;
  product: string;
  additionalHeaders?: string;
  accessKeyId?: string;
  securityTokenFile?: string;
}

/** The request to sign: a file (any input format) or --method/--url/-H. */
async function signInput(file: string | undefined, o: SignCliOptions, io: CliIo): Promise<HttpRequestMessage> {
  const extra: HeaderField[] = o.header.map((h) => {
    const colon = h.indexOf(':');
    if (colon <= 0) throw new InputError(`-H ${JSON.stringify(h)}: a header is "Name: value"`);
    return { name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() };
  });
  if (file === undefined) {
    if (!o.url) throw new InputError('sign: give --url URL (and --method, -H …), or a FILE with the request');
    if (!/^https?:\/\//i.test(o.url)) throw new InputError(`--url ${o.url}: an absolute http(s) URL is needed`);
    return { method: (o.method ?? 'GET').toUpperCase(), target: o.url, headers: extra };
  }
  const src = file === '-' ? await readStdin(io.stdin) : readFileInput(file);
  const cases = readCases([src]);
  const req = cases.find((c) => c.request)?.request;
  if (!req) throw new InputError(`${src.name}: holds no request to sign`);
  return { ...req, method: (o.method ?? req.method).toUpperCase(), target: o.url ?? req.target, headers: [...req.headers, ...extra] };
}

function parseSignTime(s: string): Date {
  if (/^\d{9,11}$/.test(s)) return new Date(Number(s) * 1000);
  const t = parseTime(s);
  if (t === null) throw new InputError(`--date ${s}: not a time (use 20231216T162057Z, an HTTP date or Unix seconds)`);
  return new Date(t);
}

function signOptions(o: SignCliOptions, env: NodeJS.ProcessEnv, secret: string, message: HttpRequestMessage): SignOptions {
  const accessKeyId = o.accessKeyId ?? env['OSS_ACCESS_KEY_ID'];
  if (!accessKeyId) throw new InputError('sign needs the AccessKey id', 'pass --access-key-id ID or set OSS_ACCESS_KEY_ID');
  const num = (name: string, v: string): number => {
    if (!/^\d+$/.test(v)) throw new InputError(`${name} ${v}: a whole number of seconds is needed`);
    return Number(v);
  };
  let securityToken: string | undefined;
  if (o.securityTokenFile) securityToken = loadSecret(o.securityTokenFile, {}, TOKEN_FILE)?.secret;
  else securityToken = env['OSS_SECURITY_TOKEN'] ?? env['OSS_SESSION_TOKEN'];
  const expiresIn = num('--expires', o.expires);
  if (!o.v1 && o.urlSignature && (expiresIn < 1 || expiresIn > 604800)) throw new InputError(`--expires ${expiresIn}: a V4 presigned URL lasts 1…604800 seconds (EC 0002-00000232)`);
  const result: SignOptions = {
    version: o.v1 ? 'v1' : 'v4',
    query: o.urlSignature === true,
    accessKeyId,
    secret,
    now: o.date ? parseSignTime(o.date) : new Date(),
    expiresIn,
    product: o.product,
    additionalHeaders: (o.additionalHeaders ?? '').split(';').filter((n) => n.trim() !== ''),
  };
  if (securityToken) result.securityToken = securityToken;
  if (o.expiresAt) result.expiresAt = num('--expires-at', o.expiresAt);
  if (o.region) result.region = o.region;
  if (o.bucket) result.bucket = o.bucket;
  if (o.cname) result.cname = true;
  void message;
  return result;
}

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): void; isTTY?: boolean };
  stderr: { write(s: string): void; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

const EXAMPLES_HELP = `
Options of diagnose, explain and verify (diagnose is the default command):
  --format FORMAT         human (default), json, markdown (tickets) or github (CI annotations); --json
  --no-redact             show AccessKey ids, signatures and tokens in full (never the secret)
  --color / --no-color    force colour on/off (default: on for a terminal; NO_COLOR, FORCE_COLOR)
  --secret-file FILE      the AccessKey secret (or the OSS_ACCESS_KEY_SECRET environment variable)
  --bucket NAME, --cname  the bucket, and that the Host is a custom domain bound to it
  --request FILE, --response FILE, --input-format raw|curl|har|xml|url|log
  (sigdoctor help diagnose shows them all)

Examples:
  $ sigdoctor failing-request.txt error.xml      request and OSS's error, either order
  $ curl -v https://bucket.oss-cn-hangzhou.aliyuncs.com/key 2>&1 | sigdoctor
  $ sigdoctor --json capture.txt > report.json   for scripts and CI
  $ OSS_ACCESS_KEY_SECRET=… sigdoctor verify request.txt
  $ sigdoctor explain 'https://bucket.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=…&Expires=…&Signature=…'
  $ sigdoctor example                            see a diagnosis on a bundled example

The secret comes only from OSS_ACCESS_KEY_SECRET or --secret-file, never the command line.
Exit codes: 0 no problem, 1 problem or inconclusive, 2 bad usage or unusable input.`;

function chooseStyle(opts: CommonOptions, io: CliIo): Style {
  const { Chalk, supportsColor } = lazy();
  const env = io.env;
  let level: 0 | 1 | 2 | 3;
  const detected = (supportsColor ? supportsColor.level : 0) || 1;
  if (opts.color === false || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')) level = 0;
  else if (opts.color === true || (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0')) level = detected as 1 | 2 | 3;
  else level = io.stdout.isTTY ? (detected as 1 | 2 | 3) : 0;
  if (env['FORCE_COLOR'] === '0' && opts.color !== true) level = 0;
  const c = new Chalk({ level });
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan };
}

const NO_BYTES = new Uint8Array(0);

function readFileInput(path: string, role?: 'request' | 'response'): InputSource {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
  const limit = maxInputBytes();
  if (size > limit) {
    throw new InputError(`${path}: ${(size / 1048576).toFixed(1)} MB is over the ${limit / 1048576} MB input limit`, 'raise it with SIGDOCTOR_MAX_INPUT_MB=<megabytes>');
  }
  // Decoded as it is read, without keeping the bytes: a large input is in memory once, as text.
  let text: string;
  try {
    text = readInputFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // It stat'ed as a file but reading failed (EACCES, EIO, a /proc file…): the user's problem, not ours.
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const src: InputSource = { name: path, bytes: NO_BYTES, text };
  if (role) src.role = role;
  return src;
}

async function readStdin(stdin: NodeJS.ReadableStream, role?: 'request' | 'response'): Promise<InputSource> {
  // Decoded as it arrives: a large piped capture is held as text only (readInputStream).
  const src: InputSource = { name: 'stdin', bytes: NO_BYTES, text: await readInputStream(stdin as AsyncIterable<Uint8Array | string>, 'stdin') };
  if (role) src.role = role;
  return src;
}

async function gatherInputs(files: string[], opts: CommonOptions, io: CliIo): Promise<InputSource[]> {
  const inputs: InputSource[] = [];
  let stdinUsed = false;
  const one = async (f: string, role?: 'request' | 'response'): Promise<InputSource> => {
    if (f === '-') {
      if (stdinUsed) throw new InputError('stdin ("-") can be given only once');
      stdinUsed = true;
      return readStdin(io.stdin, role);
    }
    return readFileInput(f, role);
  };
  if (opts.request) inputs.push(await one(opts.request, 'request'));
  if (opts.response) inputs.push(await one(opts.response, 'response'));
  for (const f of files) inputs.push(await one(f));
  if (inputs.length === 0) {
    if (io.stdin.isTTY) {
      throw new InputError('no input', 'give a FILE (or - for stdin), or pipe into it: curl -v … 2>&1 | sigdoctor — see sigdoctor --help');
    }
    inputs.push(await readStdin(io.stdin));
  }
  return inputs;
}

function formatOf(opts: CommonOptions): FormatName {
  const f = opts.json ? 'json' : (opts.format ?? 'human');
  if (!(FORMATS as readonly string[]).includes(f)) {
    throw new InputError(`--format ${f}: unknown format; use ${FORMATS.join(', ')}`);
  }
  return f as FormatName;
}

function exitCodeOf(report: Report): number {
  return report.results.every((r) => r.verdict === 'ok') ? 0 : 1;
}

function addCommonOptions(cmd: Command, withInputs = true): Command {
  cmd
    .addOption(new Option('--format <format>', 'report format: human, json, markdown or github').default(undefined))
    .option('--json', 'same as --format json')
    .option('--color', 'force colour on')
    .option('--no-color', 'turn colour off (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--no-redact', 'show AccessKey ids, signatures and security tokens in full (the secret is never shown)')
    .option('--cname', 'the Host is a custom domain bound to the bucket (CNAME mode)')
    .option('--bucket <name>', 'the bucket, when the Host cannot tell (custom domain)')
    .option('--region <region>', 'the region, when the Host cannot tell')
    .option('--secret-file <file>', 'read the AccessKey secret from this file (or set OSS_ACCESS_KEY_SECRET)')
    .option('--debug', 'print stack traces for internal errors');
  if (withInputs) {
    cmd
      .addOption(new Option('--input-format <format>', 'skip format detection').choices([...INPUT_FORMATS]))
      .option('--request <file>', 'this file holds the request (use - for stdin)')
      .option('--response <file>', 'this file holds OSS\'s response or <Error> XML (use - for stdin)');
  }
  return cmd;
}

export async function runCli(io: CliIo): Promise<number> {
  let debug = io.argv.includes('--debug');
  // Belt and braces: whatever happens, the secret (in any form secretForms lists) never
  // reaches the terminal — the environment's from the start, a file's once it is read.
  const secretTexts = new Set<string>(secretForms(io.env['OSS_ACCESS_KEY_SECRET']));
  const rememberSecret = (secret: string | undefined): void => secretForms(secret).forEach((f) => secretTexts.add(f));
  const scrub = (s: string): string => {
    let text = s;
    for (const f of secretTexts) if (text.includes(f)) text = text.split(f).join('[secret]');
    return text;
  };
  const out = (s: string): void => io.stdout.write(scrub(s));
  const err = (s: string): void => io.stderr.write(scrub(s));
  let exitCode = 0;

  const run = async (command: ReportCommand, files: string[], opts: CommonOptions): Promise<void> => {
    debug = opts.debug === true;
    await loadLazy();
    const format = formatOf(opts);
    const loaded = loadSecret(opts.secretFile, io.env);
    for (const w of loaded?.warnings ?? []) err(`sigdoctor: warning: ${w}\n`);
    rememberSecret(loaded?.secret);
    const inputs = await gatherInputs(files, opts, io);
    const request: DiagnoseRequest = { command };
    if (loaded) request.secret = loaded.secret;
    if (opts.bucket) request.bucket = opts.bucket;
    if (opts.cname) request.cname = true;
    if (opts.region) request.region = opts.region;
    if (opts.inputFormat) request.inputFormat = opts.inputFormat as InputFormatOption;
    // A progress line for long batches (a HAR of hundreds of entries), only on a terminal.
    const started = Date.now();
    let shown = false;
    if (io.stderr.isTTY) {
      request.onProgress = (done, total) => {
        if (total < 2 || Date.now() - started < 300) return;
        if (done === total) {
          if (shown) io.stderr.write('\r\x1b[K');
          return;
        }
        if (done % 10 === 0 || !shown) {
          io.stderr.write(`\rsigdoctor: diagnosed ${done} of ${total}…`);
          shown = true;
        }
      };
    }
    const report = diagnose(inputs, request);
    out(formatReport(report, format, { style: chooseStyle(opts, io), redact: opts.redact !== false }));
    exitCode = exitCodeOf(report);
  };

  const program = new Command('sigdoctor')
    .description('Tells you why Alibaba Cloud OSS rejected your request\'s signature: recomputes the string to sign, diffs it byte by byte against the StringToSignBytes OSS sent back, and names the documented cause with its fix.')
    .version(VERSION, '-V, --version', 'print the version')
    .addHelpText('after', EXAMPLES_HELP)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s.split('\n')[0]!.replace(/^error: /, 'sigdoctor: ') + ' (see sigdoctor --help)\n') });

  addCommonOptions(
    program.command('diagnose', { isDefault: true })
      .description('diagnose failing request(s) against OSS\'s error response (the default command)')
      .argument('[files...]', 'inputs: request, response/error XML, curl -v log, HAR, signed URL; - for stdin'),
  ).action((files: string[], opts: CommonOptions) => run('diagnose', files, opts));

  addCommonOptions(
    program.command('explain')
      .description('show step by step how the string to sign is built from the request (with the secret, the signature too)')
      .argument('[files...]', 'inputs, as for diagnose'),
  ).action((files: string[], opts: CommonOptions) => run('explain', files, opts));

  addCommonOptions(
    program.command('verify')
      .description('CI smoke check: recompute the request\'s signature with the secret and compare (exit 0 match, 1 mismatch)')
      .argument('[files...]', 'inputs, as for diagnose'),
  ).action((files: string[], opts: CommonOptions) => run('verify', files, opts));

  addCommonOptions(
    program.command('example')
      .description('run a bundled example diagnosis (one per documented cause); without NAME, the first one and the list')
      .argument('[name]', 'example name (see --list)')
      .option('--list', 'list the bundled examples'),
    false,
  ).action(async (name: string | undefined, opts: CommonOptions & { list?: boolean }) => {
    debug = opts.debug === true;
    const { EXAMPLES } = await loadLazy();
    const st = chooseStyle(opts, io);
    if (opts.list) {
      out(EXAMPLES.map((e) => `${e.name.padEnd(34)} ${e.title}`).join('\n') + '\n');
      return;
    }
    const ex = name === undefined ? EXAMPLES[0]! : findExample(name);
    if (!ex) throw new InputError(`example ${name}: no such example`, 'list them with sigdoctor example --list');
    const format = formatOf(opts);
    const report = diagnose(ex.inputs.map((i) => ({ name: `example:${ex.name}/${i.name}`, bytes: Buffer.from(i.text, 'utf8') })), { command: 'diagnose', ...(ex.bucket ? { bucket: ex.bucket } : {}) });
    if (format === 'human') out(st.dim(`Example "${ex.name}": ${ex.title}\n${ex.story}\n\n`));
    out(formatReport(report, format, { style: st, redact: opts.redact !== false }));
    if (format === 'human' && name === undefined) {
      out(st.dim(`\nMore examples (sigdoctor example NAME):\n${EXAMPLES.slice(1).map((e) => `  ${e.name.padEnd(34)} ${e.title}`).join('\n')}\n`));
    }
    exitCode = 0; // a demo: its exit code does not depend on the example's verdict
  });

  const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
  program.command('sign')
    .description('produce the correct V4 (default) or V1 signature for a request: an Authorization header, or a signed URL with --url-signature')
    .argument('[file]', 'a request to (re-)sign: raw HTTP, curl -v output, a URL; or give --method/--url/-H')
    .option('--method <method>', 'HTTP method (default GET, or the file\'s)')
    .option('--url <url>', 'the URL to sign (https://bucket.oss-cn-hangzhou.aliyuncs.com/key?acl)')
    .option('-H, --header <header>', 'a header to send and sign, "Name: value" (repeatable)', collect, [])
    .option('--v1', 'sign with V1 (HMAC-SHA1) instead of V4')
    .option('--url-signature', 'put the signature in the URL (signed/presigned URL) instead of the Authorization header')
    .option('--expires <seconds>', 'signed URL validity in seconds (default 900)', '900')
    .option('--expires-at <unix-seconds>', 'V1 signed URL: the absolute Expires value')
    .option('--date <time>', 'signing time (20231216T162057Z, an HTTP date or Unix seconds; default now)')
    .option('--region <region>', 'V4 region (default: from the Host)')
    .option('--product <product>', 'V4 product: oss, oss-cloudbox', 'oss')
    .option('--additional-headers <names>', 'V4 AdditionalHeaders, e.g. "host;range"')
    .option('--access-key-id <id>', 'AccessKey id (or OSS_ACCESS_KEY_ID)')
    .option('--security-token-file <file>', 'STS token file (or OSS_SECURITY_TOKEN / OSS_SESSION_TOKEN)')
    .option('--secret-file <file>', 'the AccessKey secret (or OSS_ACCESS_KEY_SECRET)')
    .option('--bucket <name>', 'the bucket, for a custom domain')
    .option('--cname', 'the Host is a custom domain bound to the bucket')
    .option('--format <format>', 'human or json')
    .option('--json', 'same as --format json')
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText('after', `
Examples:
  $ OSS_ACCESS_KEY_ID=LTAI… OSS_ACCESS_KEY_SECRET=… sigdoctor sign --method PUT --url https://bucket.oss-cn-hangzhou.aliyuncs.com/a.txt -H 'Content-Type: text/plain'
  $ sigdoctor sign --v1 --url-signature --expires 3600 --url https://bucket.oss-cn-hangzhou.aliyuncs.com/a.txt
  $ sigdoctor sign request.txt          re-sign a captured request, to compare with what your code sent`)
    .action(async (file: string | undefined, opts: SignCliOptions) => {
      debug = opts.debug === true;
      await loadLazy();
      const format = formatOf(opts);
      const loaded = loadSecret(opts.secretFile, io.env);
      if (!loaded) throw new InputError('sign needs the AccessKey secret', 'set OSS_ACCESS_KEY_SECRET or pass --secret-file FILE (never on the command line)');
      for (const w of loaded.warnings) err(`sigdoctor: warning: ${w}\n`);
      rememberSecret(loaded.secret);
      const message = await signInput(file, opts, io);
      const result = signRequest(message, signOptions(opts, io.env, loaded.secret, message));
      out(format === 'json' ? formatSignJson(result) : formatSignHuman(result, chooseStyle(opts, io)));
      exitCode = 0;
    });

  program.command('ec')
    .description('explain an OSS error code: meaning, likely causes, fix, documentation (0002-00000040, SignatureDoesNotMatch, or an error XML/response)')
    .argument('[code-or-file]', 'an EC, an error Code, a file with an error XML/response, or - for stdin')
    .option('--list', 'list every error code sigdoctor knows')
    .option('--format <format>', 'human or json')
    .option('--json', 'same as --format json')
    .option('--color', 'force colour on')
    .option('--no-color', 'turn colour off')
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText('after', `
Examples:
  $ sigdoctor ec 0002-00000040
  $ sigdoctor ec SignatureDoesNotMatch
  $ sigdoctor ec error.xml            the EC inside an error document or response
  $ sigdoctor ec --list`)
    .action(async (query: string | undefined, opts: CommonOptions & { list?: boolean }) => {
      debug = opts.debug === true;
      const { EC_CATALOGUE } = await loadLazy();
      const st = chooseStyle(opts, io);
      const json = formatOf(opts) === 'json';
      if (opts.list) {
        out(json ? formatEcJson({ kind: 'list', entries: EC_CATALOGUE }) : formatEcList(st));
        return;
      }
      let text: string;
      if (query === undefined || query === '-') {
        if (query === undefined && io.stdin.isTTY) throw new InputError('ec: give a code (0002-00000040), an error Code (SignatureDoesNotMatch) or a file', 'or list them with sigdoctor ec --list');
        text = inputText(await readStdin(io.stdin));
      } else if (existsSync(query) && statSync(query).isFile()) {
        text = inputText(readFileInput(query));
      } else text = query;
      const result = lookupEc(text);
      if (result.kind === 'not-found') {
        throw new InputError(`ec: no OSS error code in ${query === undefined || query === '-' ? 'stdin' : JSON.stringify(query.length > 60 ? `${query.slice(0, 60)}…` : query)}`, 'give an EC like 0002-00000040, a Code like SignatureDoesNotMatch, or an error XML; sigdoctor ec --list shows them all');
      }
      out(json ? formatEcJson(result) : formatEcHuman(result, st));
    });

  // Refuse a secret on the command line before commander sees it: argv is visible to other users.
  const secretFlag = io.argv.find((a) => /^--(secret|access-key-secret|sk)(=|$)/.test(a));
  if (secretFlag) {
    err('sigdoctor: the secret is never accepted on the command line (other users can see argv); set OSS_ACCESS_KEY_SECRET or use --secret-file FILE\n');
    return 2;
  }

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof InputError) {
      err(`sigdoctor: ${e.message}${e.hint ? ` — ${e.hint}` : ''}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    err(`sigdoctor: internal error: ${msg}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && e instanceof Error && e.stack) err(e.stack + '\n');
    return 2;
  }
}

// Run when bundled as the executable (bin/sigdoctor.js imports the bundle).
if (!process.env['SIGDOCTOR_NO_MAIN']) {
  const io: CliIo = { argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(io).then((code) => {
    process.exitCode = code;
  });
}
