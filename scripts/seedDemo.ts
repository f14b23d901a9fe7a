import { getConfig } from '../config';
import { connectForScript } from '../db/forScript';
import { ensureModels } from '../models';
import { demoSeeder } from './demo/demoSeeder';
import { logger } from '../lib/logger';

/**
 * `npm run seed:demo`: fills the clearly marked demo district (idempotent). Set DEMO_PASSWORD to give every demo
 * staff account that console password; without it, sign in with `npm run -s token`.
 */
async function main(): Promise<void> {
  const config = getConfig();
  if (config.NODE_ENV === 'production') throw new Error('seed:demo refuses to run with NODE_ENV=production');
  const close = await connectForScript(config, logger);
  try {
    await ensureModels();
    const result = await demoSeeder({ password: process.env.DEMO_PASSWORD || undefined });
    logger.info(result, 'Demo district ready (households DEMO-0001…, staff demo-*, all marked demo: true)');
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
