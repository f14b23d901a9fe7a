import type { ParameterizedContext } from 'koa';
import type { Actor, StaffActor, VillagerActor } from '../domain/core/actor';

/** What middlewares put on `ctx.state`. */
export interface AppState {
  requestId: string;
  actor?: Exclude<Actor, { kind: 'system' }>;
}

export type AppContext = ParameterizedContext<AppState>;
export type { StaffActor, VillagerActor };
