import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { SHA256_HEX, actorSchema } from './shared';

/**
 * A one-time code with which a grid worker or village cadre links their mini-program WeChat identity to their
 * staff account. Only a keyed hash of the code is stored (`domain/staff/invitations.ts`), so a copy of the database
 * does not reveal usable codes. Redeeming sets `usedAt`; an entry is never reused.
 */
const staffInvitationSchema = new Schema(
  {
    codeHash: { type: String, required: true, match: SHA256_HEX },
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser', required: true },
    issuedBy: { type: actorSchema, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
    usedByContactId: { type: Schema.Types.ObjectId, ref: 'Contact' },
  },
  { timestamps: true },
);

staffInvitationSchema.index({ codeHash: 1 }, { unique: true });
staffInvitationSchema.index({ staffUserId: 1 });

/** Fields of a staff invitation. */
export type StaffInvitationFields = InferSchemaType<typeof staffInvitationSchema>;
/** A loaded staff invitation document. */
export type StaffInvitationDocument = HydratedDocumentFromSchema<typeof staffInvitationSchema>;
/** Staff invitations (collection `staffinvitations`). */
export const StaffInvitation = model('StaffInvitation', staffInvitationSchema);
