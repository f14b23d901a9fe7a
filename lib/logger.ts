import pino from 'pino';
import { getConfig } from '../config';

const pretty = process.stderr.isTTY && getConfig().NODE_ENV !== 'production';

/**
 * One pino logger for the process, writing to stderr (so stdout stays clean for commands whose output is data:
 * `npm run db`, `npm run -s token`, `npm run chat -- --json`): pretty in a terminal, JSON lines otherwise.
 */
export const logger = pino(
  {
    level: getConfig().LOG_LEVEL,
    base: undefined,
    redact: { paths: ['req.headers.authorization', '*.password', '*.idNumber', '*.phone'], censor: '[hidden]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  },
  pretty ? undefined : pino.destination(2),
);
