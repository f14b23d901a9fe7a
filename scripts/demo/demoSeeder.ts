import crypto from 'node:crypto';
import { Contact } from '../../models/contact';
import { Household } from '../../models/household';
import { Report } from '../../models/report';
import { StaffUser } from '../../models/staffUser';
import { DEPARTMENTS, HOUSEHOLD_CATEGORIES, MONITORING_TYPES, type Department } from '../../models/enums';
import { sealPii } from '../../lib/pii';
import regions from '../../resources/banan-regions.json';
import type { StaffActor } from '../../domain/core/actor';
import { importRegions } from '../../domain/regions/importRegions';
import { reportCreator } from '../../domain/reports/reportCreator';
import { hashPassword, verifyPassword } from '../../domain/auth/password';

/** The towns the demo district populates (real names and codes from the region table). */
const DEMO_TOWNS = ['木洞镇', '东温泉镇', '丰盛镇', '姜家镇', '二圣镇'];
const VILLAGES_PER_TOWN = 4;
const HOUSEHOLDS_PER_VILLAGE = 15;
const REPORTS_PER_VILLAGE = 3;
/** Demo reports happened during a (fictional) July storm, so re-running the seed writes the same content. */
const STORM_START = Date.parse('2026-07-10T06:00:00+08:00');
const SURNAMES = '张王李刘陈杨黄赵吴周徐孙马朱胡郭何罗高林谭冉秦';
const GIVEN = ['德明', '秀英', '国华', '淑芬', '永贵', '桂兰', '建国', '春梅', '光荣', '玉珍', '长福', '明芳', '世平', '家琼'];
const CHILD_GIVEN = ['小军', '小燕', '浩然', '欣怡', '子涵', '梓轩'];

export interface DemoSeedResult {
  staff: number;
  households: number;
  contacts: number;
  reports: number;
}

/** A small deterministic generator, so every run of the seed produces the same district. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * A clearly fake but well-formed ID number: Banan's area code, the birth date, a sequence in the 900s (not issued to
 * real people in this scheme) and a valid check digit.
 */
export function demoIdNumber(birthYear: number, serial: number): string {
  const body = `500113${birthYear}0101${String(900 + (serial % 100)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return body + '10X98765432'.charAt(sum % 11);
}

/** A clearly fake mobile number in the 170-0000 range. */
export const demoPhone = (serial: number): string => `1700000${String(serial % 10_000).padStart(4, '0')}`;

/** A UUID-shaped id derived from a name, so demo submissions keep their ids across runs. */
function stableUuid(name: string): string {
  const hex = crypto.createHash('sha256').update(`levee-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function demoTowns() {
  return DEMO_TOWNS.map((name) => {
    const town = regions.towns.find((t) => t.name === name);
    if (!town) throw new Error(`demo town ${name} is not in the region table`);
    return { code: town.code, name: town.name, villages: town.villages.slice(0, VILLAGES_PER_TOWN) };
  });
}

async function upsertStaff(
  username: string,
  fields: { name: string; role: StaffActor['role']; regionCode: string; department?: Department; bankName?: string },
  passwordHash: string | undefined,
): Promise<StaffActor> {
  const regionLevel = fields.regionCode.endsWith('000000') ? 'district' : fields.regionCode.endsWith('000') ? 'town' : 'village';
  const existing = await StaffUser.findOne({ username });
  const user =
    existing ??
    (await StaffUser.create({ username, ...fields, regionLevel, demo: true, phone: sealPii('phone', demoPhone(9000 + username.length)) }));
  if (passwordHash && !(await verifyPassword(process.env.DEMO_PASSWORD ?? '', user.passwordHash))) {
    user.passwordHash = passwordHash;
    await user.save();
  }
  return { kind: 'staff', id: user.id, name: user.name, role: fields.role, regionCode: fields.regionCode, department: fields.department };
}

/** Inserts the documents whose key is not stored yet; never updates (FerretDB loses concurrent updates, see models/README.md). */
async function insertMissing<T extends Record<string, unknown>>(
  model: { find(filter: object): { distinct(field: string): PromiseLike<unknown[]> }; insertMany(docs: T[]): PromiseLike<unknown> },
  key: string,
  docs: T[],
): Promise<void> {
  const stored = new Set((await model.find({ [key]: { $in: docs.map((d) => d[key]) } }).distinct(key)).map(String));
  const missing = docs.filter((d) => !stored.has(String(d[key])));
  if (missing.length > 0) await model.insertMany(missing);
}

function buildHousehold(random: () => number, serial: number, villageCode: string, townCode: string, gridWorkerId: string) {
  const surname = pick(random, [...SURNAMES]);
  const category = HOUSEHOLD_CATEGORIES[serial % HOUSEHOLD_CATEGORIES.length] ?? '一般农户';
  const headBirth = 1945 + Math.floor(random() * 40);
  const person = (name: string, relation: '户主' | '配偶' | '子' | '女', birthYear: number, index: number) => ({
    name,
    relation,
    gender: relation === '配偶' || relation === '女' ? ('女' as const) : ('男' as const),
    birthYear,
    idNumber: sealPii('idNumber', demoIdNumber(birthYear, serial * 10 + index)),
    ...(index === 0 ? { phone: sealPii('phone', demoPhone(serial)) } : {}),
    labourAbility: birthYear < 1960 ? ('弱劳动力或半劳动力' as const) : ('普通劳动力' as const),
  });
  const members = [person(`${pick(random, [...SURNAMES])}${pick(random, GIVEN)}`, '配偶', headBirth + 2, 1)];
  const children = Math.floor(random() * 3);
  for (let i = 0; i < children; i += 1) {
    members.push(person(`${surname}${pick(random, CHILD_GIVEN)}`, i % 2 === 0 ? '子' : '女', 2008 + Math.floor(random() * 12), i + 2));
  }
  const atRisk = category === '脱贫户' || category === '监测对象';
  return {
    householdNo: `DEMO-${String(serial).padStart(4, '0')}`,
    villageCode,
    townCode,
    address: '（演示数据）',
    head: person(`${surname}${pick(random, GIVEN)}`, '户主', headBirth, 0),
    members,
    categories: category === '监测对象' ? ['监测对象', '脱贫户'] : [category],
    ...(category === '监测对象' ? { monitoringType: MONITORING_TYPES[serial % MONITORING_TYPES.length] } : {}),
    incomePerCapitaYuan: [2024, 2025].map((year) => ({ year, yuan: 6000 + Math.floor(random() * 90) * 100 })),
    housing: { appraisal: pick(random, ['A', 'A', 'B', 'B', 'C', 'D'] as const) },
    loans:
      atRisk && serial % 3 === 0
        ? [
            {
              bank: '重庆农村商业银行',
              principalYuan: 30_000,
              issuedAt: new Date('2025-03-01T00:00:00+08:00'),
              dueAt: new Date('2027-03-01T00:00:00+08:00'),
              purpose: '养殖',
            },
          ]
        : [],
    gridWorkerId,
    demo: true,
  };
}

/**
 * Fills a clearly marked demo district: the real regions, staff of every role in five towns, 300 households of every
 * category with sealed (fake) ID numbers and phones, villagers' chat contacts, and damage reports filed through the
 * same `reportCreator` as every channel. Idempotent: everything is keyed (username, householdNo, contact id, report
 * id) and only inserted when missing, so a second run changes nothing.
 * `password` (optional) becomes every demo staff member's console password.
 */
export async function demoSeeder({ password }: { password?: string } = {}): Promise<DemoSeedResult> {
  await importRegions();
  const passwordHash = password ? await hashPassword(password) : undefined;
  const random = prng(20230725);
  await upsertStaff(
    'demo-district-admin',
    { name: '区乡村振兴局（演示）', role: 'district_admin', regionCode: regions.district.code },
    passwordHash,
  );
  for (const [i, department] of DEPARTMENTS.entries()) {
    await upsertStaff(
      `demo-department-${i + 1}`,
      { name: `区${department}（演示）`, role: 'department', regionCode: regions.district.code, department },
      passwordHash,
    );
  }
  await upsertStaff(
    'demo-bank-1',
    { name: '农商行信贷员（演示）', role: 'bank_officer', regionCode: regions.district.code, bankName: '重庆农村商业银行' },
    passwordHash,
  );

  let serial = 0;
  const reportIds: string[] = [];
  for (const [t, town] of demoTowns().entries()) {
    await upsertStaff(
      `demo-town-${t + 1}`,
      { name: `${town.name}干部（演示）`, role: 'town_official', regionCode: town.code },
      passwordHash,
    );
    for (const [v, village] of town.villages.entries()) {
      const tag = `${t + 1}-${v + 1}`;
      const gridWorker = await upsertStaff(
        `demo-grid-${tag}`,
        { name: `${village.name.slice(0, 2)}网格员（演示）`, role: 'grid_worker', regionCode: village.code },
        passwordHash,
      );
      await upsertStaff(
        `demo-cadre-${tag}`,
        { name: `${village.name.slice(0, 2)}村干部（演示）`, role: 'village_cadre', regionCode: village.code },
        passwordHash,
      );
      const households = Array.from({ length: HOUSEHOLDS_PER_VILLAGE }, () =>
        buildHousehold(random, ++serial, village.code, town.code, gridWorker.id),
      );
      await insertMissing(Household, 'householdNo', households);
      await insertMissing(
        Contact,
        'externalId',
        households.slice(0, 3).map((h) => ({
          channel: 'web',
          externalId: `demo-${h.householdNo}`,
          name: h.head.name,
          consent: { version: 'v1', at: new Date(STORM_START) },
          warningSubscriptions: [village.code],
          demo: true,
        })),
      );
      for (let r = 0; r < REPORTS_PER_VILLAGE; r += 1) {
        const rooms = Math.floor(random() * 3);
        const crops = Math.floor(random() * 8);
        const id = stableUuid(`report-${tag}-${r}`);
        const index = reportIds.push(id);
        await reportCreator({
          id,
          source: 'miniprogram',
          actor: gridWorker,
          now: new Date(STORM_START + index * 3_600_000),
          input: {
            villageCode: village.code,
            disasterType: pick(random, ['洪涝', '洪涝', '滑坡', '风雹', '房屋火灾'] as const),
            occurredAt: new Date(STORM_START + index * 600_000).toISOString(),
            damage: {
              people: { affected: 2 + rooms, injured: r === 0 ? 1 : 0 },
              houses: {
                collapsed: { rooms: r === 1 ? rooms : 0, households: r === 1 && rooms > 0 ? 1 : 0 },
                minor: { rooms: 1, households: 1 },
              },
              crops: { affectedMu: crops, damagedMu: Math.floor(crops / 2), failedMu: 0 },
              waterInterrupted: r === 2,
              estimatedLossYuan: 2000 + rooms * 5000 + crops * 800,
            },
            description: '演示数据：7 月暴雨后网格员入户登记',
          },
        });
      }
    }
  }
  return {
    staff: await StaffUser.countDocuments({ demo: true }),
    households: await Household.countDocuments({ demo: true }),
    contacts: await Contact.countDocuments({ demo: true }),
    reports: await Report.countDocuments({ _id: { $in: reportIds } }),
  };
}
