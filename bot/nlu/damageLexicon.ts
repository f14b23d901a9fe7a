/**
 * Words the damage extractor looks for: the things that get damaged (entities), the measure words that
 * count them, and the cue words that say how badly. Data only; the logic is in `damage.ts`.
 */

/** What a noun in a damage message refers to. `outbuilding` is recognised only to be ignored. */
export type EntityKind = 'house' | 'outbuilding' | 'crop' | 'bigLivestock' | 'smallLivestock' | 'poultry' | 'person';

/**
 * Nouns by kind. A bare 屋 is left out: 屋后, 屋门口, 屋里 name places, not the house. Livestock follows the statistics: 大牲畜 = 牛 马 驴 骡 骆驼; 小牲畜 = 猪 羊 (and rabbits);
 * poultry is counted apart. Pig-sties, cow-sheds, toilets, retaining walls (堡坎), field banks and ponds
 * are not rooms of houses; they are listed so that they are not read as 猪 or 房 and do not lend their
 * damage to a house. Bare 田 / 地 / 土 are left out (地震, 土地垴村): a crop
 * area is recognised by its measure word 亩 instead.
 */
const NOUNS: ReadonlyArray<readonly [EntityKind, readonly string[]]> = [
  [
    'outbuilding',
    [
      '猪圈',
      '猪儿圈',
      '牛圈',
      '羊圈',
      '鸡圈',
      '鸭圈',
      '圈舍',
      '厕所',
      '茅厕',
      '茅房',
      '围墙',
      '院墙',
      '堡坎',
      '田坎',
      '院坝',
      '晒坝',
      '鱼塘',
      '堰塘',
    ],
  ],
  [
    'house',
    [
      '房子',
      '房屋',
      '房间',
      '屋子',
      '屋头',
      '住房',
      '瓦房',
      '平房',
      '楼房',
      '土房',
      '土坯房',
      '老房子',
      '灶房',
      '厨房',
      '偏房',
      '堂屋',
      '卧室',
      '屋顶',
      '房顶',
      '墙壁',
      '墙体',
      '墙',
      '房',
    ],
  ],
  [
    'crop',
    [
      '苞谷',
      '包谷',
      '玉米',
      '稻谷',
      '谷子',
      '水稻',
      '稻子',
      '秧苗',
      '秧子',
      '庄稼',
      '粮食',
      '蔬菜',
      '菜地',
      '菜园',
      '菜苗',
      '青菜',
      '白菜',
      '红苕',
      '苕',
      '土豆',
      '洋芋',
      '花生',
      '油菜',
      '黄豆',
      '大豆',
      '豆子',
      '果树',
      '柑橘',
      '橘子',
      '李子',
      '桃子',
      '梨子',
      '枇杷',
      '茶叶',
      '茶树',
      '烟叶',
      '辣椒',
      '小麦',
      '麦子',
      '高粱',
      '大棚',
      '农作物',
      '作物',
      '西瓜',
      '葡萄',
      '花椒',
      '秧田',
      '稻田',
      '田里',
      '地里',
      '土里',
      '田土',
      '庄稼地',
    ],
  ],
  ['bigLivestock', ['水牛', '黄牛', '耕牛', '牛儿', '牛', '马儿', '马匹', '驴子', '驴', '骡子', '骡', '骆驼']],
  ['smallLivestock', ['肥猪', '母猪', '猪儿', '猪崽', '小猪', '仔猪', '架子猪', '猪', '山羊', '绵羊', '羊子', '羊', '兔子', '兔']],
  ['poultry', ['鸡鸭', '鸡', '鸭子', '鸭', '鹅', '鸽子']],
  [
    'person',
    [
      '老人家',
      '老人',
      '老汉',
      '老头',
      '老婆婆',
      '婆婆',
      '爷爷',
      '奶奶',
      '娃儿',
      '娃娃',
      '孩子',
      '小孩',
      '儿子',
      '女儿',
      '媳妇',
      '老婆',
      '老公',
      '男人',
      '老妈',
      '老爸',
      '妈妈',
      '爸爸',
      '妈',
      '爸',
      '父亲',
      '母亲',
      '邻居',
      '家人',
      '我们',
      '我',
      '人',
    ],
  ],
];

/** Every noun, longest first, so that an alternation regex prefers 猪圈 to 猪 and 房子 to 房. */
export const ENTITY_WORDS: ReadonlyArray<readonly [word: string, kind: EntityKind]> = NOUNS.flatMap(([kind, words]) =>
  words.map((word) => [word, kind] as const),
).sort((a, b) => b[0].length - a[0].length);

/** A state that contains a noun: 危房 is how the house is, not another house. Masked before nouns are found. */
export const STATE_WORDS = /危房/g;

/** Words that contain 人 but are not a person (人工, 人和桥村). */
export const NOT_A_PERSON_AFTER_REN = /^(工|和桥)/;

/** Measure words that can count each kind. */
export const MEASURES_FOR: Readonly<Record<EntityKind, readonly string[]>> = {
  house: ['间'],
  outbuilding: ['间'],
  crop: ['亩', '分'],
  bigLivestock: ['头', '匹', '条', '个'],
  smallLivestock: ['头', '只', '条', '个'],
  poultry: ['只', '个'],
  person: ['个', '人', '口', '位'],
};

/** Measure words that say the kind by themselves ("还有一间裂了", "淹了五亩"). */
export const KIND_OF_MEASURE: Readonly<Record<string, EntityKind>> = { 间: 'house', 亩: 'crop', 分: 'crop' };

/** Text between two nouns that joins them into one subject ("猪和牛都死了", "我跟老汉都伤了"). */
export const CONNECTOR_ONLY = /^(和|跟|与|同|及|还有|连|、|也)*$/;

/** Any sign of damage: used to decide which noun the words between two nouns belong to. */
export const ANY_DAMAGE = /垮|塌|倒|冲|淹|死|伤|断|裂|毁|没了|埋|压|砸|遭|烧|吹|打|冻|干|失踪|找不到|不见|漏|掀|绝收|损|坏/;

/**
 * House damage levels. The rule (stated for the dialog and the statistics):
 * - **collapsed (倒塌)**: 垮 / 塌 / 倒 / 冲走 / 没了 / 埋了 / 毁 of a house or room;
 * - **severe (严重损坏)**: the word 严重, or only part of the house came down — 垮了一半, 半边, 一角, a wall
 *   (墙垮了), the roof (屋顶, 房顶, 掀), 危房, 住不得 — or a wide crack (裂得很凶, 好宽的缝);
 * - **minor (一般损坏)**: 裂 / 缝 / 漏 / 瓦 / 损坏 / 坏了 without any of the above.
 * Severe is tested first, then collapsed, then minor.
 */
export const HOUSE_SEVERE =
  /严重|一半|半边|一角|一面墙|墙(都|也)?(垮|倒|塌)|屋顶|房顶|掀|危房|住不得|不能住|住不成|不敢住|(宽|大)的?(裂)?缝|裂得?(很|好|老|太)?(凶|大|宽|厉害)/;
export const HOUSE_COLLAPSED = /垮|塌|倒|冲走|冲没|冲毁|没了|埋了|毁/;
export const HOUSE_MINOR = /裂|缝|漏|瓦|损坏|坏了|受损|轻微|破了/;

/** Crops: 绝收 (≥ 80 % lost) when the villager says all of it died; otherwise 受灾 when any damage is named. */
export const CROP_FAILED = /绝收|全(部|都)?(死|毁|冲|淹|没|完|遭|干)|(死|冲|毁|干死)(完|光)|颗粒无收|(没得|没有|没|莫得)收成|一颗都没|完全/;
export const CROP_AFFECTED = /淹|冲|死|倒|打|干|冻|旱|毁|遭|坏|损|烂|吹|压|埋|泡|虫|受灾/;

/** Livestock and poultry: drowned, washed away, buried, crushed or frozen all count as dead. */
export const ANIMAL_DEAD = /死|冲走|冲跑|冲没|冲起走|淹|压|砸|埋|没了|丢了|不见了|冻/;

/** People. Checked in this order: safe (negation) → dead → missing → injured. */
export const PERSON_SAFE = /没事|没得事|莫得事|没受伤|没伤|没有伤|没有受伤|平安|安全|都好|没啥|没得啥|(没|没有|没得|莫得)人/;
export const PERSON_DEAD = /死|遇难|去世|身亡/;
export const PERSON_MISSING = /失踪|找不到|不见了|没找到|联系不上|冲走|下落不明/;
export const PERSON_INJURED = /伤|摔断|砸断|骨折|流血|(腿|手|脚|腰|头|脑壳)(杆)?(断|遭|砸|摔|撞|划|打)|砸到|压到|砸了|遭砸/;

/** Figures of speech that contain 死 but report nothing (吓死人了, 累死了, 饿死了). */
export const HYPERBOLE = /(吓|累|饿|气|急|愁|热|烦|忙|笑)死(人|我|了)*/g;

/**
 * Water supply interrupted: no water to drink, the tap stopped, the pipe broke, the well or cistern was
 * ruined.
 */
export const WATER_INTERRUPTED =
  /(?<!淹)(没得|没有|莫得|么得|没)(自来)?水(喝|吃|用|了)?(?!淹)|水(都)?(没得|没有|莫得)了|停水|断水|水管.{0,3}(断|爆|坏|垮|冲|烂|裂|破)|(喝|吃)不(到|上|成)水|水(喝|吃)不成|水(井|池|窖|塔).{0,3}(干|垮|坏|淹|冲|毁|埋|脏|浑)|井.{0,2}干了|自来水.{0,3}(停|断|没|不通|不来)|水(都)?(不来|来不了)了/;
