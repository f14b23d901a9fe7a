import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { CONTACT_CHANNELS } from './enums';

/**
 * Dedupe of inbound chat messages: WeChat retries webhooks after 5 s and some puppets emit a message twice.
 * The handler inserts `${channel}:${messageId}` first; 11000 means "already seen, ignore". A separate collection
 * rather than a capped list in Conversation because the insert is the atomic test-and-set (FerretDB applies
 * updates non-atomically) and it happens before any dialog state is read. A job removes old rows by `receivedAt`.
 */
const inboundMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CONTACT_CHANNELS, required: true },
    messageId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

inboundMessageSchema.index({ receivedAt: 1 });

/** The key of an inbound message. */
export function inboundMessageId(channel: (typeof CONTACT_CHANNELS)[number], messageId: string): string {
  return `${channel}:${messageId}`;
}

/** Fields of an inbound message record. */
export type InboundMessageFields = InferSchemaType<typeof inboundMessageSchema>;
/** A loaded inbound message record. */
export type InboundMessageDocument = HydratedDocumentFromSchema<typeof inboundMessageSchema>;
/** Seen inbound messages (collection `inboundmessages`). */
export const InboundMessage = model('InboundMessage', inboundMessageSchema);
