import crypto from 'node:crypto';
import { Region } from '../../models/region';
import { StaffUser, type StaffUserDocument } from '../../models/staffUser';
import { isDuplicateKeyError } from '../../models/shared';
import type { Department } from '../../models/enums';
import { sealPii } from '../../lib/pii';
import type { Actor, StaffRole } from '../core/actor';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../core/recordAudit';
import { DomainError, conflict, invalid } from '../core/errors';

/** The region level each role answers for: field roles a village, town officials a town, the rest the district. */
export const ROLE_REGION_LEVEL: Readonly<Record<StaffRole, 'district' | 'town' | 'village'>> = {
  grid_worker: 'village',
  village_cadre: 'village',
  town_official: 'town',
  district_admin: 'district',
  department: 'district',
  bank_officer: 'district',
};

/** Roles that work in the console, and so need a password to sign in at all. */
const CONSOLE_ONLY_ROLES: readonly StaffRole[] = ['town_official', 'district_admin', 'department', 'bank_officer'];

/** A new staff account as the caller describes it (already parsed). */
export interface NewStaff {
  name: string;
  role: StaffRole;
  regionCode: string;
  department?: Department;
  bankName?: string;
  /** Console sign-in name; generated when absent (mini-program users need none). */
  username?: string;
  password?: string;
  phone?: string;
}

function checkShape(input: NewStaff): void {
  if (input.role === 'department' && !input.department) throw invalid('invalid_input', '「部门」必须填写');
  if (input.role === 'bank_officer' && !input.bankName) throw invalid('invalid_input', '「银行」必须填写');
  if (CONSOLE_ONLY_ROLES.includes(input.role) && (!input.username || !input.password)) {
    throw invalid('invalid_input', '这个岗位在电脑端登录，「用户名」和「密码」必须填写');
  }
}

type CreateProps = { actor: Actor; input: NewStaff; now: Date; requestId?: string; ip?: string };

/** Inserts the account once the region is known to exist and to fit the role; records `staff.create`. */
async function insertStaff(props: CreateProps): Promise<StaffUserDocument> {
  const { actor, input, now } = props;
  const region = await Region.findById(input.regionCode).lean();
  if (!region) throw invalid('unknown_region', '「所属地区」不是巴南区的区划代码');
  const level = ROLE_REGION_LEVEL[input.role];
  if (region.level !== level) {
    throw invalid('region_level_mismatch', `「所属地区」应该是${{ district: '区', town: '镇街', village: '村（社区）' }[level]}一级`);
  }
  let staff: StaffUserDocument;
  try {
    staff = await StaffUser.create({
      name: input.name,
      role: input.role,
      department: input.role === 'department' ? input.department : undefined,
      bankName: input.role === 'bank_officer' ? input.bankName : undefined,
      regionCode: input.regionCode,
      regionLevel: level,
      username: input.username ?? `u-${crypto.randomBytes(6).toString('hex')}`,
      passwordHash: input.password ? await hashPassword(input.password) : undefined,
      phone: input.phone ? sealPii('phone', input.phone) : undefined,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('username_taken', '这个用户名已经有人用了');
    throw error;
  }
  await recordAudit({
    actor,
    action: 'staff.create',
    target: { type: 'staffUser', id: staff.id },
    requestId: props.requestId,
    ip: props.ip,
    details: { role: input.role, regionCode: input.regionCode, withPassword: Boolean(input.password) },
    at: now,
  });
  return staff;
}

/**
 * Creates a staff account after checking its shape (department, bank, console credentials) and that the region
 * exists and fits the role (a grid worker answers for a village, a town official for a town …). The caller has been
 * authorized by `canCreateStaff`. Records `staff.create`.
 */
export async function createStaff(props: CreateProps): Promise<StaffUserDocument> {
  checkShape(props.input);
  return insertStaff(props);
}

/**
 * The development account `npm run token` signs for: found by `username`, or created (without a password: it signs in
 * only with printed tokens) and recorded as made by the system.
 */
export async function devStaffAccount(props: {
  username: string;
  name: string;
  role: StaffRole;
  regionCode: string;
}): Promise<StaffUserDocument> {
  const existing = await StaffUser.findOne({ username: props.username });
  if (existing) return existing;
  return insertStaff({
    actor: { kind: 'system', name: 'npm run token' },
    input: {
      ...props,
      department: props.role === 'department' ? '乡村振兴' : undefined,
      bankName: props.role === 'bank_officer' ? '开发测试银行' : undefined,
    },
    now: new Date(),
  });
}

/** Thrown when an account that must exist does not (or is outside the caller's view). */
export const staffNotFound = (): DomainError => new DomainError(404, 'staff_not_found', '没有找到这个工作人员');
