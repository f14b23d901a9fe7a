import type { Logger } from 'pino';
import { types, type Message } from 'wechaty';
import { chatContactToucher } from '../../domain/conversations/chatContactToucher';
import { DomainError } from '../../domain/core/errors';
import { fileUploader } from '../../domain/files/fileUploader';
import type { Inbound } from '../../domain/conversations/messages';

/** Messages older than this (seconds) are replayed history after a reconnect, not something to answer now. */
export const STALE_AFTER_SECONDS = 120;

/**
 * Saves a WeChat picture into levee's file storage as uploaded by the villager's contact, so the report can list
 * it; when it cannot be stored (not a photo, too large), the message is kept as a reference to the WeChat message.
 */
async function imageOf(msg: Message, userId: string, log: Logger): Promise<Extract<Inbound, { kind: 'image' }>['image']> {
  try {
    const box = await msg.toFileBox();
    const bytes = await box.toBuffer();
    const contact = await chatContactToucher('wechaty', userId, new Date());
    const { file } = await fileUploader({
      bytes,
      originalName: box.name,
      actor: { kind: 'villager', contactId: contact.id, householdId: contact.householdId?.toString() },
      now: new Date(),
      requestId: `wechaty:${msg.id}`,
    });
    return { fileId: file.id };
  } catch (error) {
    if (!(error instanceof DomainError)) log.warn({ err: error, messageId: msg.id }, 'could not store a WeChat picture');
    return { url: `wechaty-message:${msg.id}` };
  }
}

/**
 * The engine's form of a WeChat message, or undefined for messages the bot does not answer: its own (the mock
 * and some puppets echo sent messages back), group messages, stale replays and kinds it has no use for.
 */
export async function inboundFromWechaty(msg: Message, log: Logger): Promise<Inbound | undefined> {
  if (msg.self() || msg.room() || msg.age() > STALE_AFTER_SECONDS) return undefined;
  const base = { channel: 'wechaty' as const, userId: msg.talker().id, messageId: msg.id };
  switch (msg.type()) {
    case types.Message.Text:
      return { ...base, kind: 'text', text: msg.text().slice(0, 2000) };
    case types.Message.Image:
      return { ...base, kind: 'image', image: await imageOf(msg, base.userId, log) };
    case types.Message.Audio:
      return { ...base, kind: 'voice' };
    case types.Message.Location: {
      const location = await msg.toLocation();
      return {
        ...base,
        kind: 'location',
        location: { lat: location.latitude(), lng: location.longitude(), label: location.name() || location.address() },
      };
    }
    default:
      return undefined;
  }
}
