import { Region } from '../../models/region';
import { StaffUser } from '../../models/staffUser';
import { Household, type HouseholdDocument, type LABOUR_ABILITIES, type RELATIONS, type SCHOOLING } from '../../models/household';
import { isDuplicateKeyError } from '../../models/shared';
import { sealPii, type PiiKind, type SealedPii } from '../../lib/pii';
import type { StaffActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { conflict, invalid } from '../core/errors';
import { townOf } from '../core/regionScope';
import type { HouseholdChanges, NewHouseholdInput } from './schema';

/** Which sealing each personal field of a member gets: disability notes are health data. */
const MEMBER_PII: ReadonlyArray<readonly ['idNumber' | 'phone' | 'disability' | 'health', PiiKind]> = [
  ['idNumber', 'idNumber'],
  ['phone', 'phone'],
  ['disability', 'health'],
  ['health', 'health'],
];

type PlainMember = NewHouseholdInput['head'];
type Relation = (typeof RELATIONS)[number];
type StoredPii = Partial<Record<'idNumber' | 'phone' | 'disability' | 'health', SealedPii | undefined>>;

/** A member as stored: plain fields copied one by one, personal ones sealed. */
function sealMember(member: PlainMember, relation: Relation) {
  const sealed: StoredPii = {};
  for (const [field, kind] of MEMBER_PII) {
    const value = member[field];
    if (value) sealed[field] = sealPii(kind, value);
  }
  return {
    name: member.name,
    relation,
    gender: member.gender,
    birthYear: member.birthYear,
    schooling: member.schooling,
    labourAbility: member.labourAbility,
    ...sealed,
  };
}

/** The village's town, or a 400 when the code is not a village of Banan. */
async function townOfVillage(villageCode: string): Promise<string> {
  const village = await Region.findById(villageCode).lean();
  if (village?.level !== 'village') throw invalid('unknown_village', '「村（社区）」不是巴南区的村或社区');
  return village.townCode ?? townOf(villageCode);
}

/** Checks that a grid worker account exists, is active and answers for this village. */
export async function checkGridWorker(gridWorkerId: string, villageCode: string): Promise<void> {
  const worker = await StaffUser.findById(gridWorkerId).lean();
  if (worker?.role !== 'grid_worker' || !worker.active || worker.regionCode !== villageCode) {
    throw invalid('invalid_grid_worker', '「网格员」不是这个村（社区）在岗的网格员');
  }
}

const audit = (actor: StaffActor, action: string, id: string, details: Record<string, unknown>, meta: { requestId?: string; ip?: string; now: Date }) =>
  recordAudit({ actor, action, target: { type: 'household', id }, requestId: meta.requestId, ip: meta.ip, details, at: meta.now });

/**
 * Adds a household to the register (authorized by `canCreateHousehold`; a grid worker's new household is in their
 * grid unless they name nobody else, which `canAssignGridWorker` forbids them). Records `household.create`.
 */
export async function createHousehold(props: {
  actor: StaffActor;
  input: NewHouseholdInput;
  gridWorkerId?: string;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<HouseholdDocument> {
  const { actor, input, gridWorkerId } = props;
  const townCode = await townOfVillage(input.villageCode);
  if (gridWorkerId) await checkGridWorker(gridWorkerId, input.villageCode);
  let household: HouseholdDocument;
  try {
    household = await Household.create({
      householdNo: input.householdNo,
      villageCode: input.villageCode,
      townCode,
      address: input.address,
      head: sealMember(input.head, '户主'),
      members: input.members.map((m) => sealMember(m, m.relation)),
      categories: input.categories,
      monitoringType: input.monitoringType,
      bankAccount: input.bankAccount ? sealPii('bankAccount', input.bankAccount) : undefined,
      gridWorkerId,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('household_no_taken', '这个户编号已经登记过了');
    throw error;
  }
  await audit(actor, 'household.create', household.id, { householdNo: input.householdNo, villageCode: input.villageCode }, props);
  return household;
}

/** The stored member fields a change reads; personal values are carried over sealed, as they are. */
interface StoredMember {
  name: string;
  gender?: '男' | '女' | null;
  birthYear?: number | null;
  schooling?: (typeof SCHOOLING)[number] | null;
  labourAbility?: (typeof LABOUR_ABILITIES)[number] | null;
  idNumber?: unknown;
  phone?: unknown;
  disability?: unknown;
  health?: unknown;
}
/** A member as changed: plain fields complete, personal ones a new value, `null` (remove) or absent (keep). */
type MemberPatch = Omit<PlainMember, 'idNumber' | 'phone' | 'disability' | 'health'> &
  Partial<Record<'idNumber' | 'phone' | 'disability' | 'health', string | null>>;

function mergeMember(change: MemberPatch, relation: Relation, previous: StoredMember | undefined) {
  const plain = { name: change.name, gender: change.gender, birthYear: change.birthYear, schooling: change.schooling, labourAbility: change.labourAbility };
  const merged: Record<string, unknown> = sealMember(plain, relation);
  for (const [field, kind] of MEMBER_PII) {
    const value = change[field];
    if (value) merged[field] = sealPii(kind, value);
    else if (value === undefined && previous?.[field]) merged[field] = previous[field];
  }
  return merged;
}

/** The head as changed: plain fields not given keep their stored values. */
function mergeHead(stored: StoredMember, change: NonNullable<HouseholdChanges['head']>) {
  return mergeMember(
    {
      ...change,
      name: change.name ?? stored.name,
      gender: change.gender ?? stored.gender ?? undefined,
      birthYear: change.birthYear ?? stored.birthYear ?? undefined,
      schooling: change.schooling ?? stored.schooling ?? undefined,
      labourAbility: change.labourAbility ?? stored.labourAbility ?? undefined,
    },
    '户主',
    stored,
  );
}

/**
 * Applies changes to a household (authorized by `canUpdateHousehold`, and `canAssignGridWorker` when
 * `gridWorkerId` is among them). Records `household.update` with the names of the changed fields, never values.
 */
export async function updateHousehold(props: {
  actor: StaffActor;
  household: HouseholdDocument;
  changes: HouseholdChanges;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<HouseholdDocument> {
  const { actor, household, changes } = props;
  if (changes.gridWorkerId) await checkGridWorker(changes.gridWorkerId, household.villageCode);
  if (changes.address !== undefined) household.set('address', changes.address ?? undefined);
  if (changes.categories !== undefined) household.set('categories', changes.categories);
  if (changes.monitoringType !== undefined) household.set('monitoringType', changes.monitoringType ?? undefined);
  if (changes.gridWorkerId !== undefined) household.set('gridWorkerId', changes.gridWorkerId ?? undefined);
  if (changes.bankAccount !== undefined) {
    household.set('bankAccount', changes.bankAccount ? sealPii('bankAccount', changes.bankAccount) : undefined);
  }
  if (changes.head) household.set('head', mergeHead(household.head, changes.head));
  if (changes.members) {
    const previous = household.members;
    household.set(
      'members',
      changes.members.map((m) => mergeMember(m, m.relation, previous.find((p) => p.name === m.name))),
    );
  }
  await household.save();
  const fields = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  await audit(actor, 'household.update', household.id, { fields }, props);
  return household;
}
