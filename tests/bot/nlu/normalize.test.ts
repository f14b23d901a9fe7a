import { normalizeText, splitClauses } from '../../../bot/nlu';
import * as fixtures from './fixtures';
import { assertSuite } from './assertSuite';
import { normalize } from './suites';

assertSuite(normalize);

describe('normalizeText', () => {
  const texts = [...fixtures.intentRows, ...fixtures.damageRows, ...fixtures.yesNoRows, ...fixtures.villageRows].map(([text]) => text);

  it.each(texts)('is idempotent on %j', (text) => {
    const once = normalizeText(text);
    expect(normalizeText(once)).toBe(once);
  });
});

describe('splitClauses', () => {
  it('splits at spaces, question marks and connectives', () => {
    expect(splitClauses('房子垮了 还有猪死了两头?鸡也冲走了')).toStrictEqual(['房子垮了', '猪死了两头', '鸡也冲走了']);
  });
});
