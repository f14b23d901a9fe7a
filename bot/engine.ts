import type { Logger } from 'pino';
import { chatContactToucher } from '../domain/conversations/chatContactToucher';
import { redactPersonalNumbers } from '../domain/conversations/redactPersonalNumbers';
import { conversationLoader, conversationSaver, inboundMessageClaimer } from '../domain/conversations/conversationStore';
import { DomainError } from '../domain/core/errors';
import { parseInput } from '../domain/core/parseInput';
import { logger as defaultLogger } from '../lib/logger';
import type { ContactDocument } from '../models/contact';
import type { ContactView, TurnContext } from './dialogs/dialog';
import { KeyedQueue } from './keyedQueue';
import { respond, type RespondSettings } from './respond';
import { SYSTEM_TROUBLE } from './texts';
import { InboundMessage, type Inbound, type Reply } from '../domain/conversations/messages';

/** Options of {@link createEngine}; all have defaults. */
export interface EngineOptions {
  /** The clock: tests inject one to move time (24-hour resume) without fake timers. */
  now?: () => Date;
  /** How long an unfinished dialog is kept and offered again (24 h). */
  keepMs?: number;
  /** After how long without an answer the bot asks "继续上次的…吗？" before going on (30 min). */
  resumeAfterMs?: number;
  log?: Logger;
}

/** The channel-independent bot: one inbound message in, the replies out. */
export interface Engine {
  /**
   * Handles one message and resolves with the replies (none for a message id seen before). Messages of one user
   * are handled one at a time, in the order `handle` was called.
   */
  handle(message: Inbound): Promise<Reply[]>;
  /** Resolves once every message handed in so far has been answered. */
  idle(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;

function contactView(contact: ContactDocument, channel: Inbound['channel'], villageCode: string | undefined, now: Date): ContactView {
  return {
    id: contact.id,
    channel,
    consented: Boolean(contact.consent),
    householdId: contact.householdId?.toString(),
    householdCheckLocked: contact.householdCheckLockedUntil ? contact.householdCheckLockedUntil > now : false,
    name: contact.name ?? undefined,
    phoneMasked: contact.phone?.masked ?? undefined,
    villageCode,
    warningSubscriptions: [...contact.warningSubscriptions],
  };
}

/**
 * Builds the engine. Per message: claim the message id (a duplicate stops here, with no side effect), stamp the
 * contact, read the conversation by its key, answer, write the conversation back. State lives only in the
 * database, so a new engine (a restart) continues every dialog where it was. Replies never carry a full phone or
 * ID number. An unexpected failure is answered with an apology and leaves the stored state as it was.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const clock = options.now ?? (() => new Date());
  const settings: RespondSettings = { keepMs: options.keepMs ?? 24 * HOUR, resumeAfterMs: options.resumeAfterMs ?? HOUR / 2 };
  const log = options.log ?? defaultLogger;
  const queue = new KeyedQueue();

  async function process(inbound: Inbound): Promise<Reply[]> {
    const now = clock();
    const { channel, userId } = inbound;
    if (!(await inboundMessageClaimer(channel, inbound.messageId, now))) return [];
    const contact = await chatContactToucher(channel, userId, now);
    const state = await conversationLoader(channel, userId);
    const view = contactView(contact, channel, state.villageCode, now);
    const ctx: TurnContext = {
      now,
      inbound,
      text: inbound.kind === 'text' ? inbound.text : '',
      contact: view,
      actor: { kind: 'villager', contactId: contact.id, householdId: view.householdId, name: view.name },
      requestId: `${channel}:${inbound.messageId}`,
    };
    try {
      const outcome = await respond(ctx, state, settings);
      await conversationSaver({ channel, userId, contactId: contact.id, state: outcome.state, keepMs: settings.keepMs, now });
      return outcome.replies.map((reply) => ({ ...reply, text: redactPersonalNumbers(reply.text) }));
    } catch (error) {
      log.error({ err: error, channel, messageId: inbound.messageId }, 'bot could not answer a message');
      const step = state.active?.step ?? 'choose';
      const text = error instanceof DomainError && error.status < 500 ? `${error.message}\n回复“菜单”重新选择` : SYSTEM_TROUBLE;
      return [{ text, flow: 'menu', step }];
    }
  }

  return {
    handle(message) {
      const inbound = parseInput(InboundMessage, message);
      return queue.run(`${inbound.channel}:${inbound.userId}`, () => process(inbound));
    },
    idle: () => queue.idle(),
  };
}
