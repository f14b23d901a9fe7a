import { parseGlobalCommand, parseYesNo } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import { commands } from './suites';

assertSuite(commands);

describe('commands and yes/no do not overlap', () => {
  it.each(['菜单', '返回', '取消', '重来', '转人工'])('%s is a command, not an answer', (text) => {
    expect(parseGlobalCommand(text)).toBeDefined();
    expect(parseYesNo(text)).toBeUndefined();
  });
});
