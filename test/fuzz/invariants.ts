/**
 * What must hold for every input, however hostile (issue part 4):
 * - no uncaught exception: a failure is an InputError, nothing else;
 * - an InputError's message is one line (no control characters, bounded),
 *   names the input (starts with its name) and says what is wrong;
 * - a report renders in every format, with and without redaction; the JSON
 *   format is one valid JSON document of the contract's shape; GitHub output
 *   is only workflow-command lines; the secret never appears.
 * Each check throws an `InvariantViolation` saying which rule broke.
 */
import { diagnose, InputError } from '../../src/index.js';
import type { DiagnoseRequest, InputSource } from '../../src/index.js';
import { CAUSE_IDS } from '../../src/diagnose/cause-ids.js';
import type { Report } from '../../src/model/report.js';
import { FORMATS, formatReport } from '../../src/report/index.js';
import { plain } from '../../src/report/style.js';

export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

function fail(rule: string, detail: string): never {
  throw new InvariantViolation(`${rule}: ${detail}`);
}

/** Longest message / hint a one-line error may have (a message quoting a whole input is a bug). */
export const MAX_MESSAGE_CHARS = 600;
export const MAX_HINT_CHARS = 400;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/** A thrown value is acceptable only as a one-line InputError; anything else is re-thrown as a violation. */
export function checkThrown(e: unknown, names: readonly string[] | null): InputError {
  if (e instanceof InvariantViolation) throw e;
  if (!(e instanceof InputError)) {
    const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
    const violation = new InvariantViolation(`uncaught exception (not an InputError): ${what}`);
    if (e instanceof Error && e.stack) violation.stack = `${violation.name}: ${violation.message}\ncaused by ${e.stack}`;
    throw violation;
  }
  const m = e.message;
  if (CONTROL.test(m)) fail('InputError message is not one line', JSON.stringify(m.slice(0, 300)));
  if (m.length > MAX_MESSAGE_CHARS) fail('InputError message is too long', `${m.length} chars: ${JSON.stringify(m.slice(0, 200))}…`);
  if (e.hint !== undefined) {
    if (CONTROL.test(e.hint)) fail('InputError hint is not one line', JSON.stringify(e.hint.slice(0, 300)));
    if (e.hint.length > MAX_HINT_CHARS) fail('InputError hint is too long', `${e.hint.length} chars`);
  }
  if (names !== null) {
    const named = names.find((n) => m.startsWith(`${n}: `) || m.startsWith(`${n} (`) || m.startsWith(`${n} + `));
    if (named === undefined) fail('InputError message does not start with the input name', `${JSON.stringify(m.slice(0, 200))} (inputs: ${names.join(', ')})`);
    const problem = m.slice(m.indexOf(': ') + 2).trim();
    if (problem.length < 5) fail('InputError message does not say what is wrong', JSON.stringify(m));
  }
  return e;
}

/** Run a parser entry point: it may return anything or throw a one-line InputError, nothing else. */
export function checkParser<T>(fn: () => T): T | InputError {
  try {
    return fn();
  } catch (e) {
    return checkThrown(e, null);
  }
}

const VERDICTS = new Set(['ok', 'problem', 'inconclusive']);
const VERSIONS = new Set(['v1-header', 'v1-query', 'v4-header', 'v4-query', 'unknown']);
const KNOWN_CAUSES = new Set<string>(CAUSE_IDS);
const GITHUB_LINE = /^::(error|warning|notice) title=[^:\r\n]*::[^\r\n]*$/;
/** Control characters that must not reach a terminal from the input (ESC sequences, BEL, CR, C1). Newline and tab are layout. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** Every formatter renders the report; the JSON is the contract's shape; nothing leaks the secret. */
export function checkReport(report: Report, secret?: string): void {
  for (const r of report.results) {
    if (!VERDICTS.has(r.verdict)) fail('unknown verdict', r.verdict);
    if (!VERSIONS.has(r.signatureVersion)) fail('unknown signatureVersion', r.signatureVersion);
    for (const c of r.causes) if (!KNOWN_CAUSES.has(c.id)) fail('cause id not in CAUSES.md', c.id);
  }
  for (const format of FORMATS) {
    for (const redact of [true, false]) {
      let out: string;
      try {
        out = formatReport(report, format, { style: plain, redact });
      } catch (e) {
        const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
        return fail(`the ${format} formatter threw${redact ? '' : ' (--no-redact)'}`, what);
      }
      if (typeof out !== 'string' || out === '') fail(`the ${format} formatter returned nothing`, typeof out);
      if (secret !== undefined && out.includes(secret)) fail(`the ${format} report prints the secret`, 'secret found in output');
      if (format === 'json') checkJsonReport(out, report);
      else {
        const bad = TERMINAL_CONTROL.exec(out);
        if (bad) fail(`the ${format} report passes a control character from the input to the terminal`, `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(out.slice(Math.max(0, bad.index - 60), bad.index + 20))}`);
      }
      if (format === 'github') {
        const lines = out.endsWith('\n') ? out.slice(0, -1).split('\n') : fail('github output does not end with a newline', JSON.stringify(out.slice(-20)));
        for (const l of lines) if (!GITHUB_LINE.test(l)) fail('github output has a line that is not a workflow command', JSON.stringify(l.slice(0, 200)));
      }
    }
  }
}

/** `--format json`: exactly one JSON document with the contract's top-level fields. */
export function checkJsonReport(out: string, report: Pick<Report, 'results'> | null): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(out);
  } catch (e) {
    return fail('JSON output is not valid JSON', e instanceof Error ? e.message : String(e));
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('JSON output is not an object', typeof doc);
  const d = doc as Record<string, unknown>;
  if (d['schemaVersion'] !== 1) fail('JSON output has no schemaVersion 1', String(d['schemaVersion']));
  const tool = d['tool'] as Record<string, unknown> | undefined;
  if (tool?.['name'] !== 'sigdoctor') fail('JSON output has no tool.name', JSON.stringify(tool));
  const results = d['results'];
  if (!Array.isArray(results)) fail('JSON output has no results array', typeof results);
  if (report && results.length !== report.results.length) fail('JSON results count differs from the report', `${results.length} vs ${report.results.length}`);
  for (const r of results as Array<Record<string, unknown>>) {
    if (!VERDICTS.has(String(r['verdict']))) fail('JSON result with an unknown verdict', String(r['verdict']));
    if (typeof r['source'] !== 'string') fail('JSON result without a source', typeof r['source']);
    if (!Array.isArray(r['causes'])) fail('JSON result without causes', typeof r['causes']);
    const sts = r['stringToSign'] as Record<string, unknown> | undefined;
    if (!sts || !('client' in sts) || !('server' in sts) || !('serverSource' in sts)) fail('JSON result without stringToSign.{client,server,serverSource}', JSON.stringify(sts));
  }
  return doc;
}

/** A canary secret that no generated input contains. */
export const CANARY_SECRET = 'fuzzCanary-Secret/9q+Zx7Lw';

export interface PipelineCase {
  inputs: InputSource[];
  request: DiagnoseRequest;
}

/** The whole pipeline: diagnose() returns a report that renders everywhere, or throws a named one-line InputError. */
export function checkPipeline({ inputs, request }: PipelineCase): Report | InputError {
  let report: Report;
  try {
    report = diagnose(inputs, request);
  } catch (e) {
    const err = checkThrown(e, null);
    // Errors about the run rather than one input (verify without a secret) name no input.
    if (request.command === 'verify' && request.secret === undefined && err.message === 'verify needs the AccessKey secret') return err;
    checkThrown(e, inputs.map((i) => i.name));
    if (request.secret !== undefined && (err.message.includes(request.secret) || (err.hint ?? '').includes(request.secret))) fail('an InputError prints the secret', 'secret found in message');
    return err;
  }
  checkReport(report, request.secret);
  return report;
}
