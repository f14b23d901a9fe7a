import { useTestDatabase } from '../../helpers/db';
import { recordAudit } from '../../../domain/core/recordAudit';
import { AuditLog } from '../../../models/auditLog';

useTestDatabase();

const actor = { kind: 'system', name: 'audit-test' } as const;

describe('recordAudit', () => {
  it('stores every one of many concurrent entries once, each caller returning after its own is stored', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `r${i}`);
    await Promise.all(ids.map((id) => recordAudit({ actor, action: 'report.create', target: { type: 'report', id } })));
    const stored = await AuditLog.find({ 'actor.name': 'audit-test', action: 'report.create' }).lean();
    expect(stored.map((entry) => entry.target.id).sort()).toEqual([...ids].sort());
  });

  it('fails only the caller whose entry is invalid, not the others written beside it', async () => {
    const results = await Promise.allSettled([
      recordAudit({ actor, action: 'report.review', target: { type: 'report', id: 'ok-1' } }),
      recordAudit({ actor, action: '', target: { type: 'report', id: 'bad' } }),
      recordAudit({ actor, action: 'report.review', target: { type: 'report', id: 'ok-2' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await AuditLog.find({ 'actor.name': 'audit-test', action: 'report.review' }).lean();
    expect(stored.map((entry) => entry.target.id).sort()).toEqual(['ok-1', 'ok-2']);
    expect(await AuditLog.countDocuments({ 'target.id': 'bad' })).toBe(0);
  });

  it('stores a once-only entry once, whether recorded again later or many times at once, and every caller succeeds', async () => {
    const target = { type: 'report', id: 'once-1' };
    await recordAudit({ actor, action: 'report.create', target, once: true });
    const again = await Promise.allSettled(
      Array.from({ length: 12 }, () => recordAudit({ actor, action: 'report.create', target, once: true })),
    );
    expect(again.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(await AuditLog.countDocuments({ targetId: 'once-1', action: 'report.create' })).toBe(1);
    const mixed = await Promise.allSettled([
      recordAudit({ actor, action: 'report.create', target, once: true }),
      recordAudit({ actor, action: 'report.review', target }),
      recordAudit({ actor, action: 'report.review', target }),
    ]);
    expect(mixed.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(await AuditLog.countDocuments({ targetId: 'once-1', action: 'report.review' })).toBe(2);
    expect(await AuditLog.countDocuments({ targetId: 'once-1', action: 'report.create' })).toBe(1);
  });
});
