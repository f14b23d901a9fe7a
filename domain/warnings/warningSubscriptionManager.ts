import { Types } from 'mongoose';
import { Contact } from '../../models/contact';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { invalid } from '../core/errors';
import { regionLevel } from '../core/regionScope';

/** What {@link warningSubscriptionManager} needs. */
export interface SubscriptionProps {
  actor: VillagerActor;
  /** The 12-digit code of a village or town whose warnings the villager wants (or no longer wants). */
  regionCode: string;
  subscribe: boolean;
  now: Date;
  requestId?: string;
}

/**
 * Subscribes a villager to the warnings of a village or town, or unsubscribes. Idempotent: subscribing twice keeps
 * one entry, unsubscribing what was never subscribed changes nothing. Returns the subscriptions afterwards.
 * Audited as `contact.subscribe` / `contact.unsubscribe` when something changed.
 */
export async function warningSubscriptionManager(props: SubscriptionProps): Promise<string[]> {
  const { actor, regionCode, subscribe, now, requestId } = props;
  if (!/^\d{12}$/.test(regionCode) || regionLevel(regionCode) === 'district') {
    throw invalid('invalid_region', '请选一个村（社区）或镇街');
  }
  const id = new Types.ObjectId(actor.contactId);
  const update = subscribe ? { $addToSet: { warningSubscriptions: regionCode } } : { $pull: { warningSubscriptions: regionCode } };
  const result = await Contact.updateOne({ _id: id }, update);
  if (result.modifiedCount > 0) {
    await recordAudit({
      actor,
      action: subscribe ? 'contact.subscribe' : 'contact.unsubscribe',
      target: { type: 'contact', id: actor.contactId },
      requestId,
      at: now,
      details: { regionCode },
    });
  }
  const contact = await Contact.findById(id).orFail().lean();
  return contact.warningSubscriptions;
}
