import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pino from 'pino';
import { startEmbeddedDatabase } from '../db/embedded';
import { FAKE_APP_ID, FAKE_APP_SECRET, startFakeWechat } from './helpers/fakeWechat';

declare global {
  var leveeTestDatabase: { stop(): Promise<void>; dir: string } | undefined;
  var leveeFakeWechat: { close(): Promise<void> } | undefined;
}

/**
 * One database server for the whole run: the caller's MONGODB_URI, or a fresh embedded FerretDB + PostgreSQL in a
 * temporary folder. Each test file then works in a database of its own (tests/helpers/db.ts).
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-test-'));
  // The database runs as user postgres, which must be able to enter the folder mkdtemp made private.
  fs.chmodSync(dir, 0o755);
  process.env.LEVEE_TEST_DATA_DIR = dir;
  process.env.LEVEE_TEST_SECRETS = JSON.stringify({
    PII_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    PII_HASH_KEY: crypto.randomBytes(32).toString('base64'),
    AUTH_TOKEN_SECRET: crypto.randomBytes(32).toString('base64'),
  });
  // The fake WeChat must be listening before any test file reads the configuration, which is cached per file.
  const wechat = await startFakeWechat();
  globalThis.leveeFakeWechat = wechat;
  Object.assign(process.env, { WECHAT_API_BASE: wechat.url, WECHAT_MP_APPID: FAKE_APP_ID, WECHAT_MP_SECRET: FAKE_APP_SECRET });
  if (process.env.MONGODB_URI) {
    process.env.LEVEE_TEST_MONGODB_URI = process.env.MONGODB_URI;
    globalThis.leveeTestDatabase = { dir, stop: async () => undefined };
    return;
  }
  const log = pino({ level: 'warn' });
  const db = await startEmbeddedDatabase({ dataDir: dir, log, ephemeral: true });
  process.env.LEVEE_TEST_MONGODB_URI = db.uri;
  // Tests of what the embedded database adds to FerretDB look at PostgreSQL itself.
  process.env.LEVEE_TEST_POSTGRES_URL = db.postgresUrl;
  globalThis.leveeTestDatabase = { dir, stop: () => db.stop() };
}
