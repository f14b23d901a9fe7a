import http from 'node:http';
import type { AddressInfo } from 'node:net';
import readline from 'node:readline';
import mongoose from 'mongoose';
import { createApp } from '../../api/createApp';
import { createEngine } from '../../bot/engine';
import { connectDatabase } from '../../db/connect';
import { ensureModels } from '../../models';

/**
 * The levee server of the intake benchmark, in a process of its own so that the load client does not share its event
 * loop: `node --import tsx tests/bench/intakeServer.ts <mongodb-uri> <database>`. It connects as `main.ts` does,
 * serves the whole API on a free loopback port and prints `{"url":"http://127.0.0.1:…"}` on one line of stdout.
 * For each line `stats` on its stdin it prints `{"commands":{…},"documents":{…},"cpuMs":…}`: the database operations
 * it has sent so far by collection and method, the documents its inserts carried by collection, and the CPU time it
 * has used. It stops (closing the server and the connection, so that `--cpu-prof` writes its profile) when its stdin
 * closes.
 */
async function main(): Promise<void> {
  const [uri, dbName] = process.argv.slice(2);
  if (!uri || !dbName) throw new Error('usage: intakeServer.ts <mongodb-uri> <database>');
  await connectDatabase(uri, dbName);
  await ensureModels();
  // Every collection operation that goes through mongoose (models and Model.collection alike), counted.
  const commands: Record<string, number> = {};
  const documents: Record<string, number> = {};
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    const name = `${collection}.${method}`;
    commands[name] = (commands[name] ?? 0) + 1;
    const [first] = args;
    if (method === 'insertMany' && Array.isArray(first)) documents[collection] = (documents[collection] ?? 0) + first.length;
    if (method === 'insertOne') documents[collection] = (documents[collection] ?? 0) + 1;
  });
  // No rate limit worth the name: the benchmark is one villager sending as fast as the server answers.
  const handle = createApp({ chat: createEngine(), rateLimitPerMinute: 100_000_000 }).callback();
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);

  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line.trim() !== 'stats') return;
    const cpu = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ commands, documents, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  });
  await new Promise<void>((resolve) => input.on('close', resolve));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mongoose.disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
