import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { z } from 'zod';
import { chatContactToucher } from '../../domain/conversations/chatContactToucher';
import { DomainError } from '../../domain/core/errors';
import { fileUploader } from '../../domain/files/fileUploader';
import type { Engine } from '../engine';
import { InboundImage, InboundLocation, type Inbound, type Reply } from '../../domain/conversations/messages';

/** One line of `--json` input: a user and exactly one of text, image (a file path, a URL, or a reference), location. */
const JsonLine = z
  .strictObject({
    user: z.string().trim().min(1).max(100),
    id: z.string().trim().min(1).max(100).optional(),
    text: z.string().max(2000).optional(),
    image: z.union([z.string().min(1).max(2000), InboundImage]).optional(),
    location: InboundLocation.optional(),
    voice: z.literal(true).optional(),
  })
  .refine((line) => [line.text, line.image, line.location, line.voice].filter((part) => part !== undefined).length === 1, {
    message: 'give exactly one of text, image, location, voice',
  });
type JsonLine = z.infer<typeof JsonLine>;

/** What the terminal chat needs. */
export interface CliChatOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  log: Logger;
}

let counter = 0;
const messageId = (): string => `cli-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** A picture given on the command line: a file is stored as the user's upload; anything else is kept as a reference. */
async function imageOf(image: string | z.infer<typeof InboundImage>, user: string): Promise<Extract<Inbound, { kind: 'image' }>['image']> {
  if (typeof image !== 'string') return image;
  if (!fs.existsSync(image)) return { url: image };
  const contact = await chatContactToucher('cli', user, new Date());
  try {
    const { file } = await fileUploader({
      bytes: fs.readFileSync(image),
      originalName: image,
      actor: { kind: 'villager', contactId: contact.id },
      now: new Date(),
    });
    return { fileId: file.id };
  } catch (error) {
    if (error instanceof DomainError) return { url: image };
    throw error;
  }
}

async function inboundOf(line: JsonLine): Promise<Inbound> {
  const base = { channel: 'cli' as const, userId: line.user, messageId: line.id ?? messageId() };
  if (line.image !== undefined) return { ...base, kind: 'image', image: await imageOf(line.image, line.user) };
  if (line.location) return { ...base, kind: 'location', location: line.location };
  if (line.voice) return { ...base, kind: 'voice' };
  return { ...base, kind: 'text', text: line.text ?? '' };
}

const write = (output: Writable, value: unknown): void => void output.write(`${JSON.stringify(value)}\n`);

/**
 * `--json`: reads one JSON object per line, answers each in order, and writes one JSON line per reply followed by
 * `{"user":…,"done":true}`. A line that cannot be read gets `{"user":…,"error":…}` before its done line. Resolves at
 * the end of the input, after the last answer is written.
 */
export async function runJsonChat({ engine, input, output, log }: CliChatOptions): Promise<void> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    if (raw.trim() === '') continue;
    let user = '?';
    try {
      const json: unknown = JSON.parse(raw);
      user = z.object({ user: z.string() }).safeParse(json).data?.user ?? user;
      const parsed = JsonLine.safeParse(json);
      if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
      user = parsed.data.user;
      const replies: Reply[] = await engine.handle(await inboundOf(parsed.data));
      for (const reply of replies) write(output, { user, text: reply.text, flow: reply.flow, step: reply.step });
    } catch (error) {
      log.warn({ err: error }, 'chat line not handled');
      write(output, { user, error: error instanceof Error ? error.message : String(error) });
    }
    write(output, { user, done: true });
  }
}

/** Interactive: the terminal user is one villager; each line is a message, the replies are printed under it. */
export async function runInteractiveChat({ engine, input, output, user }: CliChatOptions & { user: string }): Promise<void> {
  output.write('巴南区防灾帮扶（终端试用）。直接打字，Ctrl-D 结束。\n');
  const lines = readline.createInterface({ input, output, prompt: '您> ', terminal: Boolean('isTTY' in input && input.isTTY) });
  lines.prompt();
  for await (const text of lines) {
    if (text.trim() !== '') {
      const replies = await engine.handle({ channel: 'cli', userId: user, messageId: messageId(), kind: 'text', text });
      for (const reply of replies) output.write(`\n${reply.text}\n\n`);
    }
    lines.prompt();
  }
}
