import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Rows that reserve numbers: inserting `${scope}#b${seq}` takes block `seq` of a scope (`domain/core/nextReceiptNo.ts`).
 * Insert-once rows, because `$inc` on a counter document loses increments under concurrency on FerretDB, while a
 * unique `_id` is decided by PostgreSQL exactly once.
 */
const sequenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    seq: { type: Number, required: true, min: 1, validate: Number.isInteger },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

sequenceSchema.index({ scope: 1, seq: -1 });

/** Fields of a sequence row. */
export type SequenceFields = InferSchemaType<typeof sequenceSchema>;
/** Taken sequence numbers (collection `sequences`). */
export const Sequence = model('Sequence', sequenceSchema);

/** Receipt prefixes: ZQ 灾情 (damage report), LT 绿通 (green channel), XD 信贷 (credit relief). */
export type ReceiptPrefix = 'ZQ' | 'LT' | 'XD';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant as YYYYMMDD; receipts roll over at local midnight, not UTC. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}
