/**
 * What a villager wants from the bot, from a menu number or a free-text message.
 */
import { compact, normalizeText } from './normalize';
import { extractDamage, type DamageReport } from './damage';
import { extractDisasterType, type DisasterType } from './disasterType';
import { extractEducationTopic, type EducationTopic } from './education';
import { extractMoneyYuan } from './money';
import { extractCreditKind, extractGreenChannelDifficulty, type CreditKind, type GreenChannelDifficulty } from './needs';

/** Everything the bot can be asked for. */
export const INTENTS = [
  'report_damage',
  'green_channel',
  'credit_relief',
  'progress',
  'warning_subscribe',
  'warning_unsubscribe',
  'warning_ack',
  'education',
  'human',
  'greeting',
  'unknown',
] as const;

/** One of {@link INTENTS}. */
export type Intent = (typeof INTENTS)[number];

/** The main menu, numbered as the bot shows it. */
export const MAIN_MENU: ReadonlyArray<{ choice: number; intent: Intent; label: string }> = [
  { choice: 1, intent: 'report_damage', label: '灾情上报' },
  { choice: 2, intent: 'green_channel', label: '生活困难求助（绿色通道）' },
  { choice: 3, intent: 'credit_relief', label: '小额信贷展期/续贷' },
  { choice: 4, intent: 'progress', label: '查询进度' },
  { choice: 5, intent: 'warning_subscribe', label: '预警订阅' },
  { choice: 6, intent: 'education', label: '防灾知识' },
  { choice: 7, intent: 'human', label: '联系网格员' },
];

/**
 * Details found in the message, filled per intent: report_damage and human get `disasterType`, `damage`,
 * `difficulty`, `creditKind`, `urgent`; green_channel gets `difficulty`, `damage`, `disasterType`; credit_relief gets
 * `creditKind`, `moneyYuan`, `disasterType`; education gets `educationTopic`; a menu number gets `menuChoice`.
 */
export interface Slots {
  menuChoice?: number;
  disasterType?: DisasterType;
  damage?: DamageReport;
  difficulty?: GreenChannelDifficulty;
  creditKind?: CreditKind;
  moneyYuan?: number;
  educationTopic?: EducationTopic;
  /** Someone is dead, missing, trapped or in danger now: tell them to call 119/120/110 and alert the grid worker. */
  urgent?: boolean;
}

/** The recognised intent; `confidence` is 1 for a menu number, 0.9 for a clear phrase, ≤ 0.7 for a guess. */
export interface IntentResult {
  intent: Intent;
  confidence: number;
  slots: Slots;
}

const MENU_CHOICE = /^(?:选|选择|我选|按|第)?([1-7一二三四五六七])(?:号|个|项|条)?$/;
const MENU_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };
const PEOPLE = '人|老汉|老人|老的|老婆婆|婆婆|爷爷|奶奶|娃儿|孩子|小孩|屋头的';
const URGENT = new RegExp(
  `救命|救人|快来人|快来救|(${PEOPLE}).{0,6}(被埋|埋到|埋起|压到|被困|困住|冲走|找不到|失踪)|被困|困住了|` +
    '出不来|要死人了|打120|打119|打110|急救|(起|着|失)火了',
);
const HUMAN =
  /转人工|人工服务|人工客服|找人工|要人工|真人|(找|联系|叫|喊|要|请)(一下|个)?(网格员|村干部|书记|村长|工作人员|干部|负责人)|(给我|帮我)打(个)?电话|打(个)?电话给我|网格员.{0,3}(电话|号码|联系方式)|^人工$|^找人$/;
const ACK =
  /^(好的?|嗯+|要得|行|我们?|我家|都)*(已经?)?(收到|晓得|知道|明白)(了|啦)?(预警|通知|消息|信息)?(了|啦|咯|喽|嘞|哈)?(收到|谢谢|好的|马上(转移|走|撤))*$/;
/** "已经转移了": the answer to an evacuation warning. */
const EVACUATED = /^(我们?|我家|都|一家人)*(已经?)(转移|撤离|撤|搬)(走|出来)?了$/;
const UNSUBSCRIBE = /退订|(取消|关闭|关掉|不要|不想|不用|别|莫|停止|不再).{0,4}(预警|提醒|通知|推送|发了|发消息|订阅)/;
const SUBSCRIBE =
  /订阅|(订|开通|打开|接收|要收|想收|关注|需要).{0,4}(预警|天气提醒|警报)|(有|来)(预警|暴雨|大雨|洪水|大风|冰雹|寒潮|台风|灾害).{0,4}(告诉|通知|提醒|发)/;
const PROGRESS_STRONG =
  /进度|进展|办到哪|到哪一步|有(没有)?(结果|消息|回音|回复)|(批|审|审核|处理|办|弄)(下来|好|完)?了?(没|没有|吗|不)|(看|查)(一)?下.{0,4}(申请|报的|上报|办的)|来(看|查|核实?)(过|了)?(没|没有|吗)/;
const PROGRESS_WHEN = /咋样|怎么样|如何了|啥情况|什么情况|好久|多久|什么时候|啥时候|几时/;
const PROGRESS_SUBJECT = /(报|申请|交|提交|上报|登记)(的|了|过)|补助|补贴|救助金|钱/;
const CREDIT = /贷|借款|借的钱|银行.{0,3}钱|还款/;
const QUESTION =
  /咋个|咋|怎么|怎样|如何|啥|什么|哪|么子|要不要|会不会|能不能|可不可以|应该|注意|知识|征兆|前兆|预兆|预防|防范|防止|躲|避|常识|科普|须知|\?|吗/;
const KNOWLEDGE = /知识|防灾|减灾|科普|常识|安全/;
/** The damage verbs that make a question a report ("屋头遭水淹了咋个办" reports; "发大水了咋个办" asks). */
const DAMAGE_VERB =
  /遭|淹了|淹到|淹死|垮|塌|冲走|冲垮|冲毁|冲断|冲坏|倒了|倒塌|烧了|烧毁|毁|打烂|打坏|吹倒|吹翻|压垮|埋了|裂|干死|冻死|冻坏|晒死|损坏/;
/** Asking to report; 报销 / 报名 / 报纸 / 报警 are other words. */
const REPORT = /上报|报灾|报告灾情|报灾情|灾情|受灾|遭灾|(帮我|我要|我想|要|想)报(?!销|名|纸|警)|报一下|报损失|登记损失/;
/** Damage that has not happened: "会不会垮山", "怕垮", "防止滑坡" — removed before looking for damage verbs. */
const HYPOTHETICAL = /(会不会|会不|怕|担心|万一|要是|如果|防止|预防|以免|避免)[\u4e00-\u9fff]{0,4}/g;
const GREEN = /求助|帮帮|帮忙|救济|救助|补助|困难|绿色通道|过不下去|活不下去|没办法了/;
const GREETING =
  /^(你好|您好|在吗|在不在|有人吗|有人没|喂|哈喽|hello|hi|嗨|早上好|上午好|中午好|下午好|晚上好|早|早安|请问|开始|帮助|你是谁|菜单|主菜单|功能|吃(饭)?了(没|吗))+(啊|呀|哦|嘛|哈|呢|\?)*/;

function result(intent: Intent, confidence: number, slots: Slots = {}): IntentResult {
  return { intent, confidence, slots };
}

/** Copy only the slots that have a value, so a result never carries `key: undefined`. */
function defined(slots: Slots): Slots {
  const out: Slots = {};
  if (slots.disasterType !== undefined) out.disasterType = slots.disasterType;
  if (slots.damage !== undefined) out.damage = slots.damage;
  if (slots.difficulty !== undefined) out.difficulty = slots.difficulty;
  if (slots.creditKind !== undefined) out.creditKind = slots.creditKind;
  if (slots.moneyYuan !== undefined) out.moneyYuan = slots.moneyYuan;
  if (slots.urgent !== undefined) out.urgent = slots.urgent;
  return out;
}

function hasDamage(damage: DamageReport): boolean {
  return Object.keys(damage).length > 0;
}

/**
 * Detect the intent of a message. Checked in this order (the first that fits wins):
 * menu number 1–7 → urgent danger (human, `urgent`) → asking for a person → warning acknowledgement
 * (收到 / 晓得了, the whole message) → warning unsubscribe → subscribe → progress → credit (unless the message
 * also gives concrete damage: "房子垮了 贷款也还不起了" reports first, with `creditKind`) → prevention
 * question (a question word and a topic, **no damage verb**) → damage report (上报, a damage verb or damage
 * figures) → green-channel difficulty → a disaster named as news ("发大水了", 0.6) → greeting → unknown.
 *
 * Decisions: "没得水喝了" alone is a green-channel 饮水 request (with `damage.waterInterrupted`), but
 * "水管冲断了" is a damage report; "房子垮了没得地方住" is a damage report with `difficulty: '住房'`;
 * 菜单 / 你好 are greetings (both answer with the menu); "着火了", people trapped, missing or dead are urgent
 * (intent `human`, `slots.urgent`), whatever else the message says.
 */
export function detectIntent(text: string): IntentResult {
  const bare = compact(normalizeText(text));
  if (bare === '') return result('unknown', 0);
  const menu = MENU_CHOICE.exec(bare)?.[1];
  if (menu !== undefined) {
    const choice = MENU_DIGITS[menu] ?? Number(menu);
    const item = MAIN_MENU.find((entry) => entry.choice === choice);
    if (item !== undefined) return result(item.intent, 1, { menuChoice: choice });
  }
  const damage = extractDamage(text);
  const disasterType = extractDisasterType(text);
  const difficulty = extractGreenChannelDifficulty(text);
  const creditKind = extractCreditKind(text);
  const damageVerb = DAMAGE_VERB.test(bare.replace(HYPOTHETICAL, ''));
  const waterOnly = damage.waterInterrupted === true && Object.keys(damage).length === 1 && !damageVerb;
  const concreteDamage = hasDamage(damage) && !waterOnly;
  const urgent = URGENT.test(bare) || (damage.dead ?? 0) > 0 || (damage.missing ?? 0) > 0;
  const reportSlots = defined({
    disasterType,
    damage: hasDamage(damage) ? damage : undefined,
    difficulty,
    creditKind,
    urgent: urgent ? true : undefined,
  });
  if (urgent) return result('human', 0.95, reportSlots);
  if (HUMAN.test(bare)) return result('human', 0.9, reportSlots);
  const ack = ACK.exec(bare);
  if (ack !== null) return result('warning_ack', ack[3] === '收到' ? 0.95 : 0.7);
  if (EVACUATED.test(bare)) return result('warning_ack', 0.7);
  if (UNSUBSCRIBE.test(bare)) return result('warning_unsubscribe', 0.9);
  if (SUBSCRIBE.test(bare)) return result('warning_subscribe', 0.9);
  if (PROGRESS_STRONG.test(bare)) return result('progress', 0.9);
  if (PROGRESS_WHEN.test(bare) && PROGRESS_SUBJECT.test(bare)) return result('progress', 0.8);
  if (CREDIT.test(bare) && !concreteDamage) {
    const slots = defined({ creditKind, moneyYuan: extractMoneyYuan(text), disasterType });
    return result('credit_relief', creditKind === undefined ? 0.7 : 0.9, slots);
  }
  if (QUESTION.test(bare) && !damageVerb) {
    const educationTopic = extractEducationTopic(text);
    if (educationTopic !== undefined) return result('education', 0.85, { educationTopic });
    if (KNOWLEDGE.test(bare)) return result('education', 0.7);
  }
  if (REPORT.test(bare) || damageVerb || concreteDamage) {
    return result('report_damage', 0.85, reportSlots);
  }
  if (difficulty !== undefined || waterOnly) {
    const slots = defined({ difficulty: difficulty ?? '饮水', damage: waterOnly ? damage : undefined, disasterType });
    return result('green_channel', 0.85, slots);
  }
  if (GREEN.test(bare)) return result('green_channel', 0.7, defined({ disasterType }));
  if (disasterType !== undefined && disasterType !== '其他') return result('report_damage', 0.6, reportSlots);
  if (GREETING.test(bare)) return result('greeting', 0.9);
  return result('unknown', 0);
}
