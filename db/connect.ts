import mongoose from 'mongoose';

// Fail fast instead of queueing queries while the database is away: callers answer 503 and retry later.
mongoose.set('bufferCommands', false);
mongoose.set('strictQuery', true);

/** The database name used when the URI names none. */
export const DEFAULT_DB_NAME = 'levee';

/** Connects the process-wide mongoose connection. The driver keeps reconnecting on its own after outages. */
export async function connectDatabase(uri: string, dbName?: string): Promise<typeof mongoose> {
  const named = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.replace(/^\//, '');
  return mongoose.connect(uri, {
    dbName: dbName ?? (named || DEFAULT_DB_NAME),
    // A database that hangs or is gone fails an operation within about 5 s, so the API can answer 503 in time:
    // - no server answers: server selection gives up after 5 s;
    // - all pooled connections are busy: waiting for one gives up after 5 s;
    // - the server stops answering: the monitor's check, every 2 s, times out after 3 s (connectTimeoutMS), which
    //   fails the operations in flight on that server too (the driver interrupts in-use connections).
    //   No automatic retry then: it would wait for server selection again, up to 10 s in all (measured 8.9 s).
    //   Callers get the error at once and answer 503 with Retry-After; writes are keyed to be safe to retry.
    // No socketTimeoutMS: it would also cut off a legitimately long operation, such as building an index at start.
    // (timeoutMS has no effect in this driver version.)
    serverSelectionTimeoutMS: 5_000,
    waitQueueTimeoutMS: 5_000,
    connectTimeoutMS: 3_000,
    heartbeatFrequencyMS: 2_000,
    retryReads: false,
    retryWrites: false,
    // Polling, not MongoDB's streaming monitor, whose awaited checks would stretch the time to notice a hang.
    serverMonitoringMode: 'poll',
    // Fair share of the database per process. (The embedded database also caps concurrent updates itself.)
    maxPoolSize: 20,
  });
}

/** Answers whether the database responds within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== mongoose.ConnectionStates.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .admin()
        .ping({ timeoutMS: timeoutMs })
        .then(() => true),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
