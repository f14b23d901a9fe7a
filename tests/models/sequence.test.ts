import { useTestDatabase } from '../helpers/db';
import { Claim, tryClaim } from '../../models/claim';
import { beijingDay } from '../../models/sequence';

useTestDatabase();

describe('beijingDay', () => {
  it('rolls over at midnight in Beijing, not in UTC', () => {
    expect(beijingDay(new Date('2026-11-28T15:59:59Z'))).toBe('20261128');
    expect(beijingDay(new Date('2026-11-28T16:30:00Z'))).toBe('20261129');
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
