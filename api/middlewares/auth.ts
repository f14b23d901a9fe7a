import type { Next } from 'koa';
import { DomainError } from '../../domain/core/errors';
import type { StaffRole, StaffActor, VillagerActor } from '../../domain/core/actor';
import { verifyAccessToken } from '../../domain/auth/accessToken';
import type { AppContext } from '../state';

const unauthenticated = (): DomainError => new DomainError(401, 'unauthenticated', '请先登录');

/**
 * Reads `Authorization: Bearer <token>` into `ctx.state.actor`. A missing token leaves the request anonymous;
 * a bad or expired one is a 401. Only the token check sits in the try: errors from later middlewares pass through.
 */
export function authenticate() {
  return async function readToken(ctx: AppContext, next: Next): Promise<void> {
    const header = ctx.get('Authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? verifyAccessToken(match[1]) : undefined;
      if (!actor) throw new DomainError(401, 'invalid_token', '登录已过期，请重新登录');
      ctx.state.actor = actor;
    }
    await next();
  };
}

/** The signed-in staff member, or a 401/403. `roles` narrows further. */
export function requireStaff(ctx: AppContext, roles?: readonly StaffRole[]): StaffActor {
  const actor = ctx.state.actor;
  if (!actor) throw unauthenticated();
  if (actor.kind !== 'staff') throw new DomainError(403, 'forbidden', '只有工作人员可以做这件事');
  if (roles && !roles.includes(actor.role)) throw new DomainError(403, 'forbidden', '您的岗位没有这项权限');
  return actor;
}

/** The signed-in villager, or a 401/403. */
export function requireVillager(ctx: AppContext): VillagerActor {
  const actor = ctx.state.actor;
  if (!actor) throw unauthenticated();
  if (actor.kind !== 'villager') throw new DomainError(403, 'forbidden', '这个功能给村民本人使用');
  return actor;
}

/** Any signed-in person, or a 401. */
export function requireActor(ctx: AppContext): StaffActor | VillagerActor {
  const actor = ctx.state.actor;
  if (!actor) throw unauthenticated();
  return actor;
}
