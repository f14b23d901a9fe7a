import crypto from 'node:crypto';
import mongoose from 'mongoose';
import pino from 'pino';
import { z } from 'zod';
import { startTestServer } from '../helpers/testServer';
import { getConfig } from '../../config';
import { connectDatabase } from '../../db/connect';
import { startEmbeddedDatabase } from '../../db/embedded';
import { Contact } from '../../models/contact';
import { ensureModels } from '../../models';
import { Region } from '../../models/region';
import { issueAccessToken } from '../../domain/auth/accessToken';
import { formatTable, measure, parseFlags, type Row } from './measure';

const Flags = z.object({
  requests: z.coerce.number().int().min(1).default(600),
  concurrency: z
    .string()
    .default('1,16,64')
    .transform((v) => v.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1).max(1024)).min(1)),
  preload: z.coerce.number().int().min(0).default(100_000),
  batch: z.coerce.number().int().min(1).max(100_000).default(2_000),
  ephemeral: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
type FlagValues = z.output<typeof Flags>;

const USAGE = `npm run bench -- intake [--requests 600] [--concurrency 1,16,64] [--preload 100000] [--batch 2000] [--ephemeral true]
  Uses MONGODB_URI when set, else starts its own embedded FerretDB (durable unless --ephemeral true).`;

const VILLAGE = '500113109200';
const TOWN = '500113109000';

/** What a grid worker's phone sends: every indicator group filled, as after a flood. */
function reportBody(): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    villageCode: VILLAGE,
    disasterType: '洪涝',
    occurredAt: '2023-07-25T02:40:00+08:00',
    damage: {
      people: { affected: 4, evacuated: 4, needEmergencyLiving: 2 },
      houses: { collapsed: { rooms: 2, households: 1 }, severe: { rooms: 1, households: 1 } },
      crops: { affectedMu: 6.5, damagedMu: 4, failedMu: 2 },
      livestock: { deadSmall: 3, poultryDead: 20 },
      waterInterrupted: true,
      estimatedLossYuan: 86000,
    },
    needs: [{ code: 'shelter', text: '房子垮了两间，借住在亲戚家' }, { code: 'food' }],
    description: '凌晨暴雨，后山滑坡冲垮了偏房和猪圈，苞谷地被淹。',
    location: { lat: 29.4312, lng: 106.8231, accuracyM: 12 },
  };
}

/** A stored report as the API writes it, to clone for the preload and for the raw inserts (same size). */
async function templateDocument(post: () => Promise<void>): Promise<Record<string, unknown>> {
  await post();
  const stored = await mongoose.connection.collection('reports').findOne({});
  if (!stored) throw new Error('the first report was not stored');
  return stored;
}

/** A copy under a new id, receipt (the receipt index is unique) and hash: the same size as the original. */
function clone(template: Record<string, unknown>, receiptNo: string): { _id: string } & Record<string, unknown> {
  return { ...template, _id: crypto.randomUUID(), receiptNo, contentHash: crypto.randomBytes(32).toString('hex') };
}

const reports = () => mongoose.connection.collection<{ _id: string }>('reports');

async function preload(template: Record<string, unknown>, count: number, batch: number): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    const docs = Array.from({ length: Math.min(batch, count - start) }, (_, k) =>
      clone(template, `ZQ19990101-${String(start + k).padStart(6, '0')}`),
    );
    await reports().insertMany(docs, { ordered: false });
  }
}

async function runLevels(
  scenario: string,
  flags: FlagValues,
  post: () => Promise<void>,
  raw: () => Promise<void>,
  clear: boolean,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const concurrency of flags.concurrency) {
    if (clear) await reports().deleteMany({});
    const httpResult = await measure(flags.requests, concurrency, post);
    const rawResult = await measure(flags.requests, concurrency, raw);
    rows.push({ scenario, concurrency, http: httpResult, raw: rawResult });
    process.stderr.write(
      `  ${scenario} c=${concurrency}: http ${httpResult.throughput.toFixed(1)}/s, raw ${rawResult.throughput.toFixed(1)}/s\n`,
    );
    if (httpResult.firstFailure) process.stderr.write(`  first HTTP failure: ${httpResult.firstFailure}\n`);
  }
  return rows;
}

/**
 * The intake benchmark: damage reports created through the HTTP API (validated, receipt allocated, stored,
 * audited) against raw driver `insertOne` of a document of the same size, at each concurrency, on an empty reports
 * collection and again with `--preload` reports already stored.
 */
export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(Flags, args, USAGE);
  // error, not warn: duplicate-key collisions are expected and PostgreSQL reports each of them as a warning-level line.
  const log = pino({ level: 'error' });
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startEmbeddedDatabase({ dataDir: getConfig().DATA_DIR, log, ephemeral: flags.ephemeral });
  const uri = process.env.MONGODB_URI ?? embedded?.uri ?? '';
  await connectDatabase(uri, `levee_bench_${crypto.randomBytes(4).toString('hex')}`);
  // No rate limit worth the name: the benchmark is one villager sending as fast as the server answers.
  const server = await startTestServer({ rateLimitPerMinute: 100_000_000 });
  try {
    await ensureModels();
    await Region.create({
      _id: VILLAGE,
      name: '中坝村村民委员会',
      shortName: '中坝村',
      level: 'village',
      parentCode: TOWN,
      townCode: TOWN,
      path: ['500113000000', TOWN],
    });
    const contact = await Contact.create({ channel: 'miniprogram', externalId: 'bench' });
    const token = issueAccessToken({ kind: 'villager', contactId: contact.id });
    const post = async (): Promise<void> => {
      const res = await fetch(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(reportBody()),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    };
    const template = await templateDocument(post);
    // Into the same collection, with the same indexes and the same stored reports: what differs is only levee's work.
    let rawCount = 0;
    const raw = async (): Promise<void> => {
      await reports().insertOne(clone(template, `ZQ19990102-${String(rawCount++).padStart(6, '0')}`));
    };
    process.stderr.write(
      `database: ${embedded ? `embedded FerretDB (${flags.ephemeral ? 'ephemeral' : 'durable'})` : 'MONGODB_URI'}; report document ${Buffer.byteLength(JSON.stringify(template))} bytes of JSON\n`,
    );
    const rows = await runLevels('empty', flags, post, raw, true);
    const started = Date.now();
    await preload(template, flags.preload, flags.batch);
    process.stderr.write(`preloaded ${flags.preload} reports in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    rows.push(...(await runLevels(`${flags.preload} stored`, flags, post, raw, false)));
    process.stdout.write(
      `\nintake: ${flags.requests} requests per row; http = POST /api/reports (201), raw = driver insertOne of a same-size document into the same collection\n${formatTable(rows)}\n`,
    );
  } finally {
    await server.close();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await embedded?.stop();
  }
}
