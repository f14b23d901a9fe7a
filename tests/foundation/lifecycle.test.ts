import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alive, descendants, exited, startLevee, waitFor } from '../helpers/processes';

/** A DATA_DIR the postgres user can enter, like a real deployment's. */
function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-life-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

describe('npm start on the embedded database', () => {
  const dataDir = makeDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves /healthz with the database up, loads the regions, and Ctrl-C stops everything with exit 0', async () => {
    const levee = await startLevee({ DATA_DIR: dataDir, MONGODB_URI: '' });
    const started = descendants(levee.child.pid ?? -1);
    expect(started.length).toBeGreaterThanOrEqual(2);

    const response = await fetch(`${levee.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', db: 'up', version: expect.any(String) });
    expect(typeof body.uptime).toBe('number');
    expect(levee.output()).toMatch(/"villages":313/);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    levee.child.kill('SIGINT');
    expect(await exited(levee.child)).toBe(0);
    await waitFor(() => started.every((pid) => !alive(pid)) || undefined, 'the database processes to stop');
  }, 180_000);

  it('leaves no database process behind when killed with SIGKILL, and starts again on the same data', async () => {
    const first = await startLevee({ DATA_DIR: dataDir, MONGODB_URI: '' });
    const started = descendants(first.child.pid ?? -1);
    first.child.kill('SIGKILL');
    await exited(first.child);
    await waitFor(() => started.every((pid) => !alive(pid)) || undefined, 'orphaned database processes to die');

    const second = await startLevee({ DATA_DIR: dataDir, MONGODB_URI: '' });
    expect((await fetch(`${second.baseUrl}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 180_000);

  it('refuses to start in production without secrets, naming them', async () => {
    const levee = startLevee({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      PII_ENCRYPTION_KEY: '',
      PII_HASH_KEY: '',
      AUTH_TOKEN_SECRET: '',
      MONGODB_URI: 'mongodb://127.0.0.1:1/levee',
    });
    await expect(levee).rejects.toThrow(/Missing secrets in production: PII_ENCRYPTION_KEY, PII_HASH_KEY, AUTH_TOKEN_SECRET/);
  }, 60_000);
});
