import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { errorHandler } from './middlewares/errorHandler';
import { requestId } from './middlewares/requestId';
import { bodyGuard } from './middlewares/bodyGuard';
import { authenticate } from './middlewares/auth';
import { rateLimit } from './middlewares/rateLimit';
import { healthRouter } from './routes/health';
import { docsRouter } from './routes/docs';
import { apiRouter } from './routes/index';
import { chatPageRouter, type ChatEngine } from './routes/chat';
import { logger } from '../lib/logger';
import type { AppState } from './state';

export interface AppOptions {
  /** The bot engine behind `POST /api/chat`, handed in by `main.ts` (and the tests). */
  chat: ChatEngine;
  /** Requests per minute allowed per signed-in person and per IP address. */
  rateLimitPerMinute?: number;
}

/** Builds the Koa application. It never listens: `main.ts` and the tests do that. */
export function createApp({ chat, rateLimitPerMinute = 600 }: AppOptions): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: process.env.TRUST_PROXY === '1' });
  app.on('error', (error: unknown) => logger.warn({ err: error }, 'Koa error'));
  app.use(requestId());
  app.use(errorHandler());
  app.use(rateLimit({ limit: rateLimitPerMinute, windowMs: 60_000, keyOf: (ctx) => `ip:${ctx.ip}` }));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  app.use(bodyGuard());
  app.use(authenticate());
  app.use(
    rateLimit({
      limit: rateLimitPerMinute,
      windowMs: 60_000,
      keyOf: (ctx) =>
        ctx.state.actor ? `actor:${ctx.state.actor.kind === 'staff' ? ctx.state.actor.id : ctx.state.actor.contactId}` : undefined,
    }),
  );
  for (const router of [healthRouter(), docsRouter(), apiRouter(chat), chatPageRouter()]) {
    app.use(router.routes()).use(router.allowedMethods());
  }
  return app;
}
