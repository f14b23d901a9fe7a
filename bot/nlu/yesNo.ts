/**
 * Yes / no answers to a question the bot asked ("是你本人吗？", "确认提交吗？").
 */
import { compact, normalizeText } from './normalize';

/** The answer to a yes/no question, or `undefined` when it is not a clear answer. */
export type YesNo = 'yes' | 'no';

/**
 * Words that answer yes. Includes Chongqing forms: 要得, 得行, 对头. Entries that contain a negation
 * (没问题, 不错) are listed here and matched longest-first, so 没问题 never reads as 没 (no).
 */
const YES_WORDS = [
  '是',
  '是的',
  '是滴',
  '就是',
  '就是的',
  '对',
  '对的',
  '对滴',
  '对头',
  '没错',
  '没有错',
  '不错',
  '正确',
  '嗯',
  '恩',
  '嗯呐',
  '好',
  '好的',
  '好滴',
  '好嘞',
  '好呀',
  '行',
  '可以',
  '要得',
  '得行',
  '要',
  '要的',
  '中',
  '确认',
  '确定',
  '同意',
  '没问题',
  '没有问题',
  '没得问题',
  '莫得问题',
  '当然',
  'ok',
  'okay',
  'y',
  'yes',
  '1',
];

/**
 * Words that answer no. Chongqing: 没得, 莫得, 么得, 要不得, 不得行. 取消 is deliberately absent: it is the
 * global "cancel" command, which the dialog checks before asking for yes/no.
 */
const NO_WORDS = [
  '不',
  '不是',
  '不是的',
  '不对',
  '不对头',
  '不正确',
  '没有',
  '没',
  '没得',
  '莫得',
  '么得',
  '算了',
  '不要',
  '不要了',
  '不用',
  '不用了',
  '不需要',
  '不必',
  '不了',
  '错了',
  '错',
  '有错',
  '不行',
  '不可以',
  '不得行',
  '要不得',
  '不同意',
  '不确认',
  '不好',
  '别',
  '莫',
  '莫要',
  '否',
  'no',
  'n',
  '2',
];

/** Exact-only answers: a digit inside a sentence is not an answer to a yes/no question. */
const EXACT_ONLY = new Set(['1', '2', 'y', 'n', '要', '中', '莫', '别', '错']);

const LEXICON: ReadonlyArray<readonly [word: string, answer: YesNo]> = [
  ...YES_WORDS.map((word) => [word, 'yes'] as const),
  ...NO_WORDS.map((word) => [word, 'no'] as const),
].sort((a, b) => b[0].length - a[0].length);

/** Sentence-final particles that do not change the answer (是的嘛, 要得哈, 好嘛). */
const PARTICLES = /[啊呀哦噢喔嘛吧哈啦咯喽哟呢噻撒嘞]+$/;

/** An A不A question (是不是, 好不好, 行不行) or a question particle: the villager is asking, not answering. */
const QUESTION = /(?<!不)([^不])不\1|(?<!没)([^没])没\2|吗|\?|咋|为啥|为什么|什么|啥子/;

/** Words after a leading yes/no that take it back ("对，但是名字错了"). */
const RESERVATION = /但是|不过|可是|错了|不对/;

/** Hedges: the villager is not sure, so the bot must not record an answer ("不晓得", "好像是"). */
const UNSURE = /不晓得|不知道|不清楚|不确定|不一定|说不准|说不清|不好说|好像|可能|也许|大概|看情况/;

/** Emoji that villagers use as a yes (they are stripped by normalisation, so look at the raw text). */
const YES_EMOJI = /[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}]/u;

/** The longest lexicon word at the start of `text`. */
function leadingWord(text: string): readonly [word: string, answer: YesNo] | undefined {
  return LEXICON.find(([word]) => text.startsWith(word));
}

/**
 * Read a yes/no answer.
 *
 * - exact words and repetitions: 是的, 嗯嗯, 要得要得, 对的对的 → yes; 不是, 没得, 莫得, 算了 → no;
 * - `1` / `2` (and other one-character words that are ambiguous in a sentence) only as the whole message;
 * - a leading answer followed by more text counts ("是的，我是张三" → yes; "不是这个村" → no) unless the
 *   message takes it back ("对，但是…") or hedges ("好像是") — then `undefined`;
 * - questions are not answers: 是不是, 好不好, 可以吗 → `undefined`;
 * - a 👍 or 👌 alone is yes.
 */
export function parseYesNo(text: string): YesNo | undefined {
  const normalized = normalizeText(text);
  if (normalized === '') return YES_EMOJI.test(text) ? 'yes' : undefined;
  const whole = compact(normalized);
  const firstClause = normalized.split(' ')[0] ?? '';
  if (QUESTION.test(firstClause) || UNSURE.test(whole)) return undefined;
  // A leading 嗯 / 哦 before another answer is a hesitation: "嗯，不是" is no.
  const afterFiller = normalized.replace(/^(嗯|恩|哦|噢|啊)+ ?/, '');
  if (afterFiller !== '' && afterFiller !== normalized) {
    const answer = parseYesNo(afterFiller);
    if (answer !== undefined) return answer;
  }
  let rest = firstClause.replace(PARTICLES, '');
  if (EXACT_ONLY.has(rest)) return YES_WORDS.includes(rest) ? 'yes' : 'no';
  let answer: YesNo | undefined;
  // Chains of the same answer count once: 嗯嗯, 好的好的, 要得要得, 是的对的.
  for (let word = leadingWord(rest); word !== undefined && !EXACT_ONLY.has(word[0]); word = leadingWord(rest)) {
    if (answer !== undefined && answer !== word[1]) return undefined;
    answer = word[1];
    rest = rest.slice(word[0].length).replace(PARTICLES, '');
  }
  const otherClauses = whole.slice(firstClause.length);
  if (answer === 'yes' && (RESERVATION.test(rest) || RESERVATION.test(otherClauses))) return undefined;
  return answer;
}
