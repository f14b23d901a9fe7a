import { handoffCreator } from '../domain/handoffs/handoffCreator';
import type { TurnContext } from './dialogs/dialog';
import { villageLabel } from './routing';
import { handoffSaid } from './texts';

/** Where the villager was when the bot handed over. */
export interface HandoffPlace {
  flow: string;
  step: string;
  villageCode?: string;
}

/**
 * Opens (or finds) a handoff ticket for the villager's grid worker and says who will get in touch. The ticket is
 * keyed by the message, so a redelivered message never opens a second one.
 */
export async function handOff(ctx: TurnContext, reason: 'asked' | 'failures' | 'voice', place: HandoffPlace): Promise<string> {
  const villageCode = place.villageCode ?? ctx.contact.villageCode;
  const { assigneeName } = await handoffCreator({
    key: ctx.requestId,
    actor: ctx.actor,
    channel: ctx.contact.channel,
    reason,
    villageCode,
    flow: place.flow,
    step: place.step,
    lastText: ctx.text || undefined,
    now: ctx.now,
  });
  const village = villageLabel(villageCode);
  const who = assigneeName ? `${village}网格员${assigneeName}` : village ? `${village}的网格员和镇上值班的工作人员` : '镇上值班的工作人员';
  return handoffSaid(who, reason);
}
