import { Types } from 'mongoose';
import { Contact } from '../../models/contact';
import type { ContactChannel } from '../../models/enums';
import { Household } from '../../models/household';
import { isDuplicateKeyError } from '../../models/shared';
import { Warning } from '../../models/warning';
import { WarningAck } from '../../models/warningAck';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';

/** Warnings older than this are not acknowledged by a 收到 any more: the villager means something else. */
const ACK_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** The warning a 收到 answered. */
export interface AckedWarning {
  chainId: string;
  headline: string;
}

/** Whose 叫应 it is: the household when the contact is linked to one (any member answers for it), else the contact. */
function recipientOf(actor: VillagerActor): { recipientKey: string; householdId?: Types.ObjectId; contactId: Types.ObjectId } {
  const contactId = new Types.ObjectId(actor.contactId);
  if (actor.householdId && Types.ObjectId.isValid(actor.householdId)) {
    return { recipientKey: `household:${actor.householdId}`, householdId: new Types.ObjectId(actor.householdId), contactId };
  }
  return { recipientKey: `contact:${actor.contactId}`, contactId };
}

/** The region codes whose warnings reach this contact: its subscriptions and its household's village. */
async function regionsOf(actor: VillagerActor): Promise<string[]> {
  const contact = await Contact.findById(actor.contactId).lean();
  const codes = new Set(contact?.warningSubscriptions ?? []);
  if (actor.householdId && Types.ObjectId.isValid(actor.householdId)) {
    const household = await Household.findById(actor.householdId).lean();
    if (household) codes.add(household.villageCode);
  }
  return [...codes];
}

/**
 * Records a villager's 收到 as the acknowledgement (叫应) of the latest warning sent to their village or their
 * subscriptions within the last three days that they have not acknowledged yet, and not withdrawn by a Cancel.
 * Returns that warning, or undefined when there is none (then 收到 was not about a warning). Idempotent: one
 * acknowledgement per chain and recipient (unique index). Audited as `warning.ack`.
 */
export async function warningAckRecorder(props: {
  actor: VillagerActor;
  channel: ContactChannel;
  now: Date;
  requestId?: string;
}): Promise<AckedWarning | undefined> {
  const { actor, channel, now, requestId } = props;
  const regions = await regionsOf(actor);
  if (regions.length === 0) return undefined;
  const recent = await Warning.find({
    targetRegionCodes: { $in: regions },
    sendTime: { $gte: new Date(now.getTime() - ACK_WINDOW_MS), $lte: now },
  })
    .sort({ sendTime: -1 })
    .limit(20)
    .lean();
  const cancelled = new Set(recent.filter((warning) => warning.msgType === 'Cancel').map((warning) => warning.chainId));
  const recipient = recipientOf(actor);
  const acked = await WarningAck.find({ recipientKey: recipient.recipientKey, chainId: { $in: recent.map((w) => w.chainId) } }).lean();
  const done = new Set(acked.map((ack) => ack.chainId));
  const target = recent.find((warning) => !cancelled.has(warning.chainId) && !done.has(warning.chainId));
  if (!target) return undefined;
  try {
    await WarningAck.create({ chainId: target.chainId, warningIdentifier: target.identifier, ...recipient, channel, ackAt: now });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return { chainId: target.chainId, headline: target.info.headline };
  }
  await recordAudit({
    actor,
    action: 'warning.ack',
    target: { type: 'warning', id: target.chainId },
    requestId,
    at: now,
    details: { recipientKey: recipient.recipientKey, channel },
  });
  return { chainId: target.chainId, headline: target.info.headline };
}
