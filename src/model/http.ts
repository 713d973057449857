/**
 * Plain HTTP messages as they appear in what users paste. Nothing here is
 * canonicalised: names keep their case, values keep their bytes, order is kept.
 */

/** One header line. `name` keeps the case it was written in. */
export interface HeaderField {
  name: string;
  value: string;
}

export interface HttpRequestMessage {
  method: string;
  /** The request-target exactly as written: origin form `/key?acl` or absolute form `https://host/key`. */
  target: string;
  /** `HTTP/1.1`, `HTTP/2`, … when the input shows it. */
  httpVersion?: string;
  headers: HeaderField[];
  /** Request body text when the input shows it (curl -v never does). */
  body?: string;
  /**
   * True when the method was not in the input (a signed URL pasted alone):
   * sigdoctor then assumes GET and must not blame the method.
   */
  methodAssumed?: boolean;
}

export interface HttpResponseMessage {
  status: number;
  reason?: string;
  httpVersion?: string;
  headers: HeaderField[];
  /** Response body text when the input has it. */
  body?: string;
  /** True when the body text is known to be damaged (curl --trace-ascii prints LF as `.`). */
  bodyLossy?: boolean;
}

/**
 * A string the CLIENT says it signed, as an SDK or tool logged it (INPUTS.md §6,
 * §7): oss2's `string to be signed = b'…'`, Go SDK v1/ossutil `signStr:`, Go SDK
 * v2 `StringToSign:`. Already unescaped to its real bytes.
 */
export interface ClientSignedString {
  kind: 'v1-string-to-sign' | 'v4-string-to-sign' | 'v4-canonical-request';
  text: string;
  /** Where it came from, e.g. `oss2 DEBUG log`, `ossutil 1.x log`. */
  source: string;
}

/** One request/response pair found in an input. Either side may be missing. */
export interface Exchange {
  request?: HttpRequestMessage;
  response?: HttpResponseMessage;
  /** What the client logged that it signed, when the input is an SDK log. */
  clientSigned?: ClientSignedString[];
  /** Facts about how the input was read that a report may mention. */
  notes: string[];
}

/** Case-insensitive lookup of the first header with this name. */
export function findHeader(headers: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === wanted) return h.value;
  return undefined;
}

/** Every value of a header, in order (repeated headers). */
export function findHeaders(headers: readonly HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
}
