/**
 * The cause registry holds together: every rule has a fixture that triggers
 * it and a near-miss that must not, every fixture names known causes, every
 * cause has wording and a README section, and every documented (seed) V1
 * cause has a bundled example.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/diagnose/catalogue.js';
import { CAUSE_IDS, isCauseId } from '../src/diagnose/cause-ids.js';
import { RULES } from '../src/diagnose/rules/index.js';
import { EXAMPLES } from '../src/examples/index.js';
import { listFixtures } from './support/fixtures.js';

const fixtures = listFixtures();
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** CAUSES.md's first table: the documented (seed) causes. */
const DOCUMENTED = ['content-type-mismatch', 'proxy-modified-headers', 'cdn-range-behavior-header', 'cdn-head-to-get', 'unencoded-plus-in-signature', 'wrong-signature-method', 'malformed-v4-authorization', 'cname-not-enabled', 'secret-mismatch'];

describe('rules', () => {
  it('one rule per cause id, in files named by the id, no duplicates', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isCauseId(id)).toBe(true);
  });

  it.each(RULES.map((r) => r.id))('%s has a triggering fixture and a near-miss in fixtures/%s/', (id) => {
    const own = fixtures.filter((f) => f.group === id);
    expect(own.some((f) => f.expected.causes.includes(id)), 'a fixture that triggers it').toBe(true);
    expect(own.some((f) => !f.expected.causes.includes(id)), 'a near-miss that must not').toBe(true);
  });
});

describe('fixtures', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s names known causes, says where it comes from, and sits in a known folder', (_n, f) => {
    for (const c of f.expected.causes) expect(isCauseId(c), c).toBe(true);
    expect(f.group === 'ok' || isCauseId(f.group)).toBe(true);
    expect(f.expected.origin.length).toBeGreaterThan(30);
    if (f.group === 'ok') expect(f.expected).toMatchObject({ verdict: 'ok', causes: [] });
  });
});

describe('catalogue and README', () => {
  it.each([...CAUSE_IDS])('%s has a title, a fix, a docs link and a README section', (id) => {
    const e = CATALOGUE[id];
    expect(e.title.length).toBeGreaterThan(10);
    expect(e.fix.length).toBeGreaterThan(10);
    expect(e.docs).toMatch(/^https:\/\//);
    expect(README.split('\n')).toContain(`### ${id}`);
  });
});

describe('examples', () => {
  it.each(DOCUMENTED)('the documented cause %s has a bundled example', (id) => {
    expect(EXAMPLES.some((e) => e.cause === id)).toBe(true);
  });

  it('example names are unique', () => {
    expect(new Set(EXAMPLES.map((e) => e.name)).size).toBe(EXAMPLES.length);
  });
});
