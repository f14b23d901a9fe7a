import crypto from 'node:crypto';
import { z } from 'zod';
import { redactPersonalNumbers } from '../../domain/conversations/redactPersonalNumbers';
import { DomainError } from '../../domain/core/errors';
import { assertUsablePhotos } from '../../domain/files/photoAccess';
import { followUpWorkerName } from '../../domain/handoffs/handoffCreator';
import { reportCreator } from '../../domain/reports/reportCreator';
import { DISASTER_TYPES, type DisasterType } from '../../models/enums';
import { extractDamage } from '../nlu/damage';
import { extractDisasterType } from '../nlu/disasterType';
import { extractOccurredAt } from '../nlu/occurredAt';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { parseYesNo } from '../nlu/yesNo';
import { villageLabel } from '../routing';
import { NOT_UNDERSTOOD } from '../texts';
import { ConfirmSlots, confirmSteps } from './confirmSteps';
import { DamageSlots, LEVEL_WORDS, ROOMS_OF, damageInput, damageText, mergeDamage, roomsMissing, saysDamage } from './damageSlots';
import { slotStep, type Dialog, type Step, type TurnContext } from './dialog';
import { OccurredSlots, occurredStep, occurredText } from './occurredStep';
import { PersonSlots, personStep } from './personStep';
import { VillageSlots, villageStep } from './villageStep';

const Slots = z.object({
  /** The report's idempotency key, made when the dialog starts: a retried 确认 files the same report. */
  reportId: z.uuid(),
  disasterType: z.enum(DISASTER_TYPES).optional(),
  ...VillageSlots,
  damage: DamageSlots.optional(),
  damageDone: z.boolean().optional(),
  ...OccurredSlots,
  photoIds: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([]),
  /** Pictures the channel gave only as a reference (a URL), kept as a note on the report. */
  photoRefs: z.array(z.string().max(2000)).max(20).default([]),
  photosDone: z.boolean().optional(),
  ...PersonSlots,
  /** The villager's own first words, kept as the report's description. */
  description: z.string().max(1000).optional(),
  ...ConfirmSlots,
});
type Slots = z.infer<typeof Slots>;

/** The types offered by number, in the order villagers of Banan meet them. */
const TYPE_CHOICES: ReadonlyArray<readonly [DisasterType, string]> = [
  ['洪涝', '洪涝（水淹、涨水）'],
  ['滑坡', '滑坡（垮山、塌方）'],
  ['泥石流', '泥石流'],
  ['风雹', '大风、冰雹、雷打'],
  ['房屋火灾', '房子着火'],
  ['干旱', '干旱'],
  ['低温冷冻', '冰冻、霜冻'],
  ['地震', '地震'],
  ['其他', '其他'],
];
const TYPE_PROMPT = `遭了啥子灾？\n${TYPE_CHOICES.map(([, label], i) => `${i + 1} ${label}`).join('\n')}\n回复数字或直接说`;
const DAMAGE_PROMPT = '有哪些损失？比如“垮了两间房”“苞谷淹了三亩”“猪死了两头”“没得水喝”“有人受伤”。\n直接说，没有损失就回复“没有”';
const PHOTO_PROMPT = '请拍几张受灾的照片发过来（房子、庄稼都可以），发完回复“好了”；没有照片回复“跳过”';
const DONE_WORDS = /^(好了|好|发完了|完了|就这些|没有了|没了|没得了|跳过|不发|没有|没得|没有照片|不拍|算了)/;
const NONE = /^(没有|没得|莫得|没|都没有|没啥|没什么|没有了|没了|就这些|没得了)/;

const typeStep = slotStep<Slots>(['disasterType'], {
  id: 'type',
  prompt: () => TYPE_PROMPT,
  answer(slots, ctx) {
    const bare = compact(normalizeText(ctx.text));
    const byNumber = /^\d$|^[一二三四五六七八九]$/.test(bare) ? TYPE_CHOICES[(parseChineseNumber(bare)?.value ?? 0) - 1]?.[0] : undefined;
    const type = byNumber ?? extractDisasterType(ctx.text);
    if (!type) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${TYPE_PROMPT}` };
    const damage = saysDamage(extractDamage(ctx.text)) ? mergeDamage(slots.damage, extractDamage(ctx.text)) : slots.damage;
    return { kind: 'next', slots: { ...slots, disasterType: type, damage } };
  },
});

const damageStep = slotStep<Slots>(['damage'], {
  id: 'damage',
  prompt: () => DAMAGE_PROMPT,
  answer(slots, ctx) {
    const said = extractDamage(ctx.text);
    if (saysDamage(said)) return { kind: 'next', slots: { ...slots, damage: mergeDamage(slots.damage, said) } };
    if (NONE.test(compact(normalizeText(ctx.text)))) return { kind: 'next', slots: { ...slots, damage: {}, damageDone: true } };
    return { kind: 'retry', say: `${NOT_UNDERSTOOD}${DAMAGE_PROMPT}` };
  },
});

const roomsStep: Step<Slots> = {
  id: 'rooms',
  filled: (slots) => roomsMissing(slots.damage) === undefined,
  clear: (slots) => slots,
  prompt: (slots) => `房子${LEVEL_WORDS[roomsMissing(slots.damage) ?? 'collapsed']}几间？回复数字，比如“两间”`,
  answer(slots, ctx) {
    const level = roomsMissing(slots.damage);
    // "鸡死了十几只" here is other damage, not ten rooms: keep it and ask the rooms again.
    const said = extractDamage(ctx.text);
    if (level && saysDamage(said) && said[ROOMS_OF[level]] === undefined && said.houseDamage === undefined) {
      const damage = mergeDamage(slots.damage, said);
      return {
        kind: 'stay',
        slots: { ...slots, damage },
        say: `记下了：${damageText(damage)}。\n房子${LEVEL_WORDS[level]}几间？回复数字，比如“两间”`,
      };
    }
    const rooms = parseChineseNumber(ctx.text)?.value;
    if (!level || rooms === undefined || rooms > 100)
      return { kind: 'retry', say: `${NOT_UNDERSTOOD}房子${LEVEL_WORDS[level ?? 'collapsed']}几间？回复数字` };
    return { kind: 'next', slots: { ...slots, damage: { ...slots.damage, [ROOMS_OF[level]]: Math.round(rooms) } } };
  },
};

const moreStep = slotStep<Slots>(['damageDone'], {
  id: 'more',
  prompt: (slots) => `记下了：${damageText(slots.damage)}。\n还有别的损失吗？有就直接说，没有就回复“没有”`,
  answer(slots, ctx) {
    const said = extractDamage(ctx.text);
    if (saysDamage(said)) return { kind: 'next', slots: { ...slots, damage: mergeDamage(slots.damage, said) } };
    const bare = compact(normalizeText(ctx.text));
    if (NONE.test(bare) || parseYesNo(ctx.text) === 'no') return { kind: 'next', slots: { ...slots, damageDone: true } };
    return { kind: 'retry', say: `${NOT_UNDERSTOOD}还有别的损失就直接说，比如“鸡死了五只”；没有就回复“没有”` };
  },
});

/** A photo is kept by file id when this villager stored it; otherwise only the reference is noted. */
async function addPhoto(slots: Slots, ctx: TurnContext): Promise<Slots> {
  if (ctx.inbound.kind !== 'image') return slots;
  const image = ctx.inbound.image;
  if ('url' in image) return { ...slots, photoRefs: [...slots.photoRefs, image.url].slice(0, 20) };
  try {
    await assertUsablePhotos([image.fileId], ctx.actor);
    return { ...slots, photoIds: [...new Set([...slots.photoIds, image.fileId])].slice(0, 20) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...slots, photoRefs: [...slots.photoRefs, `file:${image.fileId}`].slice(0, 20) };
  }
}

const photoStep = slotStep<Slots>(['photosDone'], {
  id: 'photos',
  prompt: () => PHOTO_PROMPT,
  async answer(slots, ctx) {
    if (ctx.inbound.kind === 'image') {
      const next = await addPhoto(slots, ctx);
      const count = next.photoIds.length + next.photoRefs.length;
      return { kind: 'stay', slots: next, say: `收到第${count}张照片。还有就接着发，发完回复“好了”` };
    }
    if (DONE_WORDS.test(compact(normalizeText(ctx.text)))) return { kind: 'next', slots: { ...slots, photosDone: true } };
    return { kind: 'retry', say: `${NOT_UNDERSTOOD}${PHOTO_PROMPT}` };
  },
});

function summary(slots: Slots, ctx: TurnContext): string[] {
  const who = [ctx.contact.name, ctx.contact.phoneMasked].filter(Boolean).join(' ');
  return [
    `灾种：${slots.disasterType ?? ''}`,
    `地点：${villageLabel(slots.villageCode ?? undefined)}${slots.location?.label ? `（${slots.location.label}）` : ''}`,
    `损失：${damageText(slots.damage) || '没说'}`,
    `时间：${occurredText(slots.occurredAt)}`,
    `照片：${slots.photoIds.length + slots.photoRefs.length}张`,
    `联系人：${who || '已登记的本户'}`,
  ];
}

async function submit(slots: Slots, ctx: TurnContext): Promise<string> {
  const notes = [slots.description, slots.photoRefs.length ? `另有${slots.photoRefs.length}张照片在聊天记录里` : undefined].filter(Boolean);
  const { report } = await reportCreator({
    id: slots.reportId,
    source: 'bot',
    actor: ctx.actor,
    input: {
      villageCode: slots.villageCode,
      disasterType: slots.disasterType,
      occurredAt: slots.occurredAt,
      damage: damageInput(slots.damage),
      photoIds: slots.photoIds,
      location: slots.location ? { lat: slots.location.lat, lng: slots.location.lng, address: slots.location.label } : undefined,
      description: notes.length ? notes.join('；').slice(0, 1000) : undefined,
    },
    now: ctx.now,
    requestId: ctx.requestId,
  });
  const village = villageLabel(report.villageCode ?? undefined);
  const worker = await followUpWorkerName(ctx.contact.householdId, report.villageCode ?? undefined);
  const who = worker ? `${village}网格员${worker}` : `${village}的网格员`;
  return `上报成功！回执号：${report.receiptNo}\n${who}会尽快联系您核实（一般1小时内）。\n查进度回复“4”，有危险先撤离、打119或120。回复“菜单”办别的事`;
}

/**
 * 灾情上报: what happened, where, what is damaged (with quantities), when, photos, who, a summary to confirm, then the
 * receipt. Whatever the first message already said ("屋头遭水淹了，垮了两间房") is not asked again. The report is
 * filed by `reportCreator`, the same command and rules as the API.
 */
export const reportDamageDialog: Dialog<Slots> = {
  flow: 'report_damage',
  label: '灾情上报',
  needsConsent: true,
  schema: Slots,
  summary: (slots) =>
    [slots.disasterType, villageLabel(slots.villageCode ?? undefined), damageText(slots.damage)].filter(Boolean).join('、'),
  start(ctx, seed) {
    const said = extractDamage(seed.text);
    const disasterType = extractDisasterType(seed.text);
    const damage = saysDamage(said) ? mergeDamage(undefined, said) : undefined;
    // The first words are kept only when they described something (not a bare "1" or "上报").
    const described = disasterType !== undefined || damage !== undefined;
    return Slots.parse({
      reportId: crypto.randomUUID(),
      disasterType,
      damage,
      occurredAt: extractOccurredAt(seed.text, ctx.now)?.toISOString(),
      description: described ? redactPersonalNumbers(seed.text.trim()).slice(0, 1000) : undefined,
    });
  },
  steps: [
    typeStep,
    villageStep<Slots>({ question: '在哪个村（社区）？', acceptLocation: true }),
    damageStep,
    roomsStep,
    moreStep,
    occurredStep<Slots>(),
    photoStep,
    personStep<Slots>(),
    ...confirmSteps<Slots>({
      summary,
      submit,
      fields: [
        { label: '灾种', clear: (slots) => ({ ...slots, disasterType: undefined }) },
        { label: '地点', clear: (slots) => ({ ...slots, villageCode: undefined, location: undefined }) },
        { label: '损失', clear: (slots) => ({ ...slots, damage: undefined, damageDone: undefined }) },
        { label: '时间', clear: (slots) => ({ ...slots, occurredAt: undefined }) },
        { label: '照片', clear: (slots) => ({ ...slots, photoIds: [], photoRefs: [], photosDone: undefined }) },
        { label: '联系人', clear: (slots) => ({ ...slots, personDone: false, pendingName: undefined }) },
      ],
    }),
  ],
};
