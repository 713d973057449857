/**
 * The seed corpus: every real capture (fixtures/samples) and every fixture
 * file (fixtures/**), read as bytes. Mutations and splices start from these.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; the bundled fuzz runner (run.mjs) sets FUZZ_REPO_ROOT because its bundle lives in a temp dir. */
export const REPO_ROOT = process.env['FUZZ_REPO_ROOT'] ?? fileURLToPath(new URL('../../', import.meta.url));

export interface CorpusFile {
  /** Path relative to the repository root, e.g. `fixtures/samples/curl-v-8.21.0-get-403.txt`. */
  path: string;
  bytes: Uint8Array;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

let cached: CorpusFile[] | undefined;

/** Every file under fixtures/, in a stable order (samples first). */
export function corpus(): CorpusFile[] {
  if (cached) return cached;
  const files: string[] = [];
  walk(join(REPO_ROOT, 'fixtures'), files);
  const all = files.map((p) => ({ path: relative(REPO_ROOT, p).split('\\').join('/'), bytes: new Uint8Array(readFileSync(p)) }));
  const isSample = (f: CorpusFile): boolean => f.path.startsWith('fixtures/samples/');
  cached = [...all.filter(isSample), ...all.filter((f) => !isSample(f))];
  return cached;
}

/** Only the real captures in fixtures/samples. */
export function samples(): CorpusFile[] {
  return corpus().filter((f) => f.path.startsWith('fixtures/samples/') && !f.path.endsWith('README.md'));
}

/** The input files of each fixture case folder with two or more (request + response, url + response …), in a stable order. */
export function fixturePairs(): CorpusFile[][] {
  const byDir = new Map<string, CorpusFile[]>();
  for (const f of corpus()) {
    const dir = f.path.slice(0, f.path.lastIndexOf('/'));
    const base = f.path.slice(dir.length + 1);
    if (dir.startsWith('fixtures/samples') || base === 'expected.json' || base === 'secret.txt' || base.endsWith('.md')) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir.values()].filter((fs) => fs.length >= 2);
}
