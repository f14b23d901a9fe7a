import { Schema, type InferSchemaType } from 'mongoose';

/**
 * A sealed personal value (`lib/pii.ts` `SealedPii`): ciphertext, lookup hash, display mask.
 * The validators refuse anything that does not look sealed, so a plaintext phone number written by mistake
 * fails validation instead of reaching the disk. Index `<path>.hash` in the model that looks people up by it.
 */
export const piiSchema = new Schema(
  {
    enc: { type: String, required: true, match: /^v\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/ },
    hash: { type: String, match: /^[0-9a-f]{64}$/ },
    masked: { type: String },
  },
  { _id: false },
);

/** The stored shape of a PII value. */
export type PiiValue = InferSchemaType<typeof piiSchema>;
