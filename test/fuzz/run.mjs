#!/usr/bin/env node
/**
 * `npm run fuzz`: bundles test/fuzz/campaign.ts (and the sources it tests) with
 * esbuild into a private temp dir and runs it with plain node — no vitest
 * overhead, so the timings it checks are the code's own. Needs only the dev
 * dependencies `npm ci` installs (esbuild, fast-check). Configuration by
 * environment: see campaign.ts (FC_SEED, FUZZ_RUNS, FUZZ_CLI_RUNS, FUZZ_ONLY,
 * FUZZ_PATH, FUZZ_CASE_MS). The CLI cases spawn dist/sigdoctor.js, so the
 * npm script builds it first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-fuzz-'));
const outfile = join(dir, 'campaign.mjs');
let code = 1;
try {
  await build({
    entryPoints: [join(repo, 'test/fuzz/campaign.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    loader: { '.txt': 'text', '.xml': 'text' },
    banner: { js: "import{createRequire as __sdcr}from'node:module';const require=__sdcr(import.meta.url);" },
    logLevel: 'warning',
  });
  process.env['FUZZ_REPO_ROOT'] = repo;
  const { main } = await import(pathToFileURL(outfile).href);
  code = await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = code;
