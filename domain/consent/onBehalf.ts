import { z } from 'zod';
import { ObjectIdText } from '../core/schema';

/**
 * 代报: a grid worker files for a villager. The villager's agreement is recorded; `villagerConsent` must be true,
 * and the 400 says so in words a grid worker understands.
 */
export const OnBehalf = z
  .strictObject({
    villagerName: z.string().trim().min(1).max(50).meta({ title: '村民姓名' }),
    householdId: ObjectIdText.optional().meta({ title: '农户' }),
    villagerConsent: z.boolean().meta({ title: '村民同意代报' }),
    consentNote: z.string().trim().max(200).optional().meta({ title: '同意方式说明' }),
  })
  .superRefine((value, ctx) => {
    if (!value.villagerConsent) {
      ctx.addIssue({ code: 'custom', path: ['villagerConsent'], message: '代报必须先征得村民本人同意' });
    }
  })
  .meta({ title: '代报' });
