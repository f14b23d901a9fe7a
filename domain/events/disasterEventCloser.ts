import { DisasterEvent, type DisasterEventDocument } from '../../models/disasterEvent';
import type { StaffActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { assertEventRole } from './disasterEventCreator';
import { conflict, invalid } from '../core/errors';

/**
 * Closes an open event: new reports can no longer attach to it. The write is conditional on `open`, so closing
 * twice answers 409 `event_closed` instead of moving `endAt`. Audited as `event.close`.
 */
export async function disasterEventCloser(props: {
  actor: StaffActor;
  event: DisasterEventDocument;
  endAt?: Date;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<DisasterEventDocument> {
  const { actor, event, now } = props;
  assertEventRole(actor, event.regionCodes);
  const endAt = props.endAt ?? now;
  if (endAt < event.startAt) throw invalid('invalid_input', '「结束时间」不能早于开始时间');
  const result = await DisasterEvent.updateOne({ _id: event._id, status: 'open' }, { $set: { status: 'closed', endAt } });
  if (result.matchedCount === 0) throw conflict('event_closed', '这个灾害事件已经结束了');
  await recordAudit({
    actor,
    action: 'event.close',
    target: { type: 'disasterEvent', id: event.id },
    requestId: props.requestId,
    ip: props.ip,
    at: now,
    details: { endAt },
  });
  return DisasterEvent.findById(event._id).orFail();
}
