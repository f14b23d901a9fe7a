/**
 * Spaces out outgoing messages of one channel: each send starts at least `intervalMs` after the previous one
 * started. WeChat throttles and flags accounts that answer in bursts, and Wechaty has no send throttle of its own.
 * Sends run one at a time, in the order they were queued; a failed send does not stop the next.
 */
export class Pacer {
  private tail: Promise<void> = Promise.resolve();
  private lastStart = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Queues one send; resolves with its result once it has run. */
  send<T>(task: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const wait = this.lastStart + this.intervalMs - this.clock();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastStart = this.clock();
      return task();
    };
    const result = this.tail.then(run);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every send queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}
