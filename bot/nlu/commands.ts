/**
 * Global commands: words that work at any step of any dialog (back to the menu, one step back, give up,
 * start again, talk to a person). The dialog checks these before interpreting an answer.
 */
import { compact, normalizeText } from './normalize';

/** What a global command asks the dialog to do. */
export type GlobalCommand = 'menu' | 'back' | 'cancel' | 'restart' | 'human';

/**
 * The whole message (after polite filler is stripped) must be one of these phrases. Matching whole
 * messages, not substrings, is what keeps "取消预警" (unsubscribe) and "人工降雨" from becoming commands.
 */
const COMMANDS: ReadonlyArray<readonly [GlobalCommand, readonly string[]]> = [
  [
    'menu',
    [
      '菜单',
      '主菜单',
      '返回菜单',
      '返回主菜单',
      '回菜单',
      '回主菜单',
      '回到菜单',
      '回到主菜单',
      '显示菜单',
      '看菜单',
      '目录',
      '首页',
      '回首页',
    ],
  ],
  ['back', ['返回', '上一步', '返回上一步', '回到上一步', '退回', '退回去', '回去', '后退', '上一个', '退一步']],
  [
    'cancel',
    [
      '取消',
      '不办了',
      '不弄了',
      '不搞了',
      '不报了',
      '不申请了',
      '不填了',
      '算了不办了',
      '算了不弄了',
      '取消办理',
      '取消上报',
      '取消申请',
      '退出',
      '结束',
      '不整了',
    ],
  ],
  ['restart', ['重新开始', '重来', '重新来', '从头开始', '从头来', '重新填', '重新报', '再来一次', '重新来过', '重新']],
  [
    'human',
    [
      '转人工',
      '人工',
      '人工服务',
      '人工客服',
      '找人工',
      '找网格员',
      '联系网格员',
      '叫网格员',
      '喊网格员',
      '找人',
      '找个人',
      '找真人',
      '打电话给我',
      '给我打电话',
      '给我打个电话',
      '打个电话给我',
      '找村干部',
      '找书记',
      '联系村干部',
      '网格员',
      '打电话',
      '打个电话',
    ],
  ],
];

/** Polite or filler words around a command: 我要转人工, 帮我返回一下, 重来吧, 叫网格员来. */
const LEADING_FILLER = /^(?:请|麻烦|帮我|给我|我要|我想|我想要|我|还是|那就|那|就)+/;
const TRAILING_FILLER = /(?:一下|下|吧|啊|呀|嘛|哈|了|咯|喽|哦|噻|谢谢|嘞)+$/;
/** "叫网格员来": 来 is filler only after the particles are gone (重来 keeps its 来). */
const TRAILING_COME = /(?:过来|来)$/;

const LOOKUP: ReadonlyMap<string, GlobalCommand> = new Map(
  COMMANDS.flatMap(([command, phrases]) => phrases.map((phrase) => [phrase, command] as const)),
);

/**
 * Recognise a global command: `parseGlobalCommand('我要转人工')` → `'human'`, `'返回'` → `'back'`,
 * `'菜单'` (or the typo 彩单) → `'menu'`, `'不办了'` → `'cancel'`, `'重来'` → `'restart'`.
 * Returns `undefined` for anything longer than a command with filler ("取消预警" is an intent, not a command).
 */
export function parseGlobalCommand(text: string): GlobalCommand | undefined {
  const bare = compact(normalizeText(text)).replace(/\?/g, '');
  const candidates = [bare, bare.replace(LEADING_FILLER, '')].flatMap((text) => {
    const withoutParticles = text.replace(TRAILING_FILLER, '');
    return [text, withoutParticles, withoutParticles.replace(TRAILING_COME, '')];
  });
  for (const candidate of candidates) {
    const command = LOOKUP.get(candidate);
    if (command !== undefined) return command;
  }
  return undefined;
}
