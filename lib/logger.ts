import pino from 'pino';
import { getConfig } from '../config';

/** One pino logger for the process: pretty in a terminal, JSON lines otherwise. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  redact: { paths: ['req.headers.authorization', '*.password', '*.idNumber', '*.phone'], censor: '[hidden]' },
  ...(process.stdout.isTTY && getConfig().NODE_ENV !== 'production'
    ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
    : {}),
});
