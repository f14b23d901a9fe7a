import type { StaffActor, VillagerActor } from '../../domain/core/actor';
import { inRegion, regionFilter, townOf } from '../../domain/core/regionScope';

/** The fields of a household the policies look at. */
export interface HouseholdScope {
  _id: { toString(): string };
  townCode: string;
  villageCode: string;
  gridWorkerId?: { toString(): string } | null;
}

type Reader = StaffActor | VillagerActor;

const isOwnGrid = (actor: StaffActor, household: HouseholdScope): boolean =>
  actor.role === 'grid_worker' && household.gridWorkerId?.toString() === actor.id;

/**
 * Who sees a household: the villager of it; district admins and departments anywhere in their region; town
 * officials and village cadres within their town or village; a grid worker only the households of their grid.
 * Bank officers see households through the applications referred to them, not the register.
 */
export function canReadHousehold(actor: Reader, household: HouseholdScope): boolean {
  if (actor.kind === 'villager') return actor.householdId !== undefined && actor.householdId === household._id.toString();
  switch (actor.role) {
    case 'grid_worker':
      return isOwnGrid(actor, household) && inRegion(actor, household);
    case 'bank_officer':
      return false;
    default:
      return inRegion(actor, household);
  }
}

/** Who may search the register at all (their results are still scoped by `householdScopeFilter`). */
export function canListHouseholds(actor: Reader): actor is StaffActor {
  return actor.kind === 'staff' && actor.role !== 'bank_officer';
}

/**
 * The filter that confines a register search to what `canReadHousehold` allows: the region, and for a grid worker
 * their grid. Built from the actor only, never from the request.
 */
export function householdScopeFilter(actor: StaffActor): { townCode?: string; villageCode?: string; gridWorkerId?: string } {
  return actor.role === 'grid_worker' ? { ...regionFilter(actor), gridWorkerId: actor.id } : regionFilter(actor);
}

/**
 * Who keeps the register: district admins and town officials in their region, and the grid worker for the
 * households of their grid (the one who visits). Cadres and departments read only.
 */
export function canUpdateHousehold(actor: Reader, household: HouseholdScope): boolean {
  if (actor.kind !== 'staff' || !canReadHousehold(actor, household)) return false;
  return actor.role === 'district_admin' || actor.role === 'town_official' || isOwnGrid(actor, household);
}

/** Who may add a household in a village: district admins, the town official of its town, a grid worker of it. */
export function canCreateHousehold(actor: Reader, villageCode: string): boolean {
  if (actor.kind !== 'staff') return false;
  const where = { townCode: townOf(villageCode), villageCode };
  if (actor.role === 'district_admin' || actor.role === 'town_official') return inRegion(actor, where);
  return actor.role === 'grid_worker' && actor.regionCode === villageCode;
}

/** Who may (re)assign a household's grid worker: district admins and town officials, not grid workers themselves. */
export function canAssignGridWorker(actor: Reader, household: HouseholdScope): boolean {
  return actor.kind === 'staff' && (actor.role === 'district_admin' || actor.role === 'town_official') && inRegion(actor, household);
}

/**
 * Who may see a household's ID numbers, phones, bank account and health unmasked (with a stated reason, audited):
 * district admins and town officials in their region, and the household's own grid worker, who phones and visits.
 */
export function canRevealHouseholdPii(actor: Reader, household: HouseholdScope): boolean {
  return canUpdateHousehold(actor, household);
}
