import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import pino from 'pino';
import { z } from 'zod';
import { getConfig } from '../../config';
import { connectDatabase } from '../../db/connect';
import { startEmbeddedDatabase } from '../../db/embedded';
import { createEngine } from '../../bot/engine';
import { ensureModels } from '../../models';
import { Report } from '../../models/report';
import { HEAD_NAME, HEAD_PHONE, seedBotWorld } from '../bot/helpers';
import { parseFlags, quantile } from './measure';

const Flags = z.object({
  villagers: z.coerce.number().int().min(1).max(5_000).default(200),
  ephemeral: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

const USAGE = `npm run bench -- bot [--villagers 200] [--ephemeral true|false]
  Uses MONGODB_URI when set, else starts its own embedded FerretDB.`;

/** One villager's damage report from a dialect first message to the receipt: the turns measured. */
const SCRIPT: ReadonlyArray<readonly [label: string, text: string, expect: string]> = [
  ['first message', '屋头遭水淹了，垮了两间房', '同意吗'],
  ['consent', '同意', '在哪个村'],
  ['village', '黄金林村', '还有别的损失'],
  ['more damage', '苞谷淹了三亩多，猪死了两头', '还有别的损失'],
  ['no more', '没有', '啥时候'],
  ['when', '昨天晚上', '照片'],
  ['photos', '跳过', '姓名和手机号'],
  ['who', `${HEAD_NAME} ${HEAD_PHONE}`, '请核对'],
  ['confirm', '1', '上报成功'],
];

/** Plays every villager's script at once; returns each turn's latencies (ms), by turn. */
async function playVillagers(count: number): Promise<{ latencies: number[][]; seconds: number; failures: string[] }> {
  const engine = createEngine();
  const latencies: number[][] = SCRIPT.map(() => []);
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, v) => {
      for (const [turn, [, text, expected]] of SCRIPT.entries()) {
        const t = performance.now();
        const replies = await engine.handle({ channel: 'cli', userId: `bench-${v}`, messageId: crypto.randomUUID(), kind: 'text', text });
        latencies[turn]?.push(performance.now() - t);
        const said = replies.map((reply) => reply.text).join('\n');
        if (!said.includes(expected)) {
          failures.push(`villager ${v}, turn ${turn + 1}: expected “${expected}”, got “${said.slice(0, 80)}”`);
          return;
        }
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

/** The raw operation the engine rests on: one findOneAndUpdate upsert by _id, as many and as concurrent as the turns. */
async function rawFindOneAndUpdate(count: number, perWorker: number): Promise<number[]> {
  const collection = mongoose.connection.collection<{ _id: string; n?: number; at?: Date }>('benchraw');
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, v) => {
      for (let i = 0; i < perWorker; i++) {
        const t = performance.now();
        await collection.findOneAndUpdate(
          { _id: `raw-${v}` },
          { $set: { n: i, at: new Date() } },
          { upsert: true, returnDocument: 'after' },
        );
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '-').padStart(9);

function row(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(24)} | ${String(sorted.length).padStart(6)} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.99))}`;
}

/**
 * The bot benchmark: `--villagers` scripted villagers (200) talk to one engine at the same time, each through a
 * whole damage report (9 turns) on the real database; prints the reply latency p50/p99 of each turn and, in the
 * same run, of the raw `findOneAndUpdate` upsert by `_id` that the per-message reads and writes rest on.
 */
export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(Flags, args, USAGE);
  const log = pino({ level: 'error' });
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startEmbeddedDatabase({ dataDir: getConfig().DATA_DIR, log, ephemeral: flags.ephemeral });
  await connectDatabase(process.env.MONGODB_URI ?? embedded?.uri ?? '', `levee_bench_bot_${crypto.randomBytes(4).toString('hex')}`);
  try {
    await ensureModels();
    await seedBotWorld();
    process.stderr.write(
      `database: ${embedded ? 'embedded FerretDB' : 'MONGODB_URI'}; ${flags.villagers} villagers × ${SCRIPT.length} turns\n`,
    );
    const bot = await playVillagers(flags.villagers);
    const raw = await rawFindOneAndUpdate(flags.villagers, SCRIPT.length);
    const reports = await Report.countDocuments({});
    const header = `${'turn'.padEnd(24)} | ${'n'.padStart(6)} | ${'p50 ms'.padStart(9)} | ${'p99 ms'.padStart(9)}`;
    const lines = [
      `\nbot: ${flags.villagers} concurrent villagers, one engine, ${bot.seconds.toFixed(1)} s, ${reports} reports filed, ${bot.failures.length} failed dialogs`,
      header,
      '-'.repeat(header.length),
      ...SCRIPT.map(([label], turn) => row(`${turn + 1}. ${label}`, bot.latencies[turn] ?? [])),
      row('all turns', bot.latencies.flat()),
      row('raw findOneAndUpdate', raw),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (bot.failures.length > 0) process.stderr.write(`first failures:\n  ${bot.failures.slice(0, 3).join('\n  ')}\n`);
  } finally {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await embedded?.stop();
  }
}
