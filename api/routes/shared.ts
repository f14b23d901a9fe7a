import { z } from 'zod';
import { ClientId } from '../../domain/core/schema';

/**
 * The client's id alone, read first from a submission body; the rest goes to the domain command untouched, just as
 * the chat-bot's input would, so both are validated by the same schema.
 */
export const IdOnly = z.looseObject({ id: ClientId });

/** `page` and `pageSize` of a list, from the query string. */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ title: '每页条数' }),
};

/** A town or village to narrow a list to (checked against the caller's region by the finder). */
export const RegionQuery = {
  town: z
    .string()
    .regex(/^\d{9}000$/)
    .optional()
    .meta({ title: '镇街' }),
  village: z
    .string()
    .regex(/^\d{12}$/)
    .optional()
    .meta({ title: '村（社区）' }),
};

const BEIJING = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `from` and `to` as Beijing calendar days (`2023-07-25`), both inclusive, as officials think of them;
 * they become the instants [from 00:00, the day after `to` 00:00).
 */
export const DayRange = {
  from: z.iso
    .date()
    .transform((day) => new Date(`${day}T00:00:00${BEIJING}`))
    .optional()
    .meta({ title: '开始日期' }),
  to: z.iso
    .date()
    .transform((day) => new Date(new Date(`${day}T00:00:00${BEIJING}`).getTime() + DAY_MS))
    .optional()
    .meta({ title: '结束日期' }),
};

/** The JSON of one page of a list. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
