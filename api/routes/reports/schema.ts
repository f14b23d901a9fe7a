import { z } from 'zod';
import { DISASTER_TYPES } from '../../../models/enums';
import { REPORT_STATUSES } from '../../../models/report';
import { ClientId, ObjectIdText } from '../../../domain/core/schema';
import { ReportInput } from '../../../domain/reports/schema';
import { DayRange, PageQuery, RegionQuery } from '../shared';

/** `POST /api/reports`: the client's UUID and the report. */
export const CreateReportBody = ReportInput.extend({ id: ClientId }).meta({ title: '灾情上报' });

export const ReportParams = z.strictObject({ id: ClientId });

export const ReportListQuery = z.strictObject({
  ...RegionQuery,
  type: z.enum(DISASTER_TYPES).optional().meta({ title: '灾害种类' }),
  status: z.enum(REPORT_STATUSES).optional().meta({ title: '状态' }),
  eventId: ObjectIdText.optional().meta({ title: '灾害事件' }),
  ...DayRange,
  ...PageQuery,
});
export type ReportListQueryData = z.output<typeof ReportListQuery>;

export const MineQuery = z.strictObject({ ...PageQuery });

export const AssignBody = z.strictObject({ assigneeId: ObjectIdText.meta({ title: '处理人' }) });

export const StatusBody = z.strictObject({
  status: z.enum(REPORT_STATUSES.filter((s) => s !== 'submitted')).meta({ title: '新状态' }),
  reason: z.string().trim().min(1).max(500).optional().meta({ title: '原因' }),
  duplicateOf: ClientId.optional().meta({ title: '重复的上报' }),
});

const ReportView = z
  .looseObject({
    id: z.string(),
    receiptNo: z.string().meta({ example: 'ZQ20230725-0001' }),
    status: z.enum(REPORT_STATUSES),
    statusName: z.string(),
    townCode: z.string(),
    villageCode: z.string().optional(),
    disasterType: z.enum(DISASTER_TYPES),
    statusHistory: z.array(z.looseObject({ status: z.string(), at: z.string(), reason: z.string().optional() })),
  })
  .meta({ id: 'Report', title: '灾情上报' });

export const ReportResponse = z.object({ report: ReportView });
/** A page of reports: regions are read day by day, so a page says whether more follow instead of counting them all. */
export const ReportPage = z.object({
  items: z.array(ReportView),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean().meta({ title: '后面还有' }),
});
