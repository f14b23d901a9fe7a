import { Contact, type ContactDocument } from '../../models/contact';
import type { ContactChannel } from '../../models/enums';
import { isDuplicateKeyError } from '../../models/shared';

/**
 * The contact behind a chat user, created on the first message (upsert on the unique channel + externalId) and
 * stamped with `lastInboundAt`, which opens WeChat's 48-hour window for customer-service replies. One write per
 * message; two first messages racing both end with the one contact.
 */
export async function chatContactToucher(channel: ContactChannel, externalId: string, now: Date): Promise<ContactDocument> {
  const touch = () =>
    Contact.findOneAndUpdate(
      { channel, externalId },
      { $set: { lastInboundAt: now }, $setOnInsert: { channel, externalId } },
      { upsert: true, returnDocument: 'after' },
    ).orFail();
  try {
    return await touch();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return touch();
  }
}
