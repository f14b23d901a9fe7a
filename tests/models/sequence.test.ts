import { useTestDatabase } from '../helpers/db';
import { Claim, tryClaim } from '../../models/claim';
import { Sequence, allocateReceiptNo, beijingDay, nextSequence } from '../../models/sequence';

useTestDatabase();

describe('receipt numbers', () => {
  it('number by Beijing day and prefix, from 0001', async () => {
    const lateUtc = new Date('2026-11-28T16:30:00Z'); // 00:30 on 29 November in Beijing
    expect(beijingDay(lateUtc)).toBe('20261129');
    expect(await allocateReceiptNo('ZQ', lateUtc)).toBe('ZQ20261129-0001');
    expect(await allocateReceiptNo('ZQ', lateUtc)).toBe('ZQ20261129-0002');
    expect(await allocateReceiptNo('LT', lateUtc)).toBe('LT20261129-0001');
    expect(await allocateReceiptNo('ZQ', new Date('2026-11-29T16:00:00Z'))).toBe('ZQ20261130-0001');
    expect(await Sequence.countDocuments({ scope: 'ZQ20261129' })).toBe(2);
  });
});

describe('nextSequence', () => {
  it('hands each number out once to concurrent callers, without gaps', async () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 25 }, () => nextSequence('concurrent', now)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const stored = await Sequence.find({ scope: 'concurrent' }).lean();
    expect(stored).toHaveLength(25);
  });
});

describe('tryClaim', () => {
  it('lets exactly one of many concurrent callers take a key', async () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryClaim('delivery:abc:0', `worker-${i}`, now).then((won) => ({ won, i }))),
    );
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const stored = await Claim.findById('delivery:abc:0').lean();
    expect(stored?.holder).toBe(`worker-${winners[0]?.i}`);
    expect(await tryClaim('delivery:abc:0', 'late', now)).toBe(false);
    expect(await tryClaim('delivery:abc:1', 'late', now)).toBe(true);
  });
});
