import type { Logger } from 'pino';

/** Logs puppet errors; the puppet reconnects on its own. */
export function onError(log: Logger) {
  return function handleError(error: Error): void {
    log.error({ err: error }, 'WeChat bot error');
  };
}
