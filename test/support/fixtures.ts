/** Discovery and loading of `fixtures/<cause-id>/<case>/` folders (STYLE.md "Tests"). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnoseRequest, InputSource } from '../../src/index.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface FixtureExpectation {
  /** Where the fixture comes from: a seed, a real capture, a documented example, and what was derived. */
  origin: string;
  inputs: string[];
  secretFile?: string;
  options?: { bucket?: string; cname?: boolean; command?: 'diagnose' | 'explain' | 'verify' };
  verdict: 'ok' | 'problem' | 'inconclusive';
  /** Cause ids, in report order. */
  causes: string[];
  firstDifference?: { offset: number; line: number } | null;
  /** signature.verified, when the fixture pins it. */
  verified?: boolean | null;
  /** Inputs with several results (a HAR): one entry per result, in order; the top-level fields then describe the first. */
  results?: Array<{ source: string; verdict: string; causes: string[] }>;
  /** How many inputs were skipped (HAR entries that are not signature errors). */
  skipped?: number;
}

export interface Fixture {
  /** `<cause-id>/<case>` */
  name: string;
  /** The folder's cause id, or `ok`. */
  group: string;
  dir: string;
  expected: FixtureExpectation;
}

/** Folders that hold inputs for other tests rather than diagnosis cases. */
const NOT_CASES = new Set(['samples', 'inputs']);

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of readdirSync(FIXTURES_DIR).sort()) {
    const gdir = join(FIXTURES_DIR, group);
    if (NOT_CASES.has(group) || !statSync(gdir).isDirectory()) continue;
    for (const c of readdirSync(gdir).sort()) {
      const dir = join(gdir, c);
      if (!statSync(dir).isDirectory()) continue;
      const file = join(dir, 'expected.json');
      if (!existsSync(file)) throw new Error(`fixture ${group}/${c} has no expected.json`);
      out.push({ name: `${group}/${c}`, group, dir, expected: JSON.parse(readFileSync(file, 'utf8')) as FixtureExpectation });
    }
  }
  return out;
}

export function fixtureInputs(f: Fixture): InputSource[] {
  return f.expected.inputs.map((name) => ({ name, bytes: readFileSync(join(f.dir, name)) }));
}

export function fixtureRequest(f: Fixture): DiagnoseRequest {
  const req: DiagnoseRequest = { command: f.expected.options?.command ?? 'diagnose' };
  if (f.expected.options?.bucket) req.bucket = f.expected.options.bucket;
  if (f.expected.options?.cname) req.cname = true;
  if (f.expected.secretFile) req.secret = readFileSync(join(f.dir, f.expected.secretFile), 'utf8').replace(/\r?\n$/, '');
  return req;
}
