import crypto from 'node:crypto';
import type { Context, Next } from 'koa';

const VALID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives each request an id (the caller's `X-Request-Id` when well-formed) for logs and the audit trail. */
export function requestId() {
  return async function assignRequestId(ctx: Context, next: Next): Promise<void> {
    const incoming = ctx.get('X-Request-Id');
    ctx.state.requestId = VALID.test(incoming) ? incoming : crypto.randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    await next();
  };
}
