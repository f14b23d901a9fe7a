/**
 * Who the villager is: phone number, resident ID number, name.
 */
import { compact, normalizeText } from './normalize';

/** A mainland mobile number: 1[3-9] + 9 digits, possibly written with spaces or dashes, possibly after +86. */
const PHONE = /(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d(?:[ -]?\d){8})(?![\d])/;

/**
 * The 11-digit mobile number in a message ("电话 138 1234 5678" → "13812345678"), or `undefined`.
 * Landlines are not accepted: the bot needs a number that can receive SMS.
 */
export function extractPhone(text: string): string | undefined {
  const digits = text.normalize('NFKC').match(PHONE)?.[1];
  return digits === undefined ? undefined : digits.replace(/[ -]/g, '');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const ID_NUMBER = /(?<![0-9a-z])(\d{6} ?\d{4} ?\d{4} ?\d{3}[0-9x])(?![0-9a-z])/i;

/** GB 11643 check character of the first 17 digits. */
function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (ID_WEIGHTS[i] ?? 0), 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

/** The embedded birth date must exist and lie between 1900 and today. */
function plausibleBirthDate(id: string, now: Date): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= now.getTime()
  );
}

/**
 * The 18-character resident ID number in a message, upper-cased (`x` → `X`), or `undefined` when there is
 * none or its check character or birth date is wrong — the dialog then asks again rather than storing a typo.
 */
export function extractIdNumber(text: string, now: Date = new Date()): string | undefined {
  const found = text.normalize('NFKC').match(ID_NUMBER)?.[1];
  if (found === undefined) return undefined;
  const id = found.replace(/ /g, '').toUpperCase();
  return idCheckChar(id.slice(0, 17)) === id[17] && plausibleBirthDate(id, now) ? id : undefined;
}

/** Common surnames (百家姓 by frequency, plus the compound ones), used to accept a bare "张三". */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '慕容',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
]);

/** Words that follow 我是 but are not a name: places, roles, relations, states. */
const NOT_A_NAME =
  /[镇村区街社乡县市组户的了吗呢人员病灾]|贫困|脱贫|监测|本人|自己|村民|老汉|老人|网格|书记|干部|农民|哪个|这个|那个|他们|我们|你们/;

/**
 * Everyday words that begin with a surname character (谢, 马, 明, 安…) and could arrive as a whole reply;
 * without this list "谢谢" would pass for a name.
 */
const SURNAME_LIKE_WORDS = new Set([
  '谢谢',
  '马上',
  '明白',
  '明天',
  '明年',
  '安全',
  '平安',
  '万一',
  '高兴',
  '方便',
  '时间',
  '全部',
  '常常',
  '应该',
  '简单',
  '麻烦',
  '商量',
  '于是',
  '和平',
  '关心',
  '成功',
  '师傅',
  '毛病',
  '路上',
  '包谷',
  '文化',
  '单独',
]);

/** 2–4 Chinese characters, the length of nearly every Han name. */
const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;

const INTRODUCTIONS = /(我的名字(?:是|叫)|名字(?:是|叫)|姓名(?:是|叫)?|我叫|本人叫|本人是|我是) ?(?=[\u4e00-\u9fff])/;

/** Words that end the name when the villager keeps typing ("我叫张三电话…", "我是张三的儿子"). */
const AFTER_NAME = /电话|手机|身份证|住在|家住|住|在|是|的|今年|号码|哈|嘛|啊|哦|呢|噻/;

function startsWithSurname(name: string): boolean {
  return SURNAMES.has(name.slice(0, 2)) || SURNAMES.has(name.slice(0, 1));
}

/**
 * A person's name from "我叫张三", "名字是王小明", "我是李四", or a bare "张三".
 * After 我叫 / 名字是 any 2–4 Chinese characters are accepted; after 我是 and for a bare message the name
 * must start with a common surname and must not be a place or role ("我是丰盛镇的", "我是贫困户").
 */
export function extractName(text: string): string | undefined {
  const normalized = normalizeText(text);
  const bare = compact(normalized);
  const introduced = INTRODUCTIONS.exec(normalized);
  if (introduced !== null) {
    // The name ends at a space: "我是冉隆福 丰盛镇的".
    const rest = normalized.slice(introduced.index + introduced[0].length);
    const han = /^[\u4e00-\u9fff]{1,4}/.exec(rest)?.[0] ?? '';
    const cut = rest.search(AFTER_NAME);
    const name = cut >= 0 && cut < han.length ? han.slice(0, cut) : han;
    // "我是张三的儿子": 的 right after the name makes it someone else's.
    if (rest[name.length] === '的') return undefined;
    const needsSurname = introduced[1] === '我是' || introduced[1] === '本人是';
    if (name.length >= 2 && !NOT_A_NAME.test(name) && (!needsSurname || startsWithSurname(name))) return name;
    return undefined;
  }
  const candidate = bare.replace(/[啊呀哦嘛哈呢噻]+$/, '');
  const plausible = HAN_NAME.test(candidate) && startsWithSurname(candidate) && !NOT_A_NAME.test(candidate);
  return plausible && !SURNAME_LIKE_WORDS.has(candidate) ? candidate : undefined;
}
