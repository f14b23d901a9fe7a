import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { connectDatabase } from './connect';
import { startEmbeddedDatabase } from './embedded';

const PUBLISHED = 'embedded-db.json';
const Published = z.object({ uri: z.string().startsWith('mongodb://'), pid: z.number().int() });

/** Where a running `npm start` tells other commands (seed, token, chat) how to reach its embedded database. */
export function publishedDatabaseFile(config: Config): string {
  return path.join(config.DATA_DIR, PUBLISHED);
}

/** Records the running embedded database's URI and owner pid, for scripts started beside it. */
export function publishEmbeddedDatabase(config: Config, uri: string): () => void {
  const file = publishedDatabaseFile(config);
  fs.writeFileSync(file, JSON.stringify({ uri, pid: process.pid }), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

function runningEmbeddedUri(config: Config): string | undefined {
  const file = publishedDatabaseFile(config);
  if (!fs.existsSync(file)) return undefined;
  const parsed = Published.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) return undefined;
  try {
    process.kill(parsed.data.pid, 0);
    return parsed.data.uri;
  } catch {
    return undefined;
  }
}

/**
 * Connects a command-line script to the database `npm start` uses: MONGODB_URI when set, else the embedded database
 * of a running `npm start`, else an embedded database started for the script. Returns the function that closes it all.
 */
export async function connectForScript(config: Config, log: Logger): Promise<() => Promise<void>> {
  const shared = config.MONGODB_URI ?? runningEmbeddedUri(config);
  if (shared) {
    await connectDatabase(shared);
    return () => mongoose.disconnect();
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, log });
  await connectDatabase(embedded.uri);
  return async () => {
    await mongoose.disconnect();
    await embedded.stop();
  };
}
