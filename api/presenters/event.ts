import type { DisasterEventFields } from '../../models/disasterEvent';

/** The JSON of a disaster event. */
export function presentEvent(event: DisasterEventFields & { _id: { toString(): string } }) {
  return {
    id: event._id.toString(),
    name: event.name,
    disasterType: event.disasterType,
    gbCode: event.gbCode ?? undefined,
    status: event.status,
    startAt: event.startAt.toISOString(),
    endAt: event.endAt?.toISOString(),
    regionCodes: event.regionCodes,
    responseLevel: event.responseLevel ?? undefined,
    description: event.description ?? undefined,
    createdBy: event.createdBy ? { name: event.createdBy.name ?? undefined, role: event.createdBy.role ?? undefined } : undefined,
  };
}
