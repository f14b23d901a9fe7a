import { z } from 'zod';

/** The flows of the villagers' bot; every reply names the one it belongs to. */
export const FLOWS = [
  'menu',
  'consent',
  'report_damage',
  'green_channel',
  'credit_relief',
  'progress',
  'warning_subscribe',
  'education',
  'human',
] as const;
/** One of {@link FLOWS}. */
export type Flow = (typeof FLOWS)[number];

/** The channels that drive the engine; they are also `Contact.channel` values. */
export const BOT_CHANNELS = ['wechaty', 'web', 'cli'] as const;
/** One of {@link BOT_CHANNELS}. */
export type BotChannel = (typeof BOT_CHANNELS)[number];

const Id = z.string().trim().min(1).max(128);

/** A picture a villager sent: a stored file's id, or a URL the channel gave. */
export const InboundImage = z.union([
  z.strictObject({ fileId: z.string().trim().min(1).max(128) }),
  z.strictObject({ url: z.string().trim().min(1).max(2000) }),
]);

/** A shared location: the point and the label the phone gave it. */
export const InboundLocation = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  label: z.string().trim().max(200).optional(),
});

/**
 * One message from a villager, whatever the channel. `messageId` is the channel's id (WeChat MsgId, the web page's
 * generated id): the same id delivered twice is handled once.
 */
export const InboundMessage = z.discriminatedUnion('kind', [
  z.strictObject({ channel: z.enum(BOT_CHANNELS), userId: Id, messageId: Id, kind: z.literal('text'), text: z.string().max(2000) }),
  z.strictObject({ channel: z.enum(BOT_CHANNELS), userId: Id, messageId: Id, kind: z.literal('image'), image: InboundImage }),
  z.strictObject({ channel: z.enum(BOT_CHANNELS), userId: Id, messageId: Id, kind: z.literal('location'), location: InboundLocation }),
  z.strictObject({ channel: z.enum(BOT_CHANNELS), userId: Id, messageId: Id, kind: z.literal('voice') }),
]);
/** A parsed inbound message. */
export type Inbound = z.infer<typeof InboundMessage>;

/** One message the bot answers with: the words, and the flow and step it belongs to (for channels and tests). */
export interface Reply {
  text: string;
  flow: Flow;
  step: string;
}

/** The stored form of a reply, checked when a duplicate delivery reads it back. */
export const StoredReply = z.object({ text: z.string(), flow: z.enum(FLOWS), step: z.string() });
