import type { Actor } from '../../domain/core/actor';
import { inRegion } from '../../domain/core/regionScope';
import type { ReportStatus } from '../../domain/reports/reportTransitions';

/** The fields of a report that decide who may see and handle it. */
export interface ReportAccessFields {
  townCode: string;
  villageCode?: string | null;
  householdId?: { toString(): string } | null;
  reporter?: { contactId?: { toString(): string } | null } | null;
}

/** Staff roles that see damage reports of their region (bank officers handle credit only). */
const VIEW_ROLES: readonly string[] = ['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department'];
/** Roles that verify on site: they may start and finish a verification. */
const FIELD_ROLES: readonly string[] = ['grid_worker', 'village_cadre'];
/** Roles that decide: every transition, and assignment. */
const DECIDING_ROLES: readonly string[] = ['town_official', 'district_admin'];
const FIELD_STEPS: readonly ReportStatus[] = ['verifying', 'verified'];

/** Whether a villager is the reporter of the report or belongs to the household it is about. */
export function isOwnReport(actor: Actor, report: ReportAccessFields): boolean {
  if (actor.kind !== 'villager') return false;
  if (report.reporter?.contactId?.toString() === actor.contactId) return true;
  return actor.householdId !== undefined && report.householdId?.toString() === actor.householdId;
}

/** Staff of the report's region (not bank officers) and the villager whose report it is. */
export function canViewReport(actor: Actor, report: ReportAccessFields): boolean {
  if (actor.kind === 'villager') return isOwnReport(actor, report);
  return actor.kind === 'staff' && VIEW_ROLES.includes(actor.role) && inRegion(actor, report);
}

/** Town officials and district admins of the report's region hand it to someone. */
export function canAssignReport(actor: Actor, report: ReportAccessFields): boolean {
  return actor.kind === 'staff' && DECIDING_ROLES.includes(actor.role) && inRegion(actor, report);
}

/** Grid workers and cadres move a report through verification; officials also close, reject and mark duplicates. */
export function canChangeReportStatus(actor: Actor, report: ReportAccessFields, to: ReportStatus): boolean {
  if (actor.kind !== 'staff' || !inRegion(actor, report)) return false;
  return DECIDING_ROLES.includes(actor.role) || (FIELD_ROLES.includes(actor.role) && FIELD_STEPS.includes(to));
}
