import crypto from 'node:crypto';
import { z } from 'zod';
import { AuditLog } from '../../models/auditLog';
import { Region } from '../../models/region';
import { townOf } from '../../domain/core/regionScope';
import { REGIONS } from '../helpers/factories';

/** Inserts the regions of `REGIONS` (tests/helpers/factories.ts): the district, two towns, three villages. */
export async function seedRegions(): Promise<void> {
  const { district } = REGIONS;
  const town = (code: string, name: string) => ({
    _id: code,
    name,
    shortName: name,
    level: 'town',
    kind: 'town',
    parentCode: district,
    townCode: code,
    path: [district],
  });
  const village = (code: string, name: string) => ({
    _id: code,
    name: `${name}村民委员会`,
    shortName: name,
    level: 'village',
    parentCode: townOf(code),
    townCode: townOf(code),
    path: [district, townOf(code)],
  });
  await Region.insertMany([
    { _id: district, name: '巴南区', shortName: '巴南区', level: 'district', path: [] },
    town(REGIONS.mudong, '木洞镇'),
    town(REGIONS.dongwenquan, '东温泉镇'),
    village(REGIONS.zhongba, '中坝村'),
    village(REGIONS.taohuadao, '桃花岛村'),
    village(REGIONS.huangjinlin, '黄金林村'),
  ]);
}

/** The audit entries of one record, oldest first. */
export function auditOf(type: string, id: string) {
  return AuditLog.find({ 'target.type': type, 'target.id': id }).sort({ at: 1 }).lean();
}

/** A fresh client id. */
export const uuid = (): string => crypto.randomUUID();

/** The smallest valid PNG (1×1). */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A PNG unlike any other made by this call: the 1×1 PNG with random bytes after its end. */
export const uniquePng = (): Buffer => Buffer.concat([PNG_1x1, crypto.randomBytes(16)]);

/** The error body every failure answers with. */
export const ErrorJson = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Reads a response's JSON error. */
export async function errorOf(res: Response): Promise<z.infer<typeof ErrorJson>['error']> {
  return ErrorJson.parse(await res.json()).error;
}
