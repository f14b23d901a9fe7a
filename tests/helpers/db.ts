import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase } from '../../db/connect';
import { ensureModels } from '../../models';

/** The URI of the run's database server (set by globalSetup). */
export function testDatabaseUri(): string {
  const uri = process.env.LEVEE_TEST_MONGODB_URI;
  if (!uri) throw new Error('LEVEE_TEST_MONGODB_URI is not set: run the tests with `npm test`');
  return uri;
}

/**
 * Connects mongoose to a database of this test file's own on the real server, with every collection and index
 * created, and drops it after the file's last test.
 */
export function useTestDatabase(): void {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri(), `t_${crypto.randomBytes(6).toString('hex')}`);
    await ensureModels();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
}
