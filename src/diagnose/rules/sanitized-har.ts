/**
 * A HAR entry whose Authorization header the export removed: Chrome's
 * "Export HAR (sanitized)" is the default since 2024 and deletes
 * `authorization` and `cookie` (INPUTS.md §5.2; Chromium CL acd96a60).
 * Informational: when OSS's answer shows what it received, the header is
 * rebuilt and the diagnosis goes on; otherwise the input is not enough.
 */
import type { Rule } from '../rule.js';

export const sanitizedHar: Rule = {
  id: 'sanitized-har',
  check({ a }) {
    const s = a.sanitizedHar;
    if (!s) return [];
    const creator = a.case.fromHar?.creator;
    const by = creator === 'WebInspector' ? 'Chrome\'s HAR export' : creator ? `the HAR export (${creator})` : 'the HAR export';
    return [{
      id: 'sanitized-har',
      basis: 'observed',
      evidence: s.rebuilt
        ? `This HAR entry has no Authorization header, yet OSS's answer shows it received one (OSSAccessKeyId ${a.error?.accessKeyId ?? ''}, SignatureProvided ${a.error?.signatureProvided ?? ''}): ${by} removed it. sigdoctor rebuilt the header from OSS's answer to diagnose the entry.`
        : `This HAR entry has no Authorization header although the request looks signed (it carries x-oss-date, or OSS answered SignatureDoesNotMatch): ${by} removed it, and OSS's answer does not show the signature either.`,
      data: { rebuilt: s.rebuilt, creator: creator ?? null },
    }];
  },
};
