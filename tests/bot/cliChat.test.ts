import path from 'node:path';
import { spawn } from 'node:child_process';
import mongoose from 'mongoose';
import { z } from 'zod';
import { Report } from '../../models/report';
import { useTestDatabase, testDatabaseUri } from '../helpers/db';
import { exited } from '../helpers/processes';
import { useTestServer } from '../helpers/testServer';
import { buildStaffUser } from '../helpers/factories';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, seedBotWorld } from './helpers';

useTestDatabase();
const server = useTestServer();
beforeAll(async () => {
  await seedBotWorld();
});

const ROOT = path.resolve(__dirname, '../..');

const OutLine = z.union([
  z.strictObject({ user: z.string(), text: z.string(), flow: z.string(), step: z.string() }),
  z.strictObject({ user: z.string(), done: z.literal(true) }),
  z.strictObject({ user: z.string(), error: z.string() }),
]);

/** Runs `npm run chat -- --json` on this file's database with the given lines on stdin; resolves at its exit. */
async function runChat(lines: readonly unknown[]) {
  const uri = new URL(testDatabaseUri());
  uri.pathname = `/${mongoose.connection.name}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chat.ts', '--json'], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: uri.toString() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  // A bound on the run, so a hang fails with what the script said instead of at jest's timeout.
  const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await exited(child);
  clearTimeout(guard);
  if (code !== 0) throw new Error(`chat exited with ${String(code)}:\n${stderr}\n${stdout}`);
  return {
    out: stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => OutLine.parse(JSON.parse(line))),
  };
}

describe('npm run chat -- --json', () => {
  it('answers each scripted line in order with JSON replies and a done line, and files the report', async () => {
    const script = [
      { user: 'u1', text: '屋头遭水淹了，垮了两间房' },
      { user: 'u1', text: '同意' },
      { user: 'u2', text: '打雷咋个躲' },
      { user: 'u1', text: '黄金林村' },
      { user: 'u1', text: '没有' },
      { user: 'u1', text: '刚才' },
      { user: 'u1', text: '跳过' },
      { user: 'u1', text: `${HEAD_NAME} ${HEAD_PHONE}` },
      { user: 'u1', text: '1' },
      { user: 'u1', location: { lat: 29.38, lng: 106.54 } },
      { user: 'u3' },
    ];
    const { out } = await runChat(script);

    const dones = out.filter((line) => 'done' in line);
    expect(dones.map((line) => line.user)).toEqual(script.map((line) => line.user));
    const replies = out.flatMap((line) => ('text' in line ? [line] : []));
    expect(replies[0]).toMatchObject({ user: 'u1', flow: 'consent', step: 'ask' });
    expect(replies[1]).toMatchObject({ user: 'u1', flow: 'report_damage', step: 'village' });
    expect(replies[2]).toMatchObject({ user: 'u2', flow: 'education' });
    const receipt = replies.find((line) => line.text.includes('上报成功'));
    expect(receipt).toMatchObject({ user: 'u1', flow: 'report_damage', step: 'confirm' });
    expect(out.some((line) => 'error' in line && line.user === 'u3')).toBe(true);
    expect(JSON.stringify(out)).not.toContain(HEAD_PHONE);

    const receiptNo = /ZQ\d{8}-\d{4}/.exec(receipt?.text ?? '')?.[0];
    const report = await Report.findOne({ receiptNo }).orFail().lean();
    expect(report.villageCode).toBe(HUANGJINLIN);
    expect(report.damage.houses.collapsed.rooms).toBe(2);
    // 刚才: the moment of that message, before the report was filed.
    expect(report.occurredAt.getTime()).toBeLessThanOrEqual(report.createdAt.getTime());

    // The same record is what the town sees through the API.
    const official = await buildStaffUser({ role: 'town_official', regionCode: report.townCode });
    const res = await server().request(`/api/reports?village=${HUANGJINLIN}`, { token: official.token });
    expect(res.status).toBe(200);
    const listed = z.object({ items: z.array(z.looseObject({ receiptNo: z.string(), source: z.string() })) }).parse(await res.json());
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ receiptNo, source: 'bot' })]));
  }, 120_000);
});
