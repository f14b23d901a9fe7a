import { z } from 'zod';
import { detectIntent } from '../nlu/intent';
import { getDefaultVillageMatcher } from '../nlu/villages';
import { handOff } from '../handoff';
import { autoStep, type Dialog } from './dialog';
import { VillageSlots, villageStep } from './villageStep';

const Slots = z.object({ ...VillageSlots, urgent: z.boolean().optional() });
type Slots = z.infer<typeof Slots>;

const URGENT_LEAD = '有危险先保命：马上离开危险的地方，有人受伤或被困请立即打 119 或 120！';

const ticketStep = autoStep<Slots>('ticket', async (slots, ctx) => {
  const text = await handOff(ctx, 'asked', { flow: 'human', step: 'ticket', villageCode: slots.villageCode ?? undefined });
  return { kind: 'done', say: slots.urgent ? `${URGENT_LEAD}\n${text}` : text };
});

const humanVillage = villageStep<Slots>({ question: '您是哪个村（社区）的？我好找您村的网格员。', allowUnknown: true });

/**
 * 转人工 / 联系网格员: a handoff ticket for the grid worker of the villager's village, and who will get in
 * touch. The village is asked only when neither the household nor the conversation tells it. Danger words
 * (有人被埋, 着火了) first get the emergency numbers.
 */
export const humanDialog: Dialog<Slots> = {
  flow: 'human',
  label: '转人工',
  needsConsent: false,
  schema: Slots,
  start(ctx, seed) {
    const named = getDefaultVillageMatcher().match(seed.text);
    const fromText = named && !('ambiguous' in named) ? named.code : undefined;
    return { villageCode: fromText ?? ctx.contact.villageCode, urgent: detectIntent(seed.text).slots.urgent };
  },
  steps: [
    {
      ...humanVillage,
      filled: (slots, ctx) => humanVillage.filled(slots, ctx) || Boolean(ctx.contact.householdId),
      prompt: (slots, ctx) => `${slots.urgent ? `${URGENT_LEAD}\n` : ''}${humanVillage.prompt(slots, ctx)}`,
    },
    ticketStep,
  ],
};
