import type { Logger } from 'pino';
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { logger as defaultLogger } from '../lib/logger';
import type { Engine } from './engine';
import { setHandlers } from './handlers/setHandlers';
import { Pacer } from './pacer';

/** The smallest gap between two sends on WeChat. */
export const WECHAT_SEND_INTERVAL_MS = 300;

type PuppetInstance = Exclude<NonNullable<Parameters<typeof WechatyBuilder.build>[0]>['puppet'], string | undefined>;

/**
 * The puppets levee runs on. Personal-account protocols (wechat4u, padlocal, xp, …) are refused: they break
 * WeChat's terms of service and get accounts banned, which a government service cannot afford (README, "WeChat").
 */
export const ALLOWED_PUPPETS = ['wechaty-puppet-official-account', 'wechaty-puppet-mock'] as const;
/** One of {@link ALLOWED_PUPPETS}. */
export type AllowedPuppet = (typeof ALLOWED_PUPPETS)[number];

/** Whether a configured puppet name is one levee runs on. */
export function isAllowedPuppet(name: string): name is AllowedPuppet {
  return ALLOWED_PUPPETS.some((allowed) => allowed === name);
}

/** Options of {@link createBot}: a puppet instance (tests, DI) or the name of a puppet package and its options. */
export interface CreateBotOptions {
  engine: Engine;
  puppet?: PuppetInstance;
  /** e.g. `wechaty-puppet-official-account`; the full npm name. */
  puppetName?: string;
  puppetOptions?: Record<string, unknown>;
  sendIntervalMs?: number;
  log?: Logger;
}

/**
 * Builds the WeChat bot (not started): a Wechaty on the configured puppet whose messages go through the engine.
 * The code does not care which puppet runs it; production uses the Official Account puppet (README, "WeChat").
 */
export function createBot({
  engine,
  puppet,
  puppetName,
  puppetOptions,
  sendIntervalMs = WECHAT_SEND_INTERVAL_MS,
  log = defaultLogger,
}: CreateBotOptions): Wechaty {
  let bot: Wechaty;
  if (puppet) {
    bot = WechatyBuilder.build({ name: 'levee', puppet });
  } else if (puppetName && isAllowedPuppet(puppetName)) {
    bot = WechatyBuilder.build({ name: 'levee', puppet: puppetName, puppetOptions });
  } else {
    throw new Error(`WECHATY_PUPPET must be one of ${ALLOWED_PUPPETS.join(', ')} (got ${puppetName ?? 'nothing'})`);
  }
  setHandlers(bot, { engine, pacer: new Pacer(sendIntervalMs), log });
  return bot;
}
