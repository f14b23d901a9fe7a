import { Types } from 'mongoose';
import { Contact } from '../../models/contact';
import { sealPii, type SealedPii } from '../../lib/pii';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';

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
  await recordAudit({
    actor,
    action: 'contact.identify',
    target: { type: 'contact', id: actor.contactId },
    requestId,
    at: now,
    details: { fields: Object.keys(set) },
  });
}

/** Seals a phone typed in the chat (for slots and the contact); throws `pii_empty` on a blank value. */
export function sealChatPhone(plain: string): SealedPii {
  return sealPii('phone', plain);
}
