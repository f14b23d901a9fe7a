import { REPORT_STATUSES } from '../../../models/report';
import { canMoveReport, REASON_REQUIRED, REPORT_STATUS_NAMES } from '../../../domain/reports/reportTransitions';

describe('report transitions', () => {
  it.each([
    ['submitted', 'verifying'],
    ['submitted', 'rejected'],
    ['submitted', 'duplicate'],
    ['verifying', 'verified'],
    ['verifying', 'duplicate'],
    ['verified', 'closed'],
  ] as const)('allow %s → %s', (from, to) => {
    expect(canMoveReport(from, to)).toBe(true);
  });

  it.each([
    ['submitted', 'verified'],
    ['submitted', 'closed'],
    ['verified', 'rejected'],
    ['verified', 'submitted'],
    ['verifying', 'submitted'],
  ] as const)('refuse %s → %s (no skipping, no going back)', (from, to) => {
    expect(canMoveReport(from, to)).toBe(false);
  });

  it('keep closed, rejected and duplicate reports as they are', () => {
    for (const final of ['closed', 'rejected', 'duplicate'] as const) {
      expect(REPORT_STATUSES.filter((to) => canMoveReport(final, to))).toEqual([]);
    }
  });

  it('ask for a reason where a reporter is told no, and name every status in Chinese', () => {
    expect([...REASON_REQUIRED].sort()).toEqual(['duplicate', 'rejected']);
    for (const status of REPORT_STATUSES) expect(REPORT_STATUS_NAMES[status]).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
