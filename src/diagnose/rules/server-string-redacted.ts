/**
 * Informational: OSS's StringToSign text and StringToSignBytes disagree (seed
 * 004's doc example redacts the bucket in the text but not in the bytes;
 * SIGNING.md §8.2). The bytes are the truth and are what sigdoctor compares.
 */
import { utf8 } from '../../compare/bytes.js';
import { diffV1Strings } from '../../compare/v1-diff.js';
import type { Rule } from '../rule.js';
import { textDisagreesWithBytes } from '../server-string.js';

export const serverStringRedacted: Rule = {
  id: 'server-string-redacted',
  check({ a }) {
    if (!a.error) return [];
    const d = textDisagreesWithBytes(a.error);
    if (!d) return [];
    const first = diffV1Strings(utf8(d.text), utf8(d.bytesText)).firstDifference!;
    return [{
      id: 'server-string-redacted',
      basis: 'observed',
      evidence: `OSS's StringToSign text differs from its StringToSignBytes at line ${first.line}: the text says ${JSON.stringify(first.client)}, the bytes say ${JSON.stringify(first.server)}. sigdoctor compares against the bytes.`,
      data: { line: first.line, text: first.client, bytes: first.server },
    }];
  },
};
