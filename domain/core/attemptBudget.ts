import type { mongo, Types } from 'mongoose';

/** Where a document keeps its count of failed attempts and its lock, and the limits. */
export interface AttemptBudget {
  /** The collection of the document (`Model.collection`). */
  collection: Pick<mongo.Collection<mongo.Document>, 'findOne' | 'findOneAndUpdate' | 'updateOne'>;
  id: Types.ObjectId;
  countField: string;
  lockedUntilField: string;
  /** Attempts that are checked before the lock. */
  max: number;
  lockMs: number;
}

/** One attempt taken from a budget: checked as number `number`, or refused while the lock holds. */
export type Attempt = { kind: 'open'; number: number } | { kind: 'locked'; until: Date };

/**
 * Takes an attempt before the check runs (a password, a household proof). The count is raised first, with one
 * atomic `$inc`, so parallel attempts each get their own number and only the first `max` are ever checked: a burst
 * of guesses cannot be checked in full between a read and a write. An expired lock is cleared by exactly one
 * attempt (a conditional update on the lock's value).
 */
export async function takeAttempt(budget: AttemptBudget, now: Date): Promise<Attempt> {
  const { collection, id, countField, lockedUntilField, max, lockMs } = budget;
  const current = await collection.findOne({ _id: id });
  const lockedUntil: unknown = current?.[lockedUntilField];
  if (lockedUntil instanceof Date && lockedUntil > now) return { kind: 'locked', until: lockedUntil };
  if (lockedUntil instanceof Date) {
    await collection.updateOne(
      { _id: id, [lockedUntilField]: lockedUntil },
      { $set: { [countField]: 0 }, $unset: { [lockedUntilField]: '' } },
    );
  }
  const counted = await collection.findOneAndUpdate({ _id: id }, { $inc: { [countField]: 1 } }, { returnDocument: 'after' });
  const number = Number(counted?.[countField] ?? 0);
  if (number <= max) return { kind: 'open', number };
  const until: unknown = counted?.[lockedUntilField];
  return { kind: 'locked', until: until instanceof Date ? until : new Date(now.getTime() + lockMs) };
}

/**
 * Settles a checked attempt: a success clears the count and any lock; the failure that used the last attempt locks
 * for `lockMs`. Returns the lock's end when this failure locked, else how many attempts are left.
 */
export async function settleAttempt(
  budget: AttemptBudget,
  attempt: { number: number },
  succeeded: boolean,
  now: Date,
): Promise<{ lockedUntil: Date } | { remaining: number }> {
  const { collection, id, countField, lockedUntilField, max, lockMs } = budget;
  if (succeeded) {
    await collection.updateOne({ _id: id }, { $set: { [countField]: 0 }, $unset: { [lockedUntilField]: '' } });
    return { remaining: max };
  }
  if (attempt.number < max) return { remaining: max - attempt.number };
  const lockedUntil = new Date(now.getTime() + lockMs);
  await collection.updateOne({ _id: id }, { $set: { [lockedUntilField]: lockedUntil } });
  return { lockedUntil };
}
