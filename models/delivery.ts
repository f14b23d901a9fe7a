import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';

/** How a message reaches a person; the sender behind each lives in `delivery/`. */
export const DELIVERY_CHANNELS = [
  'wechaty',
  'official_account',
  'official_account_template',
  'miniprogram_subscribe',
  'sms',
  'loudspeaker_script',
  'web',
] as const;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** Recipients are ids only: addresses (openids, phones) are read from the contact when sending, never copied. */
const recipientSchema = new Schema(
  {
    contactId: { type: Schema.Types.ObjectId, ref: 'Contact' },
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
  },
  { _id: false },
);

/**
 * The outbox: anything sent to a person is first a Delivery. `key` (e.g. `warning:<chainId>:contact:<id>`) is
 * unique, so queueing twice is a harmless 11000. A sender takes one by inserting the claim
 * `delivery:<_id>:<attempts>` (`models/claim.ts`) — not by `findOneAndUpdate`, which FerretDB does not apply
 * atomically — then marks it sending/sent/failed; a crash between claim and mark leaves it to the retry job.
 * `payload` must not contain plaintext PII.
 */
const deliverySchema = new Schema(
  {
    key: { type: String, required: true },
    campaign: { type: String },
    channel: { type: String, enum: DELIVERY_CHANNELS, required: true },
    recipient: { type: recipientSchema, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: DELIVERY_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0, min: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimedAt: { type: Date },
    claimedBy: { type: String },
    sentAt: { type: Date },
    providerMessageId: { type: String },
    lastError: { type: String },
  },
  { timestamps: true },
);

deliverySchema.index({ key: 1 }, { unique: true });
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ campaign: 1 });

/** Fields of a delivery. */
export type DeliveryFields = InferSchemaType<typeof deliverySchema>;
/** A loaded delivery. */
export type DeliveryDocument = HydratedDocumentFromSchema<typeof deliverySchema>;
/** The outbox (collection `deliveries`). */
export const Delivery = model('Delivery', deliverySchema);
