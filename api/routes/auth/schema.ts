import { z } from 'zod';
import { OptionalPhone } from '../../../domain/households/schema';
import type { HouseholdProof } from '../../../domain/households/linkHousehold';
import { StaffView } from '../../presenters/staff';

/** `POST /api/auth/login`. */
export const LoginInput = z
  .strictObject({
    username: z.string().trim().min(1).max(64).meta({ title: '用户名' }),
    password: z.string().min(1).max(128).meta({ title: '密码' }),
  })
  .meta({ title: '登录' });

/** `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export const RefreshInput = z
  .strictObject({ refreshToken: z.string().min(20).max(200).meta({ title: '刷新令牌' }) })
  .meta({ title: '刷新令牌' });

/** `POST /api/auth/miniprogram`: the code from `wx.login`. */
export const MiniProgramLoginInput = z
  .strictObject({ code: z.string().trim().min(1).max(128).meta({ title: '登录凭证' }) })
  .meta({ title: '小程序登录' });

/** `POST /api/auth/miniprogram/invitation`. */
export const RedeemInvitationInput = z
  .strictObject({ invitationCode: z.string().trim().min(6).max(20).meta({ title: '邀请码' }) })
  .meta({ title: '工作人员邀请码' });

/** `POST /api/auth/miniprogram/household`: the villager's name and one of the two proofs. */
export const LinkHouseholdInput = z
  .strictObject({
    name: z.string().trim().min(1).max(30).meta({ title: '姓名' }),
    idNumberLast4: z
      .string()
      .trim()
      .regex(/^\d{3}[\dXx]$/)
      .optional()
      .meta({ title: '身份证号后四位' }),
    phone: OptionalPhone,
  })
  .superRefine((input, ctx) => {
    if ((input.idNumberLast4 === undefined) === (input.phone === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: '请填写「身份证号后四位」或「手机号」，二选一' });
    }
  })
  .meta({ title: '绑定家庭' });

/** The parsed proof in the shape `linkHousehold` takes. */
export function toHouseholdProof(input: z.infer<typeof LinkHouseholdInput>): HouseholdProof {
  return input.phone !== undefined
    ? { name: input.name, phone: input.phone }
    : { name: input.name, idNumberLast4: input.idNumberLast4 ?? '' };
}

/** What a console sign-in or refresh answers. */
export const ConsoleTokensView = z.object({
  accessToken: z.string(),
  expiresIn: z.number().meta({ description: '访问令牌的有效秒数' }),
  refreshToken: z.string().meta({ description: '只显示这一次；每次刷新都会换新' }),
  refreshExpiresAt: z.string(),
  staff: StaffView,
});

/** What a mini-program sign-in answers: levee's token, never WeChat's session key. */
export const MiniProgramTokenView = z.object({
  accessToken: z.string(),
  expiresIn: z.number(),
  kind: z.enum(['staff', 'villager']),
  role: z.string().nullable().meta({ description: '工作人员的岗位；村民为 null' }),
  householdLinked: z.boolean(),
});

/** `GET /api/auth/me`. */
export const MeView = z.object({
  kind: z.enum(['staff', 'villager']),
  staff: StaffView.nullable(),
  villager: z.object({ contactId: z.string(), name: z.string().nullable(), householdId: z.string().nullable() }).nullable(),
});
