/**
 * White space around the AccessKey secret (CAUSES.md secret-mismatch: "whitespace,
 * trailing newline"). An AccessKey secret never contains white space, yet copies
 * of it pick some up: `echo secret > file` adds a newline, Windows editors a CRLF
 * or a byte-order mark, a copy from a web page a space. With the secret, either
 * side's copy can be caught: the secret you supplied, trimmed, reproduces the
 * request's signature (your copy has the white space), or the secret with a
 * trailing newline (or CRLF, space …) does (the client's copy has it).
 * Descriptions name the white space, never the secret.
 */

/** A white-space unit and its name; CRLF before LF so a Windows line ending reads as one. */
const UNITS: ReadonlyArray<[string, string]> = [
  ['\r\n', 'CRLF line ending'],
  ['\n', 'newline'],
  ['\r', 'carriage return'],
  [' ', 'space'],
  ['\t', 'tab'],
  ['\u00a0', 'non-breaking space'],
  ['\ufeff', 'byte-order mark'],
  ['\u3000', 'ideographic space'],
];

function unitsOf(run: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < run.length) {
    const hit = UNITS.find(([u]) => run.startsWith(u, i));
    if (hit) {
      names.push(hit[1]);
      i += hit[0].length;
    } else {
      const cp = run.codePointAt(i)!;
      names.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} white-space character`);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return names;
}

const article = (name: string): string => (/^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`);

/** `a trailing newline`, `2 trailing spaces`, `trailing white space (a space, then a newline)`. */
function describeRun(run: string, where: 'leading' | 'trailing'): string {
  const groups: Array<{ name: string; n: number }> = [];
  for (const name of unitsOf(run)) {
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.n++;
    else groups.push({ name, n: 1 });
  }
  if (groups.length === 1) {
    const { name, n } = groups[0]!;
    return n === 1 ? article(`${where} ${name}`) : `${n} ${where} ${name}s`;
  }
  return `${where} white space (${groups.map(({ name, n }) => (n === 1 ? article(name) : `${n} ${name}s`)).join(', then ')})`;
}

/**
 * The white space around a secret, in words (`a trailing newline`, `a leading
 * space and 2 trailing spaces`); null when there is none. Never the secret itself.
 */
export function describeSurroundingWhitespace(secret: string): string | null {
  const start = secret.length - secret.trimStart().length;
  if (start === secret.length) return secret === '' ? null : describeRun(secret, 'trailing');
  const end = secret.trimEnd().length;
  const parts: string[] = [];
  if (start > 0) parts.push(describeRun(secret.slice(0, start), 'leading'));
  if (end < secret.length) parts.push(describeRun(secret.slice(end), 'trailing'));
  return parts.length ? parts.join(' and ') : null;
}

/** Which copy of the secret has white space the other lacks. */
export interface SecretWhitespace {
  /** The white space around the secret you supplied, absent from the client's copy (null: none). */
  supplied: string | null;
  /** The white space around the client's copy, absent from the secret you supplied (null: none). */
  client: string | null;
  /** Which string, signed with the client's copy, gives the signature: sigdoctor's recomputation of the request, or OSS's own. */
  string: 'recomputed' | 'oss';
}

/**
 * What the client's copy of the secret may have carried: the usual line endings
 * and stray spaces after it, a space or a byte-order mark before it.
 */
const CLIENT_SUFFIXES = ['\n', '\r\n', '\r', ' ', '  ', '\t', '\n\n'];
const CLIENT_PREFIXES = [' ', '\ufeff'];

/**
 * The first copy of the secret, with its white space changed, that reproduces
 * the signature (`reproduces` signs with the candidate and compares); null when
 * none does. The supplied secret itself is not tried: the caller already did.
 */
export function findSecretWhitespace(supplied: string, string: SecretWhitespace['string'], reproduces: (candidate: string) => boolean): SecretWhitespace | null {
  const clean = supplied.trim();
  if (clean === '') return null;
  const suppliedWs = describeSurroundingWhitespace(supplied);
  const candidates = [clean, ...CLIENT_SUFFIXES.map((s) => clean + s), ...CLIENT_PREFIXES.map((p) => p + clean)];
  for (const c of candidates) {
    if (c === supplied) continue;
    if (reproduces(c)) return { supplied: suppliedWs, client: describeSurroundingWhitespace(c), string };
  }
  return null;
}
