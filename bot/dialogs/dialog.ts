import type { z } from 'zod';
import type { VillagerActor } from '../../domain/core/actor';
import type { BotChannel, Flow, Inbound } from '../../domain/conversations/messages';

/** What a dialog may know about the person it talks to. */
export interface ContactView {
  id: string;
  channel: BotChannel;
  consented: boolean;
  householdId?: string;
  /** Household checks are locked (too many names and phones that matched no household): the chat stops linking. */
  householdCheckLocked: boolean;
  name?: string;
  /** Already masked (138****5678): dialogs never see a full phone number of a stored contact. */
  phoneMasked?: string;
  /** The village the person last named, to preselect it in the next flow. */
  villageCode?: string;
  warningSubscriptions: string[];
}

/** Everything a step sees of the current message. */
export interface TurnContext {
  now: Date;
  inbound: Inbound;
  /** The message text, '' for pictures, locations and voice. */
  text: string;
  contact: ContactView;
  actor: VillagerActor;
  /** The inbound message's key: the request id of audit entries and the idempotency key of tickets. */
  requestId: string;
}

/** How a flow is started: the words that started it, and (for the consent notice) the flow wanted after it. */
export interface Seed {
  text: string;
  pendingFlow?: Flow;
}

/** Where to go when a flow ends: another flow, started with these words as its first message. */
export interface Transition {
  flow: Flow;
  seed?: string;
}

/** What a step made of an answer. */
export type StepOutcome<S> =
  /** Understood: the slots are updated and the dialog moves to the next step still to fill. */
  | { kind: 'next'; slots: S; note?: string }
  /** Understood, but this step wants more (another photo): say this and stay. */
  | { kind: 'stay'; slots: S; say: string }
  /** Not understood: counts towards the three failures that call a person. */
  | { kind: 'retry'; say: string }
  /** The flow is finished: say this, then go to the menu or to `then`. */
  | { kind: 'done'; say: string; then?: Transition };

/**
 * One question of a dialog. A step owns some slots: it is asked only while they are empty (`filled` false), so a
 * slot that came with an earlier message is never asked again; going back or editing empties them (`clear`).
 */
export interface Step<S> {
  id: string;
  /** An automatic step runs `answer` as soon as it is reached, without asking (show progress, file a ticket). */
  auto?: boolean;
  filled(slots: S, ctx: TurnContext): boolean;
  /** The question, ending with what to answer ("回复数字或直接说"). */
  prompt(slots: S, ctx: TurnContext): string;
  answer(slots: S, ctx: TurnContext): StepOutcome<S> | Promise<StepOutcome<S>>;
  clear(slots: S): S;
}

/** A flow as a persisted state machine over slots of type `S`. */
export interface Dialog<S> {
  flow: Flow;
  /** How the flow is named to the villager ("灾情上报"), e.g. in "继续上次的灾情上报吗？". */
  label: string;
  /** Flows that collect personal data run only after consent. */
  needsConsent: boolean;
  /** The stored slots are parsed with this when read back, never cast. */
  schema: z.ZodType<S>;
  /** The answers so far in a few words ("洪涝、黄金林村"), shown when the dialog is offered again. */
  summary?(slots: S): string;
  /** The slots at the start, filled from the message that started the flow ("屋头遭水淹了" → 洪涝). */
  start(ctx: TurnContext, seed: Seed): S | Promise<S>;
  steps: readonly Step<S>[];
}

/** A step that owns `keys`: filled when every key has a value (null = asked, not known), cleared by deleting them. */
export function slotStep<S extends object>(
  keys: readonly (keyof S)[],
  step: Omit<Step<S>, 'filled' | 'clear'> & Partial<Pick<Step<S>, 'filled' | 'clear'>>,
): Step<S> {
  return {
    filled: (slots) => keys.every((key) => slots[key] !== undefined),
    clear: (slots) => {
      const copy = { ...slots };
      for (const key of keys) delete copy[key];
      return copy;
    },
    ...step,
  };
}

/**
 * An automatic step: run `answer` as soon as the dialog reaches it, without asking anything. By default it always
 * runs (never filled); it owns no slots, so going back clears nothing.
 */
export function autoStep<S>(
  id: string,
  answer: Step<S>['answer'],
  options: { filled?: Step<S>['filled']; prompt?: Step<S>['prompt'] } = {},
): Step<S> {
  return { id, auto: true, filled: options.filled ?? (() => false), clear: (slots) => slots, prompt: options.prompt ?? (() => ''), answer };
}
