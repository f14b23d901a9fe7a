import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import pino from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded';
import { connectDatabase } from '../../db/connect';
import { issueAccessToken } from '../../domain/auth/accessToken';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { REGIONS } from '../helpers/factories';

describe('while the database is away', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-dbdown-'));
  fs.chmodSync(dataDir, 0o755);
  let db: EmbeddedDatabase;
  let server: TestServer;
  const token = issueAccessToken({ kind: 'staff', id: 'f'.repeat(24), name: '测试', role: 'town_official', regionCode: REGIONS.mudong });

  beforeAll(async () => {
    db = await startEmbeddedDatabase({ dataDir, log: pino({ level: 'silent' }), ephemeral: true });
    await connectDatabase(db.uri, 'dbdown');
    server = await startTestServer();
    await db.stop();
  });

  afterAll(async () => {
    await server.close();
    await mongoose.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['a list', () => server.request('/api/reports', { token })],
    [
      'a report',
      () =>
        server.request('/api/reports', {
          method: 'POST',
          token,
          json: {
            id: crypto.randomUUID(),
            villageCode: REGIONS.zhongba,
            disasterType: '洪涝',
            occurredAt: '2026-07-25T02:40:00+08:00',
            damage: {},
          },
        }),
    ],
    [
      'a chat message',
      () => server.request('/api/chat', { method: 'POST', json: { sessionId: crypto.randomBytes(12).toString('hex'), text: '你好' } }),
    ],
  ])('%s is answered 503 with Retry-After and a plain message, never 500', async (_what, send) => {
    const res = await send();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: { code: 'database_unavailable', message: '系统正忙，请过几秒钟再试' } });
  });
});
