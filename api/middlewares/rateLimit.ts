import type { Next } from 'koa';
import { DomainError } from '../../domain/core/errors';
import type { AppContext } from '../state';

export interface RateLimitOptions {
  /** Requests allowed per window for one key. */
  limit: number;
  windowMs: number;
  /** The key to count by; undefined skips counting. */
  keyOf: (ctx: AppContext) => string | undefined;
  now?: () => number;
}

/**
 * A fixed-window limiter kept in memory (one process serves a district; behind several processes put the limit in
 * the reverse proxy). Answers 429 with `Retry-After` and says in Chinese when to try again.
 */
export function rateLimit({ limit, windowMs, keyOf, now = Date.now }: RateLimitOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  return async function limitRate(ctx: AppContext, next: Next): Promise<void> {
    const key = keyOf(ctx);
    if (key !== undefined) {
      const t = now();
      if (windows.size > 50_000) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      }
      const window = windows.get(key);
      if (!window || t - window.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
      } else if (++window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
        ctx.set('Retry-After', String(retryAfter));
        throw new DomainError(429, 'rate_limited', `请求太频繁了，请 ${retryAfter} 秒后再试`, { retryAfter });
      }
    }
    await next();
  };
}
