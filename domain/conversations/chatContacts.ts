import { Types } from 'mongoose';
import { Contact, type ContactDocument } from '../../models/contact';
import type { ContactChannel } from '../../models/enums';
import { isDuplicateKeyError } from '../../models/shared';
import { sealPii, type SealedPii } from '../../lib/pii';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';

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

/**
 * Records that the villager agreed to the privacy notice of `version` (what is collected, why, who sees it), with
 * the time; audited as `contact.consent`. Agreeing again to the same version changes nothing.
 */
export async function chatConsentRecorder(props: { actor: VillagerActor; version: string; now: Date; requestId: string }): Promise<void> {
  const { actor, version, now, requestId } = props;
  const result = await Contact.updateOne(
    { _id: new Types.ObjectId(actor.contactId), 'consent.version': { $ne: version } },
    { $set: { consent: { version, at: now } } },
  );
  if (result.modifiedCount > 0) {
    await recordAudit({ actor, action: 'contact.consent', target: { type: 'contact', id: actor.contactId }, requestId, at: now, details: { version } });
  }
}

/** A person as the villager named them in the chat: the phone is sealed as soon as it is read. */
export interface ChatPerson {
  name: string;
  phone: SealedPii;
}

/**
 * Keeps the name and phone a villager gave in the chat on their contact; audited as `contact.identify` (field
 * names only, never the values). Linking to a household is `chatHouseholdLinker`'s, with its own audit entry.
 */
export async function chatContactIdentifier(props: {
  actor: VillagerActor;
  person: ChatPerson;
  now: Date;
  requestId: string;
}): Promise<void> {
  const { actor, person, now, requestId } = props;
  const set = { name: person.name, phone: person.phone };
  await Contact.updateOne({ _id: new Types.ObjectId(actor.contactId) }, { $set: set });
  await recordAudit({ actor, action: 'contact.identify', target: { type: 'contact', id: actor.contactId }, requestId, at: now,
    details: { fields: Object.keys(set) } });
}

/** Seals a phone typed in the chat (for slots and the contact); throws `pii_empty` on a blank value. */
export function sealChatPhone(plain: string): SealedPii {
  return sealPii('phone', plain);
}
