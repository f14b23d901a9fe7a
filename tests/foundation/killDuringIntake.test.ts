import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { z } from 'zod';
import { issueAccessToken } from '../../domain/auth/accessToken';
import { REGIONS } from '../helpers/factories';
import { exited, startLevee, waitFor, type StartedLevee } from '../helpers/processes';

const SUBMISSIONS = 1_000;
/** Acknowledged reports before levee is killed: a good part of the load is still in flight then. */
const KILL_AFTER = 250;

const Published = z.object({ uri: z.string() });

/**
 * Kill -9 of levee while 1,000 clients submit reports at once, each retrying with the same id until it is
 * acknowledged: after the restart every report is stored exactly once, with one creation entry in the audit log.
 */
describe('levee killed with SIGKILL during intake', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-kill-'));
  fs.chmodSync(dataDir, 0o755);
  const env = { DATA_DIR: dataDir, MONGODB_URI: '', TRUST_PROXY: '1' };
  let levee: StartedLevee;
  let generation = 0;
  let restarted: Promise<void> = Promise.resolve();

  afterAll(async () => {
    await mongoose.disconnect();
    levee.child.kill('SIGINT');
    await exited(levee.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** One grid worker (their own token and address, so no rate limit is shared) submitting one report until it is stored. */
  async function submit(index: number, acknowledged: () => void): Promise<string> {
    const id = crypto.randomUUID();
    const token = issueAccessToken({
      kind: 'staff',
      id: crypto.randomBytes(12).toString('hex'),
      name: `网格员${index}`,
      role: 'grid_worker',
      regionCode: REGIONS.zhongba,
    });
    const body = JSON.stringify({
      id,
      villageCode: REGIONS.zhongba,
      disasterType: '洪涝',
      occurredAt: '2026-07-25T02:40:00+08:00',
      damage: { people: { affected: index % 7 } },
    });
    const headers = {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'X-Forwarded-For': `10.${(index >> 8) & 255}.${index & 255}.1`,
    };
    for (let attempt = 1; attempt <= 20; attempt++) {
      const seen = generation;
      const answer = await fetch(`${levee.baseUrl}/api/reports`, { method: 'POST', headers, body }).then(
        (res) => res.status,
        () => 'connection lost',
      );
      if (answer === 201 || answer === 200) {
        acknowledged();
        return id;
      }
      if (answer !== 'connection lost' && answer !== 503) throw new Error(`report ${index}: unexpected answer ${answer}`);
      // The server is gone (or answered 503 while going): wait for the restart, unless it already happened.
      if (generation === seen) await restarted;
    }
    throw new Error(`report ${index} was never acknowledged`);
  }

  it('stores each of 1,000 retried reports exactly once', async () => {
    levee = await startLevee(env);
    let acknowledgedCount = 0;
    let acknowledgedAfterRestart = 0;
    let killed = false;
    let announceRestart: () => void = () => undefined;
    restarted = new Promise((resolve) => (announceRestart = resolve));
    const killAndRestart = async (): Promise<void> => {
      levee.child.kill('SIGKILL');
      await exited(levee.child);
      levee = await startLevee(env);
      generation += 1;
      announceRestart();
    };
    let restart: Promise<void> | undefined;
    const ids = await Promise.all(
      Array.from({ length: SUBMISSIONS }, (_, index) =>
        submit(index, () => {
          acknowledgedCount += 1;
          if (generation > 0) acknowledgedAfterRestart += 1;
          if (acknowledgedCount >= KILL_AFTER && !killed) {
            killed = true;
            restart = killAndRestart();
          }
        }),
      ),
    );
    await restart;
    expect(killed).toBe(true);
    // The kill came with most of the load still to do: those reports were stored by the restarted levee.
    expect(acknowledgedAfterRestart).toBeGreaterThan(SUBMISSIONS / 2);
    expect(new Set(ids).size).toBe(SUBMISSIONS);

    const published = Published.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-db.json'), 'utf8')));
    await mongoose.connect(published.uri, { dbName: 'levee' });
    const db = await waitFor(() => mongoose.connection.db, 'the database connection');
    const reports = await db
      .collection('reports')
      .find({}, { projection: { _id: 1, receiptNo: 1 } })
      .toArray();
    expect(reports).toHaveLength(SUBMISSIONS);
    expect(new Set(reports.map((report) => String(report._id)))).toEqual(new Set(ids));
    expect(new Set(reports.map((report) => String(report.receiptNo))).size).toBe(SUBMISSIONS);
    const audited = await db
      .collection('auditlogs')
      .find({ action: 'report.create' }, { projection: { targetId: 1 } })
      .toArray();
    expect(audited).toHaveLength(SUBMISSIONS);
    expect(new Set(audited.map((entry) => String(entry.targetId)))).toEqual(new Set(ids));
  }, 300_000);
});
