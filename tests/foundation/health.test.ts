import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import mongoose from 'mongoose';
import pino from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded';
import { connectDatabase } from '../../db/connect';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/processes';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('GET /healthz follows the database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-health-'));
  fs.chmodSync(dataDir, 0o755);
  const log = pino({ level: 'silent' });
  let port: number;
  let db: EmbeddedDatabase;
  let server: TestServer;

  beforeAll(async () => {
    port = await freePort();
    db = await startEmbeddedDatabase({ dataDir, log, ephemeral: true, port });
    await connectDatabase(db.uri, 'health');
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
    await mongoose.disconnect();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await server.request('/healthz');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers 200 while the database is up, 503 while it is down, and recovers when it returns', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', db: 'up' } });

    await db.stop();
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { db: 'down' } });
    expect(down.body.version).toEqual(expect.any(String));

    db = await startEmbeddedDatabase({ dataDir, log, ephemeral: true, port });
    const back = await waitFor(async () => {
      const current = await health();
      return current.status === 200 ? current : undefined;
    }, 'the health check to recover');
    expect(back.body).toMatchObject({ status: 'ok', db: 'up' });
    await expect(mongoose.connection.db?.collection('probe').insertOne({ ok: 1 })).resolves.toBeDefined();
  });
});
