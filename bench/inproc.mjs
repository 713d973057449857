/**
 * The in-process parts of the benchmark, run in a child of run.mjs so that
 * each starts with a fresh heap (and the parent, which times the CLI runs,
 * stays small). Usage: node bench/inproc.mjs LIB.mjs throughput
 *                      node bench/inproc.mjs LIB.mjs har FILE.har
 * Prints one JSON document on stdout.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runThroughput } from './throughput.mjs';

const [libPath, what, file] = process.argv.slice(2);
const lib = await import(pathToFileURL(libPath).href);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

if (what === 'throughput') {
  process.stdout.write(JSON.stringify(await runThroughput(lib, { n: 10000 })));
} else if (what === 'har') {
  // read + JSON.parse vs what the CLI does: read (decoded as read), diagnose, JSON report. Alternating, 5 each.
  const parseMs = [];
  const diagMs = [];
  let results = 0;
  for (let i = 0; i < 5; i++) {
    let t0 = process.hrtime.bigint();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    if (!doc.log) throw new Error('bad HAR');
    parseMs.push(ms(t0));
    t0 = process.hrtime.bigint();
    const input = lib.readInputFile ? { name: 'bench.har', bytes: new Uint8Array(0), text: lib.readInputFile(file) } : { name: 'bench.har', bytes: readFileSync(file) };
    const report = lib.diagnose([input], { command: 'diagnose' });
    const out = lib.formatReport(report, 'json', { style: {}, redact: true });
    if (out.length === 0) throw new Error('no report');
    results = report.results.length;
    diagMs.push(ms(t0));
  }
  process.stdout.write(JSON.stringify({ parseMs, diagMs, results }));
} else {
  throw new Error(`inproc: unknown part ${what}`);
}
