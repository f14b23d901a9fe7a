/**
 * Damage figures from a villager's own words: "垮了两间房", "苞谷淹了三亩多", "猪死了两头", "鸡冲走了十几只",
 * "没得水喝了", "老汉腿摔断了". Feeds the per-household indicators of the disaster statistics.
 */
import { compact, normalizeText, splitClauses } from './normalize';
import { findQuantities, type ParsedNumber, type Quantity } from './numbers';
import {
  ANIMAL_DEAD,
  ANY_DAMAGE,
  CONNECTOR_ONLY,
  CROP_AFFECTED,
  CROP_FAILED,
  ENTITY_WORDS,
  HOUSE_COLLAPSED,
  HOUSE_MINOR,
  HOUSE_SEVERE,
  HYPERBOLE,
  KIND_OF_MEASURE,
  MEASURES_FOR,
  NOT_A_PERSON_AFTER_REN,
  PERSON_DEAD,
  PERSON_INJURED,
  PERSON_MISSING,
  PERSON_SAFE,
  STATE_WORDS,
  WATER_INTERRUPTED,
  type EntityKind,
} from './damageLexicon';

/** House damage level of the statistics: 倒塌 (rebuild), 严重损坏 (major repair), 一般损坏 (minor repair). */
export type HouseDamageLevel = 'collapsed' | 'severe' | 'minor';

/** The numeric fields of {@link DamageReport}. */
export type DamageCountField =
  | 'housesCollapsedRooms'
  | 'housesSevereRooms'
  | 'housesMinorRooms'
  | 'cropsAffectedMu'
  | 'cropsFailedMu'
  | 'livestockDeadBig'
  | 'livestockDeadSmall'
  | 'poultryDead'
  | 'injured'
  | 'missing'
  | 'dead';

/**
 * What a message says about damage; a field is present only when the message says it.
 * Rooms are counted in 间, crops in 亩 (5 分地 = 0.5 亩).
 */
export type DamageReport = Partial<Record<DamageCountField, number>> & {
  /** The worst house damage named, even without a room count ("房子垮了" → collapsed): the dialog asks 几间. */
  houseDamage?: HouseDamageLevel;
  waterInterrupted?: boolean;
  /** Fields whose figure was approximate (三亩多, 十几只, 大概两间): the dialog may confirm them. */
  approximate?: DamageCountField[];
};

/** A noun found in a clause, with the count attached to it, if any. */
interface Mention {
  kind: EntityKind;
  word: string;
  start: number;
  end: number;
  quantity?: Quantity;
}

/** A noun and the words that describe what happened to it (and to nouns joined with it). */
interface Group {
  members: Mention[];
  text: string;
}

/** Nouns that, right before another noun, only say whose it is. */
const POSSESSORS = new Set(['我', '我们', '屋头']);

/** "房子没垮", "人没得事", "猪没死": the damage word is negated. */
const NEGATED = /(没|没有|未|莫得|没得)(垮|塌|倒|冲|淹|死|伤|事|啥)/;

const ENTITY_PATTERN = new RegExp(ENTITY_WORDS.map(([word]) => word).join('|'), 'g');
const KIND_BY_WORD: ReadonlyMap<string, EntityKind> = new Map(ENTITY_WORDS);
const HOUSE_LEVELS: readonly HouseDamageLevel[] = ['collapsed', 'severe', 'minor'];
const ROOM_FIELD: Readonly<Record<HouseDamageLevel, DamageCountField>> = {
  collapsed: 'housesCollapsedRooms',
  severe: 'housesSevereRooms',
  minor: 'housesMinorRooms',
};

function findMentions(clause: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of clause.replace(STATE_WORDS, '危险').matchAll(ENTITY_PATTERN)) {
    const word = match[0];
    const kind = KIND_BY_WORD.get(word);
    const end = match.index + word.length;
    if (kind === undefined || (word === '人' && NOT_A_PERSON_AFTER_REN.test(clause.slice(end)))) continue;
    mentions.push({ kind, word, start: match.index, end });
  }
  // 我 / 屋头 right before another noun is a possessive (我老汉, 屋头堡坎), not a person or house of its own.
  return mentions.filter((mention, i) => {
    const next = mentions[i + 1];
    const possessive = next !== undefined && /^(的|家)?$/.test(clause.slice(mention.end, next.start));
    return !(POSSESSORS.has(mention.word) && possessive);
  });
}

/** A usable count: a measure word that can count something; 分 only as 分地 / 分田 / 分土 (converted to 亩). */
function usableQuantities(clause: string): Quantity[] {
  return findQuantities(clause).flatMap((quantity) => {
    if (quantity.measure === undefined) return [];
    if (quantity.measure !== '分') return [quantity];
    return /^[地田土]/.test(clause.slice(quantity.end)) ? [{ ...quantity, value: quantity.value / 10 }] : [];
  });
}

function fits(mention: Mention, quantity: Quantity): boolean {
  return mention.quantity === undefined && MEASURES_FOR[mention.kind].includes(quantity.measure ?? '');
}

/**
 * Attach each count to a noun: to the noun right after it ("两头猪"), else to the nearest earlier noun
 * ("猪死了两头"), else to a later one; a count of 间 or 亩 with no noun stands for a house or a field.
 * The noun right after a count is skipped when that noun has its own count later ("猪死了两头牛死了一头").
 */
function bindQuantities(clause: string, mentions: Mention[]): Mention[] {
  const all = [...mentions];
  const quantities = usableQuantities(clause);
  quantities.forEach((quantity, i) => {
    const adjacent = all.find((m) => m.start >= quantity.end && /^的?$/.test(clause.slice(quantity.end, m.start)));
    const before = all.filter((m) => m.end <= quantity.index && fits(m, quantity)).at(-1);
    const after = all.find((m) => m.start >= quantity.end && fits(m, quantity));
    const adjacentHasOwn =
      adjacent !== undefined &&
      quantities.slice(i + 1).some((later) => {
        const nextNoun = all.find((m) => m.start > adjacent.start);
        return fits(adjacent, later) && (nextNoun === undefined || later.end <= nextNoun.start);
      });
    const target =
      adjacent !== undefined && fits(adjacent, quantity) && !(adjacentHasOwn && before !== undefined) ? adjacent : (before ?? after);
    const implied = KIND_OF_MEASURE[quantity.measure ?? ''];
    if (target !== undefined) target.quantity = quantity;
    else if (implied !== undefined) {
      all.push({ kind: implied, word: '', start: quantity.index, end: quantity.end, quantity });
    }
  });
  return all.sort((a, b) => a.start - b.start);
}

function span(mention: Mention): readonly [number, number] {
  const quantity = mention.quantity;
  return quantity === undefined
    ? [mention.start, mention.end]
    : [Math.min(mention.start, quantity.index), Math.max(mention.end, quantity.end)];
}

/**
 * Split a clause into one scope of text per group of nouns. The words between two nouns belong to the first
 * when it has no damage word yet ("猪死了牛冲走了"), else to the second ("房子垮了两间死了一头猪"); nouns
 * joined by 和 / 跟 / nothing share their words ("两头猪一头牛都死了"). Words before the first noun belong
 * to it ("死了两头猪"), words after the last noun to the last group.
 */
function groupScopes(clause: string, mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  let cursor = 0;
  for (const mention of mentions) {
    const [start, end] = span(mention);
    const from = Math.max(start, cursor);
    const gap = clause.slice(cursor, from);
    const own = clause.slice(from, Math.max(end, from));
    const last = groups.at(-1);
    if (last !== undefined && CONNECTOR_ONLY.test(gap)) {
      last.members.push(mention);
      last.text += gap + own;
    } else if (last !== undefined && !ANY_DAMAGE.test(last.text)) {
      // "牛冲走了死了两头猪": the first "…了" phrase closes the earlier noun, the rest opens the next.
      const split = gap.search(/了/) + 1;
      const closes = split > 0 && split < gap.length && ANY_DAMAGE.test(gap.slice(split));
      last.text += closes ? gap.slice(0, split) : gap;
      groups.push({ members: [mention], text: (closes ? gap.slice(split) : '') + own });
    } else {
      groups.push({ members: [mention], text: gap + own });
    }
    cursor = Math.max(cursor, end);
  }
  const last = groups.at(-1);
  if (last !== undefined) last.text += clause.slice(cursor);
  return groups;
}

function houseLevel(scope: string): HouseDamageLevel | undefined {
  if (HOUSE_SEVERE.test(scope)) return 'severe';
  if (HOUSE_COLLAPSED.test(scope)) return 'collapsed';
  return HOUSE_MINOR.test(scope) ? 'minor' : undefined;
}

function personField(scope: string): DamageCountField | undefined {
  if (PERSON_SAFE.test(scope)) return undefined;
  if (PERSON_DEAD.test(scope)) return 'dead';
  if (PERSON_MISSING.test(scope)) return 'missing';
  return PERSON_INJURED.test(scope) ? 'injured' : undefined;
}

/** Which count a noun other than a house adds to, given its scope; `undefined` when no damage is named. */
function countField(kind: Exclude<EntityKind, 'house'>, scope: string): DamageCountField | undefined {
  switch (kind) {
    case 'crop':
      if (CROP_FAILED.test(scope)) return 'cropsFailedMu';
      return CROP_AFFECTED.test(scope) ? 'cropsAffectedMu' : undefined;
    case 'bigLivestock':
      return ANIMAL_DEAD.test(scope) ? 'livestockDeadBig' : undefined;
    case 'smallLivestock':
      return ANIMAL_DEAD.test(scope) ? 'livestockDeadSmall' : undefined;
    case 'poultry':
      return ANIMAL_DEAD.test(scope) ? 'poultryDead' : undefined;
    case 'person':
      return personField(scope);
    case 'outbuilding':
      return undefined;
  }
}

function add(report: DamageReport, field: DamageCountField, amount: ParsedNumber): void {
  report[field] = (report[field] ?? 0) + amount.value;
  if (amount.approximate && !(report.approximate ?? []).includes(field)) {
    report.approximate = [...(report.approximate ?? []), field];
  }
}

function worse(level: HouseDamageLevel, than: HouseDamageLevel | undefined): boolean {
  return than === undefined || HOUSE_LEVELS.indexOf(level) < HOUSE_LEVELS.indexOf(than);
}

/** A person noun without a number is one person ("老汉腿摔断了"). */
const ONE_PERSON: ParsedNumber = { value: 1, approximate: false };

/** Add what one noun's scope says to the report. */
function record(report: DamageReport, mention: Mention, scope: string): void {
  if (mention.kind === 'house') {
    const level = houseLevel(scope);
    if (level === undefined) return;
    if (worse(level, report.houseDamage)) report.houseDamage = level;
    if (mention.quantity !== undefined) add(report, ROOM_FIELD[level], mention.quantity);
    return;
  }
  const field = countField(mention.kind, scope);
  if (field === undefined) return;
  if (mention.kind === 'person') {
    add(report, field, mention.quantity ?? ONE_PERSON);
  } else if (mention.quantity !== undefined) {
    add(report, field, mention.quantity);
    if (field === 'cropsFailedMu') add(report, 'cropsAffectedMu', mention.quantity);
  }
}

/**
 * Extract damage figures from a message.
 *
 * Rules a dialog writer relies on:
 * - houses: see `HOUSE_SEVERE` in `damageLexicon.ts` (裂缝 → minor; part of the house, a wall, the roof or
 *   严重 → severe; 垮 / 塌 / 倒 → collapsed); `houseDamage` is the worst level named, with or without 间;
 * - crops: each mention is a separate plot; 绝收 / 全死了 count in `cropsFailedMu` **and** in
 *   `cropsAffectedMu` (受灾 ⊇ 绝收); a crop figure without any damage word is not counted;
 * - livestock and poultry are counted only with a number ("猪死了" leaves the count to the dialog);
 *   dead, drowned, washed away, buried and frozen all count as dead; 猪 / 羊 are small livestock, 牛 / 马 /
 *   驴 / 骡 big, 鸡 / 鸭 / 鹅 poultry;
 * - people: one per person noun when no number is given ("老汉腿摔断了" → injured 1); 冲走 without more is
 *   missing; "没事 / 没受伤 / 没人" cancels; figures of speech (吓死人了) are ignored;
 * - `waterInterrupted` when the message says there is no water, the supply stopped or the pipe/well broke.
 */
export function extractDamage(text: string): DamageReport {
  const report: DamageReport = {};
  const normalized = normalizeText(text).replace(HYPERBOLE, ' ');
  for (const clause of splitClauses(normalized)) {
    const mentions = bindQuantities(clause, findMentions(clause));
    for (const group of groupScopes(clause, mentions)) {
      if (NEGATED.test(group.text)) continue;
      for (const mention of group.members) record(report, mention, group.text);
    }
  }
  if (WATER_INTERRUPTED.test(compact(normalized))) report.waterInterrupted = true;
  return report;
}
