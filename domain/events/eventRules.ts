import { DisasterEvent } from '../../models/disasterEvent';
import { invalid } from '../core/errors';
import { townOf } from '../core/regionScope';

/** Reports of an event with an emergency response need at least this many photos (DOMAIN.md). */
export const PHOTOS_FOR_EMERGENCY_RESPONSE = 3;

/** Whether an event's area (empty = the whole district) covers a village. */
export function eventCovers(event: { regionCodes?: readonly string[] | null }, villageCode: string): boolean {
  const codes = event.regionCodes ?? [];
  if (codes.length === 0) return true;
  return codes.some((code) => code === villageCode || code === townOf(villageCode) || code.endsWith('000000'));
}

/**
 * The open event a submission attaches to, checked: it exists, is open and covers the village. Returns whether
 * it started an emergency response (then a report needs photos).
 */
export async function attachableEvent(eventId: string, villageCode: string): Promise<{ id: string; emergency: boolean }> {
  const event = await DisasterEvent.findById(eventId).lean();
  if (!event) throw invalid('event_not_found', '「灾害事件」不存在');
  if (event.status !== 'open') throw invalid('event_closed', '这个灾害事件已经结束，不能再关联新的上报');
  if (!eventCovers(event, villageCode)) throw invalid('event_out_of_area', '这个灾害事件不包括所选的村（社区）');
  return { id: String(event._id), emergency: event.responseLevel !== undefined && event.responseLevel !== null };
}
