import { autoStep, type Step } from './dialog';
import { handOff } from '../handoff';
import type { Flow } from '../../domain/conversations/messages';

/**
 * Applications are filed for a register household (`applicationCreator` needs one). When the chat is not linked
 * to a household even after the name and phone, or the checks are locked after too many misses, a grid worker is
 * asked to help: the flow ends with a ticket.
 */
export function householdStep<S>(flow: Flow, what: string): Step<S> {
  return autoStep<S>(
    'household',
    async (_slots, ctx) => {
      const text = await handOff(ctx, 'asked', { flow, step: 'household' });
      const why = ctx.contact.householdCheckLocked ? '姓名和电话核对不上的次数太多，今天先不再核对了' : '系统里还没找到您家的农户信息';
      return { kind: 'done', say: `${why}，${what}要网格员帮您核对后办理。\n${text}` };
    },
    { filled: (_slots, ctx) => Boolean(ctx.contact.householdId) },
  );
}
