import { DISASTER_TYPES, GB_T_28921_CODES } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import { creditKind, damage, date, difficulty, disasterType, educationTopic, idNumber, money, name, pastDate, phone } from './suites';

for (const suite of [disasterType, difficulty, creditKind, educationTopic]) assertSuite<string | undefined>(suite);
assertSuite(damage);
assertSuite(phone);
assertSuite(idNumber);
assertSuite(name);
assertSuite(money);
assertSuite(date);
assertSuite(pastDate);

describe('GB/T 28921 codes', () => {
  it('gives six digits for the types with one plain class, and none for 风雹, 房屋火灾 and 其他', () => {
    const known = DISASTER_TYPES.filter((type) => GB_T_28921_CODES[type] !== undefined);
    expect(known).toHaveLength(11);
    for (const type of known) expect(GB_T_28921_CODES[type]).toMatch(/^\d{6}$/);
    expect([GB_T_28921_CODES.风雹, GB_T_28921_CODES.房屋火灾, GB_T_28921_CODES.其他]).toEqual([undefined, undefined, undefined]);
  });
});
