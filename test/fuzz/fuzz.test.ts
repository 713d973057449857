/**
 * The fast, fixed-seed slice of the fuzz campaign that runs in `npm test`:
 * every property of properties.ts with a few dozen to a few hundred cases,
 * and eight spawns of the built CLI. The full campaign (≥ 100,000 cases,
 * timings, attacks, long lines) is `npm run fuzz` (test/fuzz/README.md).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { cliProperty, withTempDir } from './cli-fuzz.js';
import { PROPERTIES } from './properties.js';

const SEED = Number(process.env['FC_SEED'] ?? 20261122);

describe('fuzz (fixed seed, small)', () => {
  it.each(PROPERTIES.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    fc.assert(p.build(), { numRuns: p.testRuns, seed: SEED });
  });

  it('cli: the built bundle on hostile input (exit 0/1/2, one stderr line on 2, JSON on stdout)', async () => {
    await withTempDir((dir) => fc.assert(cliProperty(dir), { numRuns: 8, seed: SEED }));
  });
});
