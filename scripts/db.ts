import { loadConfig } from '../config';
import { startEmbeddedDatabase } from '../db/embedded';
import { publishEmbeddedDatabase } from '../db/forScript';
import { logger } from '../lib/logger';

/** `npm run db`: starts only the embedded database and prints its URI; Ctrl-C stops it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, log: logger });
  const unpublish = publishEmbeddedDatabase(config, db.uri);
  process.stdout.write(`${db.uri}levee\n`);
  logger.info(
    `Embedded database running. Connect with: mongosh "${db.uri}levee". Press Ctrl-C to stop.\n` +
      `  Its own logs: ${db.logs.ferretdb} and ${db.logs.postgres}`,
  );
  const stop = (): void => {
    unpublish();
    void db.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : error);
  process.exit(1);
});
