import { beijingDay, Sequence, type ReceiptPrefix } from '../../models/sequence';
import { isDuplicateKeyError } from '../../models/shared';

/**
 * Receipt numbers (`ZQ20261129-0001`) without a database round trip per submission.
 *
 * A process reserves a block of numbers by inserting the block's row `${scope}#b${k}` into `sequences` (the unique
 * `_id` decides between processes, because `$inc` loses increments under concurrency on FerretDB), then hands the
 * block's numbers out from memory: JavaScript runs one callback at a time, so two callers never get the same one.
 * When a block is nearly used up, the next one is reserved in the background, so that no submission waits for the
 * reservation's two round trips; callers that find both used up wait for the one reservation in flight. A restart
 * abandons the rest of its blocks, so the daily sequence has gaps; numbers stay unique across processes.
 */

/** Numbers per block: one insert serves this many submissions. */
export const RECEIPT_BLOCK_SIZE = 100;
/** With this few numbers left in the block in use, the next block is reserved ahead. */
const RESERVE_AHEAD_AT = 20;
const MAX_ATTEMPTS = 50;

interface Block {
  next: number;
  end: number;
}

/** Per scope (prefix and day): the block numbers are taken from, and the one reserved ahead. */
const blocks = new Map<string, { current?: Block; ahead?: Block }>();
const reserving = new Map<string, Promise<void>>();

async function reserveBlock(scope: string, now: Date): Promise<Block> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const last = await Sequence.findOne({ scope }, { seq: 1 }).sort({ seq: -1 }).lean();
    const block = (last?.seq ?? 0) + 1;
    try {
      await Sequence.create({ _id: `${scope}#b${block}`, scope, seq: block, at: now });
      return { next: (block - 1) * RECEIPT_BLOCK_SIZE + 1, end: block * RECEIPT_BLOCK_SIZE + 1 };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`receipt numbers ${scope}: too much contention, retry later`);
}

/** Starts reserving the next block of `scope` unless a reservation is in flight; resolves when it is done. */
function reserveNext(scope: string, now: Date): Promise<void> {
  let pending = reserving.get(scope);
  if (!pending) {
    pending = reserveBlock(scope, now)
      .then((block) => {
        const state = blocks.get(scope) ?? {};
        if (!state.current || state.current.next >= state.current.end) state.current = block;
        else state.ahead = block;
        blocks.set(scope, state);
      })
      .finally(() => reserving.delete(scope));
    reserving.set(scope, pending);
  }
  return pending;
}

async function takeNext(scope: string, now: Date): Promise<number> {
  for (;;) {
    const state = blocks.get(scope);
    if (state?.current && state.current.next < state.current.end) {
      const taken = state.current.next++;
      if (state.current.end - state.current.next <= RESERVE_AHEAD_AT && !state.ahead && !reserving.has(scope)) {
        // A failure here is not this caller's: whoever needs the block next reserves it again and gets the error.
        reserveNext(scope, now).catch(() => undefined);
      }
      return taken;
    }
    if (state?.ahead) {
      state.current = state.ahead;
      state.ahead = undefined;
      continue;
    }
    await reserveNext(scope, now);
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
