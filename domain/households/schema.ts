import { z } from 'zod';
import { HOUSEHOLD_CATEGORIES, MONITORING_TYPES } from '../../models/enums';
import { LABOUR_ABILITIES, RELATIONS, SCHOOLING } from '../../models/household';
import { ObjectIdText, VillageCode } from '../core/schema';

/**
 * What staff submit to create or change a household of the register. Personal values (ID number, phone, bank
 * account, health, disability) arrive in plain text here and are sealed by `createHousehold` and `updateHousehold` before storage.
 */

const idNumberText = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/);
const phoneText = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);
const bankAccountText = z
  .string()
  .trim()
  .regex(/^\d[\d ]{10,38}\d$/);
const noteText = z.string().trim().min(1).max(500);
const nameText = z.string().trim().min(1).max(30);

// The title goes on the outermost schema (after optional/nullable): that is where parseInput looks for it.
const optional = <T extends z.ZodType>(schema: T, title: string) => schema.optional().meta({ title });
/** On a change, `null` removes a value and an absent field keeps the stored one. */
const removable = <T extends z.ZodType>(schema: T, title: string) => schema.nullable().optional().meta({ title });

/** 18-character resident ID (the last may be X). */
export const IdNumber = idNumberText.meta({ title: '身份证号' });
/** A mobile number, or a landline with its area code. */
export const Phone = phoneText.meta({ title: '手机号' });
/** An optional phone, titled for messages. */
export const OptionalPhone = optional(phoneText, '手机号');

const Relation = z.enum(RELATIONS).exclude(['户主']).meta({ title: '与户主关系' });

const plainFields = {
  gender: optional(z.enum(['男', '女']), '性别'),
  birthYear: optional(z.number().int().min(1900).max(2100), '出生年份'),
  schooling: optional(z.enum(SCHOOLING), '在校生状况'),
  labourAbility: optional(z.enum(LABOUR_ABILITIES), '劳动技能'),
};
const piiFields = {
  idNumber: optional(idNumberText, '身份证号'),
  phone: optional(phoneText, '手机号'),
  disability: optional(noteText, '残疾情况'),
  health: optional(noteText, '健康状况'),
};
const piiChanges = {
  idNumber: removable(idNumberText, '身份证号'),
  phone: removable(phoneText, '手机号'),
  disability: removable(noteText, '残疾情况'),
  health: removable(noteText, '健康状况'),
};

/** The head of the household (户主). */
export const HeadInput = z.strictObject({ name: nameText.meta({ title: '姓名' }), ...plainFields, ...piiFields }).meta({ title: '户主' });
/** Another member of the household. */
export const MemberInput = z
  .strictObject({ name: nameText.meta({ title: '姓名' }), relation: Relation, ...plainFields, ...piiFields })
  .meta({ title: '家庭成员' });

/** `POST /api/households`. */
export const NewHouseholdInput = z
  .strictObject({
    householdNo: z.string().trim().min(1).max(40).meta({ title: '户编号' }),
    villageCode: VillageCode,
    address: optional(z.string().trim().min(1).max(200), '住址'),
    head: HeadInput,
    members: z.array(MemberInput).max(20).default([]).meta({ title: '家庭成员' }),
    categories: z
      .array(z.enum(HOUSEHOLD_CATEGORIES).meta({ title: '户类别' }))
      .max(7)
      .default([])
      .meta({ title: '户类别' }),
    monitoringType: z.enum(MONITORING_TYPES).optional().meta({ title: '监测对象类别' }),
    bankAccount: optional(bankAccountText, '银行账号'),
    gridWorkerId: ObjectIdText.optional().meta({ title: '网格员' }),
  })
  .meta({ title: '新建农户' });
export type NewHouseholdInput = z.infer<typeof NewHouseholdInput>;

/** A member as changed: personal values given replace, `null` removes, absent keeps the stored one of the same name. */
export const MemberChange = z
  .strictObject({ name: nameText.meta({ title: '姓名' }), relation: Relation, ...plainFields, ...piiChanges })
  .meta({ title: '家庭成员' });

/** `PATCH /api/households/:id`: only the fields given change; `members`, when given, is the whole new list. */
export const HouseholdChanges = z
  .strictObject({
    address: removable(z.string().trim().min(1).max(200), '住址'),
    head: optional(z.strictObject({ name: optional(nameText, '姓名'), ...plainFields, ...piiChanges }), '户主'),
    members: z.array(MemberChange).max(20).optional().meta({ title: '家庭成员' }),
    categories: z
      .array(z.enum(HOUSEHOLD_CATEGORIES).meta({ title: '户类别' }))
      .max(7)
      .optional()
      .meta({ title: '户类别' }),
    monitoringType: z.enum(MONITORING_TYPES).nullable().optional().meta({ title: '监测对象类别' }),
    bankAccount: removable(bankAccountText, '银行账号'),
    gridWorkerId: ObjectIdText.nullable().optional().meta({ title: '网格员' }),
  })
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), '没有要修改的内容')
  .meta({ title: '修改农户' });
export type HouseholdChanges = z.infer<typeof HouseholdChanges>;
