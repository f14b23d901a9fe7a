import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { CONTACT_CHANNELS } from './enums';

/**
 * 叫应: a recipient confirmed a warning chain. One per (chainId, recipientKey), enforced by a unique index on two
 * always-present fields, so a second tap is a harmless 11000. `recipientKey` is `household:<id>`,
 * `contact:<id>` or `staff:<id>`. Who has *not* answered is computed from the deliveries of the chain.
 */
const warningAckSchema = new Schema(
  {
    chainId: { type: String, required: true },
    warningIdentifier: { type: String, required: true },
    recipientKey: { type: String, required: true, match: /^(household|contact|staff):[0-9a-f]{24}$/ },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
    contactId: { type: Schema.Types.ObjectId, ref: 'Contact' },
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    channel: { type: String, enum: [...CONTACT_CHANNELS, 'phone_call', 'in_person'] as const, required: true },
    ackAt: { type: Date, required: true },
  },
  { versionKey: false },
);

warningAckSchema.index({ chainId: 1, recipientKey: 1 }, { unique: true });
warningAckSchema.index({ householdId: 1 });

/** Fields of a warning acknowledgement. */
export type WarningAckFields = InferSchemaType<typeof warningAckSchema>;
/** A loaded warning acknowledgement. */
export type WarningAckDocument = HydratedDocumentFromSchema<typeof warningAckSchema>;
/** Warning acknowledgements (collection `warningacks`). */
export const WarningAck = model('WarningAck', warningAckSchema);
