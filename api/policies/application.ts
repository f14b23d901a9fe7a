import type { Actor } from '../../domain/core/actor';
import { inRegion } from '../../domain/core/regionScope';

/** The fields of an application that decide who may see it. */
export interface ApplicationAccessFields {
  kind: string;
  townCode: string;
  villageCode?: string | null;
  householdId?: { toString(): string } | null;
  applicant?: { contactId?: { toString(): string } | null } | null;
}

/** Staff who handle applications of their region; bank officers only credit ones (DOMAIN.md §2). */
const CASE_ROLES: readonly string[] = ['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department'];

/** Whether the villager applied, or the application is for their household. */
export function isOwnApplication(actor: Actor, application: ApplicationAccessFields): boolean {
  if (actor.kind !== 'villager') return false;
  if (application.applicant?.contactId?.toString() === actor.contactId) return true;
  return actor.householdId !== undefined && application.householdId?.toString() === actor.householdId;
}

/** Staff of the region (bank officers: credit only) and the household that applied. */
export function canViewApplication(actor: Actor, application: ApplicationAccessFields): boolean {
  if (actor.kind === 'villager') return isOwnApplication(actor, application);
  if (actor.kind !== 'staff' || !inRegion(actor, application)) return false;
  return CASE_ROLES.includes(actor.role) || (actor.role === 'bank_officer' && application.kind !== 'green_channel');
}
