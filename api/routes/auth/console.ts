import type Router from '@koa/router';
import { z } from 'zod';
import {
  LOCKOUT_MS,
  MAX_FAILED_LOGINS,
  signInWithPassword,
  refreshSession,
  signOut,
  type ConsoleTokens,
} from '../../../domain/auth/consoleSession';
import { Contact } from '../../../models/contact';
import { StaffUser } from '../../../models/staffUser';
import { parseInput } from '../../../domain/core/parseInput';
import { DomainError } from '../../../domain/core/errors';
import { requireActor, requireStaff } from '../../middlewares/auth';
import { documentRoute, ErrorBody, json, standardErrors } from '../../openapi';
import { presentStaff } from '../../presenters/staff';
import type { AppContext, AppState } from '../../state';
import { ConsoleTokensView, LoginInput, MeView, RefreshInput } from './schema';

const locked = { description: '密码连续输错，账号暂时锁定', ...json(ErrorBody) };

documentRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['登录'],
  summary: '电脑端登录（用户名 + 密码）',
  description: `连续输错 ${MAX_FAILED_LOGINS} 次密码锁定 ${LOCKOUT_MS / 60_000} 分钟（423）。返回 1 小时的访问令牌和一次性的刷新令牌。`,
  request: { body: json(LoginInput) },
  responses: {
    200: { description: '登录成功', ...json(ConsoleTokensView) },
    400: standardErrors[400],
    401: standardErrors[401],
    423: locked,
    429: standardErrors[429],
  },
});
documentRoute({
  method: 'post',
  path: '/api/auth/refresh',
  tags: ['登录'],
  summary: '用刷新令牌换新的访问令牌（刷新令牌同时更换）',
  request: { body: json(RefreshInput) },
  responses: {
    200: { description: '新的令牌', ...json(ConsoleTokensView) },
    400: standardErrors[400],
    401: standardErrors[401],
    429: standardErrors[429],
  },
});
documentRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['登录'],
  summary: '退出登录：作废这个刷新令牌（及由它换来的令牌）',
  security: [{ bearer: [] }],
  request: { body: json(RefreshInput) },
  responses: { 204: { description: '已退出' }, ...standardErrors },
});
documentRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['登录'],
  summary: '当前登录的人',
  security: [{ bearer: [] }],
  responses: { 200: { description: '工作人员或村民', ...json(MeView) }, 401: standardErrors[401], 429: standardErrors[429] },
});

const clientOf = (ctx: AppContext) => ({ ip: ctx.ip, userAgent: ctx.get('User-Agent') || undefined });

function tokensBody(tokens: ConsoleTokens): z.infer<typeof ConsoleTokensView> {
  return {
    accessToken: tokens.accessToken,
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: tokens.refreshExpiresAt.toISOString(),
    staff: presentStaff(tokens.staff),
  };
}

async function login(ctx: AppContext): Promise<void> {
  const input = parseInput(LoginInput, ctx.request.body);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = tokensBody(
    await signInWithPassword({ ...clientOf(ctx), username: input.username, password: input.password, now: new Date() }),
  );
}

async function refresh(ctx: AppContext): Promise<void> {
  const input = parseInput(RefreshInput, ctx.request.body);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = tokensBody(await refreshSession({ ...clientOf(ctx), refreshToken: input.refreshToken, now: new Date() }));
}

async function logout(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const input = parseInput(RefreshInput, ctx.request.body);
  await signOut({ refreshToken: input.refreshToken, staffUserId: actor.id, now: new Date() });
  ctx.status = 204;
}

async function me(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  if (actor.kind === 'staff') {
    const staff = await StaffUser.findById(actor.id).lean();
    if (!staff?.active) throw new DomainError(401, 'invalid_token', '登录已过期，请重新登录');
    ctx.body = { kind: 'staff', staff: presentStaff(staff), villager: null } satisfies z.infer<typeof MeView>;
    return;
  }
  const contact = await Contact.findById(actor.contactId).lean();
  if (!contact) throw new DomainError(401, 'invalid_token', '登录已过期，请重新登录');
  ctx.body = {
    kind: 'villager',
    staff: null,
    villager: { contactId: contact._id.toString(), name: contact.name ?? null, householdId: contact.householdId?.toString() ?? null },
  } satisfies z.infer<typeof MeView>;
}

/** Console sign-in: password login with lock-out, rotating refresh tokens, sign-out, and who am I. */
export function mountConsoleAuth(router: Router<AppState>): void {
  router.post('/login', login);
  router.post('/refresh', refresh);
  router.post('/logout', logout);
  router.get('/me', me);
}
