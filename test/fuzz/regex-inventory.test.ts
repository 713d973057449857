/**
 * The regex review in test/fuzz/README.md covers every regular expression in
 * src/: each file's count there must match the regex literals and
 * `new RegExp(…)` calls the TypeScript parser finds in it. A new regex fails
 * this test until someone has looked at it and updated the table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** `file:line regex` for every regex literal and `new RegExp(…)` in src/. */
function inventory(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const file of sources(join(REPO, 'src'))) {
    const rel = relative(REPO, file).split('\\').join('/');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (n: ts.Node): void => {
      const isRegex = n.kind === ts.SyntaxKind.RegularExpressionLiteral || (ts.isNewExpression(n) && n.expression.getText(sf) === 'RegExp');
      if (isRegex) found.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${n.getText(sf).slice(0, 120)}`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (found.length > 0) byFile.set(rel, found);
  }
  return byFile;
}

/** `| \`src/…\` | 12 | …` rows of the review table. */
function reviewed(): Map<string, number> {
  const readme = readFileSync(join(REPO, 'test/fuzz/README.md'), 'utf8');
  const rows = new Map<string, number>();
  for (const m of readme.matchAll(/^\| `(src\/[^`]+)` \| ([0-9]+) \|/gm)) rows.set(m[1]!, Number(m[2]));
  return rows;
}

describe('regex review', () => {
  it('the README table has every file of src/ with a regex, with its exact count', () => {
    const found = inventory();
    const counts = Object.fromEntries([...found].map(([f, list]) => [f, list.length]));
    expect(Object.fromEntries(reviewed())).toEqual(counts);
  });
});
