/**
 * Numbers as villagers write them: 两间, 三亩多, 一亩半, 半亩, 十几头, 2间, ２间, 两万五, 3万5, 2.5万, 二〇二七.
 */
import { normalizeText } from './normalize';

/** A number read from text. `approximate` is set by 多/几/来/余, by 大概/差不多/估计… or by 左右/上下. */
export interface ParsedNumber {
  value: number;
  approximate: boolean;
}

/** A number found inside a longer message, with the measure word (量词) written after it, if any. */
export interface Quantity extends ParsedNumber {
  /** Index of the first character of the number (or of its 大概-style prefix) in the normalised text. */
  index: number;
  /** Index just past the quantity, measure word and 半/多 tail included. */
  end: number;
  /** The measure word: 间, 亩, 头, 只, 个, 万, 元… */
  measure: string | undefined;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

const NUMERAL_CHARS = '零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿几';
/** One run of digits / numerals. 几 is allowed inside (十几, 几十) but a run of only 几 has no value. */
const RUN = `(?:\\d+(?:\\.\\d+)?|[${NUMERAL_CHARS}])+`;
const APPROX_BEFORE = '大概|大约|差不多|估计|将近|约莫|可能|起码|至少|少说|接近|约';
const MEASURES = '间|亩|分|头|只|匹|条|个|口|位|户|栋|座|棵|株|斤|元|块|人|天|年|月|号|日|次|岁|吨|箱|窝|万|千';
const QUANTITY = new RegExp(
  `(?:(?:${APPROX_BEFORE})(?:有|是)?)?(?:(${RUN})(多|来|余)?|(半))(?:(${MEASURES})(半|多)?|(半))?(左右|上下|的样子)?`,
  'g',
);
const APPROX_PREFIX = new RegExp(`^(?:${APPROX_BEFORE})`);

/** Split a run into tokens: whole arabic numbers, or single Chinese characters. */
function tokenize(run: string): string[] {
  return run.match(/\d+(?:\.\d+)?|[^\d]/g) ?? [];
}

/**
 * Value of one numeral run. Colloquial abbreviations follow spoken usage: a lone digit after the last unit
 * counts one unit lower (一百五 = 150, 两万五 = 25 000, 3万5 = 35 000) unless a 零 stood between
 * (一百零五 = 105). 几 is the lower bound of what it stands for: 十几 = 10, 几十 = 10, 二十几 = 20; so is the
 * first of two neighbouring digits (三四间 = 3, approximate).
 */
function parseRun(run: string): ParsedNumber | undefined {
  const tokens = tokenize(run);
  if (tokens.length === 0 || tokens.every((token) => token === '几')) return undefined;
  const first = tokens[0];
  // A run that opens with 百/千/万 is a word (百节社区, 千万不要), not a number.
  if (first !== undefined && (first in BIG_UNITS || (first in SMALL_UNITS && SMALL_UNITS[first] !== 10))) {
    return undefined;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let trailingFew = false;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  let approximate = false;
  for (const [i, token] of tokens.entries()) {
    const small = SMALL_UNITS[token];
    const big = BIG_UNITS[token];
    if (token === '几') {
      approximate = true;
      digit = 1;
      trailingFew = true;
    } else if (/^\d/.test(token)) {
      digit = Number(token);
      trailingFew = false;
    } else if (DIGITS[token] !== undefined) {
      const value = DIGITS[token] ?? 0;
      const nextIsDigit = DIGITS[tokens[i + 1] ?? ''] !== undefined;
      if (value === 0 && digit === undefined) zeroSinceUnit = true;
      if (digit !== undefined && digit < 10 && !trailingFew && value === digit + 1 && !nextIsDigit) {
        // Two neighbouring digits are a range (三四间, 七八亩, 十一二头): keep the lower one.
        approximate = true;
      } else {
        // Otherwise consecutive digits without a unit are positional (二〇二七 = 2027).
        digit = digit === undefined || trailingFew ? value : digit * 10 + value;
      }
      trailingFew = false;
    } else if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      trailingFew = false;
      lastUnit = small;
      zeroSinceUnit = false;
    } else if (big !== undefined) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * big;
      section = 0;
      digit = undefined;
      trailingFew = false;
      lastUnit = big;
      zeroSinceUnit = false;
    }
  }
  if (digit !== undefined && !trailingFew) {
    const colloquial = lastUnit >= 100 && digit < 10 && !zeroSinceUnit && Number.isInteger(digit);
    section += colloquial ? digit * (lastUnit / 10) : digit;
  }
  return { value: total + section, approximate };
}

/**
 * Find every quantity in an already normalised text, left to right.
 * `半` after a measure word adds one half (一亩半 = 1.5, 两个半 = 2.5); `半` alone is 0.5 (半亩); 一半 is 0.5.
 */
export function findQuantities(normalized: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of normalized.matchAll(QUANTITY)) {
    const [whole, run, afterRun, lonelyHalf, measure, tail, bareHalf, approxAfter] = match;
    let parsed = lonelyHalf === undefined ? parseRun(run ?? '') : { value: 0.5, approximate: false };
    // 一半 is a fraction ("half of it"), not "one and a half".
    if (parsed !== undefined && bareHalf !== undefined) {
      parsed = { value: parsed.value === 1 ? 0.5 : parsed.value + 0.5, approximate: parsed.approximate };
    }
    if (parsed === undefined) continue;
    const value = tail === '半' ? parsed.value + 0.5 : parsed.value;
    const approximate =
      parsed.approximate || afterRun !== undefined || tail === '多' || approxAfter !== undefined || APPROX_PREFIX.test(whole);
    found.push({ value, approximate, index: match.index, end: match.index + whole.length, measure });
  }
  return found;
}

/**
 * Read the first number in a message: `parseChineseNumber('三亩多')` → `{ value: 3, approximate: true }`,
 * `'一亩半'` → 1.5, `'半亩'` → 0.5, `'十几头'` → `{ value: 10, approximate: true }`, `'２间'` → 2.
 * Returns `undefined` when there is no number (a bare 几 has no value).
 */
export function parseChineseNumber(text: string): ParsedNumber | undefined {
  const first = findQuantities(normalizeText(text))[0];
  return first === undefined ? undefined : { value: first.value, approximate: first.approximate };
}
