/**
 * Runs tasks one at a time per key, in the order they were queued, and different keys in parallel.
 *
 * The bot uses it with the conversation key (`channel:userId`) so that two quick messages of one villager never
 * read the same dialog state and overwrite each other's answer. It is in-process only: several bot processes
 * behind one account would each keep their own queue, and would need a lock in the database instead (for example a
 * `lockedUntil` field on the Conversation taken with a conditional update before reading the state).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Queues `task` behind the earlier tasks of `key`; resolves or rejects with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not stop the villager's next message, so the chain continues after errors.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running (for tests and shutdown). */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
