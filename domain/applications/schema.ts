import { z } from 'zod';
import { CREDIT_KINDS, GREEN_CHANNEL_DIFFICULTIES, HELP_MEASURES } from '../../models/enums';
import { OnBehalf } from '../consent/onBehalf';
import { CREDIT_MAX_MONTHS, CREDIT_MAX_YUAN } from '../credit/eligibility';
import { DateTime, ObjectIdText } from '../core/schema';

/** A difficulty the green channel answers; each has its list of documents (`domain/greenChannel/paperwork.ts`). */
export type Difficulty = (typeof GREEN_CHANNEL_DIFFICULTIES)[number];

/** Documents a green-channel case may need; missing ones are listed and due later (先办后补). */
export const PAPERWORK_DOCUMENTS = [
  '承诺授权书',
  '户口簿',
  '身份证',
  '房屋受损照片',
  '房屋安全鉴定',
  '诊断证明',
  '医疗费用票据',
  '收入情况说明',
  '学籍证明',
] as const;
export type PaperworkDocument = (typeof PAPERWORK_DOCUMENTS)[number];

const householdId = ObjectIdText.optional().meta({ title: '农户', description: '工作人员代为申请时必填；村民本人申请时为本户' });
const related = {
  reportId: z.uuid().optional().meta({ title: '关联灾情上报' }),
  eventId: ObjectIdText.optional().meta({ title: '灾害事件' }),
  onBehalf: OnBehalf.optional(),
};

/** 绿色通道: help first, paperwork later. */
export const GreenChannelInput = z
  .strictObject({
    kind: z.literal('green_channel').meta({ title: '申请类别' }),
    householdId,
    difficulties: z
      .array(z.enum(GREEN_CHANNEL_DIFFICULTIES).meta({ title: '困难类型' }))
      .min(1)
      .max(GREEN_CHANNEL_DIFFICULTIES.length)
      .meta({ title: '困难类型' }),
    description: z.string().trim().min(1).max(1000).meta({ title: '困难情况' }),
    measures: z
      .array(z.enum(HELP_MEASURES).meta({ title: '帮扶措施' }))
      .min(1)
      .max(11)
      .meta({ title: '需要的帮扶措施' }),
    documentsProvided: z
      .array(z.enum(PAPERWORK_DOCUMENTS).meta({ title: '已交材料' }))
      .max(PAPERWORK_DOCUMENTS.length)
      .default([])
      .meta({ title: '已交材料' }),
    ...related,
  })
  .meta({ title: '绿色通道申请' });

/** 小额信贷 展期 (extension), 续贷 (renewal) or 追加 (top-up), amounts in whole yuan. */
export const CreditInput = z
  .strictObject({
    kind: z.enum(CREDIT_KINDS).meta({ title: '申请类别' }),
    householdId,
    bank: z.string().trim().min(2).max(50).meta({ title: '承贷银行' }),
    amountYuan: z
      .number()
      .int()
      .min(1)
      .max(CREDIT_MAX_YUAN)
      .optional()
      .meta({ title: '金额（元）', description: '展期、续贷为贷款本金（知道就填），追加为追加金额（必填）' }),
    loanPrincipalYuan: z.number().int().min(0).max(CREDIT_MAX_YUAN).optional().meta({ title: '原贷款本金（元）' }),
    loanDueAt: DateTime('原贷款到期日').optional().meta({ title: '原贷款到期日', description: '知道就填；不知道由村里核对' }),
    requestedMonths: z.number().int().min(1).max(CREDIT_MAX_MONTHS).meta({ title: '申请期限（月）' }),
    reason: z.string().trim().min(1).max(1000).meta({ title: '申请理由' }),
    ...related,
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'credit_topup' && input.amountYuan === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '追加贷款要写明追加多少' });
    }
    if (input.kind === 'credit_topup' && (input.amountYuan ?? 0) + (input.loanPrincipalYuan ?? 0) > CREDIT_MAX_YUAN) {
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: `追加后贷款总额不能超过 ${CREDIT_MAX_YUAN} 元` });
    }
  })
  .meta({ title: '小额信贷申请' });

/**
 * What an applicant submits: a green-channel or a credit application, told apart by `kind`. Shared by the API and
 * the chat-bot, which hands it to `applicationCreator`.
 */
export const ApplicationInput = z.discriminatedUnion('kind', [GreenChannelInput, CreditInput]).meta({ title: '申请' });

/** Parsed application input. */
export type ApplicationInputData = z.output<typeof ApplicationInput>;
/** Application input as a caller may write it. */
export type ApplicationInputDraft = z.input<typeof ApplicationInput>;
