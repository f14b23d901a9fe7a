/**
 * Calendar dates in villagers' words: 下个月15号, 12月20日, 2027年3月, 明天, 下周三, 月底, 2027-03-15.
 * All dates are Beijing dates (UTC+8, no daylight saving), whatever the server's time zone.
 */
import { compact, normalizeText } from './normalize';
import { parseChineseNumber } from './numbers';

/** Options of {@link extractDate}. */
export interface DateOptions {
  /**
   * How to complete a date without a year or month ("12月20日", "15号") that has already passed this
   * year / month: `'future'` (default; due dates, appointments) moves it to the next year / month,
   * `'past'` (when did the disaster happen) keeps it, and moves a date still ahead to the previous one.
   */
  prefer?: 'future' | 'past';
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const HOURS_8 = 8 * 60 * 60 * 1000;
const N = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,5})';
const WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const YEAR_OFFSETS: Readonly<Record<string, number>> = { 今年: 0, 明年: 1, 后年: 2, 去年: -1 };
const DAY_OFFSETS: Readonly<Record<string, number>> = { 大后天: 3, 后天: 2, 明天: 1, 今天: 0, 昨天: -1, 前天: -2 };

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseChineseNumber(text)?.value;
}

function beijingToday(now: Date): Ymd {
  const shifted = new Date(now.getTime() + HOURS_8);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function toUtc(date: Ymd): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(ms: number): Ymd {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(date: Ymd, days: number): Ymd {
  return fromUtc(toUtc(date) + days * 24 * 60 * 60 * 1000);
}

function addMonths(date: Ymd, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, lastDay(year, month)) };
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(date: Ymd): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= lastDay(date.year, date.month);
}

function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function format(date: Ymd): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Day of month written after a month: 15号, 二十日, 月底 (last day), 月初 (1st), 月中 (15th). */
function dayOf(written: string | undefined, year: number, month: number): number | undefined {
  if (written === undefined || written === '' || written === '份' || written === '初') return 1;
  if (written === '底') return lastDay(year, month);
  if (written === '中') return 15;
  return num(written.replace(/[号日]$/, ''));
}

/** Move a date without a year (or month) across the boundary the caller prefers. */
function complete(date: Ymd, today: Ymd, prefer: 'future' | 'past', step: 'year' | 'month'): Ymd {
  const months = step === 'year' ? 12 : 1;
  if (prefer === 'future' && toUtc(date) < toUtc(today)) return addMonths(date, months);
  if (prefer === 'past' && toUtc(date) > toUtc(today)) return addMonths(date, -months);
  return date;
}

type Rule = (match: RegExpMatchArray, today: Ymd, prefer: 'future' | 'past') => Ymd | undefined;

/** Date forms, most specific first; each returns a date (checked afterwards) or `undefined`. */
const RULES: ReadonlyArray<readonly [RegExp, Rule]> = [
  [/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, ([, y, m, d]) => ymd(num(y), num(m), num(d))],
  [
    new RegExp(`${N}年${N}月(${N}[号日]|底|初|中|份)?`),
    ([, y, m, d]) => {
      const year = fullYear(num(y) ?? 0);
      const month = num(m) ?? 0;
      return ymd(year, month, dayOf(d, year, month));
    },
  ],
  [
    new RegExp(`(今年|明年|后年|去年)${N}月(${N}[号日]|底|初|中|份)?`),
    ([, which, m, d], today) => {
      const year = today.year + (YEAR_OFFSETS[which ?? ''] ?? 0);
      const month = num(m) ?? 0;
      return ymd(year, month, dayOf(d, year, month));
    },
  ],
  [
    new RegExp(`(这个月|这月|本月|下个月|下月|上个月|上月)(${N}[号日]|底|初|中)?`),
    ([, which, d], today) => {
      const offset = which?.startsWith('下') === true ? 1 : which?.startsWith('上') === true ? -1 : 0;
      const { year, month } = addMonths({ ...today, day: 1 }, offset);
      return ymd(year, month, dayOf(d, year, month));
    },
  ],
  [
    new RegExp(`${N}月(${N}[号日]?|底|初|中|份)?`),
    ([, m, d], today, prefer) => {
      const month = num(m) ?? 0;
      const date = ymd(today.year, month, dayOf(d, today.year, month));
      return date === undefined ? undefined : complete(date, today, prefer, 'year');
    },
  ],
  [/(年底|年末)/, (_match, today) => ({ year: today.year, month: 12, day: 31 })],
  [/(月底|月末)/, (_match, today) => ({ ...today, day: lastDay(today.year, today.month) })],
  [/(大后天|后天|明天|今天|昨天|前天)/, ([, word], today) => addDays(today, DAY_OFFSETS[word ?? ''] ?? 0)],
  [
    /(下|这|本|上)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天])/,
    ([, which, weekday], today, prefer) => {
      const isoToday = ((new Date(toUtc(today)).getUTCDay() + 6) % 7) + 1;
      const weeks = which === '下' ? 1 : which === '上' ? -1 : 0;
      const date = addDays(today, weeks * 7 + (WEEKDAYS[weekday ?? '一'] ?? 1) - isoToday);
      // A bare 星期五 on a Sunday is the coming (or, looking back, the last) Friday.
      if (which !== undefined) return date;
      if (prefer === 'future' && toUtc(date) < toUtc(today)) return addDays(date, 7);
      return prefer === 'past' && toUtc(date) > toUtc(today) ? addDays(date, -7) : date;
    },
  ],
  [new RegExp(`(?:过)?${N}天(?:以后|之后|后)`), ([, n], today) => addDays(today, num(n) ?? 0)],
  [/半个月(?:以后|之后|后)/, (_match, today) => addDays(today, 15)],
  [new RegExp(`${N}个月(?:以后|之后|后)`), ([, n], today) => addMonths(today, num(n) ?? 0)],
  [
    new RegExp(`${N}[号日]`),
    ([, d], today, prefer) => {
      const date = ymd(today.year, today.month, num(d));
      return date === undefined ? undefined : complete(date, today, prefer, 'month');
    },
  ],
];

function ymd(year: number | undefined, month: number | undefined, day: number | undefined): Ymd | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = { year, month, day };
  return valid(date) ? date : undefined;
}

/**
 * The first date a message names, as `yyyy-mm-dd` (Beijing calendar), or `undefined`.
 * `now` is the current instant; "下个月15号" is the 15th of the month after now's Beijing month.
 * A month without a day ("2027年3月", "3月份") is its 1st; 月底 / 年底 are the last day.
 */
export function extractDate(text: string, now: Date, options: DateOptions = {}): string | undefined {
  const bare = compact(normalizeText(text));
  const today = beijingToday(now);
  const prefer = options.prefer ?? 'future';
  for (const [pattern, rule] of RULES) {
    const match = bare.match(pattern);
    if (match === null) continue;
    // The first form that matches decides: "2月30日" is a wrong date, not "the 30th".
    const date = rule(match, today, prefer);
    return date !== undefined && valid(date) ? format(date) : undefined;
  }
  return undefined;
}
