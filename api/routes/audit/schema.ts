import { z } from 'zod';
import { AuditEntryView } from '../../presenters/audit';
import { DayRange, Page, PageQuery } from '../shared';

/** `GET /api/audit`: every filter optional, all must hold. */
export const AuditQuery = z
  .strictObject({
    actorId: z.string().trim().min(1).max(64).optional().meta({ title: '操作人编号' }),
    action: z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)+$/)
      .optional()
      .meta({ title: '操作', description: '如 household.reveal' }),
    targetType: z
      .string()
      .regex(/^[a-zA-Z]{1,40}$/)
      .optional()
      .meta({ title: '对象类型', description: '如 household' }),
    targetId: z.string().trim().min(1).max(64).optional().meta({ title: '对象编号' }),
    ...DayRange,
    ...PageQuery,
  })
  .meta({ title: '查询审计日志' });

/** A page of audit entries, newest first. */
export const AuditPage = Page(AuditEntryView);
