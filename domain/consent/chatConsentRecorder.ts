import { Types } from 'mongoose';
import { Contact } from '../../models/contact';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';

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
    await recordAudit({
      actor,
      action: 'contact.consent',
      target: { type: 'contact', id: actor.contactId },
      requestId,
      at: now,
      details: { version },
    });
  }
}
