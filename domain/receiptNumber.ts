import { beijingDay, Sequence, type ReceiptPrefix } from '../models/sequence';
import { isDuplicateKeyError } from '../models/shared';

/**
 * Receipt numbers (`ZQ20261129-0001`) that stay fast when many reports arrive at once.
 *
 * Each number is still taken by inserting its row `${scope}#${seq}` into `sequences` (the database's unique `_id`
 * decides, because `$inc` loses increments under concurrency on FerretDB), so numbers are unique across processes.
 * What this adds: within one process the allocations of a scope run one after another, and the process remembers
 * the last number it took. Concurrent requests then cost one insert each instead of racing for the same number and
 * re-reading the highest after every loss (which grew with the square of the concurrency). Another process taking
 * numbers too only costs a re-read on collision.
 */

const MAX_ATTEMPTS = 100;
const lastTaken = new Map<string, number>();
const queues = new Map<string, Promise<unknown>>();

async function highestTaken(scope: string): Promise<number> {
  const last = await Sequence.findOne({ scope }, { seq: 1 }).sort({ seq: -1 }).lean();
  return last?.seq ?? 0;
}

async function takeNext(scope: string, now: Date): Promise<number> {
  let candidate = (lastTaken.get(scope) ?? (await highestTaken(scope))) + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      await Sequence.create({ _id: `${scope}#${candidate}`, scope, seq: candidate, at: now });
      lastTaken.set(scope, candidate);
      return candidate;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      candidate = Math.max(candidate, await highestTaken(scope)) + 1;
    }
  }
  throw new Error(`sequence ${scope}: too much contention, retry later`);
}

/** Runs `task` after every earlier task of the same scope in this process has settled. */
function inTurn<T>(scope: string, task: () => Promise<T>): Promise<T> {
  const result = (queues.get(scope) ?? Promise.resolve()).then(task);
  const tail = result.catch(() => undefined);
  queues.set(scope, tail);
  // Forget a scope once its queue is empty, so yesterday's scopes do not pile up.
  void tail.then(() => {
    if (queues.get(scope) === tail) queues.delete(scope);
  });
  return result;
}

/**
 * A new receipt number: prefix (ZQ 灾情, LT 绿通, XD 信贷), Beijing date, daily sequence of at least four digits.
 * Unique even with several processes; numbers taken by a submission that turns out to be a retry are not reused,
 * so the daily sequence may have gaps.
 */
export async function nextReceiptNo(prefix: ReceiptPrefix, now: Date): Promise<string> {
  const day = beijingDay(now);
  const scope = `${prefix}${day}`;
  const seq = await inTurn(scope, () => takeNext(scope, now));
  if (lastTaken.size > 64) {
    for (const key of lastTaken.keys()) if (!key.endsWith(day)) lastTaken.delete(key);
  }
  return `${prefix}${day}-${String(seq).padStart(4, '0')}`;
}
