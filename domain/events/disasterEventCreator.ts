import { DisasterEvent, type DisasterEventDocument } from '../../models/disasterEvent';
import { GB_T_28921_CODES } from '../../models/enums';
import { Region } from '../../models/region';
import type { StaffActor } from '../core/actor';
import { recordAudit, storedActor } from '../core/recordAudit';
import { forbidden, invalid } from '../core/errors';
import type { EventInputData } from './schema';
import { regionLevel, townOf } from '../core/regionScope';

/** Who opens and closes events: town officials for their own town, district admins for anything. */
export const EVENT_ROLES = ['town_official', 'district_admin'] as const;

/** Whether an event's area lies within the actor's region (an empty area is the whole district). */
export function eventWithinRegion(actor: StaffActor, regionCodes: readonly string[]): boolean {
  if (regionLevel(actor.regionCode) === 'district') return true;
  return regionCodes.length > 0 && regionCodes.every((code) => townOf(code) === actor.regionCode);
}

/** 403 unless the actor may manage an event over `regionCodes`. */
export function assertEventRole(actor: StaffActor, regionCodes: readonly string[]): void {
  if (!EVENT_ROLES.some((role) => role === actor.role)) throw forbidden('只有镇街和区里的工作人员可以管理灾害事件');
  if (!eventWithinRegion(actor, regionCodes)) throw forbidden('镇街只能管理本镇街范围内的灾害事件');
}

/**
 * Opens a disaster event. Its area must be real towns or villages of the district and, for a town official,
 * inside their town. The GB/T 28921 code is derived from the type. Audited as `event.create`.
 */
export async function disasterEventCreator(props: {
  actor: StaffActor;
  input: EventInputData;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<DisasterEventDocument> {
  const { actor, input, now } = props;
  const regionCodes = [...new Set(input.regionCodes)];
  assertEventRole(actor, regionCodes);
  const known = await Region.countDocuments({ _id: { $in: regionCodes }, level: { $in: ['town', 'village'] } });
  if (known !== regionCodes.length) throw invalid('unknown_region', '「受灾区域」里有不是巴南区镇街或村的代码');
  const event = await DisasterEvent.create({
    ...input,
    regionCodes,
    gbCode: GB_T_28921_CODES[input.disasterType],
    createdBy: storedActor(actor),
  });
  await recordAudit({
    actor,
    action: 'event.create',
    target: { type: 'disasterEvent', id: event.id },
    requestId: props.requestId,
    ip: props.ip,
    at: now,
    details: { name: input.name, regionCodes, responseLevel: input.responseLevel },
  });
  return event;
}
