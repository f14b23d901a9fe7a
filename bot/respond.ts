import type { ConversationState, DialogFrame } from '../domain/conversations/conversationStore';
import { warningAckRecorder } from '../domain/warnings/warningAckRecorder';
import { parseGlobalCommand, type GlobalCommand } from './nlu/commands';
import { parseYesNo } from './nlu/yesNo';
import type { TurnContext } from './dialogs/dialog';
import { DIALOGS, KEPT_FLOWS, dialogOf, isDialogFlow } from './dialogs';
import type { Turn } from './dialogs/runner';
import { handOff } from './handoff';
import { isAck, routeText } from './routing';
import { MENU, NOT_UNDERSTOOD, pausedHint, resumeOffer } from './texts';
import type { Flow, Reply } from '../domain/conversations/messages';

/** How long dialogs are kept, and after how long a pause the bot asks before going on. */
export interface RespondSettings {
  keepMs: number;
  resumeAfterMs: number;
}

/** The replies to one message and the state to store. */
export interface Outcome {
  replies: Reply[];
  state: ConversationState;
}

const MAX_FAILURES = 3;
const say = (text: string, flow: Flow, step: string): Reply => ({ text, flow, step });

function menu(state: ConversationState, lead?: string): Outcome {
  const paused = state.paused ? dialogOf(state.paused.flow) : undefined;
  const text = [lead, MENU, paused ? pausedHint(paused.label) : undefined].filter(Boolean).join('\n');
  return { replies: [say(text, 'menu', 'choose')], state: { ...state, active: undefined, offer: undefined } };
}

/** Drops dialogs untouched for longer than the keep time (24 h): they are not offered any more. */
function expire(state: ConversationState, now: Date, keepMs: number): ConversationState {
  const fresh = (frame: DialogFrame | undefined) =>
    frame && isDialogFlow(frame.flow) && now.getTime() - frame.touchedAt.getTime() <= keepMs ? frame : undefined;
  const active = fresh(state.active);
  return { ...state, active, paused: fresh(state.paused), offer: active ? state.offer : undefined };
}

/** Moves the active dialog aside when it holds answers worth keeping; other flows simply end. */
function pauseActive(state: ConversationState): ConversationState {
  const active = state.active;
  const keep = active && KEPT_FLOWS.includes(active.flow);
  return { ...state, active: undefined, offer: undefined, paused: keep ? active : state.paused };
}

function rememberVillage(state: ConversationState, slots: unknown): ConversationState {
  const village = typeof slots === 'object' && slots !== null && 'villageCode' in slots ? slots.villageCode : undefined;
  return typeof village === 'string' && /^\d{12}$/.test(village) ? { ...state, villageCode: village } : state;
}

/** Applies a dialog turn to the state: keep asking, count a failure, or end and go on. */
async function applyTurn(turn: Turn, ctx: TurnContext, base: ConversationState, lead?: string): Promise<Outcome> {
  const state = rememberVillage(base, turn.slots);
  const text = [lead, turn.say].filter(Boolean).join('\n');
  if (turn.outcome === 'done') {
    const ended = { ...state, active: undefined, offer: undefined, failures: 0 };
    if (turn.then) return startFlow(turn.then.flow, turn.then.seed ?? '', ctx, ended, text);
    return { replies: [say(text, turn.flow, turn.step)], state: ended };
  }
  const active: DialogFrame = { flow: turn.flow, step: turn.step, slots: turn.slots, history: turn.history, touchedAt: ctx.now };
  if (turn.outcome === 'asked') return { replies: [say(text, turn.flow, turn.step)], state: { ...state, active, failures: 0 } };
  const failures = state.failures + 1;
  if (failures < MAX_FAILURES) return { replies: [say(text, turn.flow, turn.step)], state: { ...state, active, failures } };
  const handoff = await handOff(ctx, 'failures', { flow: turn.flow, step: turn.step, villageCode: state.villageCode });
  return { replies: [say(handoff, 'human', 'ticket')], state: { ...state, active, failures: 0 } };
}

/** Starts a flow with the words that asked for it, behind the privacy notice when it needs consent. */
async function startFlow(flow: Flow, seed: string, ctx: TurnContext, base: ConversationState, lead?: string): Promise<Outcome> {
  if (flow === 'menu') return menu(pauseActive(base), lead);
  const dialog = DIALOGS[flow];
  const state = pauseActive(base);
  if (dialog.needsConsent && !ctx.contact.consented) {
    const turn = await DIALOGS.consent.begin(ctx, { text: seed, pendingFlow: flow });
    return applyTurn(turn, ctx, { ...state, consentAsked: true }, lead);
  }
  if (state.paused?.flow === flow) {
    const offered = state.paused;
    const text = [lead, resumeOffer(dialog.label, dialog.summary(offered.slots))].filter(Boolean).join('\n');
    return { replies: [say(text, flow, 'resume')], state: { ...state, paused: undefined, active: offered, offer: 'again' } };
  }
  return applyTurn(await dialog.begin(ctx, { text: seed }), ctx, state, lead);
}

/** A message outside any dialog: the first contact's notice, a menu choice, or free text routed to its flow. */
async function fromText(ctx: TurnContext, state: ConversationState): Promise<Outcome> {
  const paused = state.paused;
  if (paused && /^(继续|接着填|接着|继续填)/.test(ctx.text.trim())) {
    const turn = await dialogOf(paused.flow).reprompt(paused.slots, paused.history, ctx, '好的，接着填。');
    if (turn) return applyTurn(turn, ctx, { ...state, paused: undefined });
  }
  if (!ctx.contact.consented && state.consentAsked && /^(我)?(同意|愿意)/.test(ctx.text.trim())) {
    // Agreeing later, after a refusal: the notice was read once, so the agreement is recorded at once.
    const asked = await DIALOGS.consent.begin(ctx, { text: '' });
    const turn = await DIALOGS.consent.answer(asked.slots, asked.step, asked.history, ctx);
    if (turn) return applyTurn(turn, ctx, { ...state, consentAsked: true });
  }
  const routed = routeText(ctx.text, { menu: true });
  // A prevention question or a call for a person needs no personal data: answer it before the notice.
  const needsNoConsent = routed !== undefined && routed.flow !== 'menu' && !DIALOGS[routed.flow].needsConsent;
  if (!ctx.contact.consented && !state.consentAsked && !needsNoConsent) {
    const turn = await DIALOGS.consent.begin(ctx, { text: routed?.seed ?? '', pendingFlow: routed?.flow });
    return applyTurn(turn, ctx, { ...state, consentAsked: true });
  }
  if (routed) return startFlow(routed.flow, routed.seed, ctx, state);
  const failures = state.failures + 1;
  if (failures >= MAX_FAILURES) {
    const text = await handOff(ctx, 'failures', { flow: 'menu', step: 'choose', villageCode: state.villageCode });
    return { replies: [say(text, 'human', 'ticket')], state: { ...state, failures: 0 } };
  }
  const shown = menu(state, NOT_UNDERSTOOD);
  return { ...shown, state: { ...shown.state, failures } };
}

async function onCommand(command: GlobalCommand, ctx: TurnContext, state: ConversationState): Promise<Outcome> {
  const active = state.active;
  switch (command) {
    case 'human':
      return startFlow('human', '', ctx, state);
    case 'menu':
      return menu(pauseActive(state));
    case 'cancel':
      return menu(
        { ...state, active: undefined, paused: active ? state.paused : undefined },
        active || state.paused ? '好的，已取消。' : undefined,
      );
    case 'restart':
      if (!active) return menu(state);
      return applyTurn(
        await dialogOf(active.flow).begin(ctx, { text: '' }),
        ctx,
        { ...state, active: undefined, offer: undefined },
        '好的，重新开始。',
      );
    case 'back': {
      const turn = active && !state.offer ? await dialogOf(active.flow).back(active.slots, active.history, ctx) : undefined;
      return turn ? applyTurn(turn, ctx, state) : menu(pauseActive(state));
    }
  }
}

/** The answer to "继续上次的…吗？". */
async function onOffer(ctx: TurnContext, state: ConversationState, active: DialogFrame): Promise<Outcome> {
  const dialog = dialogOf(active.flow);
  const answer = parseYesNo(ctx.text);
  const base = { ...state, offer: undefined };
  if (answer === 'yes') {
    const turn = await dialog.reprompt(active.slots, active.history, ctx, '好的，接着填。');
    return turn ? applyTurn(turn, ctx, base) : startFlow(dialog.flow, '', ctx, { ...base, active: undefined });
  }
  if (answer === 'no') {
    const cleared = { ...base, active: undefined };
    return state.offer === 'again' ? startFlow(dialog.flow, '', ctx, cleared, '好的，重新填。') : menu(cleared, '好的，不要了。');
  }
  return fromText(ctx, { ...base, active: undefined, paused: active });
}

/** A thank-you on its own: answered kindly, never counted as a failed answer. */
const THANKS = /^(好的)?(谢谢|谢谢你|谢谢您|多谢|多谢了|感谢|谢了|麻烦了|辛苦了)[!！。.~～]*$/;

/** Flows that file a case (a report or an application). */
const CASE_FLOWS: readonly string[] = ['report_damage', 'green_channel', 'credit_relief'];

/** The message goes to the question waiting for it; an answer it cannot read may be a request for another flow. */
async function toActive(ctx: TurnContext, state: ConversationState, active: DialogFrame, settings: RespondSettings): Promise<Outcome> {
  const dialog = dialogOf(active.flow);
  if (ctx.now.getTime() - active.touchedAt.getTime() > settings.resumeAfterMs) {
    if (!KEPT_FLOWS.includes(active.flow)) return fromText(ctx, { ...state, active: undefined });
    const text = resumeOffer(dialog.label, dialog.summary(active.slots));
    return { replies: [say(text, dialog.flow, 'resume')], state: { ...state, offer: 'idle' } };
  }
  const turn = await dialog.answer(active.slots, active.step, active.history, ctx);
  if (!turn) return startFlow(dialog.flow, '', ctx, { ...state, active: undefined });
  if (turn.outcome === 'retry') {
    const routed = routeText(ctx.text, { menu: false });
    // Between the three case flows an unclear answer is more likely about this case ("老汉摔断了腿" while applying
    // for medical help) than a new one: stay and ask again; 菜单 or 取消 leave on purpose.
    const betweenCases = routed !== undefined && CASE_FLOWS.includes(routed.flow) && CASE_FLOWS.includes(active.flow);
    if (routed && routed.flow !== active.flow && !betweenCases) return startFlow(routed.flow, routed.seed, ctx, state);
  }
  return applyTurn(turn, ctx, state);
}

/**
 * Answers one message: voice goes to a person; global commands (菜单/返回/取消/重新开始/转人工) work anywhere;
 * 收到 acknowledges the latest warning; otherwise the waiting dialog gets the message, or the text is routed
 * to the flow it asks for. Dialogs untouched for `keepMs` are forgotten.
 */
export async function respond(ctx: TurnContext, stored: ConversationState, settings: RespondSettings): Promise<Outcome> {
  const state = expire(stored, ctx.now, settings.keepMs);
  if (ctx.inbound.kind === 'voice') {
    const text = await handOff(ctx, 'voice', {
      flow: state.active?.flow ?? 'menu',
      step: state.active?.step ?? 'choose',
      villageCode: state.villageCode,
    });
    return { replies: [say(text, 'human', 'ticket')], state };
  }
  const command = ctx.inbound.kind === 'text' ? parseGlobalCommand(ctx.text) : undefined;
  if (command) return onCommand(command, ctx, state);
  if (isAck(ctx.text) && ctx.contact.consented) {
    const acked = await warningAckRecorder({ actor: ctx.actor, channel: ctx.contact.channel, now: ctx.now, requestId: ctx.requestId });
    if (acked) {
      const next = state.active ? '\n回复“继续”接着填刚才的内容' : '\n回复“菜单”办别的事';
      return {
        replies: [say(`已收到您的回复（${acked.headline}），请注意安全！${next}`, 'warning_subscribe', 'acknowledged')],
        state: pauseActive(state),
      };
    }
  }
  if (THANKS.test(ctx.text.trim())) {
    const next = state.active ? '接着回答上面的问题就行' : '还有事回复“菜单”';
    const flow = state.active ? dialogOf(state.active.flow).flow : 'menu';
    return { replies: [say(`不客气！${next}`, flow, state.active?.step ?? 'choose')], state };
  }
  if (state.active && state.offer) return onOffer(ctx, state, state.active);
  if (state.active) return toActive(ctx, state, state.active, settings);
  return fromText(ctx, state);
}
