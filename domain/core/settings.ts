import { z } from 'zod';
import { Setting } from '../../models/setting';
import type { Actor } from './actor';
import { recordAudit, storedActor } from './recordAudit';
import { DomainError, forbidden } from './errors';

const days = z.number().int().min(1).max(365);
const yuan = z.number().int().min(0);
const year = z.string().regex(/^\d{4}$/, '年份须为四位数字');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** One editable setting: a Chinese label for the console, its zod schema and its default. */
export interface SettingDefinition<T> {
  label: string;
  description: string;
  schema: z.ZodType<T>;
  default: T;
}

/** Keeps each schema's own type, so the default is checked against it. */
const define = <S extends z.ZodType>(definition: SettingDefinition<z.output<S>> & { schema: S }) => definition;

const DEFINITIONS = {
  identificationDeadlineDays: define({
    label: '监测对象识别时限（天）',
    description: '从发现线索到完成识别的最长天数',
    schema: days,
    default: 15,
  }),
  incomeLineByYear: define({
    label: '防止返贫监测收入参考线（元/人·年）',
    description: '按年份设置家庭年人均纯收入参考线；是参考，不是一刀切的标准',
    schema: z.record(year, yuan),
    default: { '2021': 6000, '2023': 8000 },
  }),
  followUpDays: define({
    label: '帮扶回访天数',
    description: '识别或救助后第几天回访',
    schema: z
      .array(days)
      .min(1)
      .max(10)
      .refine((list) => list.every((d, i) => i === 0 || d > (list[i - 1] ?? 0)), '回访天数须从小到大'),
    default: [7, 30, 90],
  }),
  greenChannelPaperworkDays: define({
    label: '绿色通道补交材料期限（天）',
    description: '先办后补：帮扶开始后补齐材料的天数，逾期提醒并上报镇街',
    schema: days,
    default: 15,
  }),
  creditExtensionMaxMonths: define({
    label: '小额信贷展期最长月数',
    description: '受灾还款困难户申请展期的最长期限',
    schema: z.number().int().min(1).max(36),
    default: 12,
  }),
  loanDueAlertDays: define({
    label: '贷款到期提醒提前天数',
    description: '受灾户贷款到期前多少天提醒农户和网格员',
    schema: days,
    default: 30,
  }),
  warningAckMinutes: define({
    label: '预警叫应时限（分钟）',
    description: '超过该时间未回复的农户列入网格员电话叫应名单',
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    default: 30,
  }),
  reliefAmounts: define({
    label: '重庆市救助标准',
    description: '机器人答复救助标准时使用，每年按市里文件更新',
    schema: z.object({
      emergency: z.object({ yuanPerPersonDay: yuan, maxDays: days }),
      transition: z.object({ yuanPerPersonDay: yuan, maxMonths: z.number().int().min(1).max(24) }),
      rebuild: z.object({ yuanPerRoom: yuan, yuanPerHousehold: yuan, householdRateFromRooms: z.number().int().min(1) }),
    }),
    default: {
      emergency: { yuanPerPersonDay: 20, maxDays: 15 },
      transition: { yuanPerPersonDay: 20, maxMonths: 3 },
      rebuild: { yuanPerRoom: 5000, yuanPerHousehold: 20000, householdRateFromRooms: 4 },
    },
  }),
  scienceDayByYear: define({
    label: '全国科普日日期',
    description: '按年份指定科普日；未指定的年份取九月第三个星期六',
    schema: z.record(year, isoDate),
    default: {},
  }),
  townConsolidation: define({
    label: '镇街巩固任务',
    description: '按镇街代码标记是否承担巩固任务；未列出的镇街视为承担',
    schema: z.record(z.string().regex(/^\d{12}$/), z.boolean()),
    default: {},
  }),
};

/** The key of a setting. */
export type SettingKey = keyof typeof DEFINITIONS;
/** The value type of a setting. */
export type SettingValue<K extends SettingKey> = z.output<(typeof DEFINITIONS)[K]['schema']>;

/**
 * The [config] items of DOMAIN.md: values no source settles, so a district admin can change them. A key without a
 * stored row has its default; every stored value is validated on write and again on read.
 */
export const SETTINGS: { readonly [K in SettingKey]: SettingDefinition<SettingValue<K>> } = DEFINITIONS;

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** Every key, in the order the console lists them. */
export const SETTING_KEYS: readonly SettingKey[] = Object.keys(SETTINGS).filter(isSettingKey);

/** A setting as the console shows it. */
export interface SettingView<K extends SettingKey = SettingKey> {
  key: K;
  label: string;
  description: string;
  value: SettingValue<K>;
  defaultValue: SettingValue<K>;
  /** `invalid`: a stored value no longer passes its schema (a schema changed); the default is in force. */
  source: 'default' | 'stored' | 'invalid';
  updatedAt?: Date;
}

type Resolved<K extends SettingKey> = Pick<SettingView<K>, 'value' | 'defaultValue' | 'source'>;

function resolve<K extends SettingKey>(key: K, stored: unknown, found: boolean): Resolved<K> {
  const definition = SETTINGS[key];
  // Copies, so a caller that edits the returned object never edits the default for everyone else.
  const defaultValue = structuredClone(definition.default);
  if (!found) return { value: defaultValue, defaultValue, source: 'default' };
  const parsed = definition.schema.safeParse(stored);
  return parsed.success
    ? { value: parsed.data, defaultValue, source: 'stored' }
    : { value: structuredClone(definition.default), defaultValue, source: 'invalid' };
}

/** The value in force: the stored one if valid, else the default. */
export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await Setting.findById(key).lean();
  return resolve(key, row?.value, row !== null).value;
}

/** All settings with their defaults and where each value comes from, for the console. */
export async function listSettings(): Promise<SettingView[]> {
  const rows = await Setting.find({ _id: { $in: SETTING_KEYS } }).lean();
  const byKey = new Map(rows.map((r) => [r._id, r]));
  return SETTING_KEYS.map((key) => {
    const row = byKey.get(key);
    const { label, description } = SETTINGS[key];
    return { key, label, description, ...resolve(key, row?.value, row !== undefined), updatedAt: row?.updatedAt };
  });
}

/**
 * Changes a setting (district admins, or the system for seeding) and records the change in the audit log with
 * the old and new values. Throws `setting_not_found` for an unknown key and `setting_invalid` with the zod
 * issues for a bad value.
 */
export async function setSetting(key: string, value: unknown, actor: Actor): Promise<void> {
  if (!(actor.kind === 'system' || (actor.kind === 'staff' && actor.role === 'district_admin'))) throw forbidden();
  if (!isSettingKey(key)) throw new DomainError(404, 'setting_not_found', '没有这项设置');
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError(400, 'setting_invalid', '设置的值不符合要求', { issues: parsed.error.issues });
  }
  const before = await getSetting(key);
  const update = { $set: { value: parsed.data, updatedBy: storedActor(actor) } };
  await Setting.updateOne({ _id: key }, update, { upsert: true });
  await recordAudit({
    actor,
    action: 'setting.update',
    target: { type: 'setting', id: key },
    details: { from: before, to: parsed.data },
  });
}
