import crypto from 'node:crypto';
import { z } from 'zod';
import { applicationCreator } from '../../domain/applications/applicationCreator';
import { redactPersonalNumbers } from '../../domain/conversations/redactPersonalNumbers';
import { CREDIT_MAX_MONTHS, CREDIT_MAX_YUAN } from '../../domain/credit/eligibility';
import { CREDIT_KINDS, type CreditKind } from '../../models/enums';
import { extractDate } from '../nlu/dates';
import { extractDisasterType } from '../nlu/disasterType';
import { extractMoneyYuan } from '../nlu/money';
import { extractCreditKind } from '../nlu/needs';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { NOT_UNDERSTOOD } from '../texts';
import { ConfirmSlots, confirmSteps } from './confirmSteps';
import { slotStep, type Dialog, type TurnContext } from './dialog';
import { householdStep } from './householdStep';
import { PersonSlots, personStep } from './personStep';

/** What a villager says when they don't know a number or date: the dialog goes on without it. */
const DONT_KNOW = /不晓得|不知道|记不得|记不清|忘了|不清楚|搞不清|不确定/;
const UNKNOWN_DATE = 'unknown';

const Slots = z.object({
  applicationId: z.uuid(),
  creditKind: z.enum(CREDIT_KINDS).optional(),
  bank: z.string().min(2).max(50).optional(),
  /** 0: the villager does not know (allowed for extension and renewal: the village checks the loan). */
  amountYuan: z.number().int().min(0).max(CREDIT_MAX_YUAN).optional(),
  loanDueAt: z.union([z.iso.date(), z.literal(UNKNOWN_DATE)]).optional(),
  requestedMonths: z.number().int().min(1).max(CREDIT_MAX_MONTHS).optional(),
  reason: z.string().max(1000).optional(),
  ...PersonSlots,
  ...ConfirmSlots,
});
type Slots = z.infer<typeof Slots>;

const KINDS: ReadonlyArray<readonly [CreditKind, string, string]> = [
  ['credit_extension', '展期（推迟还款）', '展期'],
  ['credit_renewal', '续贷（还了再贷）', '续贷'],
  ['credit_topup', '追加贷款', '追加贷款'],
];
const KIND_PROMPT = `要办哪样？\n${KINDS.map(([, label], i) => `${i + 1} ${label}`).join('\n')}\n回复数字或直接说`;
const kindWord = (kind: CreditKind | undefined): string => KINDS.find(([k]) => k === kind)?.[2] ?? '信贷';

/** Short names of the banks that lend 脱贫人口小额信贷 in Banan, to their full names. */
const BANKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/农商|农村商业|农信|信用社/, '重庆农村商业银行'],
  [/邮储|邮政/, '中国邮政储蓄银行'],
  [/农行|农业银行/, '中国农业银行'],
  [/建行|建设银行/, '中国建设银行'],
  [/工行|工商银行/, '中国工商银行'],
  [/中行|中国银行/, '中国银行'],
  [/三峡银行/, '重庆三峡银行'],
  [/重庆银行/, '重庆银行'],
];
const BANK_PROMPT = '在哪家银行贷的？比如“农商行”“邮储银行”';

const single = (
  id: keyof Slots & string,
  prompt: string,
  parse: (text: string, ctx: TurnContext, slots: Slots) => Partial<Slots> | undefined,
) =>
  slotStep<Slots>([id], {
    id,
    prompt: () => prompt,
    answer(slots, ctx) {
      const value = parse(ctx.text, ctx, slots);
      return value ? { kind: 'next', slots: { ...slots, ...value } } : { kind: 'retry', say: `${NOT_UNDERSTOOD}${prompt}` };
    },
  });

const kindStep = single('creditKind', KIND_PROMPT, (text) => {
  const bare = compact(normalizeText(text));
  const creditKind = /^[1-3一二三]$/.test(bare) ? KINDS[(parseChineseNumber(bare)?.value ?? 0) - 1]?.[0] : extractCreditKind(text);
  return creditKind ? { creditKind } : undefined;
});

const bankStep = single('bank', BANK_PROMPT, (text) => {
  const bare = compact(normalizeText(text));
  const known = BANKS.find(([pattern]) => pattern.test(bare))?.[1];
  if (known) return { bank: known };
  return /^[\u4e00-\u9fff]{2,20}(银行|行|社)$/.test(bare) ? { bank: bare } : undefined;
});

const amountStep = single(
  'amountYuan',
  '贷了多少钱？（追加就说要追加多少）比如“三万”“5000元”；记不得就回复“不晓得”',
  (text, _ctx, slots) => {
    if (DONT_KNOW.test(text) && slots.creditKind !== 'credit_topup') return { amountYuan: 0 };
    const yuan = extractMoneyYuan(text);
    return yuan !== undefined && yuan >= 1 && yuan <= CREDIT_MAX_YUAN ? { amountYuan: yuan } : undefined;
  },
);

const dueStep = single('loanDueAt', '原来的贷款哪天到期？比如“明年3月15号”“下个月底”；记不得就回复“不晓得”', (text, ctx) => {
  if (DONT_KNOW.test(text)) return { loanDueAt: UNKNOWN_DATE };
  const date = extractDate(text, ctx.now);
  return date ? { loanDueAt: date } : undefined;
});

/** A term in months from a whole answer ("12个月", "一年", "半年") or a phrase inside a sentence ("想缓一年"). */
function monthsIn(text: string, wholeAnswer: boolean): number | undefined {
  const bare = compact(normalizeText(text));
  const phrase = /(\d+|[一二两三四五六七八九十半]+)个?(月|年)/.exec(bare);
  const source = wholeAnswer ? bare : phrase?.[0];
  if (source === undefined) return undefined;
  const value = /^半年$|^半个?月$/.test(source) ? 0.5 : parseChineseNumber(source)?.value;
  if (value === undefined) return undefined;
  const months = Math.round(/年/.test(source) ? value * 12 : value);
  return months >= 1 && months <= CREDIT_MAX_MONTHS ? months : undefined;
}

const monthsStep = single('requestedMonths', '想办多长时间？回复月数，比如“12个月”“一年”（展期最长12个月）', (text) => {
  const requestedMonths = monthsIn(text, true);
  return requestedMonths === undefined ? undefined : { requestedMonths };
});

const reasonStep = single('reason', '为啥子要办？简单说一下，比如“遭水淹了，猪死完了，还不起”', (text) =>
  compact(normalizeText(text)).length >= 2 ? { reason: redactPersonalNumbers(text.trim()).slice(0, 1000) } : undefined,
);

const beijingDate = (iso: string): string => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

async function submit(slots: Slots, ctx: TurnContext): Promise<string> {
  const { application } = await applicationCreator({
    id: slots.applicationId,
    source: 'bot',
    actor: ctx.actor,
    input: {
      kind: slots.creditKind,
      bank: slots.bank,
      amountYuan: slots.amountYuan || undefined,
      loanDueAt: slots.loanDueAt && slots.loanDueAt !== UNKNOWN_DATE ? `${slots.loanDueAt}T00:00:00+08:00` : undefined,
      requestedMonths: slots.requestedMonths,
      reason: slots.reason,
    },
    now: ctx.now,
    requestId: ctx.requestId,
  });
  return [
    `已提交您的${kindWord(slots.creditKind)}申请，编号：${application.receiptNo}`,
    `村里核对后，报镇上转给${slots.bank ?? '银行'}，银行信贷员会联系您。因灾办理的展期、续贷批下来不算不良信用。`,
    '查进度回复“4”，回复“菜单”办别的事',
  ].join('\n');
}

/**
 * 小额信贷展期/续贷/追加: the kind, the bank, the amount, the due date of the loan, how long, the reason, who; a
 * summary to confirm; then `applicationCreator` files it for the village check, the town and the bank officer.
 */
export const creditReliefDialog: Dialog<Slots> = {
  flow: 'credit_relief',
  label: '信贷申请',
  needsConsent: true,
  schema: Slots,
  summary: (slots) => [kindWord(slots.creditKind), slots.bank].filter(Boolean).join('、'),
  start(_ctx, seed) {
    const described = extractDisasterType(seed.text) !== undefined && compact(normalizeText(seed.text)).length >= 6;
    const yuan = extractMoneyYuan(seed.text);
    return Slots.parse({
      applicationId: crypto.randomUUID(),
      creditKind: extractCreditKind(seed.text),
      amountYuan: yuan !== undefined && yuan <= CREDIT_MAX_YUAN ? yuan : undefined,
      requestedMonths: monthsIn(seed.text, false),
      reason: described ? redactPersonalNumbers(seed.text.trim()).slice(0, 1000) : undefined,
    });
  },
  steps: [
    kindStep,
    bankStep,
    amountStep,
    dueStep,
    monthsStep,
    reasonStep,
    personStep<Slots>({ household: true }),
    householdStep<Slots>('credit_relief', '信贷申请'),
    ...confirmSteps<Slots>({
      summary: (slots, ctx) => [
        `办理：${kindWord(slots.creditKind)}`,
        `银行：${slots.bank ?? ''}`,
        `金额：${slots.amountYuan ? `${slots.amountYuan}元` : '不清楚，村里核对'}`,
        `原到期日：${slots.loanDueAt && slots.loanDueAt !== UNKNOWN_DATE ? beijingDate(slots.loanDueAt) : '不清楚，村里核对'}`,
        `期限：${slots.requestedMonths ?? ''}个月`,
        `原因：${slots.reason ?? ''}`,
        `联系人：${[ctx.contact.name, ctx.contact.phoneMasked].filter(Boolean).join(' ') || '已登记的本户'}`,
      ],
      submit,
      endOn: ['credit_not_eligible', 'household_required', 'household_not_found'],
      fields: [
        { label: '办理', clear: (slots) => ({ ...slots, creditKind: undefined }) },
        { label: '银行', clear: (slots) => ({ ...slots, bank: undefined }) },
        { label: '金额', clear: (slots) => ({ ...slots, amountYuan: undefined }) },
        { label: '到期日', clear: (slots) => ({ ...slots, loanDueAt: undefined }) },
        { label: '期限', clear: (slots) => ({ ...slots, requestedMonths: undefined }) },
        { label: '原因', clear: (slots) => ({ ...slots, reason: undefined }) },
      ],
    }),
  ],
};
