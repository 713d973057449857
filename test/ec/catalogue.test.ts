import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../src/diagnose/cause-ids.js';
import {
  EC_CATALOGUE,
  EC_DOC_GAPS,
  EC_GROUPS,
  ERROR_CODES,
  NEIGHBOUR_ECS,
  isDocumentationGap,
} from '../../src/ec/catalogue.js';

/** Every code listed in SIGNING.md §9, transcribed by hand, group by group. */
const SIGNING_9: Record<string, string[]> = {
  'STS / security token': ['0001', '0003', '0004', '0006', '0007', '0008', '0009', '0010'],
  'Mode / method selection': ['0031', '0032', '0033', '0034', '0037', '0038', '0039', '0080'],
  'V1 header / URL': [
    '0040', '0061', '0062', '0063', '0064', '0065', '0066', '0067', '0068', '0069', '0070', '0071',
    '0073', '0075', '0076', '0077',
  ],
  'OSS V2 (OSS2)': [
    '0101', '0102', '0103', '0104', '0105', '0106', '0108', '0109', '0113', '0114', '0116', '0117',
    '0118', '0119',
  ],
  'V4 (OSS4-HMAC-SHA256)': [
    '0201', '0202', '0203', '0204', '0205', '0206', '0208', '0209', '0210', '0211', '0212', '0213',
    '0214', '0215', '0217', '0219', '0220', '0223', '0224', '0225', '0226', '0232', '0236',
  ],
  'S3-compatible SigV2': ['0301', '0302', '0307'],
  'S3-compatible SigV4': [
    '0401', '0403', '0404', '0405', '0407', '0408', '0409', '0411', '0412', '0414', '0416', '0417',
    '0418', '0420', '0423', '0425', '0427', '0429', '0430', '0431',
  ],
  Time: ['0501', '0502', '0503', '0504'],
  'IP / VPC-restricted signatures': ['0602', '0603'],
  PostObject: ['0705', '0708', '0714'],
  'LiveChannel / RTMP': ['0801', '0802', '0807', '0808'],
  AccessKey: ['0901', '0902', '0903', '0904'],
};

const full = (n: string): string => `0002-0000${n}`;
const EXPECTED_0002 = Object.values(SIGNING_9).flat().map(full);
const EXPECTED_NEIGHBOURS = ['0003-00000001', '0003-00000002', '0026-00000001'];

describe('EC_CATALOGUE', () => {
  it('holds exactly the §9 codes plus the neighbours', () => {
    expect(EXPECTED_0002).toHaveLength(109);
    const inCatalogue = EC_CATALOGUE.map((e) => e.ec);
    const neighbours = new Set(NEIGHBOUR_ECS);
    expect(new Set(inCatalogue.filter((ec) => !neighbours.has(ec)))).toEqual(new Set(EXPECTED_0002));
    expect([...NEIGHBOUR_ECS].sort()).toEqual(EXPECTED_NEIGHBOURS);
    expect(EC_CATALOGUE).toHaveLength(112);
  });

  it('puts each code in its §9 group', () => {
    const byEc = new Map(EC_CATALOGUE.map((e) => [e.ec, e]));
    for (const [group, codes] of Object.entries(SIGNING_9)) {
      for (const n of codes) expect(byEc.get(full(n))?.group, full(n)).toBe(group);
    }
    for (const ec of EXPECTED_NEIGHBOURS) expect(byEc.get(ec)?.group).toBe('Neighbours');
  });

  it('has unique codes, listed group by group', () => {
    const ecs = EC_CATALOGUE.map((e) => e.ec);
    expect(new Set(ecs).size).toBe(ecs.length);
    const groupOrder = EC_CATALOGUE.map((e) => EC_GROUPS.indexOf(e.group as (typeof EC_GROUPS)[number]));
    expect(groupOrder.every((g, i) => g >= 0 && (i === 0 || g >= groupOrder[i - 1]!))).toBe(true);
  });

  it.each(EC_CATALOGUE.map((e) => [e.ec, e] as const))('%s is well-formed', (ec, e) => {
    expect(ec).toMatch(/^\d{4}-\d{8}$/);
    expect(e.family).toBe(ec.slice(0, 4));
    expect(e.docs).toBe(`https://www.alibabacloud.com/help/en/oss/support/${ec}`);
    expect(e.meaning.trim().length).toBeGreaterThan(10);
    expect(e.fix.trim().length).toBeGreaterThan(10);
    expect(e.causes.length).toBeGreaterThan(0);
    for (const c of e.causes) expect(c.trim()).not.toBe('');
    expect(EC_GROUPS).toContain(e.group);
    for (const id of e.sigdoctorCauses) expect(CAUSE_IDS).toContain(id);
    expect(new Set(e.sigdoctorCauses).size).toBe(e.sigdoctorCauses.length);
    if (e.code !== undefined) expect(Object.keys(ERROR_CODES)).toContain(e.code);
    expect(Object.isFrozen(e)).toBe(true);
  });

  it('maps the ECs the brief names to their causes', () => {
    const causes = (ec: string): string[] => EC_CATALOGUE.find((e) => e.ec === ec)!.sigdoctorCauses;
    expect(causes('0002-00000038')).toEqual(['wrong-signature-method']);
    expect(causes('0002-00000204')).toEqual(['malformed-v4-authorization']);
    expect(causes('0002-00000226')).toEqual(['v4-scope-mismatch']);
    expect(causes('0002-00000040')).toEqual(
      expect.arrayContaining([
        'content-type-mismatch',
        'proxy-modified-headers',
        'cdn-range-behavior-header',
        'cdn-head-to-get',
        'unencoded-plus-in-signature',
        'cname-not-enabled',
        'secret-mismatch',
      ]),
    );
  });

  it('pairs error Codes only where SIGNING.md does', () => {
    const code = (ec: string): string | undefined => EC_CATALOGUE.find((e) => e.ec === ec)?.code;
    expect(code('0002-00000040')).toBe('SignatureDoesNotMatch');
    expect(code('0002-00000201')).toBe('SignatureDoesNotMatch');
    expect(code('0002-00000039')).toBe('InvalidArgument');
    expect(code('0002-00000069')).toBe('AccessDenied');
    expect(code('0002-00000504')).toBe('RequestTimeTooSkewed');
    expect(code('0002-00000902')).toBe('InvalidAccessKeyId');
    expect(code('0026-00000001')).toBe('NoSuchKey');
    expect(code('0002-00000040')).toBeDefined();
    expect(code('0002-00000063')).toBeUndefined();
  });
});

describe('ERROR_CODES', () => {
  it('covers the documented Code names', () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual(
      [
        'AccessDenied',
        'InvalidAccessKeyId',
        'InvalidArgument',
        'NoSuchBucket',
        'NoSuchKey',
        'RequestTimeTooSkewed',
        'SignatureDoesNotMatch',
      ].sort(),
    );
    for (const info of Object.values(ERROR_CODES)) expect(info.meaning.trim()).not.toBe('');
  });

  it('lists exactly the catalogue entries paired with each Code', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(info.ecs).toEqual(EC_CATALOGUE.filter((e) => e.code === code).map((e) => e.ec));
    }
    expect(ERROR_CODES.SignatureDoesNotMatch!.ecs).toEqual(
      expect.arrayContaining(['0002-00000040', '0002-00000201']),
    );
    expect(ERROR_CODES.NoSuchKey!.ecs).toEqual(['0026-00000001']);
    expect(ERROR_CODES.NoSuchBucket!.ecs).toEqual([]);
  });
});

describe('documentation gaps', () => {
  it('never overlap the catalogue', () => {
    for (const e of EC_CATALOGUE) expect(isDocumentationGap(e.ec), e.ec).toBe(false);
  });

  it('match the §9 gap list', () => {
    const gaps = ['0002', '0005', '0011', '0030', '0035', '0060', '0107', '0200', '0235', '0432', '0601', '0806'];
    for (const n of gaps) expect(isDocumentationGap(full(n)), n).toBe(true);
    for (const n of ['0031', '0040', '0081', '0120', '0237', '0433', '0604', '0807']) {
      expect(isDocumentationGap(full(n)), n).toBe(false);
    }
    expect(isDocumentationGap('0003-00000005')).toBe(false);
    expect(EC_DOC_GAPS.every(([lo, hi]) => lo <= hi)).toBe(true);
  });
});
