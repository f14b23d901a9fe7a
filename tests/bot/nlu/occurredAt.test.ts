import { extractOccurredAt } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import { FIXED_NOW } from './fixtures';

/**
 * [text, the instant as ISO (UTC) or undefined], read at {@link FIXED_NOW}: Sunday 29 November 2026, 10:00
 * Beijing = 02:00Z. Parts of the day are 凌晨 03, 早上 08, 中午 12, 下午 15, 晚上 20, 夜里 22 (Beijing); a day alone
 * is its Beijing midnight (16:00Z the day before).
 */
const rows: ReadonlyArray<readonly [string, string | undefined]> = [
  ['刚才', '2026-11-29T02:00:00.000Z'],
  ['刚刚屋头遭水淹了', '2026-11-29T02:00:00.000Z'],
  ['现在', '2026-11-29T02:00:00.000Z'],
  ['两个小时前', '2026-11-29T00:00:00.000Z'],
  ['今天早上', '2026-11-29T00:00:00.000Z'],
  ['今天上午', '2026-11-29T00:00:00.000Z'],
  ['今早', '2026-11-29T00:00:00.000Z'],
  ['早上', '2026-11-29T00:00:00.000Z'],
  ['凌晨', '2026-11-28T19:00:00.000Z'],
  ['今天', '2026-11-28T16:00:00.000Z'],
  ['昨晚屋头遭水淹了', '2026-11-28T12:00:00.000Z'],
  ['晚上', '2026-11-28T12:00:00.000Z'],
  ['昨天下午', '2026-11-28T07:00:00.000Z'],
  ['昨天半夜', '2026-11-28T14:00:00.000Z'],
  ['昨夜', '2026-11-28T14:00:00.000Z'],
  ['前天晚上', '2026-11-27T12:00:00.000Z'],
  ['星期五晚上', '2026-11-27T12:00:00.000Z'],
  ['2天前的晚上', '2026-11-27T12:00:00.000Z'],
  ['三天前', '2026-11-25T16:00:00.000Z'],
  ['28号晚上', '2026-11-28T12:00:00.000Z'],
  ['11月28号', '2026-11-27T16:00:00.000Z'],
  ['3号', '2026-11-02T16:00:00.000Z'],
  ['30号', '2026-10-29T16:00:00.000Z'],
  ['上个月15号', '2026-10-14T16:00:00.000Z'],
  ['10月5号下午', '2026-10-05T07:00:00.000Z'],
  ['今天中午', undefined],
  ['今天晚上', undefined],
  ['明天', undefined],
  ['不晓得', undefined],
  ['屋头遭水淹了，垮了两间房', undefined],
];

assertSuite({
  name: 'occurredAt',
  rows,
  hard: [],
  run: (text: string) => extractOccurredAt(text, FIXED_NOW)?.toISOString(),
});
