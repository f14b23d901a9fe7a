import type { Context, Next } from 'koa';
import mongoose from 'mongoose';
import { DomainError } from '../../domain/core/errors';
import { logger } from '../../lib/logger';

interface HttpLikeError {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
}

function asHttpError(error: unknown): HttpLikeError {
  return typeof error === 'object' && error !== null ? (error as HttpLikeError) : {};
}

/** Seconds a client is asked to wait before retrying while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Whether an error came from the database or the way to it (server down, hung, restarting, connection lost): every
 * MongoDB driver error, and mongoose's own errors for a connection that is not there.
 */
function isDatabaseError(error: unknown): boolean {
  if (error instanceof mongoose.mongo.MongoError) return true;
  return (
    error instanceof mongoose.Error &&
    /^MongooseServerSelectionError$|^MongooseError$/.test(error.name) &&
    /connect|server/i.test(error.message)
  );
}

/** Turns every thrown error into `{ error: { code, message } }`; unexpected ones are logged and never leak details. */
export function errorHandler() {
  return async function handleErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new DomainError(404, 'not_found', '没有找到这个地址');
      }
    } catch (error) {
      if (error instanceof DomainError) {
        ctx.status = error.status;
        ctx.body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
        return;
      }
      const http = asHttpError(error);
      if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
        ctx.status = http.status;
        ctx.body = { error: clientError(http.status, http.type) };
        return;
      }
      if (isDatabaseError(error)) {
        // The request can be retried: submissions are idempotent on their client id, so nothing is doubled.
        logger.warn({ err: error, requestId: ctx.state.requestId }, 'Database unavailable');
        ctx.status = 503;
        ctx.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        ctx.body = { error: { code: 'database_unavailable', message: '系统正忙，请过几秒钟再试' } };
        return;
      }
      logger.error({ err: error, requestId: ctx.state.requestId }, 'Unhandled error');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal_error', message: '系统出了点问题，请稍后再试' } };
    }
  };
}

function clientError(status: number, type: unknown): { code: string; message: string } {
  if (status === 413) return { code: 'payload_too_large', message: '提交的内容太大了' };
  if (status === 415) return { code: 'unsupported_media_type', message: '提交的格式不对' };
  if (status === 400 && type === 'entity.parse.failed') return { code: 'invalid_json', message: '提交的内容格式不对（不是有效的 JSON）' };
  return { code: 'bad_request', message: '请求有误' };
}
