import { z } from 'zod';
import type { DamageReport, HouseDamageLevel } from '../nlu/damage';

const count = z.number().min(0).max(1_000_000).optional();

/** What the villager said about damage so far (the fields of the extractor's `DamageReport`). */
export const DamageSlots = z.object({
  housesCollapsedRooms: count,
  housesSevereRooms: count,
  housesMinorRooms: count,
  cropsAffectedMu: count,
  cropsFailedMu: count,
  livestockDeadBig: count,
  livestockDeadSmall: count,
  poultryDead: count,
  injured: count,
  missing: count,
  dead: count,
  houseDamage: z.enum(['collapsed', 'severe', 'minor']).optional(),
  waterInterrupted: z.boolean().optional(),
});
/** Parsed damage slots. */
export type DamageSlots = z.infer<typeof DamageSlots>;

const LEVELS: readonly HouseDamageLevel[] = ['collapsed', 'severe', 'minor'];
const NUMERIC = [
  'housesCollapsedRooms',
  'housesSevereRooms',
  'housesMinorRooms',
  'cropsAffectedMu',
  'cropsFailedMu',
  'livestockDeadBig',
  'livestockDeadSmall',
  'poultryDead',
  'injured',
  'missing',
  'dead',
] as const;

/** The room field of each house damage level. */
export const ROOMS_OF = {
  collapsed: 'housesCollapsedRooms',
  severe: 'housesSevereRooms',
  minor: 'housesMinorRooms',
} as const satisfies Record<HouseDamageLevel, keyof DamageSlots>;

/** How each level is said: 房子垮了 / 严重损坏 / 有裂缝. */
export const LEVEL_WORDS: Readonly<Record<HouseDamageLevel, string>> = { collapsed: '垮了', severe: '严重损坏', minor: '有裂缝、轻微损坏' };

/** Whether a message said anything about damage. */
export function saysDamage(report: DamageReport): boolean {
  return NUMERIC.some((field) => report[field] !== undefined) || report.houseDamage !== undefined || report.waterInterrupted === true;
}

/** Adds a new message's damage to what was said before: counts add up, the worst house level stays. */
export function mergeDamage(before: DamageSlots | undefined, added: DamageReport): DamageSlots {
  const merged: DamageSlots = { ...before };
  for (const field of NUMERIC) {
    const value = added[field];
    if (value !== undefined) merged[field] = (merged[field] ?? 0) + value;
  }
  const levels = [merged.houseDamage, added.houseDamage].filter((level) => level !== undefined);
  merged.houseDamage = LEVELS.find((level) => levels.includes(level));
  if (added.waterInterrupted) merged.waterInterrupted = true;
  return merged;
}

/** The house level the villager named without saying how many rooms, if any. */
export function roomsMissing(damage: DamageSlots | undefined): HouseDamageLevel | undefined {
  const level = damage?.houseDamage;
  return level && damage[ROOMS_OF[level]] === undefined ? level : undefined;
}

const tenths = (value: number): number => Math.round(value * 10) / 10;
const whole = (value: number | undefined): number => Math.round(value ?? 0);

/** The damage in the words of the summary: 房屋倒塌2间、庄稼受灾3亩、1人受伤、停水. */
export function damageText(damage: DamageSlots | undefined): string {
  if (!damage) return '';
  const parts: string[] = [];
  const rooms = (label: string, value: number | undefined) => value && parts.push(`房屋${label}${whole(value)}间`);
  rooms('倒塌', damage.housesCollapsedRooms);
  rooms('严重损坏', damage.housesSevereRooms);
  rooms('轻微损坏', damage.housesMinorRooms);
  if (damage.houseDamage && !damage[ROOMS_OF[damage.houseDamage]]) parts.push(`房子${LEVEL_WORDS[damage.houseDamage]}`);
  if (damage.cropsAffectedMu)
    parts.push(`庄稼受灾${tenths(damage.cropsAffectedMu)}亩${damage.cropsFailedMu ? `（绝收${tenths(damage.cropsFailedMu)}亩）` : ''}`);
  if (damage.livestockDeadBig) parts.push(`牛马死了${whole(damage.livestockDeadBig)}头`);
  if (damage.livestockDeadSmall) parts.push(`猪羊死了${whole(damage.livestockDeadSmall)}头`);
  if (damage.poultryDead) parts.push(`鸡鸭死了${whole(damage.poultryDead)}只`);
  if (damage.injured) parts.push(`${whole(damage.injured)}人受伤`);
  if (damage.missing) parts.push(`${whole(damage.missing)}人失踪`);
  if (damage.dead) parts.push(`${whole(damage.dead)}人死亡`);
  if (damage.waterInterrupted) parts.push('停水');
  return parts.join('、');
}

/** The damage as `ReportInput.damage` wants it: houses by room and household (this one), crops nested. */
export function damageInput(damage: DamageSlots | undefined) {
  const d = damage ?? {};
  const house = (rooms: number | undefined) => ({ rooms: whole(rooms), households: whole(rooms) > 0 ? 1 : 0 });
  const failed = tenths(d.cropsFailedMu ?? 0);
  const affected = Math.max(tenths(d.cropsAffectedMu ?? 0), failed);
  return {
    people: { injured: whole(d.injured), missing: whole(d.missing), dead: whole(d.dead) },
    houses: { collapsed: house(d.housesCollapsedRooms), severe: house(d.housesSevereRooms), minor: house(d.housesMinorRooms) },
    // 受灾 ⊇ 成灾 ⊇ 绝收: what failed also counts as 成灾; the rest of 成灾 is for the inspection to tell.
    crops: { affectedMu: affected, damagedMu: failed, failedMu: failed },
    livestock: { deadBig: whole(d.livestockDeadBig), deadSmall: whole(d.livestockDeadSmall), poultryDead: whole(d.poultryDead) },
    waterInterrupted: d.waterInterrupted ?? false,
  };
}
