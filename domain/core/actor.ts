import type { StaffRole } from '../../models/enums';

export { STAFF_ROLES, type StaffRole } from '../../models/enums';

/** Who is acting: every command takes one, every audit entry names one. */
export type Actor =
  | {
      kind: 'staff';
      id: string;
      name: string;
      role: StaffRole;
      /** The 12-digit code of the region the person answers for (district, town or village). */
      regionCode: string;
      department?: string;
    }
  | { kind: 'villager'; contactId: string; householdId?: string; name?: string }
  | { kind: 'system'; name: string };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type VillagerActor = Extract<Actor, { kind: 'villager' }>;

/** A short label for logs and the audit trail. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'staff') return `${actor.role}:${actor.id}`;
  if (actor.kind === 'villager') return `villager:${actor.contactId}`;
  return `system:${actor.name}`;
}
