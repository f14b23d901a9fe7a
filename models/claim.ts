import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { isDuplicateKeyError } from './shared';

/**
 * Insert-once claims: the one atomic test-and-set that FerretDB 1.24 and MongoDB both guarantee. FerretDB applies
 * `updateOne`/`findOneAndUpdate` as read-modify-write without a lock, so two workers can both "win" a filtered
 * update; an insert of the same `_id` succeeds exactly once. Key conventions:
 * `delivery:<deliveryId>:<attempt>` (outbox sender), `job:<name>:<slot ISO time>` (leader per schedule slot),
 * `rev:<collection>:<id>:<revision>` (one writer per revision of a document). A job removes old claims by `at`.
 */
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

claimSchema.index({ at: 1 });

/** Fields of a claim. */
export type ClaimFields = InferSchemaType<typeof claimSchema>;
/** A loaded claim. */
export type ClaimDocument = HydratedDocumentFromSchema<typeof claimSchema>;
/** Insert-once claims (collection `claims`). */
export const Claim = model('Claim', claimSchema);

/** True if this caller took `key` now; false if someone already holds it. Other errors propagate. */
export async function tryClaim(key: string, holder: string, now: Date): Promise<boolean> {
  try {
    await Claim.create({ _id: key, holder, at: now });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
