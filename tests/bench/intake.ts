import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import mongoose from 'mongoose';
import pino from 'pino';
import { z } from 'zod';
import { getConfig } from '../../config';
import { connectDatabase } from '../../db/connect';
import { startEmbeddedDatabase } from '../../db/embedded';
import { Contact } from '../../models/contact';
import { ensureModels } from '../../models';
import { Region } from '../../models/region';
import { issueAccessToken } from '../../domain/auth/accessToken';
import { formatTable, measure, parseFlags, summarize, type Measurement, type Row } from './measure';

const Flags = z.object({
  requests: z.coerce.number().int().min(1).default(600),
  concurrency: z
    .string()
    .default('1,16,64')
    .transform((v) => v.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1).max(1024)).min(1)),
  preload: z.coerce.number().int().min(0).default(100_000),
  batch: z.coerce.number().int().min(1).max(100_000).default(2_000),
  warmup: z.coerce.number().int().min(0).default(3_000),
  'open-seconds': z.coerce.number().min(0).max(600).default(5),
  ephemeral: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  profile: z.string().optional(),
});
type FlagValues = z.output<typeof Flags>;

const USAGE = `npm run bench -- intake [--requests 600] [--concurrency 1,16,64] [--preload 100000] [--batch 2000] [--warmup 3000]
    [--open-seconds 5] [--ephemeral true] [--profile DIR]
  Uses MONGODB_URI when set, else starts its own embedded FerretDB (durable unless --ephemeral true). levee's server runs
  in a child process (tests/bench/intakeServer.ts); this process is the load client. --warmup N sends N requests and N
  raw inserts, untimed, before the first row. --profile DIR writes a --cpu-prof profile of the server process into DIR.`;

const VILLAGE = '500113109200';
const TOWN = '500113109000';
/** Goals of the issue, printed beside the results: share of raw, and p99 at half the peak rate. */
const GOAL_SHARE = 0.5;
const GOAL_P99_MS = 50;

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

/** What the server process says when asked: its database operations so far and its CPU time. */
const ServerStats = z.object({
  commands: z.record(z.string(), z.number()),
  documents: z.record(z.string(), z.number()),
  cpuMs: z.number(),
});
type ServerStats = z.output<typeof ServerStats>;

/** The levee server in its own process. */
interface ServerProcess {
  url: string;
  /** Its database operations and CPU time so far. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function startServer(uri: string, dbName: string, profileDir: string | undefined): Promise<ServerProcess> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', path.join(__dirname, 'intakeServer.ts'), uri, dbName],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (!child.stdout) throw new Error('the server has no stdout');
  // Each line the server prints answers the oldest waiting reader: first the URL, then one line per `stats`.
  const readers: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => readers.shift()?.(line));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      readers.push(resolve);
      void exited.then((code) => reject(new Error(`the server exited (code ${code})`)));
    });
  child.on('error', (error) => process.stderr.write(`the server: ${error.message}\n`));
  const first = await nextLine();
  const url = z.object({ url: z.string().startsWith('http://') }).parse(JSON.parse(first)).url;
  return {
    url,
    async stats() {
      const line = nextLine();
      child.stdin?.write('stats\n');
      return ServerStats.parse(JSON.parse(await line));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What the server did for the requests of one row: its database operations and CPU time per request. */
interface ServerRow {
  label: string;
  requests: number;
  before: ServerStats;
  after: ServerStats;
}

/** Runs `phase` (which sends `requests` requests) and records what the server did for them. */
async function observed<T>(server: ServerProcess, label: string, requests: number, rows: ServerRow[], phase: () => Promise<T>): Promise<T> {
  const before = await server.stats();
  const result = await phase();
  rows.push({ label, requests, before, after: await server.stats() });
  return result;
}

/** Per request of a row: the server's database operations (with documents per insert) and its CPU time. */
function formatServerRow({ label, requests, before, after }: ServerRow): string {
  const operations = Object.entries(after.commands)
    .map(([name, count]) => [name, count - (before.commands[name] ?? 0)] as const)
    .filter(([, count]) => count / requests >= 0.001)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, count]) => {
      const collection = name.slice(0, name.lastIndexOf('.'));
      const docs = name.endsWith('.insertMany') ? (after.documents[collection] ?? 0) - (before.documents[collection] ?? 0) : 0;
      return `${name} ${(count / requests).toFixed(2)}${docs ? ` (${(docs / count).toFixed(1)} docs each)` : ''}`;
    });
  return `  ${label.padEnd(24)} CPU ${((after.cpuMs - before.cpuMs) / requests).toFixed(2)} ms; ${operations.join(', ')}`;
}

/** One POST /api/reports over a kept-alive connection; throws unless it is a 201. */
function poster(url: string, token: string): () => Promise<void> {
  const target = new URL('/api/reports', url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  return () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(reportBody());
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('error', reject);
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * Runs `op` `total` times started on a fixed schedule of `rate` per second (an open loop: a slow answer does not delay
 * the next start, as with many phones). Latency counts from the scheduled start, so a queue that builds up shows.
 */
async function openLoop(rate: number, total: number, op: () => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await delay(wait);
    pending.push(
      op().then(
        () => void latencies.push(performance.now() - due),
        (error: unknown) => {
          failures += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  return summarize(latencies, failures, started, firstFailure);
}

interface OpenRow {
  scenario: string;
  offered: number;
  result: Measurement;
  /** Raw inserts at the same rate, for the floor this machine and database set. */
  raw: Measurement;
}

/** What every scenario runs with. */
interface Bench {
  flags: FlagValues;
  post: () => Promise<void>;
  raw: () => Promise<void>;
  server: ServerProcess;
  serverRows: ServerRow[];
}

async function runScenario(
  scenario: string,
  { flags, post, raw, server, serverRows }: Bench,
  clear: boolean,
): Promise<{ rows: Row[]; open?: OpenRow }> {
  const rows: Row[] = [];
  for (const concurrency of flags.concurrency) {
    if (clear) await reports().deleteMany({});
    const label = `${scenario} c=${concurrency}`;
    const httpResult = await observed(server, label, flags.requests, serverRows, () => measure(flags.requests, concurrency, post));
    const rawResult = await measure(flags.requests, concurrency, raw);
    rows.push({ scenario, concurrency, http: httpResult, raw: rawResult });
    process.stderr.write(`  ${label}: http ${httpResult.throughput.toFixed(1)}/s, raw ${rawResult.throughput.toFixed(1)}/s\n`);
    if (httpResult.firstFailure) process.stderr.write(`  first HTTP failure: ${httpResult.firstFailure}\n`);
  }
  if (flags['open-seconds'] === 0) return { rows };
  if (clear) await reports().deleteMany({});
  const offered = Math.max(...rows.map((row) => row.http.throughput)) / 2;
  const total = Math.max(1, Math.round(offered * flags['open-seconds']));
  const label = `${scenario} open ${offered.toFixed(0)}/s`;
  const result = await observed(server, label, total, serverRows, () => openLoop(offered, total, post));
  if (clear) await reports().deleteMany({});
  const rawResult = await openLoop(offered, total, raw);
  process.stderr.write(
    `  ${label}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; raw p50 ${rawResult.p50.toFixed(1)} ms, p99 ${rawResult.p99.toFixed(1)} ms\n`,
  );
  if (result.firstFailure) process.stderr.write(`  first HTTP failure: ${result.firstFailure}\n`);
  return { rows, open: { scenario, offered, result, raw: rawResult } };
}

function formatOpen(rows: readonly OpenRow[]): string {
  return rows
    .map(({ scenario, offered, result, raw }) =>
      [
        `  ${scenario.padEnd(16)}`,
        `offered ${offered.toFixed(0)}/s (half the peak), done ${result.throughput.toFixed(0)}/s:`,
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
        `(goal ≤ ${GOAL_P99_MS} ms: ${result.p99 <= GOAL_P99_MS ? 'met' : 'not met'}), ${result.failures + raw.failures} errors;`,
        `raw insertOne at the same rate: p50 ${raw.p50.toFixed(1)} ms, p99 ${raw.p99.toFixed(1)} ms`,
      ].join(' '),
    )
    .join('\n');
}

/**
 * Per concurrency, the worse of the scenarios (0 and --preload stored) on each count: the lower HTTP throughput, and
 * the lower share of its own scenario's raw insert rate (the two may come from different scenarios).
 */
function summary(rows: readonly Row[], concurrencies: readonly number[]): string {
  const parts = concurrencies.map((concurrency, i) => {
    const at = rows.filter((row) => row.concurrency === concurrency);
    if (at.length === 0) return `c=${concurrency} -`;
    const throughput = Math.min(...at.map((row) => row.http.throughput));
    const share = `${Math.round(Math.min(...at.map((row) => row.http.throughput / row.raw.throughput)) * 100)} %`;
    return `c=${concurrency} ${throughput.toFixed(0)}/s (${i === 0 ? `${share} of raw` : share})`;
  });
  return `intake: ${parts.join(', ')}`;
}

/**
 * The intake benchmark: damage reports created through the HTTP API of a levee server in its own process (validated,
 * receipt allocated, stored, audited, all durable before the 201) against raw driver `insertOne` of a document of
 * the same size through the same URI, at each concurrency (closed loop), then at half the peak HTTP rate (open loop),
 * on an empty reports collection and again with `--preload` reports already stored.
 */
export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(Flags, args, USAGE);
  // error, not warn: duplicate-key collisions are expected and PostgreSQL reports each of them as a warning-level line.
  const log = pino({ level: 'error' });
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startEmbeddedDatabase({ dataDir: getConfig().DATA_DIR, log, ephemeral: flags.ephemeral });
  const uri = process.env.MONGODB_URI ?? embedded?.uri ?? '';
  const dbName = `levee_bench_${crypto.randomBytes(4).toString('hex')}`;
  await connectDatabase(uri, dbName);
  let server: ServerProcess | undefined;
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
    // The server reads the same DATA_DIR, so it has the secrets this token is signed with.
    const token = issueAccessToken({ kind: 'villager', contactId: contact.id });
    if (flags.profile) fs.mkdirSync(flags.profile, { recursive: true });
    server = await startServer(uri, dbName, flags.profile);
    const post = poster(server.url, token);
    await post();
    const template = await reports().findOne({});
    if (!template) throw new Error('the first report was not stored');
    // Into the same collection, with the same indexes and the same stored reports: what differs is only levee's work.
    let rawCount = 0;
    const raw = async (): Promise<void> => {
      await reports().insertOne(clone(template, `ZQ19990102-${String(rawCount++).padStart(6, '0')}`));
    };
    // Untimed, so that both sides are measured warm (JIT-compiled server, pooled connections): the first rows came out
    // up to a quarter slower without it.
    if (flags.warmup > 0) {
      await measure(flags.warmup, 16, post);
      await measure(flags.warmup, 16, raw);
    }
    process.stderr.write(
      `database: ${embedded ? `embedded FerretDB (${flags.ephemeral ? 'ephemeral' : 'durable'})` : 'MONGODB_URI'}; report document ${Buffer.byteLength(JSON.stringify(template))} bytes of JSON; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)} at start\n`,
    );
    const bench: Bench = { flags, post, raw, server, serverRows: [] };
    const scenarios = [await runScenario('0 stored', bench, true)];
    if (flags.preload > 0) {
      const started = Date.now();
      await reports().deleteMany({});
      await preload(template, flags.preload, flags.batch);
      process.stderr.write(`preloaded ${flags.preload} reports in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      scenarios.push(await runScenario(`${flags.preload} stored`, bench, false));
    }
    const rows = scenarios.flatMap((scenario) => scenario.rows);
    const open = scenarios.flatMap((scenario) => (scenario.open ? [scenario.open] : []));
    process.stdout.write(
      [
        '',
        `intake: ${flags.requests} requests per row; http = POST /api/reports (201) to levee in its own process, raw = driver insertOne of a same-size document through the same URI; load average ${os.loadavg()[0]?.toFixed(2)} at the end`,
        formatTable(rows),
        ...(open.length > 0 ? ['', 'open loop at half the peak HTTP rate:', formatOpen(open)] : []),
        '',
        'the server, per HTTP request of each row: its CPU time and database operations',
        ...bench.serverRows.map(formatServerRow),
        '',
        `goal: ≥ ${GOAL_SHARE * 100} % of raw and ≥ 320/s at c=1, ≥ 750/s at c=16 and 64; the line below takes, at each concurrency, the lower throughput and the lower share of the two scenarios`,
        summary(rows, flags.concurrency),
        '',
      ].join('\n'),
    );
  } finally {
    await server?.stop();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await embedded?.stop();
  }
}
