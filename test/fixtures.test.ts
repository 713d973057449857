/**
 * One test walks every fixture folder: adding a case is adding files
 * (STYLE.md). Each fixture pins the verdict, the exact ordered cause ids and,
 * where given, the first differing byte and the signature check.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/index.js';
import { fixtureInputs, fixtureRequest, listFixtures } from './support/fixtures.js';

const fixtures = listFixtures();

describe('fixtures', () => {
  it('exist', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const report = diagnose(fixtureInputs(f), fixtureRequest(f));
    expect(report.results).toHaveLength(1);
    const r = report.results[0]!;
    expect({ verdict: r.verdict, causes: r.causes.map((c) => c.id) }).toEqual({ verdict: f.expected.verdict, causes: f.expected.causes });
    if (f.expected.firstDifference !== undefined) {
      expect(r.firstDifference === null ? null : { offset: r.firstDifference.offset, line: r.firstDifference.line }).toEqual(f.expected.firstDifference);
    }
    if (f.expected.verified !== undefined) expect(r.signature.verified).toBe(f.expected.verified);
    // Every cause carries evidence, a fix and a docs link.
    for (const c of r.causes) {
      expect(c.evidence.length).toBeGreaterThan(20);
      expect(c.fix.length).toBeGreaterThan(10);
      expect(c.docs).toMatch(/^https:\/\//);
    }
  });
});
