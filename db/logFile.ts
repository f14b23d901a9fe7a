import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/** A log file grows to this size, then the next start moves it to `<file>.1` (replacing the older one). */
const ROTATE_BYTES = 10 * 1024 * 1024;

/** An append-only text file for the output of one of the embedded database's processes. */
export interface LogFile {
  path: string;
  write(text: string): void;
  /** Writes a line that marks what levee did, e.g. a start or a restart, so the file reads as a story. */
  mark(event: string): void;
  close(): Promise<void>;
}

export function openLogFile(file: string, log: Logger): LogFile {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
  const stream = fs.createWriteStream(file, { flags: 'a' });
  let failed = false;
  let closed = false;
  stream.on('error', (error) => {
    // A full disk must not bring the database down with it: the output is dropped, once said so.
    if (!failed) log.warn({ err: error, file }, 'Cannot write the embedded database log; its output is dropped');
    failed = true;
  });
  const write = (text: string): void => {
    if (!failed && !closed) stream.write(text);
  };
  return {
    path: file,
    write,
    mark: (event) => write(`--- ${new Date().toISOString()} levee: ${event}\n`),
    close: () => {
      closed = true;
      return new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

/** Keeps the last characters of a process's output, for error messages. */
export function tail(previous: string, chunk: string, keep = 3000): string {
  return (previous + chunk).slice(-keep);
}
