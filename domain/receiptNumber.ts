import { beijingDay, Sequence, type ReceiptPrefix } from '../models/sequence';
import { isDuplicateKeyError } from '../models/shared';

/**
 * Receipt numbers (`ZQ20261129-0001`) that stay fast when many reports arrive at once.
 *
 * Each number is still taken by inserting its row `${scope}#${seq}` into `sequences` (the database's unique `_id`
 * decides, because `$inc` loses increments under concurrency on FerretDB), so numbers are unique across processes.
 * What this adds: the process keeps a counter per scope and hands each caller the next candidate synchronously
 * (JavaScript runs one callback at a time, so two callers never get the same one). Concurrent requests then cost
 * one insert each, in parallel, instead of racing for the same number and re-reading the highest after every loss,
 * which grew with the square of the concurrency. A collision means another process took that number: re-read the
 * highest and go on from there.
 */

const MAX_ATTEMPTS = 100;
const counters = new Map<string, Promise<{ next: number }>>();

async function highestTaken(scope: string): Promise<number> {
  const last = await Sequence.findOne({ scope }, { seq: 1 }).sort({ seq: -1 }).lean();
  return last?.seq ?? 0;
}

/** The scope's counter, read from the database once per process (concurrent first callers share the read). */
function counterOf(scope: string): Promise<{ next: number }> {
  let counter = counters.get(scope);
  if (!counter) {
    counter = highestTaken(scope).then((highest) => ({ next: highest + 1 }));
    counters.set(scope, counter);
    counter.catch(() => counters.delete(scope));
  }
  return counter;
}

async function takeNext(scope: string, now: Date): Promise<number> {
  const counter = await counterOf(scope);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const candidate = counter.next++;
    try {
      await Sequence.create({ _id: `${scope}#${candidate}`, scope, seq: candidate, at: now });
      return candidate;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      counter.next = Math.max(counter.next, (await highestTaken(scope)) + 1);
    }
  }
  throw new Error(`sequence ${scope}: too much contention, retry later`);
}

/**
 * A new receipt number: prefix (ZQ 灾情, LT 绿通, XD 信贷), Beijing date, daily sequence of at least four digits.
 * Unique even with several processes; numbers taken by a submission that turns out to be a retry are not reused,
 * so the daily sequence may have gaps.
 */
export async function nextReceiptNo(prefix: ReceiptPrefix, now: Date): Promise<string> {
  const day = beijingDay(now);
  const scope = `${prefix}${day}`;
  // Yesterday's counters are dropped once the map grows: a scope is a prefix and a day, three a day.
  if (counters.size > 64) {
    for (const key of counters.keys()) if (!key.endsWith(day)) counters.delete(key);
  }
  const seq = await takeNext(scope, now);
  return `${prefix}${day}-${String(seq).padStart(4, '0')}`;
}
