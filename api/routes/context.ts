import type { SubmissionSource, Submitter } from '../../domain/core/submission';
import type { AppContext } from '../state';

/** What every command takes from the request: the time, and the request id and address for the audit log. */
export function commandContext(ctx: AppContext): { now: Date; requestId: string; ip: string } {
  return { now: new Date(), requestId: ctx.state.requestId, ip: ctx.ip };
}

/** Villagers and grid workers reach the API from the mini-program; everyone else from the console. */
export function sourceOf(actor: Submitter): SubmissionSource {
  return actor.kind === 'villager' || actor.role === 'grid_worker' || actor.role === 'village_cadre' ? 'miniprogram' : 'console';
}
