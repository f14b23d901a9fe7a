import type Router from '@koa/router';
import { z } from 'zod';
import { signInWithMiniProgram, villagerSignIn, type MiniProgramSignIn } from '../../../domain/auth/signInWithMiniProgram';
import { linkHousehold, MAX_HOUSEHOLD_CHECK_FAILURES } from '../../../domain/households/linkHousehold';
import { redeemInvitation } from '../../../domain/staff/invitations';
import { issueAccessToken, ACCESS_TOKEN_TTL_SECONDS } from '../../../domain/auth/accessToken';
import { parseInput } from '../../../domain/core/parseInput';
import { requireVillager } from '../../middlewares/auth';
import { documentRoute, ErrorBody, json, standardErrors } from '../../openapi';
import type { AppContext, AppState } from '../../state';
import { LinkHouseholdInput, MiniProgramLoginInput, MiniProgramTokenView, RedeemInvitationInput, toHouseholdProof } from './schema';

const error = (description: string) => ({ description, ...json(ErrorBody) });
const tokenResponse = { description: 'levee 的访问令牌（1 小时；过期后重新 wx.login 即可）', ...json(MiniProgramTokenView) };

documentRoute({
  method: 'post',
  path: '/api/auth/miniprogram',
  tags: ['登录'],
  summary: '小程序登录：用 wx.login 的 code 换 levee 的令牌',
  description: '已绑定微信的网格员、村干部以工作人员身份登录；其他人是村民。微信的 session_key 不会返回，也不保存。',
  request: { body: json(MiniProgramLoginInput) },
  responses: {
    200: tokenResponse,
    400: error('登录凭证无效或已用过'),
    403: error('微信认为账号有风险，或工作人员账号已停用'),
    429: error('登录太频繁'),
    502: error('微信登录服务出错'),
    503: error('小程序登录未配置，或微信繁忙'),
  },
});
documentRoute({
  method: 'post',
  path: '/api/auth/miniprogram/invitation',
  tags: ['登录'],
  summary: '网格员、村干部用镇街给的邀请码，把自己的微信绑定到工作人员账号（一次）',
  security: [{ bearer: [] }],
  request: { body: json(RedeemInvitationInput) },
  responses: {
    200: { description: '以工作人员身份的新令牌', ...json(MiniProgramTokenView) },
    ...standardErrors,
    409: error('账号或微信已经绑定过'),
  },
});
documentRoute({
  method: 'post',
  path: '/api/auth/miniprogram/household',
  tags: ['登录'],
  summary: '村民核对姓名和身份证号后四位（或手机号），绑定自己的家庭',
  description: `连续核对失败 ${MAX_HOUSEHOLD_CHECK_FAILURES} 次后，一天之内不能再核对（423）。`,
  security: [{ bearer: [] }],
  request: { body: json(LinkHouseholdInput) },
  responses: {
    200: { description: '带上家庭的新令牌', ...json(MiniProgramTokenView) },
    ...standardErrors,
    409: error('已经绑定，或有多户对得上'),
    423: error('核对失败太多次，暂时锁定'),
  },
});

function tokenBody(signIn: MiniProgramSignIn): z.infer<typeof MiniProgramTokenView> {
  const { actor } = signIn;
  return {
    accessToken: signIn.accessToken,
    expiresIn: signIn.expiresIn,
    kind: actor.kind,
    role: actor.kind === 'staff' ? actor.role : null,
    householdLinked: actor.kind === 'villager' && actor.householdId !== undefined,
  };
}

async function miniProgramLogin(ctx: AppContext): Promise<void> {
  const input = parseInput(MiniProgramLoginInput, ctx.request.body);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = tokenBody(await signInWithMiniProgram({ code: input.code }));
}

async function redeem(ctx: AppContext): Promise<void> {
  const actor = requireVillager(ctx);
  const input = parseInput(RedeemInvitationInput, ctx.request.body);
  const staff = await redeemInvitation({ actor, code: input.invitationCode, now: new Date(), requestId: ctx.state.requestId, ip: ctx.ip });
  ctx.set('Cache-Control', 'no-store');
  ctx.body = tokenBody({ accessToken: issueAccessToken(staff), expiresIn: ACCESS_TOKEN_TTL_SECONDS, actor: staff });
}

async function linkOwnHousehold(ctx: AppContext): Promise<void> {
  const actor = requireVillager(ctx);
  const proof = toHouseholdProof(parseInput(LinkHouseholdInput, ctx.request.body));
  const linked = await linkHousehold({ actor, proof, now: new Date(), requestId: ctx.state.requestId, ip: ctx.ip });
  ctx.set('Cache-Control', 'no-store');
  ctx.body = tokenBody(villagerSignIn({ _id: linked.contactId, householdId: linked.householdId, name: proof.name }));
}

/** Mini-program sign-in, staff invitation redemption and household linking. */
export function mountMiniProgramAuth(router: Router<AppState>): void {
  router.post('/miniprogram', miniProgramLogin);
  router.post('/miniprogram/invitation', redeem);
  router.post('/miniprogram/household', linkOwnHousehold);
}
