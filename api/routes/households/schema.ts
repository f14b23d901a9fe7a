import { z } from 'zod';
import { HOUSEHOLD_CATEGORIES } from '../../../models/enums';
import { ObjectIdText, VillageCode } from '../../../domain/core/schema';
import { IdNumber, OptionalPhone } from '../../../domain/households/schema';
import { HouseholdSummaryView, HouseholdView } from '../../presenters/household';
import { Page, PageQuery } from '../shared';

export { HouseholdChanges, NewHouseholdInput } from '../../../domain/households/schema';

/** `:id` of a household route. */
export const HouseholdParams = z.strictObject({ id: ObjectIdText.meta({ title: '农户编号' }) });

/** `GET /api/households`. */
export const HouseholdListQuery = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(2)
      .max(30)
      .optional()
      .meta({ title: '姓名', description: '户主或家庭成员的姓名，或姓名的开头（至少两个字）' }),
    idNumber: IdNumber.optional().meta({ title: '身份证号' }),
    phone: OptionalPhone,
    villageCode: VillageCode.optional().meta({ title: '村（社区）' }),
    category: z.enum(HOUSEHOLD_CATEGORIES).optional().meta({ title: '户类别' }),
    ...PageQuery,
  })
  .meta({ title: '查询农户' });

/** `POST /api/households/:id/reveal`. */
export const RevealInput = z
  .strictObject({
    reason: z.string().trim().min(4).max(200).meta({ title: '查看原因', description: '记入审计日志，如「入户核查需电话联系户主」' }),
  })
  .meta({ title: '查看完整个人信息' });

const RevealedPerson = z.object({
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  disability: z.string().nullable(),
  health: z.string().nullable(),
});

/** The unmasked personal values of a household. */
export const RevealResponse = z.object({ head: RevealedPerson, members: z.array(RevealedPerson), bankAccount: z.string().nullable() });
/** One household. */
export const HouseholdResponse = z.object({ household: HouseholdView });
/** A page of households. */
export const HouseholdPage = Page(HouseholdSummaryView);
