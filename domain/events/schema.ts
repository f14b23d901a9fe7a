import { z } from 'zod';
import { DISASTER_TYPES } from '../../models/enums';
import { RESPONSE_LEVELS } from '../../models/disasterEvent';
import { DateTime } from '../core/schema';

/** A new disaster event (e.g. 2023-07 暴雨洪涝) that reports and applications attach to. */
export const EventInput = z
  .strictObject({
    name: z.string().trim().min(2).max(100).meta({ title: '事件名称' }),
    disasterType: z.enum(DISASTER_TYPES).meta({ title: '灾害种类' }),
    startAt: DateTime('开始时间'),
    regionCodes: z
      .array(
        z
          .string()
          .regex(/^\d{12}$/)
          .meta({ title: '受灾区域' }),
      )
      .max(400)
      .default([])
      .meta({ title: '受灾区域', description: '镇街或村的 12 位代码；不填表示全区' }),
    responseLevel: z
      .enum(RESPONSE_LEVELS)
      .optional()
      .meta({ title: '应急响应级别', description: '启动了应急响应才填；此时上报至少要 3 张照片' }),
    description: z.string().trim().max(2000).optional().meta({ title: '说明' }),
  })
  .meta({ title: '灾害事件' });

/** Parsed event input. */
export type EventInputData = z.output<typeof EventInput>;
