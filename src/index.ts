/**
 * The public API: diagnose(inputs, options) → Report. Usable as a library;
 * never prints. Bad input throws InputError.
 */
import { endSearchBudget, startSearchBudget } from './diagnose/search-budget.js';
import type { DiagnosisCase } from './model/case.js';
import { InputError } from './model/input-error.js';
import type { Command, Report } from './model/report.js';
import { assembleCases } from './parse/assemble-cases.js';
import { checkInputText, decodeInput, stripInputAnsi } from './parse/decode-input.js';
import type { InputFormatOption, ParsedInput } from './parse/read-input.js';
import { readInput } from './parse/read-input.js';
import { analyze } from './diagnose/analyze.js';
import { buildCaseReport, credentialsInText, sensitiveValues } from './diagnose/engine.js';
import type { DiagnoseOptions } from './diagnose/options.js';

export { InputError } from './model/input-error.js';
export type { Report, CaseReport, ReportCause, Verdict, Command } from './model/report.js';
export type { DiagnoseOptions } from './diagnose/options.js';
export { CAUSE_IDS } from './diagnose/cause-ids.js';
export { CATALOGUE } from './diagnose/catalogue.js';
export { VERSION } from './version.js';

export interface InputSource {
  /** Shown in reports and error messages: a file name or `stdin`. */
  name: string;
  bytes: Uint8Array;
  /**
   * The bytes already decoded with decodeInputBytes (parse/decode-input.ts);
   * `bytes` is then ignored. The CLI decodes each input as it reads it, so
   * that a large input is not held as bytes and as text for the whole run.
   */
  text?: string;
  /** `--request FILE` / `--response FILE`: use only that side of this input. */
  role?: 'request' | 'response';
}

export interface DiagnoseRequest extends DiagnoseOptions {
  /** `--input-format`: skip detection. */
  inputFormat?: InputFormatOption;
  /** Called as cases are diagnosed (a HAR can hold hundreds): done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** The input's text, checked and without ANSI colour codes (decodeInput, or its last two steps when the caller decoded). */
export function inputText(src: InputSource): string {
  return src.text !== undefined ? checkInputText(stripInputAnsi(src.text), src.name) : decodeInput(src.bytes, src.name);
}

function keepRole(input: ParsedInput, role: 'request' | 'response' | undefined): ParsedInput {
  if (role === 'request') {
    const exchanges = input.exchanges.filter((e) => e.request || e.skip !== undefined).map(({ response: _r, ...rest }) => rest);
    if (exchanges.length === 0) throw new InputError(`${input.name}: given as --request but holds no HTTP request`);
    return { ...input, exchanges, errors: [] };
  }
  if (role === 'response') {
    const exchanges = input.exchanges.filter((e) => e.response || e.skip !== undefined).map(({ request: _q, ...rest }) => rest);
    if (exchanges.length === 0 && input.errors.length === 0) throw new InputError(`${input.name}: given as --response but holds no HTTP response or <Error> document`);
    return { ...input, exchanges };
  }
  return input;
}

/** Parse and pair the inputs into cases, and what was skipped (exposed for tests and tools). */
export function readInputs(inputs: InputSource[], format?: InputFormatOption): ReturnType<typeof assembleCases> {
  const parsed = inputs.map((src) => keepRole(readInput(inputText(src), src.name, format), src.role));
  return assembleCases(parsed);
}

export function readCases(inputs: InputSource[], format?: InputFormatOption): DiagnosisCase[] {
  return readInputs(inputs, format).cases;
}

/** Default cap on the requests one run diagnoses. Raise with SIGDOCTOR_MAX_CASES. */
export const DEFAULT_MAX_CASES = 10000;

/**
 * SIGDOCTOR_MAX_CASES. Every diagnosed request keeps its strings, diffs and
 * causes until the report is printed (about 30 KB each): a 64 MB HAR of
 * nothing but signature errors is ~150,000 of them and runs out of memory.
 */
export function maxCases(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SIGDOCTOR_MAX_CASES'];
  if (raw === undefined || raw === '') return DEFAULT_MAX_CASES;
  if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new InputError(`SIGDOCTOR_MAX_CASES=${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}: not a whole number of requests (1 or more)`, `unset it for the default of ${DEFAULT_MAX_CASES}`);
  }
  return Number(raw);
}

export function diagnose(inputs: InputSource[], options: DiagnoseRequest = {}): Report {
  const command = options.command ?? 'diagnose';
  const limit = maxCases();
  const { cases, skipped } = readInputs(inputs, options.inputFormat);
  if (cases.length > limit) {
    throw new InputError(
      `${inputs.map((i) => i.name).join(' + ')}: ${cases.length} requests to diagnose, over the limit of ${limit} (SIGDOCTOR_MAX_CASES)`,
      `raise it with SIGDOCTOR_MAX_CASES=<count> (memory grows with it), or give sigdoctor fewer requests at a time`,
    );
  }
  if (command === 'verify' && options.secret === undefined) {
    throw new InputError('verify needs the AccessKey secret', 'set OSS_ACCESS_KEY_SECRET or pass --secret-file FILE (never on the command line)');
  }
  // The hypothesis searches of this run share one time budget (search-budget.ts).
  startSearchBudget();
  let analyses: ReturnType<typeof analyze>[];
  try {
    analyses = cases.map((c, i) => {
      const a = analyze(c, { ...options, command });
      options.onProgress?.(i + 1, cases.length);
      return a;
    });
  } finally {
    endSearchBudget();
  }
  if (command === 'verify') {
    const unsigned = analyses.find((a) => !a.req);
    if (unsigned) throw new InputError(`${unsigned.case.source}: verify needs the request (it checks the signature the request carries)`);
  }
  return {
    command,
    results: analyses.map((a) => buildCaseReport(a, command)),
    // Skipped HAR entries are named by their URL, which may carry a live signed-URL signature.
    sensitive: [...analyses.flatMap(sensitiveValues), ...skipped.flatMap((s) => credentialsInText(s.source))],
    skipped,
  };
}
