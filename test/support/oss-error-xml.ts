/**
 * The `<Error>` document OSS sends for SignatureDoesNotMatch, field for field
 * as in the seeds' examples and the real captures (fixtures/samples/), for
 * tests that build captures around their own strings to sign.
 */
export const OSS_HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
export const OSS_AK = 'LTAI5tExampleKeyId0000';
export const SIGNATURE_MISMATCH_MESSAGE = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

export function ossErrorXml(requestId: string, signature: string, stringToSign: string, ec = '0002-00000040'): string {
  const bytes = [...Buffer.from(stringToSign, 'utf8')].map((b) => b.toString(16).toUpperCase().padStart(2, '0') + ' ').join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n' +
    '  <Code>SignatureDoesNotMatch</Code>\n' +
    `  <Message>${SIGNATURE_MISMATCH_MESSAGE}</Message>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `  <HostId>${OSS_HOST}</HostId>\n` +
    `  <OSSAccessKeyId>${OSS_AK}</OSSAccessKeyId>\n` +
    `  <SignatureProvided>${signature}</SignatureProvided>\n` +
    `  <StringToSign>${stringToSign}</StringToSign>\n` +
    `  <StringToSignBytes>${bytes}</StringToSignBytes>\n` +
    `  <EC>${ec}</EC>\n` +
    `  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=${ec}</RecommendDoc>\n</Error>\n`
  );
}
