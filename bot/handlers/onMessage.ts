import type { Logger } from 'pino';
import type { Message } from 'wechaty';
import type { Engine } from '../engine';
import type { Pacer } from '../pacer';
import { inboundFromWechaty } from '../channels/wechaty';

/** What the message handler needs. */
export interface MessageHandlerDeps {
  engine: Engine;
  /** Spaces the sends of the WeChat channel (≥ 300 ms apart). */
  pacer: Pacer;
  log: Logger;
}

/**
 * Answers a villager's WeChat message through the engine and sends the replies, paced, to the talker. Errors are
 * logged, never thrown: one bad message must not stop the bot.
 */
export function onMessage({ engine, pacer, log }: MessageHandlerDeps) {
  return async function handleMessage(msg: Message): Promise<void> {
    try {
      const inbound = await inboundFromWechaty(msg, log);
      if (!inbound) return;
      const replies = await engine.handle(inbound);
      const talker = msg.talker();
      for (const reply of replies) await pacer.send(() => talker.say(reply.text));
    } catch (error) {
      log.error({ err: error, messageId: msg.id }, 'WeChat message not answered');
    }
  };
}
