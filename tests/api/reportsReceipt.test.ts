import { useTestDatabase } from '../helpers/db';
import { Sequence, beijingDay } from '../../models/sequence';
import { nextReceiptNo, RECEIPT_BLOCK_SIZE } from '../../domain/core/nextReceiptNo';

useTestDatabase();

const seqOf = (receipt: string): number => Number(receipt.split('-')[1]);

describe('nextReceiptNo', () => {
  it('hands out consecutive unique numbers to 150 concurrent callers from two reserved blocks', async () => {
    const now = new Date('2023-07-24T17:30:00Z');
    const receipts = await Promise.all(Array.from({ length: 150 }, () => nextReceiptNo('ZQ', now)));
    expect(new Set(receipts).size).toBe(150);
    expect(receipts.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(receipts[0]).toMatch(/^ZQ20230725-\d{4}$/);
    const rows = await Sequence.find({ scope: `ZQ${beijingDay(now)}` })
      .sort({ seq: 1 })
      .lean();
    expect(rows.map((r) => r._id)).toEqual(['ZQ20230725#b1', 'ZQ20230725#b2']);
  });

  it('steps over a block another process reserved, and keeps each prefix and Beijing day apart', async () => {
    const now = new Date('2023-08-01T02:00:00+08:00');
    await Sequence.create({ _id: 'LT20230801#b1', scope: 'LT20230801', seq: 1, at: now });
    expect(await nextReceiptNo('LT', now)).toBe(`LT20230801-${String(RECEIPT_BLOCK_SIZE + 1).padStart(4, '0')}`);
    expect(await nextReceiptNo('LT', now)).toBe(`LT20230801-${String(RECEIPT_BLOCK_SIZE + 2).padStart(4, '0')}`);
    expect(await nextReceiptNo('XD', now)).toBe('XD20230801-0001');
    expect(await nextReceiptNo('LT', new Date('2023-08-01T16:00:00Z'))).toBe('LT20230802-0001');
    expect(await Sequence.countDocuments({ scope: 'LT20230801' })).toBe(2);
  });
});
