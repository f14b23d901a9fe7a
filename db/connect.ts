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
    serverSelectionTimeoutMS: 5_000,
    // FerretDB holds a PostgreSQL connection per in-flight update and hangs past its pool (see models/README.md).
    maxPoolSize: 20,
    heartbeatFrequencyMS: 2_000,
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
    return await Promise.race([db.admin().ping({ timeoutMS: timeoutMs }).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
