import type { StaffActor, StaffRole, VillagerActor } from '../../domain/core/actor';
import { inRegion, regionLevel, townOf } from '../../domain/core/regionScope';

/** The fields of a staff account the policies look at. */
export interface StaffScope {
  _id: { toString(): string };
  role: StaffRole;
  regionCode: string;
}

type Reader = StaffActor | VillagerActor;

/** Roles that sign in with the mini-program, and so are linked to WeChat with an invitation. */
export const MINI_PROGRAM_ROLES: readonly StaffRole[] = ['grid_worker', 'village_cadre'];

/** A region code as the `townCode`/`villageCode` pair that `inRegion` reads. */
export function regionPlace(code: string): { townCode?: string; villageCode?: string } {
  const level = regionLevel(code);
  if (level === 'district') return {};
  return level === 'town' ? { townCode: code } : { townCode: townOf(code), villageCode: code };
}

const manages = (actor: Reader): actor is StaffActor =>
  actor.kind === 'staff' && (actor.role === 'district_admin' || actor.role === 'town_official');

/** Who sees a staff account: district admins everyone, town officials the accounts of their town. */
export function canReadStaff(actor: Reader, staff: StaffScope): boolean {
  if (!manages(actor)) return false;
  if (actor.role === 'district_admin') return true;
  const place = regionPlace(staff.regionCode);
  return place.townCode !== undefined && inRegion(actor, place);
}

/**
 * Who may create an account with this role and region: district admins any; town officials only grid workers and
 * village cadres of villages in their town.
 */
export function canCreateStaff(actor: Reader, role: StaffRole, regionCode: string): boolean {
  if (!manages(actor)) return false;
  if (actor.role === 'district_admin') return true;
  return MINI_PROGRAM_ROLES.includes(role) && regionLevel(regionCode) === 'village' && inRegion(actor, regionPlace(regionCode));
}

/** Who may invite a staff member to link WeChat: the same people who could have created the account. */
export function canInviteStaff(actor: Reader, staff: StaffScope): boolean {
  return MINI_PROGRAM_ROLES.includes(staff.role) && canReadStaff(actor, staff) && canCreateStaff(actor, staff.role, staff.regionCode);
}
