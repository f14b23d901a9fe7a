import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { HOUSEHOLD_CATEGORIES, MONITORING_TYPES } from './enums';
import { piiSchema } from './pii';
import { REGION_CODE, actorSchema } from './shared';

/** 与户主关系, as on the household register. */
export const RELATIONS = ['户主', '配偶', '子', '女', '儿媳', '女婿', '孙子女', '父母', '兄弟姐妹', '其他'] as const;
/** 劳动技能 of the poverty-alleviation register. */
export const LABOUR_ABILITIES = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'] as const;
/** 在校生状况, coarse enough for the 因学 check. */
export const SCHOOLING = ['学龄前', '小学', '初中', '高中', '中职', '高职/大专', '本科及以上', '非在校', '辍学'] as const;

/** One person. Age is not stored: it is derived from `birthYear` and the date of the question. */
const memberSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    relation: { type: String, enum: RELATIONS, required: true },
    gender: { type: String, enum: ['男', '女'] as const },
    birthYear: { type: Number, min: 1900, max: 2100 },
    idNumber: { type: piiSchema },
    phone: { type: piiSchema },
    disability: { type: piiSchema },
    health: { type: piiSchema },
    schooling: { type: String, enum: SCHOOLING },
    labourAbility: { type: String, enum: LABOUR_ABILITIES },
  },
  { _id: false },
);

const loanSchema = new Schema({
  bank: { type: String, required: true },
  principalYuan: { type: Number, required: true, min: 0, validate: Number.isInteger },
  issuedAt: { type: Date, required: true },
  dueAt: { type: Date, required: true },
  purpose: { type: String },
  status: { type: String, enum: ['active', 'extended', 'renewed', 'repaid', 'overdue'] as const, default: 'active' },
});

/** 住房安全鉴定: A/B safe, C/D dangerous. */
const housingSchema = new Schema(
  {
    appraisal: { type: String, enum: ['A', 'B', 'C', 'D'] as const, required: true },
    appraisedAt: { type: Date },
    note: { type: String },
  },
  { _id: false },
);

const waterCheckSchema = new Schema(
  {
    checkedAt: { type: Date, required: true },
    by: { type: actorSchema },
    litresPerPersonDay: { type: Number, min: 0 },
    piped: { type: Boolean },
    fetchMinutes: { type: Number, min: 0 },
    outageDaysPerYear: { type: Number, min: 0 },
    qualityOk: { type: Boolean },
    secure: { type: Boolean, required: true },
    note: { type: String },
  },
  { _id: false },
);

/**
 * A rural household (户) of the register: the head (户主) and the other members, categories, income by year,
 * housing appraisal, water checks and loans. Looked up by village/town for staff lists, by grid worker for a grid,
 * and by a person's ID number or phone hash (head or member) when a villager writes in.
 * Arrays here are edited by reading the document and saving it: FerretDB ignores positional `$` updates.
 */
const householdSchema = new Schema(
  {
    householdNo: { type: String, required: true, trim: true },
    villageCode: { type: String, required: true, match: REGION_CODE },
    townCode: { type: String, required: true, match: REGION_CODE },
    address: { type: String, trim: true },
    head: { type: memberSchema, required: true },
    members: { type: [memberSchema], default: [] },
    categories: { type: [{ type: String, enum: HOUSEHOLD_CATEGORIES }], default: [] },
    monitoringType: { type: String, enum: MONITORING_TYPES },
    incomePerCapitaYuan: {
      type: [
        new Schema(
          {
            year: { type: Number, required: true, min: 2000, max: 2100 },
            yuan: { type: Number, required: true, validate: Number.isInteger },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    housing: { type: housingSchema },
    waterChecks: { type: [waterCheckSchema], default: [] },
    loans: { type: [loanSchema], default: [] },
    bankAccount: { type: piiSchema },
    gridWorkerId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    /**
     * Top-level lookup keys of everyone in the household (`householdKeysOf`), kept by every write of head or members:
     * the embedded database serves an equality on one element of a top-level array from an index, never a dotted path.
     */
    keys: { type: [String], default: [] },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

householdSchema.pre('validate', function keepKeys() {
  if (this.head) this.keys = householdKeysOf({ head: this.head, members: this.members });
});

householdSchema.pre('validate', function checkHead() {
  if (this.head && this.head.relation !== '户主') this.invalidate('head.relation', '户主的关系须为“户主”');
  if (this.members.some((m) => m.relation === '户主')) this.invalidate('members', '一户只能有一位户主');
});

householdSchema.index({ householdNo: 1 }, { unique: true });
householdSchema.index({ villageCode: 1 });
householdSchema.index({ townCode: 1 });
householdSchema.index({ gridWorkerId: 1 });
householdSchema.index({ keys: 1 });
householdSchema.index({ demo: 1 });

/** The shortest start of a name that is a lookup key: one character (a surname) would match half a village. */
export const MIN_NAME_KEY_LENGTH = 2;

/** Names as typed and as stored compare equal after NFKC and trimming (全角 letters, stray spaces). */
export const normalizeName = (name: string): string => name.normalize('NFKC').trim();

/** The lookup key of a person's ID number hash, phone hash, or (the start of a) name. */
export const householdKey = {
  idNumber: (hash: string): string => `id:${hash}`,
  phone: (hash: string): string => `phone:${hash}`,
  name: (name: string): string => `name:${normalizeName(name)}`,
};

interface KeyedPerson {
  name: string;
  idNumber?: { hash?: string | null } | null;
  phone?: { hash?: string | null } | null;
}

/** Every lookup key of a household: each person's ID and phone hash, their name and its starts of two or more characters. */
export function householdKeysOf(household: { head: KeyedPerson; members: readonly KeyedPerson[] }): string[] {
  const keys = new Set<string>();
  for (const person of [household.head, ...household.members]) {
    if (person.idNumber?.hash) keys.add(householdKey.idNumber(person.idNumber.hash));
    if (person.phone?.hash) keys.add(householdKey.phone(person.phone.hash));
    const name = [...normalizeName(person.name)];
    for (let length = MIN_NAME_KEY_LENGTH; length <= name.length; length++) keys.add(householdKey.name(name.slice(0, length).join('')));
  }
  return [...keys];
}

/**
 * The filter that finds the household of a person by the lookup hash of an ID number or phone, whether the
 * person is the head or another member (`hashPii` from `lib/pii.ts` makes the hash): one top-level key.
 */
export function householdByPersonHash(kind: 'idNumber' | 'phone', hash: string): { keys: string } {
  return { keys: householdKey[kind](hash) };
}

/** Fields of a household. */
export type HouseholdFields = InferSchemaType<typeof householdSchema>;
/** A loaded household document. */
export type HouseholdDocument = HydratedDocumentFromSchema<typeof householdSchema>;
/** Households of the register (collection `households`). */
export const Household = model('Household', householdSchema);
