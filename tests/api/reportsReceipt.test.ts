import { useTestDatabase } from '../helpers/db';
import { Sequence, beijingDay } from '../../models/sequence';
import { nextReceiptNo } from '../../domain/receiptNumber';

useTestDatabase();

const seqOf = (receipt: string): number => Number(receipt.split('-')[1]);

describe('nextReceiptNo', () => {
  it('hands out consecutive unique numbers to 50 concurrent callers, one sequence row each', async () => {
    const now = new Date('2023-07-24T17:30:00Z');
    const receipts = await Promise.all(Array.from({ length: 50 }, () => nextReceiptNo('ZQ', now)));
    expect(new Set(receipts).size).toBe(50);
    expect(receipts.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(receipts[0]).toMatch(/^ZQ20230725-\d{4}$/);
    expect(await Sequence.countDocuments({ scope: `ZQ${beijingDay(now)}` })).toBe(50);
  });

  it('steps over numbers another process took, and keeps each prefix and Beijing day apart', async () => {
    const now = new Date('2023-08-01T02:00:00+08:00');
    const first = await nextReceiptNo('LT', now);
    expect(first).toBe('LT20230801-0001');
    await Sequence.create([2, 3].map((seq) => ({ _id: `LT20230801#${seq}`, scope: 'LT20230801', seq, at: now })));
    expect(await nextReceiptNo('LT', now)).toBe('LT20230801-0004');
    expect(await nextReceiptNo('XD', now)).toBe('XD20230801-0001');
    expect(await nextReceiptNo('LT', new Date('2023-08-01T16:00:00Z'))).toBe('LT20230802-0001');
  });
});
