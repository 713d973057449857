/**
 * One test walks every fixture folder: adding a case is adding files
 * (STYLE.md). Each fixture pins the verdict, the exact ordered cause ids and,
 * where given, the first differing byte and the signature check.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/index.js';
import { formatReport } from '../src/report/index.js';
import { plain } from '../src/report/style.js';
import { fixtureInputs, fixtureRequest, listFixtures } from './support/fixtures.js';

/**
 * Credentials in an input, found independently of sigdoctor's own parsing:
 * AccessKey ids, V1 signatures (header, URL, SignatureProvided) and tokens.
 * Docs-masked values (with `*`) are not credentials.
 */
function credentialsIn(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(LTAI[A-Za-z0-9]{8,})/g,
    /Signature(?:=|%3D)([A-Za-z0-9%+/=]{16,})/g,
    /OSS [A-Za-z0-9.]+:([A-Za-z0-9+/]{27}=)/g,
    /<SignatureProvided>([^<]{16,})<\/SignatureProvided>/g,
    /security-token(?::|=)\s?([^&\s"]{12,})/g,
    /x-oss-signature=([0-9a-f]{64})/g,
    /Signature=([0-9a-f]{64})/g,
    /(?:Credential=|x-oss-credential=)([A-Za-z0-9]{12,})(?:\/|%2F)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) if (!m[1]!.includes('*')) found.add(m[1]!);
  for (const v of [...found]) {
    try {
      found.add(decodeURIComponent(v));
    } catch {
      /* not encoded */
    }
  }
  return [...found];
}

const fixtures = listFixtures();

describe('fixtures', () => {
  it('exist', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const report = diagnose(fixtureInputs(f), fixtureRequest(f));
    if (f.expected.results) {
      expect(report.results.map((x) => ({ source: x.source, verdict: x.verdict, causes: x.causes.map((c) => c.id) }))).toEqual(f.expected.results);
      expect(report.skipped?.length ?? 0).toBe(f.expected.skipped ?? 0);
    } else {
      expect(report.results).toHaveLength(1);
    }
    const r = report.results[0]!;
    expect({ verdict: r.verdict, causes: r.causes.map((c) => c.id) }).toEqual({ verdict: f.expected.verdict, causes: f.expected.causes });
    if (f.expected.firstDifference !== undefined) {
      expect(r.firstDifference === null ? null : { offset: r.firstDifference.offset, line: r.firstDifference.line }).toEqual(f.expected.firstDifference);
    }
    if (f.expected.verified !== undefined) expect(r.signature.verified).toBe(f.expected.verified);
    // Redacted by default in every format: no id, signature or token from the input survives.
    const creds = fixtureInputs(f).flatMap((i) => credentialsIn(Buffer.from(i.bytes).toString('utf8')));
    for (const format of ['human', 'json'] as const) {
      const out = formatReport(report, format, { style: plain, redact: true });
      for (const c of creds) expect(out.includes(c), `${format} output shows ${c}`).toBe(false);
    }
    // Every cause carries evidence, a fix and a docs link.
    for (const c of r.causes) {
      expect(c.evidence.length).toBeGreaterThan(20);
      expect(c.fix.length).toBeGreaterThan(10);
      expect(c.docs).toMatch(/^https:\/\//);
    }
  });
});
