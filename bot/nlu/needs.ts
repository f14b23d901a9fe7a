/**
 * What kind of help a villager asks for: the green-channel difficulty (两不愁三保障 + 饮水安全) and the
 * microcredit relief (展期 / 续贷 / 追加).
 */
import { compact, normalizeText } from './normalize';
import type { CreditKind, GreenChannelDifficulty } from '../../models/enums';

export { GREEN_CHANNEL_DIFFICULTIES, type CreditKind, type GreenChannelDifficulty } from '../../models/enums';

/**
 * Patterns per difficulty, checked in this order. 医疗 and 上学 come before 生活 because "没钱" alone is a
 * living difficulty but "看病没钱" is a medical one. 饮水 before 住房 so "房子…没得水喝" is about water.
 */
const DIFFICULTY_RULES: ReadonlyArray<readonly [GreenChannelDifficulty, RegExp]> = [
  [
    '医疗',
    /看病|看不起病|药.{0,3}(吃不起|买不起|没钱)|治病|生病|病了|医药费|药费|药钱|住院|医院|手术|医疗|吃药|买药|治疗|病得|大病|慢性病|医保/,
  ],
  [
    '上学',
    /上学|读书|(娃儿|娃|学生|孩子).{0,3}生活费|读不起|念书|学费|上不起学|辍学|书读不成|学校|生活费.{0,2}(娃|学生)|教育|助学|娃儿.{0,4}(学|书)/,
  ],
  ['饮水', /(没得|没有|莫得|么得|没)(自来)?水(喝|吃|用)|吃水|喝水|饮水|水(喝|吃)不成|停水|断水|水管|挑水|水井|水窖|水源/],
  [
    '住房',
    /(没得|没有|莫得|么得|没)(地方|房子|屋)住|住(的)?地方|住不成|住不得|无家可归|住哪|睡(的)?地方|睡哪|没得住|房子.{0,4}住|住房|租房|搭棚|借住|寄住|住在?(亲戚|别人|邻居|朋友)家|危房/,
  ],
  [
    '生活',
    /(没得|没有|莫得|么得|没)(饭|米|吃的|粮|钱|衣服|收入|穿的|东西吃)|(饭|米|粮|吃的)(都|也)?(没得|没有|莫得|么得|没)了|吃不起饭|揭不开锅|断粮|吃饭(都)?(成|有)?(问题|困难)|(钱|生活费|饭钱).{0,2}(都|也)?(没得|没有|莫得|没)了|(衣服|被子|被褥|铺盖).{0,4}(冲走|没得|没了|烧了|泡了)|吃不饱|饿肚子|挨饿|饿饭|生活(困难|不下去|成问题|没着落)|日子.{0,3}(难|苦|过不)|过不下去|过不走|没钱|穷|困难|口粮/,
  ],
];

/**
 * The green-channel difficulty a message names: "没得饭吃了" → 生活, "房子垮了没得地方住" → 住房,
 * "看病没钱" → 医疗, "没得水喝" → 饮水, "娃儿上不起学" → 上学; `undefined` when none is named.
 */
export function extractGreenChannelDifficulty(text: string): GreenChannelDifficulty | undefined {
  const bare = compact(normalizeText(text));
  return DIFFICULTY_RULES.find(([, pattern]) => pattern.test(bare))?.[0];
}

/**
 * Patterns per kind. "还不起 / 还不上 / 到期了没钱还" (cannot repay now) reads as a request for an extension:
 * the notice's first relief for households whose repayment is hard because of a disaster.
 */
const CREDIT_RULES: ReadonlyArray<readonly [CreditKind, RegExp]> = [
  ['credit_topup', /追加|多贷|多借|再借|加点|加贷|增加.{0,2}(贷|额)|提高.{0,2}额度|额度.{0,6}(提高|加|多)|再多/],
  ['credit_renewal', /续贷|再贷|接着贷|继续贷|重新贷|还了再贷|续借|续上|转贷/],
  [
    'credit_extension',
    /展期|延期|缓一缓|缓(一)?下|缓(几个|一段)|推迟|晚点还|晚些还|迟点还|宽限|延长|往后推|推后|还不(起|上|了|到)|没(得)?钱还|拿不出钱还|还款困难|还钱困难|到期.{0,4}(没钱|还不)/,
  ],
];

/**
 * Which credit relief a message asks for: 展期 / 延期 / 缓一缓 / 推迟还 / 还不起 → extension;
 * 续贷 / 再贷 / 接着贷 → renewal; 追加 / 多贷点 / 再借点 → top-up; `undefined` when it names none.
 * Top-up is tested first so "还了再借点" is a top-up, not a renewal.
 */
export function extractCreditKind(text: string): CreditKind | undefined {
  const bare = compact(normalizeText(text));
  return CREDIT_RULES.find(([, pattern]) => pattern.test(bare))?.[0];
}
