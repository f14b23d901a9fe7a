import { z } from 'zod';
import { DISASTER_TYPES } from '../../models/enums';
import { NEED_CODES, REPORT_STAGES } from '../../models/report';
import { OnBehalf } from '../consent/onBehalf';
import { Count, DateTime, Location, Mu, ObjectIdText, VillageCode } from '../core/schema';

/** 受灾人口 and the people indicators of the statistics system. */
export const PeopleDamage = z
  .strictObject({
    affected: Count('受灾人口'),
    dead: Count('死亡人口'),
    missing: Count('失踪人口'),
    injured: Count('受伤人口'),
    evacuated: Count('紧急避险转移人口'),
    relocated: Count('紧急转移安置人口'),
    needEmergencyLiving: Count('需紧急生活救助人口'),
    needTransitionLiving: Count('需过渡期生活救助人口'),
  })
  .meta({ title: '人员' });

const houseCount = (grade: string) =>
  z
    .strictObject({ rooms: Count(`${grade}房屋（间）`), households: Count(`${grade}房屋（户）`) })
    .prefault({})
    .meta({ title: `${grade}房屋` });

/** Houses by grade, each counted by room (间) and by household (户). */
export const HouseDamage = z
  .strictObject({ collapsed: houseCount('倒塌'), severe: houseCount('严重损坏'), minor: houseCount('一般损坏') })
  .meta({ title: '房屋' });

/** Crops in 亩: 受灾 (≥ 10 % loss) ⊇ 成灾 (≥ 30 %) ⊇ 绝收 (≥ 80 %). The nesting is checked on the whole damage. */
export const CropDamage = z
  .strictObject({ affectedMu: Mu('农作物受灾（亩）'), damagedMu: Mu('农作物成灾（亩）'), failedMu: Mu('农作物绝收（亩）') })
  .meta({ title: '农作物' });

/** Dead animals: 大牲畜 (牛 马 驴 骡), 小牲畜 (猪 羊), poultry. */
export const LivestockDamage = z
  .strictObject({ deadBig: Count('死亡大牲畜（头）'), deadSmall: Count('死亡小牲畜（头/只）'), poultryDead: Count('死亡家禽（只）') })
  .meta({ title: '牲畜' });

/** The per-household damage indicators. Omitted parts count as zero. */
export const Damage = z
  .strictObject({
    people: PeopleDamage.prefault({}),
    houses: HouseDamage.prefault({}),
    crops: CropDamage.prefault({}),
    livestock: LivestockDamage.prefault({}),
    waterInterrupted: z.boolean().default(false).meta({ title: '供水中断' }),
    estimatedLossYuan: Count('估计直接经济损失（元）'),
  })
  .superRefine((damage, ctx) => {
    const { affectedMu, damagedMu, failedMu } = damage.crops;
    if (damagedMu > affectedMu) ctx.addIssue({ code: 'custom', path: ['crops', 'damagedMu'], message: '不能大于受灾面积' });
    if (failedMu > damagedMu) ctx.addIssue({ code: 'custom', path: ['crops', 'failedMu'], message: '不能大于成灾面积' });
  })
  .meta({ title: '灾情' });

/** A coded need with optional words beside it. */
export const Need = z
  .strictObject({
    code: z.enum(NEED_CODES).meta({ title: '需求类别' }),
    text: z.string().trim().max(200).optional().meta({ title: '需求说明' }),
  })
  .meta({ title: '需求' });

/**
 * What a reporter submits (灾情上报), from the mini-program, the console or the chat-bot. The same schema validates
 * every channel: the bot fills it from its dialog slots and hands it to `reportCreator`.
 */
export const ReportInput = z
  .strictObject({
    villageCode: VillageCode,
    disasterType: z.enum(DISASTER_TYPES).meta({ title: '灾害种类' }),
    eventId: ObjectIdText.optional().meta({ title: '灾害事件' }),
    reportStage: z.enum(REPORT_STAGES).default('初报').meta({ title: '报送阶段' }),
    occurredAt: DateTime('受灾时间'),
    damage: Damage.prefault({}),
    needs: z.array(Need).max(10).default([]).meta({ title: '需求' }),
    description: z.string().trim().max(1000).optional().meta({ title: '情况说明' }),
    photoIds: z
      .array(
        z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .meta({ title: '照片' }),
      )
      .max(20)
      .default([])
      .meta({ title: '照片', description: '先用 POST /api/files 上传，再填这里返回的编号' }),
    location: Location.optional(),
    onBehalf: OnBehalf.optional(),
  })
  .meta({ title: '灾情上报' });

/** Parsed report input (defaults filled in). */
export type ReportInputData = z.output<typeof ReportInput>;
/** Report input as a caller may write it (defaults optional). */
export type ReportInputDraft = z.input<typeof ReportInput>;
