import { z } from 'zod';
import { DEPARTMENTS, STAFF_ROLES } from '../../../models/enums';
import { ObjectIdText } from '../../../domain/core/schema';
import { OptionalPhone } from '../../../domain/households/schema';
import { StaffView } from '../../presenters/staff';
import { Page, PageQuery } from '../shared';

const regionCodeText = z.string().regex(/^\d{12}$/);
const RegionCode = regionCodeText.meta({ title: '所属地区', description: '12 位统计用区划代码' });

/** `POST /api/staff`. */
export const NewStaffInput = z
  .strictObject({
    name: z.string().trim().min(1).max(30).meta({ title: '姓名' }),
    role: z.enum(STAFF_ROLES).meta({ title: '岗位' }),
    regionCode: RegionCode,
    department: z.enum(DEPARTMENTS).optional().meta({ title: '部门' }),
    bankName: z.string().trim().min(2).max(50).optional().meta({ title: '银行' }),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/)
      .optional()
      .meta({ title: '用户名', description: '3–32 位字母、数字、点、横线或下划线' }),
    password: z.string().min(10).max(128).optional().meta({ title: '密码', description: '至少 10 位' }),
    phone: OptionalPhone,
  })
  .meta({ title: '新建工作人员' });

/** `GET /api/staff`. */
export const StaffListQuery = z
  .strictObject({
    role: z.enum(STAFF_ROLES).optional().meta({ title: '岗位' }),
    regionCode: regionCodeText.optional().meta({ title: '所属地区' }),
    ...PageQuery,
  })
  .meta({ title: '查询工作人员' });

/** `POST /api/staff/invitations`. */
export const NewInvitationInput = z.strictObject({ staffUserId: ObjectIdText.meta({ title: '工作人员' }) }).meta({ title: '发邀请码' });

/** One staff account. */
export const StaffResponse = z.object({ staff: StaffView });
/** A page of staff accounts. */
export const StaffPage = Page(StaffView);
/** A fresh invitation: the code is shown this once. */
export const InvitationResponse = z.object({
  invitationCode: z.string().meta({ description: '只显示这一次，请转告本人；7 天内有效，只能用一次' }),
  expiresAt: z.string(),
  staff: StaffView,
});
