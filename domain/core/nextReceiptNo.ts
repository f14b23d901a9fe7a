import { beijingDay, Sequence, type ReceiptPrefix } from '../../models/sequence';
import { isDuplicateKeyError } from '../../models/shared';

/**
 * Receipt numbers (`ZQ20261129-0001`) without a database round trip per submission.
 *
 * A process reserves a block of numbers by inserting the block's row `${scope}#b${k}` into `sequences` (the unique
 * `_id` decides between processes, because `$inc` loses increments under concurrency on FerretDB), then hands the
 * block's numbers out from memory: JavaScript runs one callback at a time, so two callers never get the same one.
 * Concurrent callers that find the block used up wait for the one reservation in flight. A restart abandons the
 * rest of its block, so the daily sequence has gaps; numbers stay unique across processes.
 */

/** Numbers per block: one insert serves this many submissions. */
export const RECEIPT_BLOCK_SIZE = 100;
const MAX_ATTEMPTS = 50;

const blocks = new Map<string, { next: number; end: number }>();
const reserving = new Map<string, Promise<void>>();

async function reserveBlock(scope: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const last = await Sequence.findOne({ scope }, { seq: 1 }).sort({ seq: -1 }).lean();
    const block = (last?.seq ?? 0) + 1;
    try {
      await Sequence.create({ _id: `${scope}#b${block}`, scope, seq: block, at: now });
      blocks.set(scope, { next: (block - 1) * RECEIPT_BLOCK_SIZE + 1, end: block * RECEIPT_BLOCK_SIZE + 1 });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`receipt numbers ${scope}: too much contention, retry later`);
}

async function takeNext(scope: string, now: Date): Promise<number> {
  for (;;) {
    const current = blocks.get(scope);
    if (current && current.next < current.end) return current.next++;
    let pending = reserving.get(scope);
    if (!pending) {
      pending = reserveBlock(scope, now).finally(() => reserving.delete(scope));
      reserving.set(scope, pending);
    }
    await pending;
  }
}

/**
 * A new receipt number: prefix (ZQ 灾情, LT 绿通, XD 信贷), Beijing date, daily sequence of at least four digits.
 * Short enough to read out on the phone; the date tells staff at a glance when it was filed.
 */
export async function nextReceiptNo(prefix: ReceiptPrefix, now: Date): Promise<string> {
  const day = beijingDay(now);
  const scope = `${prefix}${day}`;
  // Earlier days' blocks are dropped once the map grows: a scope is a prefix and a day, three a day.
  if (blocks.size > 64) {
    for (const key of blocks.keys()) if (!key.endsWith(day)) blocks.delete(key);
  }
  const seq = await takeNext(scope, now);
  return `${prefix}${day}-${String(seq).padStart(4, '0')}`;
}
