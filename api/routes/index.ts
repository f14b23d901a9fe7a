import Router from '@koa/router';
import type { AppState } from '../state';

/**
 * The `/api` router. Each resource lives in `api/routes/<resource>/` and is mounted here, one line each.
 */
export function apiRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  return router;
}
