import Router from '@koa/router';
import type { AppState } from '../../state';
import { mountConsoleAuth } from './console';
import { mountMiniProgramAuth } from './miniProgram';

/** `/api/auth`: console sign-in with password and refresh tokens; mini-program sign-in with WeChat. */
export function authRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/auth' });
  mountConsoleAuth(router);
  mountMiniProgramAuth(router);
  return router;
}
