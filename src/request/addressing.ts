/**
 * Where the bucket and the object key come from: the Host (virtual-hosted),
 * the first path segment (path-style), or — for a custom domain bound to a
 * bucket (CNAME) — a hint or the server's own resource. SIGNING.md §2.4 and
 * §10.12–13: the resource is `/bucket/key` whatever the addressing style.
 */
import { percentDecode } from './url-parts.js';

export type AddressingStyle = 'virtual-hosted' | 'path-style' | 'custom-domain' | 'no-host';

export interface Addressing {
  style: AddressingStyle;
  /** null: service-level request (ListBuckets) or bucket unknown (see bucketSource). */
  bucket: string | null;
  bucketSource: 'host' | 'path' | 'option' | 'server' | 'none';
  /** Decoded object key ('' for bucket-level requests). */
  key: string;
  /** OSS region from the endpoint label (`oss-cn-hangzhou` → `cn-hangzhou`), when the host says. */
  region?: string;
  /** Human-readable facts about assumptions made, for the report. */
  notes: string[];
}

export interface AddressingHints {
  /** `--bucket`. */
  bucket?: string;
  /** `--cname`: the Host is a custom domain bound to the bucket. */
  cname?: boolean;
  /** The bucket in the server's resource (`/bucket/…`), when OSS returned its string to sign. */
  serverBucket?: string | null;
  /** The server's whole resource path (no sub-resources), to settle no-Host pastes. */
  serverResourcePath?: string;
}

/** Parsed facts about an OSS endpoint host. */
export interface OssHost {
  /** The label(s) before the endpoint, e.g. `examplebucket`; null for a path-style endpoint host. */
  bucketLabel: string | null;
  region?: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Lower-case host without port or trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : h;
  }
  const colon = h.lastIndexOf(':');
  if (colon >= 0 && /^\d*$/.test(h.slice(colon + 1))) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/**
 * Recognise `*.aliyuncs.com` OSS endpoints: `oss-<region>[-internal].aliyuncs.com`,
 * `oss-accelerate…`, `s3.oss-<region>…` (S3-compatible, DOC-S3) and CloudBox
 * `cb-…​.<region>.oss-cloudbox.aliyuncs.com` (go-v2 client.go). Returns null for
 * anything else (a custom domain, an IP, localhost).
 */
export function parseOssHost(host: string): OssHost | null {
  if (!host.endsWith('.aliyuncs.com')) return null;
  const labels = host.split('.');
  // The endpoint label sits right before `aliyuncs.com`; bucket names may
  // themselves start with `oss-`, so never search from the left.
  let endpoint = labels.length - 3;
  const endpointLabel = labels[endpoint];
  if (endpoint < 0 || endpointLabel === undefined || !(endpointLabel === 'oss' || endpointLabel.startsWith('oss-'))) return null;
  let region: string | undefined;
  if (endpointLabel.startsWith('oss-cloudbox')) {
    // `<bucket>.cb-xxx.<region>.oss-cloudbox.aliyuncs.com` (go-v2 client.go resolveCloudBox).
    region = labels[endpoint - 1];
    endpoint = Math.max(0, endpoint - 2);
  } else {
    if (endpoint > 0 && labels[endpoint - 1] === 's3') endpoint--; // S3-compatible endpoint (DOC-S3)
    if (endpointLabel !== 'oss-accelerate' && endpointLabel !== 'oss-accelerate-overseas' && endpointLabel !== 'oss') {
      region = endpointLabel.slice(4).replace(/-internal$/, '');
    }
  }
  const out: OssHost = { bucketLabel: endpoint === 0 ? null : labels.slice(0, endpoint).join('.') };
  if (region) out.region = region;
  return out;
}

export function isIpOrLocal(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[') || host === 'localhost';
}

/** Resolve bucket and key for a request path on a host. */
export function resolveAddressing(host: string | null, rawPath: string, hints: AddressingHints = {}): Addressing {
  const notes: string[] = [];
  const oss = host && !hints.cname ? parseOssHost(host) : null;

  if (oss && oss.bucketLabel !== null) {
    const a: Addressing = { style: 'virtual-hosted', bucket: oss.bucketLabel, bucketSource: 'host', key: percentDecode(rawPath.slice(1)), notes };
    if (oss.region) a.region = oss.region;
    return a;
  }
  if (oss || (host !== null && isIpOrLocal(host) && !hints.cname)) {
    // Path-style: the SDKs use it for bare endpoints and IP endpoints (go-v1 urlTypeIP).
    const a = pathStyle(rawPath, notes);
    if (oss?.region) a.region = oss.region;
    return a;
  }
  if (host === null) {
    // No Host at all (a doc-style paste such as `PUT /bucket/abc?acl`): read the path
    // the way the server's resource shows it if we have it, else path-style.
    const decodedPath = percentDecode(rawPath);
    if (hints.bucket && !decodedPath.startsWith(`/${hints.bucket}/`) && decodedPath !== `/${hints.bucket}`) {
      notes.push(`the request has no Host header; using --bucket ${hints.bucket} with the whole path as the key`);
      return { style: 'no-host', bucket: hints.bucket, bucketSource: 'option', key: decodedPath.slice(1), notes };
    }
    if (hints.serverResourcePath !== undefined && hints.serverBucket && hints.serverResourcePath === `/${hints.serverBucket}${decodedPath}` && !decodedPath.startsWith(`/${hints.serverBucket}/`)) {
      notes.push(`the request has no Host header; OSS's resource shows bucket ${hints.serverBucket} with the whole path as the key`);
      return { style: 'no-host', bucket: hints.serverBucket, bucketSource: 'server', key: decodedPath.slice(1), notes };
    }
    notes.push('the request has no Host header; reading the path as /bucket/key (path-style)');
    const a = pathStyle(rawPath, notes);
    a.style = 'no-host';
    return a;
  }
  // A custom domain (CNAME) bound to a bucket: OSS takes the bucket from the binding and the
  // whole path as the key (SIGNING.md §10.12). The bucket must come from a hint or from OSS.
  const key = percentDecode(rawPath.slice(1));
  if (hints.bucket) return { style: 'custom-domain', bucket: hints.bucket, bucketSource: 'option', key, notes };
  if (hints.serverBucket) {
    notes.push(`${host} is a custom domain; the bucket (${hints.serverBucket}) is taken from OSS's string to sign`);
    return { style: 'custom-domain', bucket: hints.serverBucket, bucketSource: 'server', key, notes };
  }
  notes.push(`${host} is a custom domain and the bucket is unknown; pass --bucket NAME`);
  return { style: 'custom-domain', bucket: null, bucketSource: 'none', key, notes };
}

function pathStyle(rawPath: string, notes: string[]): Addressing {
  const path = rawPath.slice(1);
  if (path === '') return { style: 'path-style', bucket: null, bucketSource: 'none', key: '', notes };
  const slash = path.indexOf('/');
  const bucket = percentDecode(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : percentDecode(path.slice(slash + 1));
  return { style: 'path-style', bucket, bucketSource: 'path', key, notes };
}
