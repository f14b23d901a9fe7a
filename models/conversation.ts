import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { CONTACT_CHANNELS } from './enums';

/**
 * The state of one chat dialog, keyed `${channel}:${userId}` so every message reads it by one key and a restart
 * loses nothing. `draft` holds the answers so far (parsed with zod by the flow that owns it). `expiresAt` is
 * checked by the dialog and cleaned up by a job: FerretDB has no TTL index. Duplicate inbound messages are
 * stopped before this document is read, by `InboundMessage`.
 */
const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CONTACT_CHANNELS, required: true },
    userId: { type: String, required: true },
    contactId: { type: Schema.Types.ObjectId, ref: 'Contact' },
    flow: { type: String },
    step: { type: String },
    draft: { type: Schema.Types.Mixed, default: () => ({}) },
    failures: { type: Number, default: 0, min: 0 },
    expiresAt: { type: Date },
  },
  // `minimize: false` keeps an empty draft `{}` instead of dropping the field.
  { timestamps: true, minimize: false },
);

conversationSchema.pre('validate', function checkKey() {
  if (this._id !== `${this.channel}:${this.userId}`) this.invalidate('_id', 'conversation id must be channel:userId');
});

conversationSchema.index({ expiresAt: 1 });

/** The key of a conversation. */
export function conversationId(channel: (typeof CONTACT_CHANNELS)[number], userId: string): string {
  return `${channel}:${userId}`;
}

/** Fields of a conversation. */
export type ConversationFields = InferSchemaType<typeof conversationSchema>;
/** A loaded conversation. */
export type ConversationDocument = HydratedDocumentFromSchema<typeof conversationSchema>;
/** Dialog states (collection `conversations`). */
export const Conversation = model('Conversation', conversationSchema);
