/**
 * Disaster type of a report, in the categories of the national disaster statistics
 * (自然灾害情况统计调查制度) plus 房屋火灾, which the district notice names, and 其他.
 */
import { compact, normalizeText } from './normalize';
import type { DisasterType } from '../../models/enums';

export { DISASTER_TYPES, GB_T_28921_CODES, type DisasterType } from '../../models/enums';

/**
 * Dialect and plain words for each type, most specific first: when a message names two ("下大雨山垮了"),
 * the first matching rule wins, so the landslide that the rain caused is what gets reported.
 *
 * Decisions: 垮山 / 山垮了 / 塌方 / 堡坎垮了 / 土垮下来 → 滑坡 (earth sliding); falling rock, 危岩, 岩壁垮 →
 * 崩塌. Lightning (遭雷打) → 风雹, as in the statistics, where 风雹 covers 大风, 冰雹, 龙卷风 and 雷电.
 * 暴雨 / 下大雨 → 洪涝 (the list has no rainstorm class). 长虫 is a snake in Sichuan dialect, not a pest;
 * 雪梨 and 水淹凼 (villages) are neither snow nor a flood; 发烧 is a fever.
 */
const RULES: ReadonlyArray<readonly [DisasterType, RegExp]> = [
  ['泥石流', /泥石流|泥巴(和|跟)?石头.{0,4}(冲|滚|下来)/],
  ['崩塌', /崩塌|落石|掉石头|石头.{0,3}(滚|掉|垮|砸)下来|危岩|岩(壁|石|子|坎)?(垮|塌|崩)|山崖(垮|塌)|石头砸/],
  ['滑坡', /滑坡|垮山|山(体)?(垮|滑|塌)|坡(垮|塌|滑)|塌方|堡坎(垮|塌|倒)|土(垮|塌|滑)下来|泥巴(垮|滑)下来/],
  ['地震', /地震|地动|余震|震感/],
  ['森林草原火灾', /山火|森林火|林火|烧山|山上.{0,2}(起|着|失)火|山上.{0,2}冒烟|(林子|坡上|草坡).{0,2}(起|着|失)火|草原火/],
  ['房屋火灾', /起火|着火|失火|火灾|火烧|(?<!发)烧(了|起来|垮|光|完|毁|着)|电线.{0,2}(燃|烧)/],
  ['台风', /台风/],
  ['风雹', /冰雹|雹子|下雹|雹灾|风灾|冷子|大风|狂风|风(吹|刮|把)|吹(垮|倒|翻|走|烂|坏|断)|刮(垮|倒|翻|走|坏|断)|龙卷风|雷(打|劈|击)|遭雷/],
  [
    '洪涝',
    /水灾|洪灾|涝|水(越|又|还在|一直|都)?涨|涨到|水淹(?!凼)|淹(了|到|死|没|倒|坏)|遭淹|发(大)?水|涨(大)?水|山洪|洪水|大水|进水|内涝|暴雨|(下|落)大雨|水冲|漫(进|过|上)|遭水|泡(了|倒|垮|烂)|冲(走|垮|毁|跑|断|坏|烂)/,
  ],
  ['低温冷冻', /凝冻|冰冻|结冰|霜冻|打霜|冻(死|坏|伤|了|住|裂|烂)|寒潮|倒春寒|冷死/],
  ['雪灾', /雪灾|(大|暴|下|积|落)雪|雪(压|垮|凝)/],
  ['干旱', /干旱|天旱|旱(了|灾|情)|(没|不|莫)(得|有)?下雨|干死|晒死|田(都)?干(了|裂)|土(都)?干裂|缺水/],
  ['生物灾害', /虫灾|病虫害|虫害|生虫|遭虫|(?<!长)虫.{0,5}(吃|咬|啃)|蝗虫|鼠害|老鼠.{0,5}(吃|咬|啃)|猪瘟|瘟/],
  ['其他', /^(其他|其它|别的|都不是|另外的)$/],
];

/**
 * The disaster type a message names, or `undefined` when it names none ("房子垮了" says what happened
 * to the house, not why). `其他` only when the villager says so.
 */
export function extractDisasterType(text: string): DisasterType | undefined {
  const bare = compact(normalizeText(text));
  return RULES.find(([, pattern]) => pattern.test(bare))?.[0];
}
