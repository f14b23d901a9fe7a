import type { StaffActor, VillagerActor } from '../../domain/core/actor';

/** Only district admins read the audit trail: it names everyone's actions and targets across the district. */
export function canReadAuditLog(actor: StaffActor | VillagerActor): boolean {
  return actor.kind === 'staff' && actor.role === 'district_admin';
}
