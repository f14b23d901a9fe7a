import { z } from 'zod';
import type { StaffUserDocument } from '../../models/staffUser';

/** A staff account as other staff see it. Never the password hash, the WeChat openid or the lock counters. */
export const StaffView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  department: z.string().nullable(),
  bankName: z.string().nullable(),
  regionCode: z.string(),
  regionLevel: z.string(),
  username: z.string(),
  phone: z.string().nullable().meta({ description: '脱敏，如 138****5678' }),
  wechatLinked: z.boolean(),
  canUseConsole: z.boolean().meta({ description: '设了密码，可以在电脑端登录' }),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffView = z.infer<typeof StaffView>;

type Staff = Pick<
  StaffUserDocument,
  | 'name'
  | 'role'
  | 'department'
  | 'bankName'
  | 'regionCode'
  | 'regionLevel'
  | 'username'
  | 'phone'
  | 'wechatOpenId'
  | 'passwordHash'
  | 'active'
  | 'lastLoginAt'
> & { _id: { toString(): string }; createdAt: Date };

/** The public face of a staff account. */
export function presentStaff(s: Staff): StaffView {
  return {
    id: s._id.toString(),
    name: s.name,
    role: s.role,
    department: s.department ?? null,
    bankName: s.bankName ?? null,
    regionCode: s.regionCode,
    regionLevel: s.regionLevel,
    username: s.username,
    phone: s.phone?.masked ?? null,
    wechatLinked: Boolean(s.wechatOpenId),
    canUseConsole: Boolean(s.passwordHash),
    active: s.active,
    lastLoginAt: s.lastLoginAt ? s.lastLoginAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
  };
}
