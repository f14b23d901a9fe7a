import { z } from 'zod';

/**
 * Field shapes shared by the submission schemas. Every field carries a Chinese `title` so that `parseInput`
 * names it as people do in its 400 message.
 */

/** A client-generated UUID: the idempotency key of a submission. */
export const ClientId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
  .meta({ title: '编号', description: '客户端生成的 UUID；重发时用同一个编号' });

/** A MongoDB ObjectId in hex. */
export const ObjectIdText = z.string().regex(/^[0-9a-f]{24}$/);

/** A 12-digit NBS village or community code. */
export const VillageCode = z
  .string()
  .regex(/^\d{12}$/)
  .meta({ title: '村（社区）', description: '12 位统计用区划代码' });

/** A whole number of people, rooms, animals or yuan. */
export const Count = (title: string) => z.number().int().min(0).max(1_000_000).default(0).meta({ title });

const isTenths = (v: number): boolean => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

/** An area in 亩, to one decimal (5 分地 = 0.5 亩). */
export const Mu = (title: string) => z.number().min(0).max(1_000_000).refine(isTenths, '最多保留一位小数').default(0).meta({ title });

/** A point from the phone's GPS. */
export const Location = z
  .strictObject({
    lat: z.number().min(-90).max(90).meta({ title: '纬度' }),
    lng: z.number().min(-180).max(180).meta({ title: '经度' }),
    accuracyM: z.number().min(0).max(100_000).optional().meta({ title: '定位精度（米）' }),
    address: z.string().trim().max(200).optional().meta({ title: '地址' }),
  })
  .meta({ title: '位置' });

/** A date-time in ISO 8601 with an offset, e.g. `2023-07-25T02:40:00+08:00`. */
export const DateTime = (title: string) => z.iso.datetime({ offset: true }).pipe(z.coerce.date()).meta({ title });
