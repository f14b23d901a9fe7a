import Router from '@koa/router';
import type { AppState } from '../state';
import { auditRouter } from './audit';
import { chatRouter, type ChatEngine } from './chat';
import { authRouter } from './auth';
import { householdsRouter } from './households';
import { reportsRouter } from './reports';
import { filesRouter } from './files';
import { eventsRouter } from './events';
import { applicationsRouter } from './applications';
import { staffRouter } from './staff';

/**
 * The `/api` router. Each resource lives in `api/routes/<resource>/` and is mounted here, one line each.
 */
export function apiRouter(chat: ChatEngine): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  router.use(authRouter().routes());
  router.use(reportsRouter().routes());
  router.use(filesRouter().routes());
  router.use(eventsRouter().routes());
  router.use(applicationsRouter().routes());
  router.use(staffRouter().routes());
  router.use(householdsRouter().routes());
  router.use(auditRouter().routes());
  router.use(chatRouter(chat).routes());
  return router;
}
