/**
 * Text clean-up that every recogniser in this folder runs first.
 *
 * Villagers type on phones with pinyin or handwriting input, so the same word arrives in full-width forms,
 * with emoji, with stray punctuation and with homophone typos. Normalising once here keeps the
 * recognisers' patterns small.
 */

/**
 * Homophone / near-shape typos seen in pinyin and handwriting input, and what was meant.
 * Kept deliberately small: every entry must be a string that cannot mean anything else in a message
 * to this bot (a wider table would start rewriting correct text).
 */
export const TYPO_TABLE: ReadonlyArray<readonly [typo: string, meant: string]> = [
  ['彩单', '菜单'],
  ['菜丹', '菜单'],
  ['收倒', '收到'],
  ['手到', '收到'],
  ['收道', '收到'],
  ['尚报', '上报'],
  ['上抱', '上报'],
  ['夸了', '垮了'],
  ['跨了', '垮了'],
  ['蹋了', '塌了'],
  ['代款', '贷款'],
  ['带款', '贷款'],
  ['网格园', '网格员'],
  ['网个员', '网格员'],
  ['转人攻', '转人工'],
  ['转人公', '转人工'],
  ['泥石留', '泥石流'],
  ['划坡', '滑坡'],
  ['冰包', '冰雹'],
  ['进读', '进度'],
];

/** Emoji and the invisible joiners / skin-tone modifiers that travel with them. */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}/gu;

/** Punctuation and symbols; `?` is handled apart because a question mark changes meaning. */
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/** Characters that are part of a number when they sit between two digits: 1.5 亩, 138-1234-5678, 2027/3/15. */
const IN_NUMBER = new Set(['.', '-', '/', ':']);

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Normalise a raw chat message.
 *
 * - NFKC: full-width digits, letters and punctuation become half-width (`２间` → `2间`, `ＯＫ` → `OK`);
 * - emoji removed, ASCII lower-cased;
 * - typos from {@link TYPO_TABLE} fixed;
 * - punctuation becomes a space (so clause boundaries survive), except `.`, `-`, `/`, `:` between digits
 *   and `?`, which is kept once because it marks a question;
 * - whitespace collapsed and trimmed.
 *
 * Idempotent: `normalizeText(normalizeText(s)) === normalizeText(s)`.
 */
export function normalizeText(text: string): string {
  let result = text.normalize('NFKC').replace(EMOJI, ' ').toLowerCase();
  for (const [typo, meant] of TYPO_TABLE) result = result.replaceAll(typo, meant);
  result = result.replace(PUNCTUATION, (char: string, offset: number, whole: string) => {
    if (char === '?') return '?';
    if (IN_NUMBER.has(char) && isDigit(whole[offset - 1]) && isDigit(whole[offset + 1])) return char;
    return ' ';
  });
  return result.replace(/\?+/g, '?').replace(/\s+/g, ' ').trim();
}

/** Remove every space: most recognisers match Chinese, where spaces are noise ("房子 垮了"). */
export function compact(text: string): string {
  return text.replace(/ /g, '');
}

/**
 * Split a normalised message into clauses at spaces, question marks and the connectives villagers use
 * between two facts ("房子垮了 还有猪死了两头"). Used by the damage extractor so that a number is never
 * attached to a noun from another clause.
 */
export function splitClauses(normalized: string): string[] {
  return normalized
    .split(/[ ?]|还有|另外|然后|而且|并且|以及|再就是/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
