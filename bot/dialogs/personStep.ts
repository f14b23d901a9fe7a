import { z } from 'zod';
import { chatContactIdentifier, sealChatPhone } from '../../domain/conversations/chatContactIdentifier';
import { chatHouseholdLinker } from '../../domain/households/linkHousehold';
import { extractName, extractPhone } from '../nlu/identity';
import { NOT_UNDERSTOOD } from '../texts';
import type { Step, TurnContext } from './dialog';

/** The slots of the person step: only whether it was answered, and a name waiting for its phone. */
export const PersonSlots = {
  personDone: z.boolean().optional(),
  pendingName: z.string().max(20).optional(),
};

type PersonSlotValues = { personDone?: boolean; pendingName?: string };

const ASK = '请告诉我您的姓名和手机号，比如“张三 13812345678”，网格员好联系您';

/** Whether the contact is already known well enough: a linked household, or a name and a phone. */
export function personKnown(ctx: TurnContext): boolean {
  return Boolean(ctx.contact.householdId || (ctx.contact.name && ctx.contact.phoneMasked));
}

/**
 * Links the register household when the name and phone match one (the household check of every channel, with its
 * lockout: a locked contact is not checked), then stores the name and phone on the contact right away (so no slot
 * ever holds the phone). The turn's contact and actor are updated too, because the same message may go on to submit.
 */
async function identify(ctx: TurnContext, name: string, phone: string): Promise<void> {
  if (!ctx.contact.householdId && !ctx.contact.householdCheckLocked) {
    const link = await chatHouseholdLinker({ actor: ctx.actor, name, phone, now: ctx.now, requestId: ctx.requestId });
    if (link.kind === 'linked') {
      ctx.contact.householdId = link.householdId;
      ctx.actor.householdId = link.householdId;
      ctx.contact.villageCode ??= link.villageCode;
    } else {
      ctx.contact.householdCheckLocked = link.locked;
    }
  }
  const sealed = sealChatPhone(phone);
  await chatContactIdentifier({ actor: ctx.actor, person: { name, phone: sealed }, now: ctx.now, requestId: ctx.requestId });
  ctx.contact.name = name;
  ctx.contact.phoneMasked = sealed.masked;
  ctx.actor.name = name;
}

/** Options of {@link personStep}. */
export interface PersonStepOptions {
  /**
   * The flow needs a register household (applications): a named contact that is not linked is asked again, so
   * each attempt checks the name and phone once more, until a check links or the lockout stops the checks.
   */
  household?: boolean;
}

/**
 * Who is asking: skipped for a linked or already named contact (with `household`: for a linked or locked-out one);
 * otherwise name and mobile, in one or two answers.
 */
export function personStep<S extends PersonSlotValues>(options: PersonStepOptions = {}): Step<S> {
  const known = (ctx: TurnContext): boolean =>
    options.household ? Boolean(ctx.contact.householdId) || ctx.contact.householdCheckLocked : personKnown(ctx);
  return {
    id: 'person',
    // false means "ask again" (返回 or 修改), even when the contact is known.
    filled: (slots, ctx) => slots.personDone === true || (slots.personDone !== false && known(ctx)),
    clear: (slots) => ({ ...slots, personDone: false, pendingName: undefined }),
    prompt: (slots) => (slots.pendingName ? `${slots.pendingName}，请再发一下您的手机号（11位）` : ASK),
    async answer(slots, ctx) {
      const phone = extractPhone(ctx.text);
      const rest = phone ? ctx.text.normalize('NFKC').replace(/[\d+\- ]{11,}/g, ' ') : ctx.text;
      const name = extractName(rest) ?? slots.pendingName;
      if (name && phone) {
        await identify(ctx, name, phone);
        return { kind: 'next', slots: { ...slots, personDone: true, pendingName: undefined }, note: `好的，${name}。` };
      }
      if (name) return { kind: 'stay', slots: { ...slots, pendingName: name }, say: `${name}，请再发一下您的手机号（11位）` };
      // A phone without a name is not kept (slots never hold a phone): ask for both together.
      if (phone) return { kind: 'stay', slots, say: '请把姓名和手机号一起发，比如“张三 13812345678”' };
      return { kind: 'retry', say: `${NOT_UNDERSTOOD}${ASK}` };
    },
  };
}
