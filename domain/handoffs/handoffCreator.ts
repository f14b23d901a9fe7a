import { Types } from 'mongoose';
import { HandoffTicket, type HandoffTicketDocument } from '../../models/handoffTicket';
import { Household } from '../../models/household';
import { StaffUser } from '../../models/staffUser';
import { isDuplicateKeyError } from '../../models/shared';
import type { ContactChannel } from '../../models/enums';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { redactPersonalNumbers } from '../conversations/redactPersonalNumbers';
import { townOf } from '../core/regionScope';

/** A villager who asks again within this time gets the open ticket back instead of a new one. */
const REUSE_OPEN_TICKET_MS = 2 * 60 * 60 * 1000;

/** What {@link handoffCreator} needs. */
export interface HandoffCreatorProps {
  /** The inbound message that asked (`channel:messageId`): a redelivery finds the same ticket. */
  key: string;
  actor: VillagerActor;
  channel: ContactChannel;
  reason: 'asked' | 'failures' | 'voice';
  villageCode?: string;
  /** Where the villager was in the dialog, for the person who calls back. */
  flow?: string;
  step?: string;
  lastText?: string;
  now: Date;
}

/** Who will get in touch: the name of the grid worker, if one is known. */
export interface HandoffResult {
  ticket: HandoffTicketDocument;
  created: boolean;
  assigneeName?: string;
}

/** The household's own grid worker, else the first active grid worker of the village. */
async function gridWorkerFor(householdId: string | undefined, villageCode: string | undefined) {
  if (householdId && Types.ObjectId.isValid(householdId)) {
    const household = await Household.findById(householdId).lean();
    if (household?.gridWorkerId) {
      const own = await StaffUser.findById(household.gridWorkerId).lean();
      if (own?.active) return { worker: own, villageCode: villageCode ?? household.villageCode };
    }
    villageCode ??= household?.villageCode;
  }
  if (!villageCode) return { worker: undefined, villageCode };
  const worker = await StaffUser.findOne({ role: 'grid_worker', regionCode: villageCode, active: true }).sort({ createdAt: 1 }).lean();
  return { worker: worker ?? undefined, villageCode };
}

/**
 * The name of the grid worker who follows up a villager's case (the household's own, else the village's), for
 * the bot to say who will call. Undefined when the village has no active grid worker on record.
 */
export async function followUpWorkerName(householdId: string | undefined, villageCode: string | undefined): Promise<string | undefined> {
  const { worker } = await gridWorkerFor(householdId, villageCode);
  return worker?.name;
}

/**
 * Opens a handoff ticket (转人工) for the villager's grid worker. Idempotent on `key`; and while the villager
 * has an open ticket from the last two hours, that one is returned (`created: false`) so repeated 转人工 does not
 * flood the grid worker. Texts are stored with phone and ID numbers masked. Writes `handoff.create` to the audit
 * trail when a ticket is created.
 */
export async function handoffCreator(props: HandoffCreatorProps): Promise<HandoffResult> {
  const { key, actor, channel, reason, flow, step, now } = props;
  const contactId = new Types.ObjectId(actor.contactId);
  const { worker, villageCode } = await gridWorkerFor(actor.householdId, props.villageCode);
  const assigneeName = worker?.name;
  const recent = await HandoffTicket.findOne({
    contactId,
    status: 'open',
    openedAt: { $gte: new Date(now.getTime() - REUSE_OPEN_TICKET_MS) },
  });
  if (recent) return { ticket: recent, created: false, assigneeName: recent.assigneeName ?? assigneeName };
  try {
    const ticket = await HandoffTicket.create({
      key,
      contactId,
      channel,
      reason,
      villageCode,
      townCode: villageCode ? townOf(villageCode) : undefined,
      householdId: actor.householdId && Types.ObjectId.isValid(actor.householdId) ? new Types.ObjectId(actor.householdId) : undefined,
      assigneeId: worker?._id,
      assigneeName,
      flow,
      step,
      lastText: props.lastText ? redactPersonalNumbers(props.lastText).slice(0, 500) : undefined,
      openedAt: now,
    });
    await recordAudit({
      actor,
      action: 'handoff.create',
      target: { type: 'handoffTicket', id: ticket.id },
      requestId: key,
      at: now,
      details: { reason, villageCode, assigned: Boolean(worker) },
    });
    return { ticket, created: true, assigneeName };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const ticket = await HandoffTicket.findOne({ key }).orFail();
    return { ticket, created: false, assigneeName: ticket.assigneeName ?? undefined };
  }
}
