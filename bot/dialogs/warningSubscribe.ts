import { z } from 'zod';
import { warningSubscriptionManager } from '../../domain/warnings/warningSubscriptionManager';
import { detectIntent } from '../nlu/intent';
import { compact, normalizeText } from '../nlu/normalize';
import { villageLabel } from '../routing';
import { NOT_UNDERSTOOD } from '../texts';
import { autoStep, slotStep, type Dialog } from './dialog';
import { VillageSlots, villageStep } from './villageStep';

const Slots = z.object({
  action: z.enum(['subscribe', 'unsubscribe']).optional(),
  ...VillageSlots,
});
type Slots = z.infer<typeof Slots>;

const ACTION_PROMPT = '1 订阅预警（有暴雨、滑坡等预警时发给您）\n2 取消订阅\n回复数字';

const actionStep = slotStep<Slots>(['action'], {
  id: 'action',
  prompt: () => ACTION_PROMPT,
  answer(slots, ctx) {
    const bare = compact(normalizeText(ctx.text));
    const intent = detectIntent(ctx.text).intent;
    const action =
      bare === '1' || intent === 'warning_subscribe'
        ? 'subscribe'
        : bare === '2' || intent === 'warning_unsubscribe'
          ? 'unsubscribe'
          : undefined;
    if (!action) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${ACTION_PROMPT}` };
    return { kind: 'next', slots: withChoices({ ...slots, action }, ctx.contact.warningSubscriptions) };
  },
});

/** To unsubscribe, the villager picks among their own subscriptions (one is taken without asking). */
function withChoices(slots: Slots, subscriptions: readonly string[]): Slots {
  if (slots.action !== 'unsubscribe' || slots.villageCode !== undefined) return slots;
  if (subscriptions.length === 1) return { ...slots, villageCode: subscriptions[0] };
  return { ...slots, villageChoices: subscriptions.slice(0, 9) };
}

const applyStep = autoStep<Slots>('apply', async (slots, ctx) => {
  const subscribe = slots.action === 'subscribe';
  if (!subscribe && ctx.contact.warningSubscriptions.length === 0) {
    return { kind: 'done', say: '您还没有订阅预警。要订阅回复“订阅预警”，回复“菜单”办别的事' };
  }
  const code = slots.villageCode;
  if (!code) return { kind: 'done', say: '没有选村子，没有改动。回复“菜单”办别的事' };
  const now = await warningSubscriptionManager({ actor: ctx.actor, regionCode: code, subscribe, now: ctx.now, requestId: ctx.requestId });
  ctx.contact.warningSubscriptions = now;
  const place = villageLabel(code);
  return subscribe
    ? {
        kind: 'done',
        say: `已订阅${place}的预警。有预警会发到这里，看到后请回复“收到”，让网格员晓得您收到了。\n取消回复“取消预警”，回复“菜单”办别的事`,
      }
    : { kind: 'done', say: `已取消${place}的预警，以后不再发。\n回复“菜单”办别的事` };
});

const subscribeVillage = villageStep<Slots>({ question: '订阅哪个村（社区）的预警？', choicesLead: '取消哪个村（社区）的预警？' });

/**
 * 预警订阅: subscribe to, or unsubscribe from, the warnings of a village. The words that started it choose the
 * action (订阅预警 / 取消预警); the menu number asks. Acknowledging a warning with 收到 is handled by the engine.
 */
export const warningSubscribeDialog: Dialog<Slots> = {
  flow: 'warning_subscribe',
  label: '预警订阅',
  needsConsent: true,
  schema: Slots,
  summary: (slots) => villageLabel(slots.villageCode ?? undefined),
  start(ctx, seed) {
    const intent = detectIntent(seed.text).intent;
    const explicit = intent === 'warning_unsubscribe' ? 'unsubscribe' : /订阅|预警/.test(seed.text) ? 'subscribe' : undefined;
    const action = explicit ?? (ctx.contact.warningSubscriptions.length === 0 ? 'subscribe' : undefined);
    return withChoices({ action }, ctx.contact.warningSubscriptions);
  },
  steps: [
    actionStep,
    {
      ...subscribeVillage,
      // Nothing to pick when there is nothing to unsubscribe: the apply step says so.
      filled: (slots, ctx) =>
        subscribeVillage.filled(slots, ctx) || (slots.action === 'unsubscribe' && ctx.contact.warningSubscriptions.length === 0),
    },
    applyStep,
  ],
};
