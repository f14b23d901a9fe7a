import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import mongoose from 'mongoose';
import pino from 'pino';
import { z } from 'zod';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded';
import { connectDatabase, pingDatabase } from '../../db/connect';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { alive, waitFor } from '../helpers/processes';

// An embedded database of this file's own, in a temporary folder, whose processes the tests kill.

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

const LogLine = z.object({ level: z.number(), msg: z.string() });
const WARN = 40;

describe('the embedded database when its processes die or hang', () => {
  // The database runs as user postgres when we are root: it must be able to enter the folder.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-recovery-'));
  fs.chmodSync(dataDir, 0o755);
  const logged: z.infer<typeof LogLine>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(LogLine.parse(JSON.parse(line))) });
  let db: EmbeddedDatabase;
  let server: TestServer;
  const probes = (): mongoose.mongo.Collection<{ _id: string }> => {
    const connected = mongoose.connection.db;
    if (!connected) throw new Error('not connected');
    return connected.collection('probes');
  };

  beforeAll(async () => {
    // Durable, as in production: an ephemeral PostgreSQL may lose its last commits when it crashes.
    db = await startEmbeddedDatabase({ dataDir, log, port: await freePort() });
    await connectDatabase(db.uri, 'recovery');
    server = await startTestServer();
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await mongoose.disconnect();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async (): Promise<{ status: number; db: string }> => {
    const response = await server.request('/healthz');
    const body = z.object({ db: z.string() }).parse(await response.json());
    return { status: response.status, db: body.db };
  };
  const warnings = (): string[] => logged.filter((line) => line.level >= WARN).map((line) => line.msg);

  /**
   * Listens on `port` as soon as the killed process has let it go, so that its restart fails until `close()`.
   * It tries again at once, not every 50 ms: a restarted FerretDB takes its port back within about 20 ms.
   */
  async function occupy(port: number): Promise<net.Server> {
    const listen = (): Promise<net.Server | undefined> =>
      new Promise((resolve) => {
        // Clients that come by (the driver's monitor) are turned away, so close() need not wait for them.
        const squatter = net.createServer((socket) => socket.destroy());
        squatter.once('error', () => resolve(undefined));
        squatter.listen(port, '127.0.0.1', () => resolve(squatter));
      });
    const deadline = Date.now() + 5_000;
    for (;;) {
      const squatter = await listen();
      if (squatter) return squatter;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for port ${port} to be free`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Kills one process and holds its port, so its restart keeps failing while the test checks that levee noticed;
   * then lets the port go and waits until the database serves the same mongoose connection again.
   */
  async function killAndRecover(which: 'postgres' | 'ferretdb', name: string, port: number): Promise<void> {
    await probes().insertOne({ _id: `before-${which}` });
    const pid = db.pids()[which];
    if (pid === undefined) throw new Error(`no ${which} process`);
    const warned = warnings().length;

    process.kill(pid, 'SIGKILL');
    const squatter = await occupy(port);
    try {
      await waitFor(() => !db.running() || undefined, `the death of ${name} to be noticed`, 5_000);
      const [down, pinged] = await Promise.all([health(), pingDatabase(1_000)]);
      expect(down).toEqual({ status: 503, db: 'down' });
      expect(pinged).toBe(false);
      await waitFor(
        () =>
          warnings()
            .slice(warned)
            .some((msg) => msg.includes(`Restarting the embedded database's ${name} failed`)) || undefined,
        'a failed restart',
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }

    await waitFor(() => db.running() || undefined, `${name} to be restarted`, 60_000);
    expect(db.pids()[which]).not.toBe(pid);
    await waitFor(async () => (await pingDatabase()) || undefined, 'the same mongoose connection to reach the database again');
    await probes().insertOne({ _id: `after-${which}` });
    expect(await probes().countDocuments({ _id: { $in: [`before-${which}`, `after-${which}`] } })).toBe(2);
    expect(await health()).toEqual({ status: 200, db: 'up' });

    const said = warnings().slice(warned).join('\n');
    expect(said).toContain(`${name} stopped unexpectedly (signal SIGKILL); restarting it. Its log: ${db.logs[which]}`);
    expect(said).toContain(`${name} runs again`);
    expect(fs.readFileSync(db.logs[which], 'utf8')).toContain(`${name} ended unexpectedly (signal SIGKILL); restarting it`);
  }

  it('restarts PostgreSQL after its postmaster is killed, on the same folder, with the data kept', async () => {
    await killAndRecover('postgres', 'PostgreSQL', Number(new URL(db.postgresUrl).port));
  }, 120_000);

  it('restarts FerretDB after it is killed, on the same port, so the driver reconnects by itself', async () => {
    const uri = db.uri;
    await killAndRecover('ferretdb', 'FerretDB', Number(new URL(uri.replace(/^mongodb:/, 'http:')).port));
    expect(db.uri).toBe(uri);
  }, 120_000);

  it('fails an operation on a hung database within 5 s, and serves again once it resumes', async () => {
    const pid = db.pids().ferretdb;
    if (pid === undefined) throw new Error('no FerretDB process');
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      await expect(probes().findOne({ _id: 'before-postgres' })).rejects.toThrow();
      // Up to 2 s until the driver's next check of the server, which gives up after 3 s; plus scheduling.
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await waitFor(async () => (await pingDatabase()) || undefined, 'the database to answer again', 30_000);
    expect(await probes().findOne({ _id: 'before-postgres' })).toEqual({ _id: 'before-postgres' });
    expect(db.pids().ferretdb).toBe(pid);
  }, 60_000);

  it("keeps the database's own messages, such as expected duplicate keys, in its log files and out of levee's", async () => {
    const warned = warnings().length;
    await expect(probes().insertOne({ _id: 'before-postgres' })).rejects.toMatchObject({ code: 11000 });
    await waitFor(
      () => fs.readFileSync(db.logs.postgres, 'utf8').includes('duplicate key value violates unique constraint') || undefined,
      'PostgreSQL to log the duplicate key',
    );
    expect(fs.readFileSync(db.logs.ferretdb, 'utf8')).toContain('starting FerretDB');
    expect(path.dirname(db.logs.postgres)).toBe(path.join(dataDir, 'logs'));
    expect(warnings().slice(warned)).toEqual([]);
  });

  it('a clean stop restarts nothing and leaves no process behind', async () => {
    const { postgres, ferretdb } = db.pids();
    const crashes = (): number[] =>
      [db.logs.postgres, db.logs.ferretdb].map((file) => fs.readFileSync(file, 'utf8').split('ended unexpectedly').length);
    const before = crashes();
    const warned = warnings().length;
    await mongoose.disconnect();
    await db.stop();
    expect(db.running()).toBe(false);
    expect(db.pids()).toEqual({ postgres: undefined, ferretdb: undefined });
    expect([postgres, ferretdb].filter((pid) => pid !== undefined && alive(pid))).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(crashes()).toEqual(before);
    expect(warnings().slice(warned)).toEqual([]);
  });
});
