import type { LABOUR_ABILITIES, RELATIONS, SCHOOLING } from '../../models/household';
import { sealPii, type PiiKind, type SealedPii } from '../../lib/pii';
import type { HouseholdChanges, NewHouseholdInput } from './schema';

/** Which sealing each personal field of a member gets: disability notes are health data. */
const MEMBER_PII: ReadonlyArray<readonly ['idNumber' | 'phone' | 'disability' | 'health', PiiKind]> = [
  ['idNumber', 'idNumber'],
  ['phone', 'phone'],
  ['disability', 'health'],
  ['health', 'health'],
];

export type PlainMember = NewHouseholdInput['head'];
export type Relation = (typeof RELATIONS)[number];
type StoredPii = Partial<Record<'idNumber' | 'phone' | 'disability' | 'health', SealedPii | undefined>>;

/** A member as stored: plain fields copied one by one, personal ones sealed. */
export function sealMember(member: PlainMember, relation: Relation) {
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

/** The stored member fields a change reads; personal values are carried over sealed, as they are. */
export interface StoredMember {
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
export type MemberPatch = Omit<PlainMember, 'idNumber' | 'phone' | 'disability' | 'health'> &
  Partial<Record<'idNumber' | 'phone' | 'disability' | 'health', string | null>>;

export function mergeMember(change: MemberPatch, relation: Relation, previous: StoredMember | undefined) {
  const plain = {
    name: change.name,
    gender: change.gender,
    birthYear: change.birthYear,
    schooling: change.schooling,
    labourAbility: change.labourAbility,
  };
  const merged: Record<string, unknown> = sealMember(plain, relation);
  for (const [field, kind] of MEMBER_PII) {
    const value = change[field];
    if (value) merged[field] = sealPii(kind, value);
    else if (value === undefined && previous?.[field]) merged[field] = previous[field];
  }
  return merged;
}

/** The head as changed: plain fields not given keep their stored values. */
export function mergeHead(stored: StoredMember, change: NonNullable<HouseholdChanges['head']>) {
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
