import { Schema, model, type InferSchemaType } from 'mongoose';
import { isDuplicateKeyError } from './shared';

/**
 * Gap-free sequences built from insert-once rows (`${scope}#${seq}`), because `$inc` on a counter document loses
 * increments under concurrency on FerretDB. Each number is taken by inserting its row; a collision re-reads the
 * highest and tries the next.
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

/** Enough for dozens of simultaneous submissions in one scope; beyond that the caller gets an error to retry. */
const MAX_ATTEMPTS = 100;

/** Takes the next number of `scope` (1, 2, 3…), each handed out exactly once even to concurrent callers. */
export async function nextSequence(scope: string, now: Date): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const last = await Sequence.findOne({ scope }, { seq: 1 }).sort({ seq: -1 }).lean();
    const seq = (last?.seq ?? 0) + 1;
    try {
      await Sequence.create({ _id: `${scope}#${seq}`, scope, seq, at: now });
      return seq;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`sequence ${scope}: too much contention, retry later`);
}

/** Receipt prefixes: ZQ 灾情 (damage report), LT 绿通 (green channel), XD 信贷 (credit relief). */
export type ReceiptPrefix = 'ZQ' | 'LT' | 'XD';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant as YYYYMMDD; receipts roll over at local midnight, not UTC. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * A new receipt number such as `ZQ20261129-0001`: prefix, Beijing date, daily sequence (4 digits, more after
 * 9999). Short enough to read out on the phone; the date tells staff at a glance when it was filed.
 */
export async function allocateReceiptNo(prefix: ReceiptPrefix, now: Date): Promise<string> {
  const day = beijingDay(now);
  const seq = await nextSequence(`${prefix}${day}`, now);
  return `${prefix}${day}-${String(seq).padStart(4, '0')}`;
}
