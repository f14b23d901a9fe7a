import type { Wechaty } from 'wechaty';
import { onError } from './onError';
import { onLogin } from './onLogin';
import { onMessage, type MessageHandlerDeps } from './onMessage';

/** Wires the event handlers; nothing else. */
export function setHandlers(bot: Wechaty, deps: MessageHandlerDeps): void {
  bot.on('message', onMessage(deps));
  bot.on('login', onLogin(deps.log));
  bot.on('error', onError(deps.log));
}
