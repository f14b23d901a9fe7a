import { findQuantities, normalizeText } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import { numbers } from './suites';

assertSuite(numbers);

describe('findQuantities', () => {
  it('finds every quantity with its measure word and position', () => {
    const text = normalizeText('房子垮了两间 苞谷淹了三亩多');
    expect(findQuantities(text)).toStrictEqual([
      { value: 2, approximate: false, index: 4, end: 6, measure: '间' },
      { value: 3, approximate: true, index: 11, end: 14, measure: '亩' },
    ]);
  });

  it('keeps the 大概 prefix inside the quantity span', () => {
    expect(findQuantities('大概两亩')).toStrictEqual([{ value: 2, approximate: true, index: 0, end: 4, measure: '亩' }]);
  });
});
