import { Types } from 'mongoose';
import { z } from 'zod';
import { Conversation, conversationId } from '../../models/conversation';
import type { ContactChannel } from '../../models/enums';
import { InboundMessage, inboundMessageId } from '../../models/inboundMessage';
import { isDuplicateKeyError } from '../../models/shared';

/** A dialog in progress: the question waiting for an answer, the answers so far, the questions asked. */
export const DialogFrame = z.object({
  flow: z.string(),
  step: z.string(),
  slots: z.unknown().optional(),
  history: z.array(z.string()).default([]),
  /** The last time the villager answered in this dialog: decides "continue?" and the 24-hour expiry. */
  touchedAt: z.coerce.date(),
});
/** A parsed dialog frame. */
export type DialogFrame = z.infer<typeof DialogFrame>;

/** Everything the bot remembers of a conversation between two messages. */
export const ConversationState = z.object({
  active: DialogFrame.optional(),
  /** A dialog left with 菜单 or interrupted by another flow: offered again while it has not expired. */
  paused: DialogFrame.optional(),
  /**
   * The bot asked "继续上次的…吗？" about `active` and waits for yes or no: after a long pause (`idle`; no → the
   * menu) or because the villager chose the same flow again (`again`; no → start it afresh).
   */
  offer: z.enum(['idle', 'again']).optional(),
  /** Answers in a row that were not understood; the third calls a person. */
  failures: z.number().int().min(0).default(0),
  /** The privacy notice was shown once, so a refusal is not met with the notice again at every message. */
  consentAsked: z.boolean().default(false),
  /** The village the villager last named, offered as the default of the next flow. */
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
/** A parsed conversation state. */
export type ConversationState = z.infer<typeof ConversationState>;

/** The draft document as stored: the state without `active`'s flow and step, which have fields of their own. */
const StoredDraft = z.object({
  slots: z.unknown().optional(),
  history: z.array(z.string()).default([]),
  touchedAt: z.coerce.date().optional(),
  paused: DialogFrame.optional(),
  offer: z.enum(['idle', 'again']).optional(),
  consentAsked: z.boolean().default(false),
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

const fresh = (): ConversationState => ({ failures: 0, consentAsked: false });

/**
 * Reads a conversation's state by its key (one read by `_id`). A stored draft that no longer parses, e.g. after
 * a change of the bot, gives a fresh state rather than an error: the villager is asked again, never stuck.
 */
export async function conversationLoader(channel: ContactChannel, userId: string): Promise<ConversationState> {
  const stored = await Conversation.findById(conversationId(channel, userId)).lean();
  if (!stored) return fresh();
  const draft = StoredDraft.safeParse(stored.draft ?? {});
  if (!draft.success) return { ...fresh(), failures: stored.failures ?? 0 };
  const { slots, history, touchedAt, ...rest } = draft.data;
  const active = stored.flow && stored.step && touchedAt ? { flow: stored.flow, step: stored.step, slots, history, touchedAt } : undefined;
  return { ...rest, active, failures: stored.failures ?? 0 };
}

/**
 * Writes a conversation's state (one upsert by `_id`). `expiresAt` is the latest of the dialogs' expiries, for the
 * clean-up job; the bot checks expiry itself when it reads (FerretDB has no TTL index).
 */
export async function conversationSaver(props: {
  channel: ContactChannel;
  userId: string;
  contactId: string;
  state: ConversationState;
  keepMs: number;
  now: Date;
}): Promise<void> {
  const { channel, userId, contactId, state, keepMs, now } = props;
  const { active, paused, offer, consentAsked, villageCode, failures } = state;
  const touched = Math.max(active?.touchedAt.getTime() ?? 0, paused?.touchedAt.getTime() ?? 0, now.getTime());
  const draft = {
    slots: active?.slots,
    history: active?.history ?? [],
    touchedAt: active?.touchedAt,
    paused,
    offer,
    consentAsked,
    villageCode,
  };
  await Conversation.replaceOne(
    { _id: conversationId(channel, userId) },
    {
      _id: conversationId(channel, userId),
      channel,
      userId,
      contactId: new Types.ObjectId(contactId),
      flow: active?.flow,
      step: active?.step,
      // A JSON round trip drops undefined members and turns dates into strings, which the loader parses back.
      draft: JSON.parse(JSON.stringify(draft)),
      failures,
      expiresAt: new Date(touched + keepMs),
    },
    { upsert: true },
  );
}

/**
 * Claims an inbound message by inserting its key: true the first time, false when the same message id was
 * seen before (a webhook retry or a puppet emitting twice), which must then have no effect at all.
 */
export async function inboundMessageClaimer(channel: ContactChannel, messageId: string, now: Date): Promise<boolean> {
  try {
    await InboundMessage.create({ _id: inboundMessageId(channel, messageId), channel, messageId, receivedAt: now });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
