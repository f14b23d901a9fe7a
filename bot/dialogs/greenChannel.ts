import crypto from 'node:crypto';
import { z } from 'zod';
import { applicationCreator } from '../../domain/applications/applicationCreator';
import { redactPersonalNumbers } from '../../domain/conversations/redactPersonalNumbers';
import { FIRST_MEASURE } from '../../domain/greenChannel/firstMeasure';
import { followUpWorkerName } from '../../domain/handoffs/handoffCreator';
import { GREEN_CHANNEL_DIFFICULTIES } from '../../models/enums';
import { extractGreenChannelDifficulty, type GreenChannelDifficulty } from '../nlu/needs';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { villageLabel } from '../routing';
import { NOT_UNDERSTOOD } from '../texts';
import { ConfirmSlots, confirmSteps } from './confirmSteps';
import { slotStep, type Dialog, type TurnContext } from './dialog';
import { householdStep } from './householdStep';
import { PersonSlots, personStep } from './personStep';

const Slots = z.object({
  applicationId: z.uuid(),
  difficulty: z.enum(GREEN_CHANNEL_DIFFICULTIES).optional(),
  description: z.string().max(1000).optional(),
  ...PersonSlots,
  ...ConfirmSlots,
});
type Slots = z.infer<typeof Slots>;

const CHOICES: ReadonlyArray<readonly [GreenChannelDifficulty, string]> = [
  ['生活', '吃饭穿衣、生活困难'],
  ['住房', '没得地方住、房子危险'],
  ['医疗', '看病、受伤'],
  ['饮水', '没得水喝'],
  ['上学', '娃儿上学'],
];
const DIFFICULTY_PROMPT = `遇到啥子困难？\n${CHOICES.map(([, label], i) => `${i + 1} ${label}`).join('\n')}\n回复数字或直接说`;
const DESCRIBE_PROMPT = '请简单说一下情况，比如“房子垮了，一家四口借住在亲戚家”';

const beijingDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

const difficultyStep = slotStep<Slots>(['difficulty'], {
  id: 'difficulty',
  prompt: () => DIFFICULTY_PROMPT,
  answer(slots, ctx) {
    const bare = compact(normalizeText(ctx.text));
    const byNumber = /^\d$|^[一二三四五]$/.test(bare) ? CHOICES[(parseChineseNumber(bare)?.value ?? 0) - 1]?.[0] : undefined;
    const difficulty = byNumber ?? extractGreenChannelDifficulty(ctx.text);
    if (!difficulty) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${DIFFICULTY_PROMPT}` };
    // Words beyond a number or a single word already describe the case.
    const description = slots.description ?? (bare.length >= 6 ? redactPersonalNumbers(ctx.text.trim()) : undefined);
    return { kind: 'next', slots: { ...slots, difficulty, description } };
  },
});

const describeStep = slotStep<Slots>(['description'], {
  id: 'describe',
  prompt: () => DESCRIBE_PROMPT,
  answer(slots, ctx) {
    const text = ctx.text.trim();
    if (compact(normalizeText(text)).length < 2) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${DESCRIBE_PROMPT}` };
    return { kind: 'next', slots: { ...slots, description: redactPersonalNumbers(text).slice(0, 1000) } };
  },
});

async function submit(slots: Slots, ctx: TurnContext): Promise<string> {
  const difficulty = slots.difficulty ?? '生活';
  const { application } = await applicationCreator({
    id: slots.applicationId,
    source: 'bot',
    actor: ctx.actor,
    input: { kind: 'green_channel', difficulties: [difficulty], description: slots.description, measures: [FIRST_MEASURE[difficulty]] },
    now: ctx.now,
    requestId: ctx.requestId,
  });
  const worker = await followUpWorkerName(ctx.contact.householdId, application.villageCode ?? undefined);
  const who = worker ? `${villageLabel(application.villageCode ?? undefined)}网格员${worker}` : '村里的网格员';
  const papers = application.paperwork.filter((doc) => !doc.received).map((doc) => doc.name);
  const due = application.paperworkDueAt ? `，${beijingDate.format(application.paperworkDueAt)}前交给网格员就行` : '';
  return [
    `已受理您的求助，编号：${application.receiptNo}`,
    `按绿色通道“先帮扶、后补手续”，${who}会尽快联系您、上门了解情况，先把帮扶安排上。`,
    papers.length ? `手续以后再补，要准备：${papers.join('、')}${due}。` : '',
    '查进度回复“4”，回复“菜单”办别的事',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * 生活困难求助（绿色通道）: the difficulty (生活/住房/医疗/饮水/上学), a short description, who, a summary to
 * confirm; then `applicationCreator` files it as "help first, paperwork later" and the villager is told what
 * happens next and which papers to bring later.
 */
export const greenChannelDialog: Dialog<Slots> = {
  flow: 'green_channel',
  label: '困难求助',
  needsConsent: true,
  schema: Slots,
  summary: (slots) => [slots.difficulty, slots.description].filter(Boolean).join('、'),
  start(_ctx, seed) {
    const difficulty = extractGreenChannelDifficulty(seed.text);
    const words = compact(normalizeText(seed.text));
    return Slots.parse({
      applicationId: crypto.randomUUID(),
      difficulty,
      description: difficulty && words.length >= 6 ? redactPersonalNumbers(seed.text.trim()).slice(0, 1000) : undefined,
    });
  },
  steps: [
    difficultyStep,
    describeStep,
    personStep<Slots>({ household: true }),
    householdStep<Slots>('green_channel', '绿色通道'),
    ...confirmSteps<Slots>({
      summary: (slots, ctx) => [
        `困难：${slots.difficulty ?? ''}`,
        `情况：${slots.description ?? ''}`,
        `联系人：${[ctx.contact.name, ctx.contact.phoneMasked].filter(Boolean).join(' ') || '已登记的本户'}`,
      ],
      submit,
      endOn: ['household_required', 'household_not_found'],
      fields: [
        { label: '困难', clear: (slots) => ({ ...slots, difficulty: undefined }) },
        { label: '情况', clear: (slots) => ({ ...slots, description: undefined }) },
        { label: '联系人', clear: (slots) => ({ ...slots, personDone: false, pendingName: undefined }) },
      ],
    }),
  ],
};
