/**
 * The one error type that means "this input cannot be used". The CLI prints
 * its message as a single line on stderr and exits 2. The message names the
 * input and says what is wrong; it must never contain a secret.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** Optional hint printed after the message, e.g. how to capture the input properly. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
