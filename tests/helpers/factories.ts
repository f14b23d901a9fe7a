import crypto from 'node:crypto';
import { StaffUser, type StaffUserDocument } from '../../models/staffUser';
import { Household, type HouseholdDocument } from '../../models/household';
import { Contact, type ContactDocument } from '../../models/contact';
import { sealPii } from '../../lib/pii';
import { issueAccessToken } from '../../domain/auth/accessToken';
import { hashPassword } from '../../domain/auth/password';
import { staffActorOf } from '../../domain/staff/staffActorOf';
import type { StaffActor, StaffRole, VillagerActor } from '../../domain/core/actor';
import { regionLevel } from '../../domain/core/regionScope';

/** Real region codes of Banan used across the tests. */
export const REGIONS = {
  district: '500113000000',
  mudong: '500113109000',
  /** 中坝村, 木洞镇 */
  zhongba: '500113109200',
  /** 桃花岛村, 木洞镇 */
  taohuadao: '500113109213',
  dongwenquan: '500113114000',
  /** 黄金林村, 东温泉镇 */
  huangjinlin: '500113114218',
} as const;

const unique = (): string => crypto.randomBytes(4).toString('hex');

/** A realistic 18-character ID number for a village, unique per call (check digit not computed). */
export function fakeIdNumber(regionCode: string = REGIONS.zhongba, birth = '19800101'): string {
  return `${regionCode.slice(0, 6)}${birth}${String(crypto.randomInt(1000)).padStart(3, '0')}${crypto.randomInt(10)}`;
}

/** A unique mobile number. */
export const fakePhone = (): string => `139${String(crypto.randomInt(100_000_000)).padStart(8, '0')}`;

export interface StaffOverrides {
  role?: StaffRole;
  regionCode?: string;
  name?: string;
  username?: string;
  password?: string;
  department?: '民政' | '住建' | '水利' | '应急' | '气象' | '规划自然资源' | '乡村振兴';
  active?: boolean;
  wechatOpenId?: string;
}

/** A staff account in the database, with its actor and a valid access token. */
export interface BuiltStaff {
  staff: StaffUserDocument;
  actor: StaffActor;
  token: string;
}

/** Creates a staff account (default: a town official of 木洞镇) and signs a token for it. */
export async function buildStaffUser(overrides: StaffOverrides = {}): Promise<BuiltStaff> {
  const role = overrides.role ?? 'town_official';
  const regionCode = overrides.regionCode ?? REGIONS.mudong;
  const staff = await StaffUser.create({
    name: overrides.name ?? `测试${role}${unique()}`,
    role,
    regionCode,
    regionLevel: regionLevel(regionCode),
    department: role === 'department' ? (overrides.department ?? '民政') : undefined,
    bankName: role === 'bank_officer' ? '重庆农村商业银行' : undefined,
    username: overrides.username ?? `user-${unique()}`,
    passwordHash: overrides.password ? await hashPassword(overrides.password) : undefined,
    active: overrides.active ?? true,
    wechatOpenId: overrides.wechatOpenId,
  });
  const actor = staffActorOf(staff);
  return { staff, actor, token: issueAccessToken(actor) };
}

/** Plain personal values of a built household, for assertions. */
export interface HouseholdSecrets {
  headIdNumber: string;
  headPhone: string;
  memberIdNumber: string;
  bankAccount: string;
}

export interface HouseholdOverrides {
  villageCode?: string;
  townCode?: string;
  headName?: string;
  memberName?: string;
  gridWorkerId?: string;
  categories?: ('脱贫户' | '监测对象' | '低保' | '特困分散供养' | '残疾人家庭' | '低收入' | '一般农户')[];
}

/** Creates a household (default: 中坝村, 木洞镇) with a head and one member, personal values sealed. */
export async function buildHousehold(
  overrides: HouseholdOverrides = {},
): Promise<{ household: HouseholdDocument; secrets: HouseholdSecrets }> {
  const villageCode = overrides.villageCode ?? REGIONS.zhongba;
  const secrets: HouseholdSecrets = {
    headIdNumber: fakeIdNumber(villageCode, '19650312'),
    headPhone: fakePhone(),
    memberIdNumber: fakeIdNumber(villageCode, '19900101'),
    bankAccount: `6228${String(crypto.randomInt(1e9)).padStart(9, '0')}123456`,
  };
  const household = await Household.create({
    householdNo: `HH-${unique()}`,
    villageCode,
    townCode: overrides.townCode ?? `${villageCode.slice(0, 9)}000`,
    address: '一组 12 号',
    head: {
      name: overrides.headName ?? `户主${unique()}`,
      relation: '户主',
      gender: '男',
      birthYear: 1965,
      idNumber: sealPii('idNumber', secrets.headIdNumber),
      phone: sealPii('phone', secrets.headPhone),
      health: sealPii('health', '高血压'),
    },
    members: [
      {
        name: overrides.memberName ?? `成员${unique()}`,
        relation: '子',
        birthYear: 1990,
        idNumber: sealPii('idNumber', secrets.memberIdNumber),
      },
    ],
    categories: overrides.categories ?? ['脱贫户'],
    bankAccount: sealPii('bankAccount', secrets.bankAccount),
    gridWorkerId: overrides.gridWorkerId,
  });
  return { household, secrets };
}

/** A mini-program villager (Contact on channel `miniprogram`) and a token for them. */
export async function buildVillager(overrides: { householdId?: string; channel?: 'miniprogram' | 'web' } = {}): Promise<{
  contact: ContactDocument;
  actor: VillagerActor;
  token: string;
}> {
  const contact = await Contact.create({
    channel: overrides.channel ?? 'miniprogram',
    externalId: `openid-${unique()}`,
    householdId: overrides.householdId,
  });
  const actor: VillagerActor = {
    kind: 'villager',
    contactId: contact.id,
    ...(overrides.householdId ? { householdId: overrides.householdId } : {}),
  };
  return { contact, actor, token: issueAccessToken(actor) };
}
