import type { Logger } from 'pino';
import type { ContactSelf } from 'wechaty';

/** Logs which account the bot runs as. */
export function onLogin(log: Logger) {
  return function handleLogin(user: ContactSelf): void {
    log.info({ account: user.name() }, 'WeChat bot logged in');
  };
}
