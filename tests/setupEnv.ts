import path from 'node:path';
import { z } from 'zod';

// Runs before each test file's modules load, so getConfig() sees a complete test environment.
const secrets = z.record(z.string(), z.string()).parse(JSON.parse(process.env.LEVEE_TEST_SECRETS ?? '{}'));
Object.assign(process.env, secrets, {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  DATA_DIR: path.join(process.env.LEVEE_TEST_DATA_DIR ?? '', 'data'),
});
delete process.env.MONGODB_URI;
delete process.env.WECHATY_PUPPET;
