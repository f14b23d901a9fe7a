import { z } from 'zod';
import type { HouseholdDocument } from '../../models/household';

/** A stored personal value as the presenter sees it: only `masked` ever leaves the server here. */
type Sealed = { masked?: string | null } | null | undefined;

const masked = (value: Sealed): string | null => value?.masked ?? null;
const iso = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);

const MemberView = z.object({
  name: z.string(),
  relation: z.string(),
  gender: z.string().nullable(),
  birthYear: z.number().nullable(),
  idNumber: z.string().nullable().meta({ description: '脱敏，如 5001**********1234' }),
  phone: z.string().nullable().meta({ description: '脱敏，如 138****5678' }),
  disability: z.string().nullable().meta({ description: '有记录时为「（已隐藏）」' }),
  health: z.string().nullable().meta({ description: '有记录时为「（已隐藏）」' }),
  schooling: z.string().nullable(),
  labourAbility: z.string().nullable(),
});

/** A household as staff and the villager of it see it: every personal value masked. */
export const HouseholdView = z.object({
  id: z.string(),
  householdNo: z.string(),
  villageCode: z.string(),
  townCode: z.string(),
  address: z.string().nullable(),
  head: MemberView,
  members: z.array(MemberView),
  categories: z.array(z.string()),
  monitoringType: z.string().nullable(),
  incomePerCapitaYuan: z.array(z.object({ year: z.number(), yuan: z.number() })),
  housing: z.object({ appraisal: z.string(), appraisedAt: z.string().nullable(), note: z.string().nullable() }).nullable(),
  waterChecks: z.array(
    z.object({
      checkedAt: z.string(),
      byName: z.string().nullable(),
      litresPerPersonDay: z.number().nullable(),
      piped: z.boolean().nullable(),
      fetchMinutes: z.number().nullable(),
      outageDaysPerYear: z.number().nullable(),
      qualityOk: z.boolean().nullable(),
      secure: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  loans: z.array(
    z.object({
      id: z.string(),
      bank: z.string(),
      principalYuan: z.number(),
      issuedAt: z.string(),
      dueAt: z.string(),
      purpose: z.string().nullable(),
      status: z.string(),
    }),
  ),
  bankAccount: z.string().nullable().meta({ description: '脱敏，只显示后四位' }),
  gridWorkerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

/** One line of a register search. */
export const HouseholdSummaryView = HouseholdView.pick({
  id: true,
  householdNo: true,
  villageCode: true,
  townCode: true,
  categories: true,
  monitoringType: true,
  gridWorkerId: true,
}).extend({ headName: z.string(), headIdNumber: z.string().nullable(), memberCount: z.number() });
export type HouseholdSummaryView = z.infer<typeof HouseholdSummaryView>;

type Household = Pick<
  HouseholdDocument,
  | 'householdNo'
  | 'villageCode'
  | 'townCode'
  | 'address'
  | 'head'
  | 'members'
  | 'categories'
  | 'monitoringType'
  | 'incomePerCapitaYuan'
  | 'housing'
  | 'waterChecks'
  | 'loans'
  | 'bankAccount'
  | 'gridWorkerId'
> & { _id: { toString(): string }; createdAt: Date; updatedAt: Date };

function presentMember(m: Household['head']): z.infer<typeof MemberView> {
  return {
    name: m.name,
    relation: m.relation,
    gender: m.gender ?? null,
    birthYear: m.birthYear ?? null,
    idNumber: masked(m.idNumber),
    phone: masked(m.phone),
    disability: masked(m.disability),
    health: masked(m.health),
    schooling: m.schooling ?? null,
    labourAbility: m.labourAbility ?? null,
  };
}

/** The detail of a household, members included. */
export function presentHousehold(h: Household): HouseholdView {
  return {
    id: h._id.toString(),
    householdNo: h.householdNo,
    villageCode: h.villageCode,
    townCode: h.townCode,
    address: h.address ?? null,
    head: presentMember(h.head),
    members: h.members.map(presentMember),
    categories: [...h.categories],
    monitoringType: h.monitoringType ?? null,
    incomePerCapitaYuan: h.incomePerCapitaYuan.map((i) => ({ year: i.year, yuan: i.yuan })),
    housing: h.housing ? { appraisal: h.housing.appraisal, appraisedAt: iso(h.housing.appraisedAt), note: h.housing.note ?? null } : null,
    waterChecks: h.waterChecks.map((w) => ({
      checkedAt: w.checkedAt.toISOString(),
      byName: w.by?.name ?? null,
      litresPerPersonDay: w.litresPerPersonDay ?? null,
      piped: w.piped ?? null,
      fetchMinutes: w.fetchMinutes ?? null,
      outageDaysPerYear: w.outageDaysPerYear ?? null,
      qualityOk: w.qualityOk ?? null,
      secure: w.secure,
      note: w.note ?? null,
    })),
    loans: h.loans.map((l) => ({
      id: l._id.toString(),
      bank: l.bank,
      principalYuan: l.principalYuan,
      issuedAt: l.issuedAt.toISOString(),
      dueAt: l.dueAt.toISOString(),
      purpose: l.purpose ?? null,
      status: l.status,
    })),
    bankAccount: masked(h.bankAccount),
    gridWorkerId: h.gridWorkerId?.toString() ?? null,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

/** A household as one line of a search result. */
export function presentHouseholdSummary(h: Household): HouseholdSummaryView {
  return {
    id: h._id.toString(),
    householdNo: h.householdNo,
    villageCode: h.villageCode,
    townCode: h.townCode,
    headName: h.head.name,
    headIdNumber: masked(h.head.idNumber),
    memberCount: 1 + h.members.length,
    categories: [...h.categories],
    monitoringType: h.monitoringType ?? null,
    gridWorkerId: h.gridWorkerId?.toString() ?? null,
  };
}
