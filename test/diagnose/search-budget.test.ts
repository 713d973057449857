/**
 * One diagnose() run's hypothesis searches share a time budget: once it is
 * spent, later searches stop at once and the evidence says so instead of
 * claiming candidates were tried. A budget of 0 ms spends it before the first.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/index.js';
import { RUN_SEARCH_BUDGET } from '../../src/diagnose/search-budget.js';

const fx = (p: string) => ({ name: p, bytes: readFileSync(new URL(`../../fixtures/${p}`, import.meta.url)) });
const SAMPLE = 'samples/curl-v-8.21.0-get-403.txt';
const V4 = 'unexplained-difference/v4-header-uncatalogued-header-added';
const saved = RUN_SEARCH_BUDGET.ms;

afterEach(() => {
  RUN_SEARCH_BUDGET.ms = saved;
});

function evidence(inputs: ReturnType<typeof fx>[], secret?: string) {
  const r = diagnose(inputs, secret === undefined ? {} : { secret }).results[0]!;
  return { causes: r.causes.map((c) => c.id), evidence: r.causes[0]!.evidence, data: r.causes[0]!.data };
}

describe('the run-wide search budget', () => {
  it('V1, wrong secret: with the budget, the search runs; spent, it says none was tried', () => {
    const full = evidence([fx(SAMPLE)], 'not-the-secret');
    expect(full.causes).toEqual(['secret-mismatch']);
    const tried = /none of (\d+) candidate changes to the string does either:/.exec(full.evidence);
    expect(Number(tried?.[1])).toBeGreaterThan(0);

    RUN_SEARCH_BUDGET.ms = 0;
    const cut = evidence([fx(SAMPLE)], 'not-the-secret');
    expect(cut.causes).toEqual(['secret-mismatch']);
    expect(cut.evidence.slice(cut.evidence.indexOf('the request carries'))).toBe(
      `the request carries ${/the request carries (\S+)\)/.exec(cut.evidence)![1]}); no candidate change to the string was tried (the search stopped at its bound before trying any: the run's search time was spent on earlier requests): the client used another secret than the one you supplied — or signed something that differs in more than one place.`,
    );
    expect(cut.data).toEqual({ ...full.data, hypothesesTried: 0 });
  });

  it('V4 hash search: spent, the unexplained difference says no change was tried', () => {
    const inputs = [fx(`${V4}/request.txt`), fx(`${V4}/response.xml`)];
    const full = evidence(inputs);
    expect(full.data).toMatchObject({ complete: true });
    RUN_SEARCH_BUDGET.ms = 0;
    const cut = evidence(inputs);
    expect(cut.causes).toEqual(full.causes);
    // ms is how long the (empty) search took: timing, not asserted.
    expect({ ...cut.data, ms: null }).toEqual({ ...full.data, tried: 0, complete: false, ms: null });
    expect(cut.evidence).toBe(
      full.evidence
        .replace(/None of \d+ candidate changes/, 'None of 0 candidate changes')
        .replace("reproduces OSS's hash.", "reproduces OSS's hash (none was tried: the run's search time was spent on earlier requests)."),
    );
  });

  it('the budget ends with the run: the next diagnose() starts a fresh one', () => {
    RUN_SEARCH_BUDGET.ms = 0;
    evidence([fx(SAMPLE)], 'not-the-secret');
    RUN_SEARCH_BUDGET.ms = saved;
    expect(evidence([fx(SAMPLE)], 'not-the-secret').evidence).toMatch(/none of \d+ candidate changes to the string does either:/);
  });
});
