import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { SHA256_HEX } from './shared';

/**
 * One refresh token of a console sign-in, stored as the SHA-256 of the token (the token is 32 random bytes, so a
 * plain digest is enough; nobody can guess their way back). Each refresh replaces the token with a new one in the
 * same `familyId`: the old one gets `rotatedAt`. A rotated token presented again means it was copied, so the
 * whole family is revoked. Expired sessions are kept (FerretDB has no TTL index); they are small and rare.
 */
const sessionSchema = new Schema(
  {
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser', required: true },
    familyId: { type: String, required: true },
    tokenHash: { type: String, required: true, match: SHA256_HEX },
    expiresAt: { type: Date, required: true },
    rotatedAt: { type: Date },
    revokedAt: { type: Date },
    userAgent: { type: String, maxlength: 300 },
    ip: { type: String, maxlength: 64 },
  },
  { timestamps: true },
);

sessionSchema.index({ tokenHash: 1 }, { unique: true });
sessionSchema.index({ familyId: 1 });
sessionSchema.index({ staffUserId: 1 });

/** Fields of a session. */
export type SessionFields = InferSchemaType<typeof sessionSchema>;
/** A loaded session document. */
export type SessionDocument = HydratedDocumentFromSchema<typeof sessionSchema>;
/** Console sign-in sessions (collection `sessions`). */
export const Session = model('Session', sessionSchema);
