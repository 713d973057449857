/**
 * The one error type that means "this input cannot be used". The CLI prints
 * its message as a single line on stderr and exits 2. The message names the
 * input and says what is wrong; it must never contain a secret.
 *
 * Messages often quote the input (a JSON.parse or XML parser complaint, a bad
 * header): control characters in them are shown as escapes (`\n`, `\u001b`),
 * so the message stays one line and cannot drive the terminal.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Optional hint printed after the message, e.g. how to capture the input properly. */
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(visibleControls(message));
    if (hint !== undefined) this.hint = visibleControls(hint);
  }
}

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** `a\nb` → `a\\nb`; other controls as `\u00XX`. */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
