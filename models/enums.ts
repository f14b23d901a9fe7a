/**
 * Shared vocabularies of the domain (DOMAIN.md), as `as const` tuples so schemas infer literal unions
 * and zod schemas can reuse them (`z.enum(DISASTER_TYPES)`).
 */

/** Disaster types of the statistics system, plus 房屋火灾 (named by the notice) and 其他. */
export const DISASTER_TYPES = [
  '洪涝',
  '干旱',
  '台风',
  '风雹',
  '低温冷冻',
  '雪灾',
  '地震',
  '崩塌',
  '滑坡',
  '泥石流',
  '森林草原火灾',
  '生物灾害',
  '房屋火灾',
  '其他',
] as const;
export type DisasterType = (typeof DISASTER_TYPES)[number];

/**
 * GB/T 28921-2012 codes where one code plainly fits. 风雹 spans two codes (大风 010500, 冰雹 010600) and
 * 房屋火灾 is not a natural disaster, so they have none: the reporter's record then carries no `gbCode`.
 */
export const GB_T_28921_CODES: Readonly<Partial<Record<DisasterType, string>>> = {
  干旱: '010100',
  洪涝: '010200',
  台风: '010300',
  低温冷冻: '010800',
  雪灾: '010900',
  地震: '020100',
  崩塌: '020300',
  滑坡: '020400',
  泥石流: '020500',
  生物灾害: '040000',
  森林草原火灾: '040600',
};

/** Staff roles; each sees its own region only (district ⊃ town ⊃ village). */
export const STAFF_ROLES = ['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department', 'bank_officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** District departments that work in the console with a role of `department`. */
export const DEPARTMENTS = ['民政', '住建', '水利', '应急', '气象', '规划自然资源', '乡村振兴'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Region levels of the 12-digit NBS codes. */
export const REGION_LEVELS = ['district', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Household categories; one household may carry several. */
export const HOUSEHOLD_CATEGORIES = ['脱贫户', '监测对象', '低保', '特困分散供养', '残疾人家庭', '低收入', '一般农户'] as const;

/** The three kinds of 防止返贫监测对象. */
export const MONITORING_TYPES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

/** Risk types of a monitored household (up to five per household). */
export const RISK_TYPES = [
  '因病',
  '因残',
  '因学',
  '因灾',
  '因意外事故',
  '因产业失败',
  '因务工就业不稳',
  '缺劳动力',
  '住房安全',
  '饮水安全',
  '其他',
] as const;

/** Help measures after a disaster. */
export const HELP_MEASURES = [
  '临时救助',
  '低保/特困纳入',
  '医疗救助',
  '教育资助',
  '住房重建/加固',
  '饮水保障',
  '产业帮扶',
  '就业帮扶',
  '公益岗位',
  '小额信贷',
  '保险理赔',
] as const;

/** Where a villager or staff member talks to levee. */
export const CONTACT_CHANNELS = ['wechaty', 'web', 'cli', 'miniprogram', 'official_account'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Where a submission (report, application) came from. */
export const SUBMISSION_SOURCES = ['bot', 'miniprogram', 'web', 'console', 'department'] as const;

/** Actor kinds recorded in histories and audit entries. */
export const ACTOR_KINDS = ['staff', 'contact', 'system'] as const;

/** The green-channel difficulties, one per guarantee of 两不愁三保障 + 饮水安全 (生活 = food and clothing). */
export const GREEN_CHANNEL_DIFFICULTIES = ['生活', '住房', '医疗', '饮水', '上学'] as const;
export type GreenChannelDifficulty = (typeof GREEN_CHANNEL_DIFFICULTIES)[number];

/** The credit reliefs for households hit by a disaster: 展期 (extension), 续贷 (renewal), 追加贷款 (top-up). */
export const CREDIT_KINDS = ['credit_extension', 'credit_renewal', 'credit_topup'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/** What an application is for: the green channel or one of the credit reliefs. */
export const APPLICATION_KINDS = ['green_channel', ...CREDIT_KINDS] as const;
