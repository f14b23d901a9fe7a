/**
 * Topics of prevention education (防灾减灾知识) the bot can answer about.
 */
import { compact, normalizeText } from './normalize';

/** The topics the bot has prevention content for. */
export const EDUCATION_TOPICS = ['flood', 'landslide', 'lightning', 'house_fire', 'cold', 'earthquake', 'safe_water'] as const;

/** One of {@link EDUCATION_TOPICS}. */
export type EducationTopic = (typeof EDUCATION_TOPICS)[number];

/**
 * Patterns per topic, most specific first. Every fire question (山火 included) goes to `house_fire`, the only
 * fire topic; charcoal-stove poisoning (烤火, 煤气中毒) is a winter topic, so `cold`. Hail and gales (冰雹,
 * 冷子, 大风) share the summer convective-weather content of `lightning`. Drinking-water questions
 * come before flood, so "涨水后水能不能喝" is about safe water.
 */
const TOPIC_RULES: ReadonlyArray<readonly [EducationTopic, RegExp]> = [
  [
    'safe_water',
    /(水|井水|自来水|河水|山泉水?)(能不能|可不可以|还能|能)(喝|吃)|喝(的)?水|饮水|吃水|水.{0,3}(干净|卫生|消毒|浑|脏)|开水|净水|漂白粉/,
  ],
  ['earthquake', /地震|地动|余震/],
  ['landslide', /滑坡|垮山|山(体)?(垮|滑|塌)|泥石流|崩塌|塌方|落石|地质灾害|危岩|堡坎|裂缝/],
  ['lightning', /打雷|雷电|雷雨|闪电|雷(打|劈|击)|遭雷|避雷|防雷|打闪|冰雹|冷子|雹子|大风|狂风|龙卷风/],
  ['cold', /烤火|煤气中毒|一氧化碳|寒潮|冰冻|凝冻|结冰|路滑|霜冻|下雪|大雪|降温|冷|冻|取暖/],
  ['house_fire', /火|电线|用电|漏电|燃气|煤气|液化气|灭火|消防/],
  ['flood', /洪|水淹|淹|涨水|发(大)?水|大水|暴雨|(下|落)大雨|汛|内涝|过河|河边|山洪/],
];

/**
 * The prevention topic a message asks about: "打雷咋个躲" → lightning, "滑坡前有啥征兆" → landslide,
 * "发大水了咋个办" → flood, "烤火要注意啥" → cold; `undefined` when it names none.
 */
export function extractEducationTopic(text: string): EducationTopic | undefined {
  const bare = compact(normalizeText(text));
  return TOPIC_RULES.find(([, pattern]) => pattern.test(bare))?.[0];
}
