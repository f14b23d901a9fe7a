/**
 * When a disaster happened, in villagers' words: 刚才, 昨晚, 今天早上, 前天下午, 3号晚上, 11月28号, 三天前.
 * Times are Beijing times (UTC+8, no daylight saving), whatever the server's time zone.
 *
 * A part of the day stands for one fixed hour, so that the report carries one instant and the summary can say
 * the part back: 凌晨 03:00, 早上/上午 08:00, 中午 12:00, 下午 15:00, 晚上 20:00, 夜里/半夜 22:00. A day named
 * without a part of the day is its Beijing midnight (00:00), so it is never later than the day itself allows.
 */
import { extractDate } from './dates';
import { compact, normalizeText } from './normalize';
import { parseChineseNumber } from './numbers';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
const N = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';

/** The hour each part of the day stands for (Beijing time); also read back by the summary. */
export const PART_OF_DAY_HOURS: Readonly<Record<string, number>> = { 凌晨: 3, 早上: 8, 中午: 12, 下午: 15, 晚上: 20, 夜里: 22 };

/** Words for each part of the day, tried in this order: 昨夜 is 夜里 before it could be read as 晚上. */
const PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/凌晨|天没亮|天不亮/, '凌晨'],
  [/早上|早晨|清早|一早|大早|早晌|上午|今早/, '早上'],
  [/中午|晌午|午饭/, '中午'],
  [/下午|午后/, '下午'],
  [/半夜|夜里|夜头|深夜|夜间|昨夜|前夜/, '夜里'],
  [/晚上|晚头|夜晚|傍晚|擦黑|今晚|昨晚|前晚|天黑/, '晚上'],
];

/** Short forms that name the day and its part at once: 昨晚 is 昨天晚上. The part is found by `PARTS`. */
const DAY_SHORT_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/昨晚|昨夜|昨儿|昨个|昨日/g, '昨天'],
  [/前晚|前夜/g, '前天'],
  [/今早|今晚|今儿/g, '今天'],
];

const JUST_NOW = /刚才|刚刚|才将|将将|现在|这会儿|正在/;

/** The Beijing midnight (as an instant) of the day `days` before the Beijing day of `now`. */
function midnightBefore(now: Date, days: number): number {
  const beijingDay = Math.floor((now.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
  return (beijingDay - days) * DAY_MS - BEIJING_OFFSET_MS;
}

/** The Beijing midnight of a named day, from the calendar words `extractDate` knows, or from N天前. */
function namedDay(bare: string, now: Date): number | undefined {
  const ago = bare.match(new RegExp(`${N}天(?:以前|之前|前)|前${N}天`));
  if (ago) {
    const days = parseChineseNumber(ago[1] ?? ago[2] ?? '')?.value;
    return days !== undefined && Number.isInteger(days) ? midnightBefore(now, days) : undefined;
  }
  const expanded = DAY_SHORT_FORMS.reduce((text, [pattern, day]) => text.replace(pattern, day), bare);
  const date = extractDate(expanded, now, { prefer: 'past' });
  return date === undefined ? undefined : Date.parse(`${date}T00:00:00+08:00`);
}

/**
 * The instant a message says the disaster happened, or `undefined` when it names no time, or a time still to
 * come (the villager is asked again). 刚才/现在 is `now`; N小时前 is N hours before `now`. A part of the day
 * without a day (早上) is the latest one already begun. Nothing limits how far back a time may be.
 */
export function extractOccurredAt(text: string, now: Date): Date | undefined {
  const bare = compact(normalizeText(text));
  if (JUST_NOW.test(bare)) return now;
  const hoursAgo = bare.match(new RegExp(`${N}个?(?:小时|钟头)(?:以前|之前|前)`));
  const hours = hoursAgo ? parseChineseNumber(hoursAgo[1] ?? '')?.value : undefined;
  if (hours !== undefined) return new Date(now.getTime() - hours * HOUR_MS);

  const part = PARTS.find(([pattern]) => pattern.test(bare))?.[1];
  const hour = part === undefined ? undefined : PART_OF_DAY_HOURS[part];
  const day = namedDay(bare, now);
  let at: number | undefined;
  if (day !== undefined) at = day + (hour ?? 0) * HOUR_MS;
  else if (hour !== undefined) {
    const today = midnightBefore(now, 0) + hour * HOUR_MS;
    at = today <= now.getTime() ? today : today - DAY_MS;
  }
  return at === undefined || at > now.getTime() ? undefined : new Date(at);
}
