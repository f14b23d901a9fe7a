import Router from '@koa/router';
import { pingDatabase } from '../../db/connect';
import { embeddedDatabaseDown } from '../../db/embedded';
import { version } from '../../package.json';

const startedAt = Date.now();

/**
 * `GET /healthz`: 200 while the database answers, 503 while it does not. Never throws.
 * A crashed process of the embedded database counts as down at once, also while its restart is under way.
 */
export function healthRouter(): Router {
  const router = new Router();
  router.get('/healthz', async function health(ctx) {
    const up = !embeddedDatabaseDown() && (await pingDatabase());
    ctx.status = up ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      status: up ? 'ok' : 'degraded',
      db: up ? 'up' : 'down',
      version,
      uptime: Math.round((Date.now() - startedAt) / 1000),
    };
  });
  return router;
}
