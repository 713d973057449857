/**
 * Which query parameters are V1 sub-resources, i.e. part of CanonicalizedResource.
 *
 * The server's list is not published in full (SIGNING.md §2.5, §12.1). Following
 * SIGNING.md's recommendation, sigdoctor uses the UNION of every SDK's list
 * (go-v1 conn.go signKeyList, php-v1 SignerV1::$signKeyList, oss2
 * ProviderAuth._subresource_key_set, cpp SignUtils.cc, c oss_auth.c, java-v1
 * SignParameters.SIGNED_PARAMTERS, go-v2 requiredSignedParametersMap, py-v2,
 * java-v2, cs-v2, php-v2, swift-v2) plus go-v2/py-v2 per-operation names, plus
 * every query key starting with `x-oss-` (go-v2 v1.go, php-v2, cs-v2 prefix rule).
 * When OSS returns its StringToSign, the keys in its resource are the truth and
 * any disagreement is reported as `subresource-mismatch`.
 */
export const V1_SUBRESOURCES: ReadonlySet<string> = new Set([
  // Present in every SDK (the "core" list).
  'acl', 'append', 'bucketInfo', 'callback', 'callback-var', 'continuation-token', 'delete',
  'location', 'objectMeta', 'partNumber', 'position', 'regionList',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'response-content-language', 'response-content-type', 'response-expires',
  'restore', 'security-token', 'sequential', 'stat', 'symlink', 'tagging', 'uploadId', 'uploads',
  'versionId', 'versioning', 'versions',
  // In some SDK lists (SIGNING.md §2.5 table).
  'cloudboxes', 'resourceGroup', 'cleanRestoredObject', 'asyncFetch', 'cname', 'comp',
  'cors', 'lifecycle', 'logging', 'referer', 'website',
  'encryption', 'policy', 'requestPayment', 'qosInfo',
  'inventory', 'inventoryId', 'worm', 'wormId', 'wormExtend',
  'live', 'status', 'vod', 'startTime', 'endTime', 'qos', 'metaQuery',
  'replication', 'replicationLocation', 'replicationProgress', 'style', 'styleName',
  'transferAcceleration', 'img',
  'udf', 'udfName', 'udfImage', 'udfImageDesc', 'udfApplication', 'udfApplicationLog', 'udfId',
  'rtc', 'responseHeader', 'withHashContext',
  'accessPoint', 'accessPointPolicy', 'bucketArchiveDirectRead', 'httpsConfig', 'publicAccessBlock',
  'redundancyTransition', 'group', 'link', 'objectInfo', 'qosRequester', 'requesterQosInfo',
  'resourcePool', 'resourcePoolBuckets', 'resourcePoolInfo',
  'policyStatus', 'processConfiguration', 'seal', 'vip', 'vpcip',
  // go-v2 per-operation signer.SubResource names (SIGNING.md §2.5).
  'accessPointConfigForObjectProcess', 'accessPointForObjectProcess', 'accessPointPolicyForObjectProcess',
  'legalHold', 'objectWorm', 'overwriteConfig', 'retention', 'userDefinedLogFieldsConfig',
  // py-v2 per-operation sub-resource metadata (SIGNING.md §2.5).
  'MetaQuery', 'dataPipeline',
]);

/** True when OSS (by the union rule above) signs this query key in the V1 resource. */
export function isV1Subresource(name: string): boolean {
  return V1_SUBRESOURCES.has(name) || name.startsWith('x-oss-');
}

/** Query keys that carry a V1 URL signature itself and are never signed (SIGNING.md §3.2). */
export const V1_QUERY_AUTH_PARAMS: ReadonlySet<string> = new Set(['OSSAccessKeyId', 'Expires', 'Signature']);
