import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../../models/application';
import { APPLICATION_KINDS } from '../../../models/enums';
import { ClientId } from '../../../domain/core/schema';
import { CreditInput, GreenChannelInput } from '../../../domain/applications/schema';
import { DayRange, Page, PageQuery, RegionQuery } from '../shared';

/** `POST /api/applications`: the client's UUID and the application (documentation; the id is read first). */
export const CreateApplicationBody = z
  .discriminatedUnion('kind', [GreenChannelInput.extend({ id: ClientId }), CreditInput.extend({ id: ClientId })])
  .meta({ title: '申请' });

export const ApplicationParams = z.strictObject({ id: ClientId });

export const ApplicationListQuery = z.strictObject({
  kind: z.enum(APPLICATION_KINDS).optional().meta({ title: '申请类别' }),
  status: z.enum(APPLICATION_STATUSES).optional().meta({ title: '状态' }),
  ...RegionQuery,
  ...DayRange,
  ...PageQuery,
});

export const MineQuery = z.strictObject({ ...PageQuery });

const ApplicationView = z
  .looseObject({
    id: z.string(),
    receiptNo: z.string().meta({ example: 'LT20230725-0001' }),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(APPLICATION_STATUSES),
    paperwork: z.array(z.object({ name: z.string(), received: z.boolean(), receivedAt: z.string().optional() })),
    paperworkDueAt: z.string().optional(),
  })
  .meta({ id: 'Application', title: '申请' });

export const ApplicationResponse = z.object({ application: ApplicationView });
export const ApplicationPage = Page(ApplicationView);
