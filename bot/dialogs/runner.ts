import type { Flow } from '../../domain/conversations/messages';
import type { Dialog, Seed, Step, StepOutcome, Transition, TurnContext } from './dialog';

/** The result of one turn of a dialog: what to say and the state to keep. */
export interface Turn {
  say: string;
  flow: Flow;
  /** The step now waiting for an answer, or the name of the last step when `outcome` is `done`. */
  step: string;
  slots: unknown;
  /** Step ids asked so far, for 返回. */
  history: string[];
  /** `asked`: waiting for an answer; `retry`: the answer was not understood; `done`: the flow ended. */
  outcome: 'asked' | 'retry' | 'done';
  then?: Transition;
}

/** A dialog with its slot type hidden, so the engine can hold every flow in one table. */
export interface RunnableDialog {
  flow: Flow;
  label: string;
  needsConsent: boolean;
  /** Starts the flow: fills what `seed` already says and asks the first empty step. */
  begin(ctx: TurnContext, seed: Seed, note?: string): Promise<Turn>;
  /** Asks the current step again (after 继续上次的…？), or undefined when the stored slots no longer parse. */
  reprompt(stored: unknown, history: string[], ctx: TurnContext, note?: string): Promise<Turn | undefined>;
  /** Hands the message to the step waiting for it. */
  answer(stored: unknown, step: string, history: string[], ctx: TurnContext): Promise<Turn | undefined>;
  /** The answers so far in a few words, '' when none or unreadable. */
  summary(stored: unknown): string;
  /** Goes one question back, emptying it; undefined at the first question. */
  back(stored: unknown, history: string[], ctx: TurnContext): Promise<Turn | undefined>;
}

const MAX_AUTO_STEPS = 10;

/** Wraps a typed dialog; every stored slot object is parsed with the dialog's schema before use. */
export function runnable<S>(dialog: Dialog<S>): RunnableDialog {
  const current = (slots: S, ctx: TurnContext): Step<S> => {
    const step = dialog.steps.find((candidate) => !candidate.filled(slots, ctx));
    if (!step) throw new Error(`dialog ${dialog.flow} has no step left to ask: its last step must never be filled`);
    return step;
  };

  const turn = (fields: Omit<Turn, 'flow'>): Turn => ({ flow: dialog.flow, ...fields });

  /** Lands on the first empty step: asks it, or runs it at once when it is automatic. */
  const enter = async (slots: S, history: string[], ctx: TurnContext, note?: string): Promise<Turn> => {
    let state = slots;
    let prefix = note;
    for (let hop = 0; hop < MAX_AUTO_STEPS; hop++) {
      const step = current(state, ctx);
      if (!step.auto) {
        const say = [prefix, step.prompt(state, ctx)].filter(Boolean).join('\n');
        const asked = history.at(-1) === step.id ? history : [...history, step.id];
        return turn({ say, step: step.id, slots: state, history: asked, outcome: 'asked' });
      }
      const outcome = await step.answer(state, ctx);
      if (outcome.kind !== 'next') return settle(step, state, history, ctx, outcome);
      state = outcome.slots;
      prefix = [prefix, outcome.note].filter(Boolean).join('\n') || undefined;
    }
    throw new Error(`dialog ${dialog.flow} loops through automatic steps`);
  };

  const settle = async (step: Step<S>, slots: S, history: string[], ctx: TurnContext, outcome: StepOutcome<S>): Promise<Turn> => {
    switch (outcome.kind) {
      case 'next':
        return enter(outcome.slots, history, ctx, outcome.note);
      case 'stay':
        return turn({ say: outcome.say, step: step.id, slots: outcome.slots, history, outcome: 'asked' });
      case 'retry':
        return turn({ say: outcome.say, step: step.id, slots, history, outcome: 'retry' });
      case 'done':
        return turn({ say: outcome.say, step: step.id, slots, history, outcome: 'done', then: outcome.then });
    }
  };

  const parse = (stored: unknown): S | undefined => {
    const parsed = dialog.schema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  };

  return {
    flow: dialog.flow,
    label: dialog.label,
    needsConsent: dialog.needsConsent,
    async begin(ctx, seed, note) {
      return enter(await dialog.start(ctx, seed), [], ctx, note);
    },
    async reprompt(stored, history, ctx, note) {
      const slots = parse(stored);
      return slots === undefined ? undefined : enter(slots, history, ctx, note);
    },
    async answer(stored, stepId, history, ctx) {
      const slots = parse(stored);
      if (slots === undefined) return undefined;
      // The answer belongs to the question that was asked; if that step got filled meanwhile, ask afresh.
      const step = current(slots, ctx);
      if (step.id !== stepId) return enter(slots, history, ctx);
      return settle(step, slots, history, ctx, await step.answer(slots, ctx));
    },
    summary(stored) {
      const slots = parse(stored);
      return slots === undefined || !dialog.summary ? '' : dialog.summary(slots);
    },
    async back(stored, history, ctx) {
      const slots = parse(stored);
      const previousId = history.at(-2);
      const previous = dialog.steps.find((step) => step.id === previousId);
      if (slots === undefined || !previous) return undefined;
      const here = dialog.steps.find((step) => step.id === history.at(-1));
      const emptied = previous.clear(here ? here.clear(slots) : slots);
      return enter(emptied, history.slice(0, -2), ctx);
    },
  };
}
