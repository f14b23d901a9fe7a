import type { StaffActor } from './actor';

/** 巴南区: the district, the region of district-wide staff. */
export const DISTRICT_CODE = '500113000000';

/** The level of a 12-digit NBS region code in Banan: district `500113000000`, town `500113xxx000`, village otherwise. */
export function regionLevel(code: string): 'district' | 'town' | 'village' {
  if (code.endsWith('000000')) return 'district';
  if (code.endsWith('000')) return 'town';
  return 'village';
}

/** The town a village or town code belongs to. */
export const townOf = (code: string): string => `${code.slice(0, 9)}000`;

/** Whether region `inner` lies within region `outer` (district ⊃ town ⊃ village). */
export function regionContains(outer: string, inner: string): boolean {
  const level = regionLevel(outer);
  if (level === 'district') return true;
  if (level === 'town') return townOf(inner) === outer;
  return inner === outer;
}

/**
 * The filter that confines a staff member's queries to their region, for documents that carry `townCode` and
 * `villageCode`. District staff see the whole district; a grid worker sees their village here and is narrowed
 * further to their own households by the household policies.
 */
export function regionFilter(actor: StaffActor): { townCode?: string; villageCode?: string } {
  const level = regionLevel(actor.regionCode);
  if (level === 'district') return {};
  if (level === 'town') return { townCode: actor.regionCode };
  return { villageCode: actor.regionCode };
}

/** Whether a record in `villageCode` (or a town-level record in `townCode`) lies inside the actor's region. */
export function inRegion(actor: StaffActor, record: { townCode?: string | null; villageCode?: string | null }): boolean {
  const level = regionLevel(actor.regionCode);
  if (level === 'district') return true;
  if (level === 'town') return record.townCode === actor.regionCode;
  return record.villageCode === actor.regionCode;
}
