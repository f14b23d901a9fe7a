import type { Logger } from 'pino';
import { createBot } from './createBot';
import type { Engine } from './engine';

/** What `main.ts` passes from the configuration. */
export interface ChatChannelOptions {
  /** The engine the web chat shares, so that a person's messages pass through one queue whatever the channel. */
  engine: Engine;
  puppetName?: string;
  puppetOptions?: Record<string, unknown>;
  /** Where the web chat is reachable, for the start-up message. */
  baseUrl: string;
  log: Logger;
}

/**
 * Starts the WeChat channel when a puppet is configured, on the engine the web chat shares; otherwise says that
 * WeChat is off and where the bot can be tried. Resolves with the step that stops it (before the database).
 */
export async function startChatChannels({
  engine,
  puppetName,
  puppetOptions,
  baseUrl,
  log,
}: ChatChannelOptions): Promise<() => Promise<void>> {
  const tryIt = `try the bot at ${baseUrl}/chat or with \`npm run chat\``;
  if (!puppetName) {
    log.info(`WeChat is off (WECHATY_PUPPET is not set); ${tryIt}`);
    return async () => undefined;
  }
  const bot = createBot({ engine, puppetName, puppetOptions, log });
  await bot.start();
  log.info(`WeChat bot started on ${puppetName}; also ${tryIt}`);
  return async () => {
    await bot.stop();
    await engine.idle();
  };
}
