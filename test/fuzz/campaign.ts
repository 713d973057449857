/**
 * The fuzz campaign behind `npm run fuzz` (run.mjs bundles this file with
 * esbuild and calls main()). Runs every property of properties.ts, the CLI
 * fuzzing, the XML attacks and the worst-case regex inputs, and prints per
 * section: cases, elapsed time, slowest case; on failure the seed, the
 * fast-check path and the counterexample, and the command that replays it.
 *
 * Environment:
 *   FC_SEED        seed (default: random; printed so a run can be repeated)
 *   FUZZ_RUNS      total in-process cases, split over the properties by weight (default 143000)
 *   FUZZ_CLI_RUNS  CLI cases (spawns of the built bundle; default 300)
 *   FUZZ_ONLY      comma-separated section names (properties, `cli`, `xml-attacks`, `regex`, `long-lines`)
 *   FUZZ_PATH      fast-check path to replay one failure (with FC_SEED and FUZZ_ONLY=<property>)
 *   FUZZ_CASE_MS   per-case time budget in ms (default 2000); a slower case is a violation
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cliProperty, withTempDir } from './cli-fuzz.js';
import { caseTiming, PROPERTIES } from './properties.js';
import { runXmlAttackTimings } from './xml-attacks.js';
import { runLongLineSweep, runRegexTimings } from './regex-worst-cases.js';

interface Section {
  name: string;
  cases: number;
  ms: number;
  slowestMs: number;
  ok: boolean;
}

const num = (v: string | undefined, d: number): number => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? `Uint8Array(${x.length}) ${JSON.stringify(Buffer.from(x).toString('latin1'))}` : x));
}

export async function main(): Promise<number> {
  const seed = num(process.env['FC_SEED'], Math.floor(Math.random() * 2 ** 31));
  const total = num(process.env['FUZZ_RUNS'], PROPERTIES.reduce((s, p) => s + p.fuzzRuns, 0));
  const cliRuns = num(process.env['FUZZ_CLI_RUNS'], 300);
  const only = process.env['FUZZ_ONLY'] ? process.env['FUZZ_ONLY'].split(',').map((s) => s.trim()) : null;
  const path = process.env['FUZZ_PATH'] || undefined;
  caseTiming.budgetMs = num(process.env['FUZZ_CASE_MS'], 2000);
  const weight = PROPERTIES.reduce((s, p) => s + p.fuzzRuns, 0);
  const wanted = (name: string): boolean => only === null || only.includes(name);

  console.log(`sigdoctor fuzz — seed ${seed} (FC_SEED), ${total} in-process cases (FUZZ_RUNS), ${cliRuns} CLI cases (FUZZ_CLI_RUNS), per-case budget ${caseTiming.budgetMs} ms (FUZZ_CASE_MS)`);
  const sections: Section[] = [];
  const started = performance.now();

  for (const p of PROPERTIES) {
    if (!wanted(p.name)) continue;
    const numRuns = path ? 1 : Math.max(1, Math.round((total * p.fuzzRuns) / weight));
    caseTiming.maxMs = 0;
    caseTiming.cases = 0;
    caseTiming.outcomes.clear();
    const t0 = performance.now();
    const details = fc.check(p.build(), { seed, numRuns, ...(path ? { path, endOnFailure: true } : {}) });
    const ms = performance.now() - t0;
    const cases = details.failed ? details.numRuns : numRuns;
    sections.push({ name: p.name, cases, ms, slowestMs: caseTiming.maxMs, ok: !details.failed });
    console.log(`${details.failed ? 'FAIL' : 'ok  '} ${p.name.padEnd(28)} ${String(cases).padStart(7)} cases ${(ms / 1000).toFixed(1).padStart(7)} s   slowest case ${caseTiming.maxMs.toFixed(0).padStart(5)} ms`);
    if (caseTiming.outcomes.size > 0 && process.env['FUZZ_VERBOSE']) {
      console.log(`     outcomes: ${[...caseTiming.outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
    if (details.failed) {
      const file = join(tmpdir(), `sigdoctor-fuzz-${p.name}-${seed}.json`);
      writeFileSync(file, show(details.counterexample));
      const err = details.errorInstance;
      console.log(`     property: ${p.name} — ${p.covers}`);
      console.log(`     error: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof Error && err.stack) console.log(err.stack.split('\n').slice(1, 12).map((l) => `       ${l}`).join('\n'));
      console.log(`     seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} cases and ${details.numShrinks} shrinks`);
      console.log(`     counterexample (full text in ${file}): ${show(details.counterexample).slice(0, 1500)}`);
      console.log(`     replay: FC_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} FUZZ_ONLY=${p.name} npm run fuzz`);
    }
  }

  if (wanted('cli') && cliRuns > 0) {
    const t0 = performance.now();
    const details = await withTempDir((dir) => fc.check(cliProperty(dir), { seed, numRuns: path ? 1 : cliRuns, ...(path ? { path, endOnFailure: true } : {}) }));
    const ms = performance.now() - t0;
    const cases = details.failed ? details.numRuns : cliRuns;
    sections.push({ name: 'cli', cases, ms, slowestMs: 0, ok: !details.failed });
    console.log(`${details.failed ? 'FAIL' : 'ok  '} ${'cli (spawned bundle)'.padEnd(28)} ${String(cases).padStart(7)} cases ${(ms / 1000).toFixed(1).padStart(7)} s`);
    if (details.failed) {
      const err = details.errorInstance;
      console.log(`     error: ${err instanceof Error ? err.message : String(err)}`);
      console.log(`     seed ${details.seed}, path ${details.counterexamplePath}`);
      console.log(`     counterexample: ${show(details.counterexample).slice(0, 1500)}`);
      console.log(`     replay: FC_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} FUZZ_ONLY=cli npm run fuzz`);
    }
  }

  for (const [name, run] of [['xml-attacks', runXmlAttackTimings], ['regex', runRegexTimings], ['long-lines', runLongLineSweep]] as const) {
    if (!wanted(name)) continue;
    const t0 = performance.now();
    const results = run();
    const ms = performance.now() - t0;
    const bad = results.filter((r) => !r.ok);
    sections.push({ name, cases: results.length, ms, slowestMs: Math.max(...results.map((r) => r.ms)), ok: bad.length === 0 });
    console.log(`${bad.length ? 'FAIL' : 'ok  '} ${name.padEnd(28)} ${String(results.length).padStart(7)} cases ${(ms / 1000).toFixed(1).padStart(7)} s   slowest case ${Math.max(...results.map((r) => r.ms)).toFixed(0).padStart(5)} ms`);
    for (const r of results) if (!r.ok || process.env['FUZZ_VERBOSE']) console.log(`     ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.ms.toFixed(1)} ms (limit ${r.limitMs} ms) — ${r.outcome}`);
  }

  const cases = sections.reduce((s, x) => s + x.cases, 0);
  const failed = sections.filter((s) => !s.ok);
  console.log(`${failed.length ? 'FAILED' : 'passed'}: ${cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed.length} section(s) with violations${failed.length ? `: ${failed.map((s) => s.name).join(', ')}` : ''}; seed ${seed}`);
  return failed.length ? 1 : 0;
}
