/**
 * The report: what every formatter renders. Field names follow CONTRACT.md's
 * JSON schema (schemaVersion 1); extra fields are extensions.
 */
import type { SignatureVersion } from '../request/auth.js';

export type Verdict = 'ok' | 'problem' | 'inconclusive';
export type Command = 'diagnose' | 'explain' | 'verify';

export interface ReportCause {
  id: string;
  title: string;
  evidence: string;
  fix: string;
  docs: string;
  /** Extensions: */
  severity: 'error' | 'info';
  basis: 'proven' | 'observed' | 'elimination';
  data?: Record<string, unknown>;
}

/** One labelled line of the strings to sign (extension). */
export interface ReportLine {
  label: string;
  role: string;
  client: string | null;
  server: string | null;
  same: boolean;
}

/** A step of `explain` (extension): how one part of the string to sign was obtained. */
export interface ExplainStep {
  part: string;
  value: string;
  from: string;
}

export interface CaseReport {
  source: string;
  verdict: Verdict;
  signatureVersion: SignatureVersion;
  /** Extension: the scheme in words, also when signatureVersion is "unknown" (AWS, OSS2, none). */
  scheme: string;
  request: { method: string; host: string | null; path: string; query: string } | null;
  /** `ecMeaning` (extension): the EC's meaning from sigdoctor's EC catalogue (`sigdoctor ec`). */
  error: { status: number | null; code: string | null; ec: string | null; requestId: string | null; ecMeaning?: string | null } | null;
  stringToSign: { client: string | null; server: string | null; serverSource: 'StringToSignBytes' | 'StringToSign' | null };
  canonicalRequest: { client: string; server: string | null } | null;
  /** Extension: where OSS's canonical request comes from (V4). */
  canonicalRequestSource: 'CanonicalRequestBytes' | 'CanonicalRequest' | 'reconstructed' | null;
  firstDifference: { offset: number; line: number; client: string; server: string } | null;
  signature: { verified: boolean | null };
  causes: ReportCause[];
  /** Extensions: */
  lines: ReportLine[];
  /** V4: the canonical request, line by line. */
  canonicalLines: ReportLine[];
  steps: ExplainStep[];
  notes: string[];
}

export interface Report {
  command: Command;
  results: CaseReport[];
  /** Inputs that were read but hold nothing to diagnose (a HAR's successful entries …). */
  skipped?: Array<{ source: string; reason: string }>;
  /**
   * Values that must be masked unless --no-redact (AccessKey ids, signatures,
   * tokens), with their kind. Never serialised.
   */
  sensitive: SensitiveValue[];
}

export interface SensitiveValue {
  value: string;
  kind: 'access-key-id' | 'signature' | 'token';
}
