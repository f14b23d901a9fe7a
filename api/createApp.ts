import Koa from 'koa';
import { errorHandler } from './middlewares/errorHandler';
import { requestId } from './middlewares/requestId';
import { healthRouter } from './routes/health';
import { logger } from '../lib/logger';

/** Builds the Koa application. It never listens: `main.ts` and the tests do that. */
export function createApp(): Koa {
  const app = new Koa({ proxy: process.env.TRUST_PROXY === '1' });
  app.on('error', (error: unknown) => logger.warn({ err: error }, 'Koa error'));
  app.use(requestId());
  app.use(errorHandler());
  const health = healthRouter();
  app.use(health.routes()).use(health.allowedMethods());
  return app;
}
