import type { Next } from 'koa';
import { DomainError } from '../../domain/core/errors';
import type { AppContext } from '../state';

const MAX_DEPTH = 20;

function findForbiddenKey(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return '(嵌套太深)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findForbiddenKey(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$') || key.includes('.') || key === '__proto__') return key;
    const found = findForbiddenKey(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses bodies and query strings with keys that MongoDB would read as operators or paths (`$ne`, `$where`, `a.b`),
 * before any route sees them. Schemas are strict too; this is the second lock on the same door.
 */
export function bodyGuard() {
  return async function refuseOperatorKeys(ctx: AppContext, next: Next): Promise<void> {
    const key = findForbiddenKey(ctx.request.body, 0) ?? findForbiddenKey(ctx.query, 0);
    if (key) throw new DomainError(400, 'forbidden_key', `提交的内容里有不允许的字段名：${key}`);
    await next();
  };
}
