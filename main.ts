import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { getConfig, ConfigError } from './config';
import { logger } from './lib/logger';
import { connectDatabase } from './db/connect';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { EmbeddedDatabaseError } from './db/ferretdbBinary';
import { publishEmbeddedDatabase } from './db/forScript';
import { ensureModels } from './models';
import { importRegions } from './domain/regions/importRegions';
import { createApp } from './api/createApp';
import { educationSeedLoader } from './domain/education/educationSeedLoader';
import { createEngine } from './bot/engine';
import { startChatChannels } from './bot/start';

type Step = () => Promise<void>;

/** Starts levee: database, data model, API. Returns the shutdown steps in the order they must run. */
async function start(): Promise<Step[]> {
  const config = getConfig();
  const shutdown: Step[] = [];
  if (Object.values(config.secretSources).includes('generated')) {
    logger.warn(`Development secrets are kept in ${config.DATA_DIR}/secrets.json; production must set them in the environment.`);
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!config.MONGODB_URI) {
    logger.info('MONGODB_URI is not set: starting the embedded database (FerretDB on PostgreSQL)');
    embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, log: logger });
  }
  const uri = config.MONGODB_URI ?? embedded?.uri ?? '';
  try {
    await connectDatabase(uri);
    await ensureModels();
    const regions = await importRegions();
    logger.info(regions, 'Regions loaded');
    logger.info(await educationSeedLoader(), 'Prevention articles loaded');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const engine = createEngine({ log: logger });
  const handle = createApp({ chat: engine }).callback();
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const base = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  logger.info(`levee is running:\n  API     ${base}/api\n  Docs    ${base}/api/docs\n  Chat    ${base}/chat\n  Health  ${base}/healthz`);
  const stopChat = await startChatChannels({
    engine,
    puppetName: config.WECHATY_PUPPET,
    puppetOptions: config.WECHATY_PUPPET_OPTIONS,
    baseUrl: base,
    log: logger,
  });

  shutdown.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
    stopChat,
    () => mongoose.disconnect(),
  );
  if (embedded) {
    const unpublish = publishEmbeddedDatabase(config, embedded.uri);
    shutdown.push(async () => {
      unpublish();
      await embedded.stop();
    });
  }
  return shutdown;
}

async function main(): Promise<void> {
  const steps = await start();
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => {
      logger.error('Shutdown took too long; exiting anyway');
      process.exit(1);
    }, getConfig().SHUTDOWN_TIMEOUT_MS);
    force.unref();
    void (async () => {
      for (const step of steps) await step();
      logger.info('Stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  logger.fatal(known ? error.message : { err: error }, known ? undefined : 'levee could not start');
  process.exit(1);
});
