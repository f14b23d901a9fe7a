import { DISASTER_TYPES, GBT_28921_CODES } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import {
  creditKind, damage, date, difficulty, disasterType, educationTopic, idNumber, money, name, pastDate, phone,
} from './suites';

for (const suite of [disasterType, difficulty, creditKind, educationTopic]) assertSuite<string | undefined>(suite);
assertSuite(damage);
assertSuite(phone);
assertSuite(idNumber);
assertSuite(name);
assertSuite(money);
assertSuite(date);
assertSuite(pastDate);

describe('GB/T 28921 codes', () => {
  it('has an entry for every disaster type, six digits when known', () => {
    expect(Object.keys(GBT_28921_CODES).sort()).toStrictEqual([...DISASTER_TYPES].sort());
    for (const code of Object.values(GBT_28921_CODES)) {
      if (code !== undefined) expect(code).toMatch(/^\d{6}$/);
    }
  });
});
