import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { CONTACT_CHANNELS } from './enums';
import { piiSchema } from './pii';
import { REGION_CODE } from './shared';

const consentSchema = new Schema(
  {
    version: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Someone who talks to levee on one channel (a WeChat user, a web chat session, a mini-program openid).
 * Unique per (channel, externalId): the first message creates it with an upsert; a concurrent duplicate gets
 * 11000 and re-reads. `lastInboundAt` opens WeChat's 48-hour reply window for customer-service messages.
 * `warningSubscriptions` are village/town codes whose warnings this person wants.
 */
const contactSchema = new Schema(
  {
    channel: { type: String, enum: CONTACT_CHANNELS, required: true },
    externalId: { type: String, required: true },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    name: { type: String, trim: true },
    phone: { type: piiSchema },
    consent: { type: consentSchema },
    warningSubscriptions: { type: [{ type: String, match: REGION_CODE }], default: [] },
    lastInboundAt: { type: Date },
    /** Failed household checks in a row (domain/households/linkHousehold.ts); the fifth locks further checks for a while. */
    householdCheckFailures: { type: Number, default: 0, min: 0 },
    householdCheckLockedUntil: { type: Date },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

contactSchema.index({ channel: 1, externalId: 1 }, { unique: true });
contactSchema.index({ householdId: 1 });
contactSchema.index({ warningSubscriptions: 1 });
contactSchema.index({ 'phone.hash': 1 });

/** Fields of a contact. */
export type ContactFields = InferSchemaType<typeof contactSchema>;
/** A loaded contact document. */
export type ContactDocument = HydratedDocumentFromSchema<typeof contactSchema>;
/** People on chat channels (collection `contacts`). */
export const Contact = model('Contact', contactSchema);
